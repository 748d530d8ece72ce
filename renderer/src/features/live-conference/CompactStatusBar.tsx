import { useEffect, useState } from 'react';
import type { LiveConference } from '../../../../shared/schemas/live-conference';
import { childName, previewText, recordedText } from './wording';

/**
 * Quoracy and each child's outcome so far in one short bar, kept at the bottom of the window
 * (sticky) while the full status panel is out of view: on a narrow or zoomed window (200% of
 * 1280 pixels is 640) the panel sits above the form and leaves the screen as the chair enters
 * the views. Hidden, and so not read twice, while the panel itself is in view. Not a live
 * region: the status panel announces changes.
 */
export function CompactStatusBar({ live }: { live: LiveConference }) {
  const [panelInView, setPanelInView] = useState(true);
  useEffect(() => {
    const panel = document.querySelector('.app-status-panel');
    if (!panel) return;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setPanelInView(entry.isIntersecting);
    });
    observer.observe(panel);
    return () => observer.disconnect();
  }, []);

  const { quoracy } = live;
  return (
    <section
      className="app-compact-status"
      aria-label="Quoracy and outcome in brief"
      data-testid="compact-status"
      hidden={panelInView}
    >
      <p className="app-compact-status__line">
        {quoracy.quorate ? (
          <strong className="govuk-tag govuk-tag--green">Quorate</strong>
        ) : (
          <strong className="govuk-tag govuk-tag--red">Not quorate</strong>
        )}
      </p>
      <ul className="app-compact-status__children">
        {live.children.map((child) => (
          <li key={child.id} data-testid={`compact-outcome-${child.id}`}>
            <strong>{childName(child)}:</strong>{' '}
            {child.recorded ? `Recorded: ${recordedText(child.recorded)}` : previewText(child, live)}
          </li>
        ))}
      </ul>
    </section>
  );
}
