import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { csvFile, csvLines, type CsvValue } from '../../../../shared/csv';
import { ESCALATION_REPORT_KEYS, REPORT_TABLES, type ReportName } from '../../../../shared/reports';
import { checkPeriod, UsageError, type Cli } from '../cli';

/** What `--by` may be for each report, the first being the default. */
const BY: { readonly [R in ReportName]: readonly string[] } = {
  conferences: ['type', 'outcome', 'category', 'adjournment'],
  attendance: ['agency'],
  returns: ['agency', 'reason', 'repeat'],
  escalations: ESCALATION_REPORT_KEYS,
};

/**
 * The JSON fields of a row, in order. Attendance names its key `agency`; escalations print
 * exactly the four counts the partnership reports (the screen shows more).
 */
function fields(report: ReportName, table: string): { key: string; measures: readonly string[] } {
  const spec = REPORT_TABLES[report].find((t) => t.id === table);
  const measures = spec?.measures.map((x) => x.id) ?? [];
  if (report === 'attendance') return { key: 'agency', measures };
  if (report === 'escalations') return { key: 'key', measures: ['opened', 'resolved', 'open', 'overdue'] };
  return { key: 'key', measures };
}

/** `cpreg reports <conferences|attendance|returns|escalations> --from D --to D [--by KEY] --json|--csv`. */
export function reportsCommand(program: Command, cli: Cli): void {
  const { io } = cli;
  const reports = program
    .command('reports')
    .description('the numbers for managers and the partnership, for a period (dates inclusive)');
  for (const report of ['conferences', 'attendance', 'returns', 'escalations'] as const) {
    const by = BY[report];
    reports
      .command(report)
      .description(
        report === 'attendance'
          ? 'attendance and report timeliness per agency, for conferences held in the period'
          : report === 'escalations'
            ? 'escalations opened and resolved in the period, open and overdue at its end'
            : report === 'returns'
              ? 'Appendix 3 incidents by agency or reason, and repeat non-attendance'
              : 'conferences held, decisions, plans by category, adjournments',
      )
      .requiredOption('--from <date>', 'first day of the period, YYYY-MM-DD')
      .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD')
      .addOption(new Option('--by <key>', 'how the rows are grouped').choices([...by]).default(by[0]))
      .option('--json', 'print the rows as JSON')
      .option('--csv', 'print the rows as CSV')
      .option('--out <file>', 'write the CSV to a file (UTF-8 with a byte-order mark, for Excel)')
      .action(async (opts: { from: string; to: string; by: string; json?: boolean; csv?: boolean; out?: string }) => {
        checkPeriod(opts.from, opts.to);
        if (opts.json && opts.csv) throw new UsageError('Choose one of --json and --csv');
        if (opts.out && !opts.csv) throw new UsageError('--out writes the CSV: add --csv');
        await cli.withGate(async (gate) => {
          const r = await cli.call(gate, 'reports.get', { report, from: opts.from, to: opts.to });
          const rows = r.current.tables[opts.by] ?? [];
          const f = fields(report, opts.by);
          if (opts.json) {
            const out = rows.map((row) => ({
              [f.key]: row.key,
              ...Object.fromEntries(f.measures.map((x) => [x, row.counts[x] ?? 0])),
            }));
            return io.out(`${JSON.stringify(out, null, 2)}\n`);
          }
          const header = [f.key, ...f.measures];
          const cells: CsvValue[][] = rows.map((row) => [row.key, ...f.measures.map((x) => row.counts[x] ?? 0)]);
          if (opts.csv) {
            if (!opts.out) return io.out(csvLines(header, cells));
            writeFileSync(opts.out, csvFile(header, cells), { mode: 0o600 });
            return io.err(`Wrote ${rows.length} row${rows.length === 1 ? '' : 's'} to ${opts.out}.\n`);
          }
          const spec = REPORT_TABLES[report].find((t) => t.id === opts.by);
          io.out(`${spec?.title ?? report}, ${opts.from} to ${opts.to}\n`);
          if (rows.length === 0) return io.out('Nothing to count in this period.\n');
          cli.table(
            [spec?.keyLabel ?? 'Key', ...(spec?.measures.map((x) => x.label) ?? [])],
            rows.map((row) => [row.label, ...(spec?.measures.map((x) => String(row.counts[x.id] ?? 0)) ?? [])]),
          );
        });
      });
  }
  reports
    .command('annual')
    .description('the partnership’s annual return for a year: one tagged PDF with the charts, tables and learning')
    .requiredOption('--year <year>', 'the year, such as 2026 (1 January to 31 December)')
    .requiredOption('--out <file>', 'the PDF file to write (ending .pdf)')
    .action(async (opts: { year: string; out: string }) => {
      const year = annualYear(opts.year);
      const file = annualOut(opts.out);
      await cli.withGate(async (gate) => {
        const made = await cli.call(gate, 'reports.annual', { year, file });
        io.out(
          `Wrote ${made.file} (${made.pages} page${made.pages === 1 ? '' : 's'}, ${made.bytes.toLocaleString('en-GB')} bytes).\n`,
        );
      });
    });
}

/** `--year`: a whole year from 2000 to 2099, checked before signing in. */
function annualYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim()) || Number(value) < 2000 || Number(value) > 2099) {
    throw new UsageError(`--year must be a year from 2000 to 2099, such as 2026 (got "${value}")`);
  }
  return Number(value);
}

/** `--out`: a file ending .pdf in a folder that exists, checked before signing in. */
function annualOut(value: string): string {
  const file = resolve(value.trim());
  if (!file.toLowerCase().endsWith('.pdf')) throw new UsageError(`--out must name a file ending .pdf (got "${value}")`);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new UsageError(`--out names a folder: add a file name ending .pdf (got "${value}")`);
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`--out: the folder ${folder} does not exist; create it or choose another (got "${value}")`);
  return file;
}
