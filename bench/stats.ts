/** Quantiles and formatting shared by the PostgreSQL and load sections of the benchmark. */

export function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function percentiles(samples: readonly number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    p50: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    p99: quantile(s, 0.99),
    max: s[s.length - 1] ?? NaN,
    n: s.length,
  };
}

export const ms = (x: number) => (Number.isNaN(x) ? '–' : `${x.toFixed(x < 10 ? 2 : 1)} ms`);

/** A label padded to the column the other sections' figures start at. */
export const label = (text: string) => `  ${text.padEnd(31)}`;
