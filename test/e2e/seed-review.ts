import type { AppUnderTest } from './fixtures';
import { agencyInputSchema, type AgencyType } from '../../shared/schemas/agency';
import { conferenceInputSchema } from '../../shared/schemas/conference';

/** Six agencies of different kinds, as at a typical review. */
export const AGENCIES: [string, AgencyType][] = [
  ['Children’s Social Care', 'childrens-social-care'],
  ['Health Visiting', 'health'],
  ['Humberside Police', 'police'],
  ['Primary School', 'education'],
  ['Housing Options', 'housing'],
  ['Probation Service', 'probation'],
];

/**
 * A family whose initial conference (1 September 2025, six agencies) put both children on a
 * plan for neglect, and their review on 1 December 2025 with nobody invited yet. Set up through
 * the services; the review is run through the screen.
 */
export async function seedReview(app: AppUnderTest) {
  const r = app.register;
  const agencies = [];
  for (const [name, type] of AGENCIES) agencies.push(await r.agencies.create(agencyInputSchema.parse({ name, type })));
  const initial = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'initial',
      date: '2025-09-01',
      time: '10:00',
      venue: 'Civic Centre, room 1',
      chairName: 'Sam Okafor',
      family: { name: 'Delta' },
      newChildren: [
        { givenName: 'Ada', familyName: 'Delta', dateOfBirth: '2017-03-01' },
        { givenName: 'Ben', familyName: 'Delta', dateOfBirth: '2019-07-01' },
      ],
    }),
  );
  for (const a of agencies) {
    await r.live.invite({
      conferenceId: initial.id,
      agencyId: a.id,
      representativeName: null,
      representativeRole: null,
    });
    await r.live.setAttendance(initial.id, a.id, 'attended');
  }
  for (const c of initial.children) {
    await r.live.setAllViews({ conferenceId: initial.id, childId: c.id, view: 'plan' });
    await r.live.recordDecision({ conferenceId: initial.id, childId: c.id, category: 'NEG' });
  }
  const review = await r.conferences.create(
    conferenceInputSchema.parse({
      type: 'review',
      date: '2025-12-01',
      time: '10:00',
      venue: 'Civic Centre, room 2',
      chairName: 'Sam Okafor',
      family: { id: initial.familyId },
      childIds: initial.children.map((c) => c.id),
    }),
  );
  return { reviewId: review.id, children: initial.children, agencies };
}
