import { performance } from 'node:perf_hooks';
import { REPORT_NAMES } from '../shared/reports';

/**
 * Issue 12's figures on the large demo register: each report for 12 months (with the same
 * months a year before, as the screen asks for them), and the records behind its largest count.
 */
type Call = (channel: 'reports.get' | 'reports.records', input: unknown) => Promise<unknown>;

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

interface Tables {
  current: { tables: Record<string, { key: string; counts: Record<string, number> }[]> };
}

/** Makes the annual return for a year into a folder (the register's `annualReturn.make`). */
type MakeAnnual = (year: number) => Promise<{ pages: number; bytes: number }>;

export async function reportsBench(
  call: Call,
  makeAnnual: MakeAnnual,
  period = { from: '2025-11-22', to: '2026-11-21' },
): Promise<string[]> {
  const lines = [
    `\nReports (issue 12; ${period.from} to ${period.to} and the year before; aim: p95 under 100 ms each)`,
  ];
  for (const report of REPORT_NAMES) {
    const input = { report, ...period };
    for (let i = 0; i < 3; i += 1) await call('reports.get', input); // warm up
    const samples: number[] = [];
    let last: Tables | undefined;
    for (let i = 0; i < 25; i += 1) {
      const t0 = performance.now();
      last = (await call('reports.get', input)) as Tables;
      samples.push(performance.now() - t0);
    }
    const q = quantiles(samples);
    // The records behind the table's largest count.
    let biggest = { table: '', key: '', measure: '', n: 0 };
    for (const [table, rows] of Object.entries(last?.current.tables ?? {}))
      for (const row of rows)
        for (const [measure, n] of Object.entries(row.counts))
          if (n > biggest.n) biggest = { table, key: row.key, measure, n };
    const drill: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const t0 = performance.now();
      await call('reports.records', { ...input, table: biggest.table, key: biggest.key, measure: biggest.measure });
      drill.push(performance.now() - t0);
    }
    const d = quantiles(drill);
    lines.push(
      `  ${report.padEnd(12)} report  p50 ${ms(q.p50)}   p95 ${ms(q.p95)}   (n=${q.n})   ` +
        `records behind its largest count (${biggest.n.toLocaleString('en-GB')}): p95 ${ms(d.p95)}`,
    );
  }
  // The partnership's annual return for the last whole year: four reports, charts, tables, PDF.
  await makeAnnual(2025); // warm up (fonts, code)
  const annual: number[] = [];
  let made = { pages: 0, bytes: 0 };
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    made = await makeAnnual(2025);
    annual.push(performance.now() - t0);
  }
  const a = quantiles(annual);
  lines.push(
    `  annual return 2025 (PDF, ${made.pages} pages, ${Math.round(made.bytes / 1024)} KB)  p50 ${ms(a.p50)}   max ${ms(Math.max(...annual))}   (n=${a.n}; aim: under 1 s)`,
  );
  return lines;
}
