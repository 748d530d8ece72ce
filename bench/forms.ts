import { filterAsync } from '../shared/async';
/**
 * Issue 5's figures: milliseconds per Appendix 5 record, a batch of 500 Appendix 3 returns (time
 * and memory, against a batch of 100 in the same run), and an export of one agency's year.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentKind } from '../shared/schemas/documents';
import { openRegister, type Register } from '../electron/main/register/register';
import { agencyInputSchema } from '../shared/schemas/agency';

const REASONS = ['did-not-attend', 'no-report', 'late-report', 'other'] as const;

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

function quantiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

/** Milliseconds to make each document of a kind (render only, no file), over the first `limit` candidates. */
async function perDocument(register: Register, kind: DocumentKind, from: string, to: string, limit: number) {
  const source = register.documents.sourceFor(kind);
  const options = { generatedOn: '2026-11-22', initialsOnly: false, password: null };
  const candidates = (
    await filterAsync(await source.candidates(from, to), async (c) => (await source.problems(c, options)).length === 0)
  ).slice(0, limit);
  if (candidates.length === 0) return null;
  for (const c of candidates.slice(0, 3)) await source.render(c, options); // warm up
  const samples: number[] = [];
  let pages = 0;
  for (const c of candidates) {
    const t0 = performance.now();
    const bytes = await source.render(c, options);
    samples.push(performance.now() - t0);
    pages += (bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  }
  return { ...quantiles(samples), pagesPerDocument: pages / candidates.length };
}

/** A register with `agencies` agencies, each with six Appendix 3 rows in October 2026. */
async function returnsRegister(path: string, agencies: number): Promise<Register> {
  const r = await openRegister(path, { defaultUserName: 'Bench', now: () => new Date('2026-11-02T09:00:00Z') });
  await r.settings.update({ unitEmail: 'cpru@bench.example.org', trainingLink: 'https://bench.example.org/training' });
  await r.db.transaction(async () => {
    for (let a = 0; a < agencies; a++) {
      const agency = await r.agencies.create(
        agencyInputSchema.parse({
          name: `Bench Agency ${String(a + 1).padStart(4, '0')}`,
          type: 'health',
        }),
      );
      for (let i = 0; i < 6; i++) {
        await r.agencyEscalations.raiseByHand({
          agencyId: agency.id,
          meetingDate: `2026-10-${String(1 + ((a + i * 5) % 30)).padStart(2, '0')}`,
          familyIdentifier: `Synthetic Family ${a}-${i}`,
          chairName: 'Bench Chair',
          representativeName: i % 2 ? 'Bench Rep' : null,
          reason: REASONS[i % 4] ?? 'other',
          reasonDetail: i % 4 === 3 ? 'Left before the decision was reached.' : null,
        });
      }
    }
  });
  return r;
}

async function batch(root: string, agencies: number) {
  const r = await returnsRegister(join(root, `returns-${agencies}.sqlite`), agencies);
  const folder = join(root, `letters-${agencies}`);
  mkdirSync(folder);
  const heap: number[] = [];
  const startHeap = heapMb();
  const t0 = performance.now();
  const step = Math.max(1, Math.floor(agencies / 5));
  const status = await r.documents.run('appendix3', '2026-10-01', '2026-10-31', folder, undefined, (s) => {
    if (s.done > 0 && s.done % step === 0) heap.push(heapMb() - startHeap);
  });
  const seconds = (performance.now() - t0) / 1000;
  await r.close();
  rmSync(folder, { recursive: true, force: true });
  return { seconds, written: status.written.length, heap, peak: Math.max(0, ...heap) };
}

export async function formsBench(root: string, large: Register): Promise<string[]> {
  const lines: string[] = [];
  const fmt = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
  const kinds: [DocumentKind, string, string][] = [
    ['appendix5', 'Appendix 5 record', 'aim: under 50 ms'],
    ['croydon-notification', 'Croydon notification form', ''],
    ['appendix3', 'Appendix 3 return (a month)', ''],
    ['decision-letter', 'decision letter', ''],
    ['reconvene-notice', 'reconvene notice', ''],
    ['dissent-record', 'dissent record', ''],
  ];
  await large.settings.update({ unitEmail: 'cpru@demo.example.org' });
  for (const [kind, label, aim] of kinds) {
    let figures: Awaited<ReturnType<typeof perDocument>> = null;
    try {
      const [from, to] = kind === 'appendix3' ? ['2026-10-01', '2026-10-31'] : ['2016-01-01', '2026-11-22'];
      figures = await perDocument(large, kind, from, to, kind === 'appendix3' ? 12 : 60);
    } catch (error) {
      lines.push(`  ${label.padEnd(30)} not measured: ${error instanceof Error ? error.message : 'failed'}`);
      continue;
    }
    if (!figures) {
      lines.push(`  ${label.padEnd(30)} not measured: no such records in the demo register`);
      continue;
    }
    lines.push(
      `  ${label.padEnd(30)} p50 ${fmt(figures.p50)}   p95 ${fmt(figures.p95)}   (n=${figures.n}, ${figures.pagesPerDocument.toFixed(1)} pages each${aim ? `; ${aim}` : ''})`,
    );
  }

  const small = await batch(root, 100);
  const big = await batch(root, 500);
  lines.push(
    `  batch of 100 Appendix 3 returns  ${small.seconds.toFixed(2)} s   (${small.written} written; heap growth peak ${small.peak.toFixed(1)} MB)`,
  );
  lines.push(
    `  batch of 500 Appendix 3 returns  ${big.seconds.toFixed(2)} s   (${big.written} written; aim: under 15 s)`,
  );
  lines.push(
    `    heap growth at each fifth      ${big.heap.map((h) => `${h.toFixed(1)} MB`).join(', ')}${gc ? '' : ' (no --expose-gc: figures include garbage)'}`,
  );
  lines.push(
    `    ratio 500 / 100: time ${(big.seconds / small.seconds).toFixed(2)}x (5x is linear); peak heap growth ${big.peak.toFixed(1)} MB vs ${small.peak.toFixed(1)} MB`,
  );

  // One agency's year, exported from the large demo register (the busiest agency).
  const busiest = (await large.agencyEscalations.summary('2025-11-23', '2026-11-22'))[0];
  if (busiest) {
    const folder = join(root, 'export');
    const samples: number[] = [];
    let files = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const result = await large.exports.run({
        agencyId: busiest.agencyId,
        from: '2025-11-23',
        to: '2026-11-22',
        folder: join(folder, String(i)),
        format: 'zip',
        initialsOnly: true,
        password: 'bench password 2026',
        purpose: 'Benchmark',
        emailDraft: true,
      });
      samples.push(performance.now() - t0);
      files = result.files.length;
    }
    const rows = (await large.agencyEscalations.returnFor(busiest.agencyId, '2025-11-23', '2026-11-22')).rows.length;
    const q = quantiles(samples);
    lines.push(
      `  one agency’s year as an export   median ${fmt(q.p50)}   (n=${q.n}; ${rows} Appendix 3 rows, ${files} files, AES zip + .eml)`,
    );
  }
  return lines;
}
