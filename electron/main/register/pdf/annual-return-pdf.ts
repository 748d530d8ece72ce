import type { BarChart } from '../../../../shared/charts';
import type { AnnualReturnModel, AnnualTable } from '../../../../shared/forms/annual-return';
import { FormWriter, type RenderOptions } from './kit';

/** GOV.UK blue for this year's bars, dark grey for last year's (each 3:1 or more against white). */
const CURRENT = '#1d70b8';
const PREVIOUS = '#505a5f';
const GRID = '#b1b4b6';
const SIZE = { label: 7.5, value: 7, tick: 7 };
/** Room for a table's heading above its chart, so the two stay on one page. */
const HEADING_ROOM = 30;

/**
 * Draws a bar chart laid out by `barChart` (the Reports screen's layout, at its width, scaled to
 * the page) with PDFKit's vector primitives: grid lines and ticks, each row's label, this year's
 * bar and last year's thinner one with their values, and the legend in the chart's top margin.
 */
function drawChart(
  doc: FormWriter['doc'],
  chart: BarChart,
  box: { x: number; y: number; width: number },
  scale: number,
): void {
  const X = (x: number) => box.x + x * scale;
  const Y = (y: number) => box.y + y * scale;
  const { plot } = chart;
  const bottom = plot.y + plot.height;

  doc.lineWidth(0.5).strokeColor(GRID);
  for (const tick of chart.ticks) {
    doc.moveTo(X(tick.x), Y(plot.y)).lineTo(X(tick.x), Y(bottom)).stroke();
  }
  doc.font('Body').fontSize(SIZE.tick).fillColor('black');
  for (const tick of chart.ticks) {
    // Counts are whole numbers: "3", not d3's default "3.0" for a short axis.
    const label = Number.isInteger(tick.value) ? tick.value.toLocaleString('en-GB') : tick.label;
    doc.text(label, X(tick.x) - 20, Y(bottom) + 3, { width: 40, align: 'center', lineBreak: false });
  }
  doc.lineWidth(0.75).strokeColor('black');
  doc.moveTo(X(plot.x), Y(plot.y)).lineTo(X(plot.x), Y(bottom)).stroke();

  const labelWidth = X(plot.x) - box.x - 6;
  for (const row of chart.rows) {
    doc.font('Body').fontSize(SIZE.label).fillColor('black');
    doc.text(row.label, box.x, Y(row.labelY) - doc.currentLineHeight() / 2, {
      width: labelWidth,
      align: 'right',
      lineBreak: false,
    });
    const bar = (rect: { x: number; y: number; width: number; height: number }, colour: string, value: number) => {
      if (rect.width > 0) doc.rect(X(rect.x), Y(rect.y), rect.width * scale, rect.height * scale).fill(colour);
      doc.font('Body').fontSize(SIZE.value).fillColor('black');
      doc.text(
        value.toLocaleString('en-GB'),
        X(row.valueX),
        Y(rect.y + rect.height / 2) - doc.currentLineHeight() / 2,
        {
          lineBreak: false,
        },
      );
    };
    bar(row.current, CURRENT, row.value);
    if (row.before && row.previous !== null) bar(row.before, PREVIOUS, row.previous);
  }

  // The legend: a swatch and its label for each year, in the margin above the plot.
  let x = X(plot.x);
  const y = box.y + 4;
  doc.font('Body').fontSize(SIZE.label);
  for (const item of chart.legend) {
    doc.rect(x, y + 1, 10, 7).fill(item.kind === 'current' ? CURRENT : PREVIOUS);
    doc.fillColor('black').text(item.label, x + 14, y, { lineBreak: false });
    x += 14 + doc.widthOfString(item.label) + 16;
  }
}

function drawTable(w: FormWriter, table: AnnualTable): void {
  for (const grid of table.grids) {
    if (grid.caption) {
      w.keepTogether(60);
      w.paragraph(grid.caption, { small: true });
    }
    w.table(grid.columns, grid.rows, table.empty, { rowHeaders: true });
  }
}

/**
 * Lays out the annual return on the document kit: a first page with the title, the partnership,
 * the year, the date it was made and the contents; then each report on a new page, each table
 * with its chart (a tagged Figure whose alternative text is the chart's description) and its
 * numbers (a tagged table whose header repeats on every page it runs onto); then the escalations'
 * time to resolution, and the learning and themes.
 */
export function drawAnnualReturn(
  model: AnnualReturnModel,
  options: RenderOptions = {},
): { bytes: Buffer; pages: number } {
  const w = new FormWriter(model.frame, options);
  const scale = (chart: BarChart) => w.contentWidth / chart.width;
  w.anchor('title', model.title);
  w.title(model.title);
  model.titleLines.forEach((line, i) => w.paragraph(line, { bold: i === 0 }));
  w.space(4);
  for (const p of model.introduction) w.paragraph(p);
  w.contents(model.contentsHeading, model.contents);

  for (const section of model.sections) {
    w.newPage();
    w.anchor(section.id, section.heading);
    w.heading(section.heading);
    for (const p of section.paragraphs) w.paragraph(p);
    for (const table of section.tables) {
      const chart = table.chart;
      const chartHeight = chart ? chart.height * scale(chart) : 0;
      w.keepTogether(HEADING_ROOM + chartHeight);
      w.subheading(table.title);
      if (chart) {
        w.figure(chart.description, chartHeight, (box) => drawChart(w.doc, chart, box, scale(chart)));
        if (table.chartCaption) w.paragraph(table.chartCaption, { small: true });
      }
      drawTable(w, table);
    }
    if (section.timeToResolution) {
      w.keepTogether(110);
      w.subheading(section.timeToResolution.title);
      drawTable(w, section.timeToResolution);
    }
    if (section.themes) {
      w.keepTogether(80);
      w.subheading(section.themes.title);
      drawTable(w, section.themes);
    }
    for (const entry of section.learning) {
      w.keepTogether(130);
      w.subheading(entry.heading);
      w.fields(entry.fields, 0.3);
    }
  }
  const pages = w.pageCount;
  return { bytes: w.finish(), pages };
}
