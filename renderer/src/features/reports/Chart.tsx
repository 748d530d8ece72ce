import { useId } from 'react';
import type { BarChart } from '../../../../shared/charts';

const LEGEND_Y = 12;
const SWATCH = 12;

/**
 * A bar chart laid out by `barChart` (shared/charts.ts, the same layout the annual return's PDF
 * draws), as SVG. Screen readers meet one image named by the chart's title and described by the
 * model's sentence; the lines, labels and bars inside it are not read out one by one. Under it,
 * "Show the chart as a table" opens the same numbers as a table for those who want them.
 */
export function Chart({
  chart,
  measureLabel,
  keyLabel,
  testId,
}: {
  chart: BarChart;
  measureLabel: string;
  keyLabel: string;
  testId?: string;
}) {
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const previousInLegend = chart.legend.some((l) => l.kind === 'previous');
  const bottom = chart.plot.y + chart.plot.height;
  return (
    <div className="app-chart" data-testid={testId}>
      <svg
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        preserveAspectRatio="xMinYMin meet"
        className="app-chart__svg"
      >
        <title id={titleId}>{chart.title}</title>
        <desc id={descId}>{chart.description}</desc>
        <g aria-hidden="true">
          {chart.legend.map((item, i) => (
            <g key={item.kind} transform={`translate(${i === 0 ? 0 : chart.width / 2}, 0)`}>
              <rect
                x={0}
                y={LEGEND_Y - SWATCH + 2}
                width={SWATCH}
                height={item.kind === 'current' ? SWATCH : SWATCH / 2}
                className={`app-chart__bar--${item.kind}`}
              />
              <text x={SWATCH + 6} y={LEGEND_Y} className="app-chart__legend">
                {item.label}
              </text>
            </g>
          ))}
          {chart.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={tick.x} x2={tick.x} y1={chart.plot.y} y2={bottom} className="app-chart__grid" />
              <text x={tick.x} y={bottom + 16} textAnchor="middle" className="app-chart__tick">
                {tick.label}
              </text>
            </g>
          ))}
          <line x1={chart.plot.x} x2={chart.plot.x} y1={chart.plot.y} y2={bottom} className="app-chart__axis" />
          {chart.rows.map((row) => (
            <g key={row.key}>
              <text
                x={chart.plot.x - 8}
                y={row.labelY}
                textAnchor="end"
                dominantBaseline="middle"
                className="app-chart__label"
              >
                {row.label}
              </text>
              <rect {...row.current} className="app-chart__bar--current" />
              {row.before && <rect {...row.before} className="app-chart__bar--previous" />}
              <text x={row.valueX} y={row.labelY} dominantBaseline="middle" className="app-chart__value">
                {row.value.toLocaleString('en-GB')}
                {row.previous !== null && previousInLegend && (
                  <tspan className="app-chart__value--previous"> ({row.previous.toLocaleString('en-GB')})</tspan>
                )}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <details className="govuk-details govuk-!-margin-bottom-2">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Show the chart as a table</span>
        </summary>
        <div className="govuk-details__text">
          <table className="govuk-table app-table--small govuk-!-margin-bottom-0">
            <caption className="govuk-table__caption govuk-table__caption--s">{chart.title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {keyLabel}
                </th>
                {chart.legend.map((l) => (
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={l.kind}>
                    {measureLabel}, {l.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {chart.rows.map((row) => (
                <tr className="govuk-table__row" key={row.key}>
                  <th scope="row" className="govuk-table__header">
                    {row.fullLabel}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{row.value.toLocaleString('en-GB')}</td>
                  {previousInLegend && (
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {row.previous === null ? '–' : row.previous.toLocaleString('en-GB')}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
