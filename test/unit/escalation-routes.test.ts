import { describe, expect, it } from 'vitest';
import { escalationPath, parseRoute } from '../../renderer/src/app/routes';

/** The escalation page's addresses: the page itself, and each action's form at `?action=`. */
describe('escalation routes', () => {
  it.each([
    ['/escalations/12', null],
    ['/escalations/12?action=respond', 'respond'],
    ['/escalations/12?action=escalate', 'escalate'],
    ['/escalations/12?action=close', 'close'],
    ['/escalations/12?action=add-action', 'add-action'],
    // An unknown or empty action shows the page itself.
    ['/escalations/12?action=delete', null],
    ['/escalations/12?action=', null],
    ['/escalations/12?action=RESPOND', null],
  ] as const)('%s opens the page with action %s', (path, action) => {
    expect(parseRoute(path)).toEqual({ name: 'escalation', id: 12, action });
  });

  it('keeps the other escalation screens and refuses a bad number', () => {
    expect(parseRoute('/escalations/new?action=respond')).toEqual({
      name: 'escalation-new',
      conferenceId: null,
      childId: null,
      agencyId: null,
    });
    expect(parseRoute('/escalations/0?action=respond')).toEqual({ name: 'not-found' });
    expect(parseRoute('/escalations/12/respond')).toEqual({ name: 'not-found' });
  });

  it('writes each action’s address as it is read', () => {
    expect(escalationPath(12)).toBe('/escalations/12');
    for (const action of ['respond', 'escalate', 'close', 'add-action'] as const)
      expect(parseRoute(escalationPath(12, action))).toEqual({ name: 'escalation', id: 12, action });
  });
});
