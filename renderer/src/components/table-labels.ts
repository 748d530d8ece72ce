import { useEffect } from 'react';

/**
 * Below 640 pixels every GOV.UK table stacks its rows, and each cell shows its column's header
 * beside it (CSS reads `data-label`: see `.app-table--stack` in app.scss). The shared tables
 * (`DataTable`, `ChangesTable`) set their labels as they render; this fills in the rest, so every
 * table in the app is labelled by construction, whoever wrote it. It changes attributes only:
 * the table stays a real table for screen readers.
 */
export function labelTableCells(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table.govuk-table')) {
    table.classList.add('app-table--stack');
    const headerRow = table.tHead?.rows[table.tHead.rows.length - 1];
    if (!headerRow) continue;
    // A header's text for each column it spans (a colspan header labels each column under it).
    const labels: string[] = [];
    for (const header of headerRow.cells) {
      const text = (header.textContent ?? '').replace(/[▲▼⇅]/g, '').replace(/\s+/g, ' ').trim();
      for (let i = 0; i < header.colSpan; i++) labels.push(text);
    }
    for (const section of [...table.tBodies, ...(table.tFoot ? [table.tFoot] : [])]) {
      for (const row of section.rows) {
        let column = 0;
        for (const cell of row.cells) {
          const label = labels[column];
          column += cell.colSpan;
          // A label the component gave (DataTable's) is kept; an empty header labels nothing.
          if (cell.dataset['label'] !== undefined && cell.dataset['labelFilled'] === undefined) continue;
          if (label === undefined || label === '' || cell.colSpan > 1) {
            if (cell.dataset['labelFilled'] !== undefined) {
              delete cell.dataset['label'];
              delete cell.dataset['labelFilled'];
            }
            continue;
          }
          if (cell.dataset['label'] !== label) {
            cell.dataset['label'] = label;
            cell.dataset['labelFilled'] = '';
          }
        }
      }
    }
  }
}

/** Keeps every table in the window labelled as screens render and change (mounted once, in App). */
export function useTableCellLabels(): void {
  useEffect(() => {
    let frame = 0;
    const run = () => {
      frame = 0;
      labelTableCells(document);
    };
    const observer = new MutationObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(run);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    run();
    return () => {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, []);
}
