import { scaleBand, scaleLinear } from 'd3-scale';

/**
 * Bar charts for the reports, laid out once with d3's scales and drawn twice: as SVG on the
 * Reports screen and with PDFKit in the annual return, so both show the same picture. The
 * layout is pure (no DOM), and the numbers are always in a table beside the chart as well.
 */

export interface BarInput {
  key: string;
  label: string;
  value: number;
  /** The same count a year before, drawn as a thinner bar under the current one. */
  previous: number | null;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarRow {
  key: string;
  /** The label as drawn (shortened to fit); the table beside the chart has it in full. */
  label: string;
  fullLabel: string;
  labelY: number;
  value: number;
  previous: number | null;
  current: Rect;
  before: Rect | null;
  /** Where the value is written, just past the end of its bar. */
  valueX: number;
}

export interface BarChart {
  title: string;
  /** The chart in words, for assistive technology and the PDF's alternative text. */
  description: string;
  width: number;
  height: number;
  plot: Rect;
  rows: BarRow[];
  ticks: { value: number; x: number; label: string }[];
  legend: { label: string; kind: 'current' | 'previous' }[];
}

export const CHART_WIDTH = 640;
const ROW_HEIGHT = 30;
const LABEL_WIDTH = 220;
const MAX_LABEL = 34;
const TOP = 34;
const BOTTOM = 28;
const RIGHT = 40;

function shorten(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

export function barChart(input: {
  title: string;
  measure: string;
  rows: readonly BarInput[];
  currentLabel: string;
  previousLabel: string | null;
  width?: number;
}): BarChart {
  const width = input.width ?? CHART_WIDTH;
  const rows = input.rows;
  const plot = {
    x: LABEL_WIDTH,
    y: TOP,
    width: width - LABEL_WIDTH - RIGHT,
    height: Math.max(1, rows.length) * ROW_HEIGHT,
  };
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.previous ?? 0)));
  const x = scaleLinear()
    .domain([0, max])
    .nice()
    .range([plot.x, plot.x + plot.width]);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([plot.y, plot.y + plot.height])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const band = y.bandwidth();
  const hasPrevious = input.previousLabel !== null && rows.some((r) => r.previous !== null);
  const laid: BarRow[] = rows.map((r) => {
    const top = y(r.key) ?? plot.y;
    const currentHeight = hasPrevious ? band * 0.62 : band;
    const current = { x: plot.x, y: top, width: x(r.value) - plot.x, height: currentHeight };
    const before =
      hasPrevious && r.previous !== null
        ? { x: plot.x, y: top + currentHeight, width: x(r.previous) - plot.x, height: band - currentHeight }
        : null;
    return {
      key: r.key,
      label: shorten(r.label),
      fullLabel: r.label,
      labelY: top + band / 2,
      value: r.value,
      previous: r.previous,
      current,
      before,
      valueX: plot.x + Math.max(current.width, before?.width ?? 0) + 4,
    };
  });
  // Counts: whole-number ticks only ("3", never "3.0" or "2.5").
  const ticks = x
    .ticks(Math.min(6, max))
    .filter((value) => Number.isInteger(value))
    .map((value) => ({ value, x: x(value), label: value.toLocaleString('en-GB') }));
  const parts = rows.map(
    (r) => `${r.label}: ${r.value}${hasPrevious && r.previous !== null ? ` (${r.previous} a year before)` : ''}`,
  );
  return {
    title: input.title,
    description:
      rows.length === 0
        ? `${input.title}: nothing to show for this period.`
        : `${input.title}. ${input.measure}, ${input.currentLabel}. ${parts.join('; ')}.`,
    width,
    height: TOP + plot.height + BOTTOM,
    plot,
    rows: laid,
    ticks,
    legend: [
      { label: input.currentLabel, kind: 'current' },
      ...(hasPrevious && input.previousLabel ? [{ label: input.previousLabel, kind: 'previous' as const }] : []),
    ],
  };
}
