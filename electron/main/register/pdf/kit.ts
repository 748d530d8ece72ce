import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import type { DocumentFrame } from '../../../../shared/forms/frame';
import { loadFonts } from './fonts';

/**
 * The layout kit every form and letter is drawn with: A4, the partnership's name and the protective
 * marking on every page, "Page n of m", one embedded font, text that wraps, tables whose header
 * row repeats on each page they run onto, and a tagged structure (headings, paragraphs, tables,
 * with page furniture marked as artifacts) so screen readers and `pdftotext` read it in order.
 *
 * The same frame and content give the same bytes: the creation date comes from the frame, never
 * the clock, and nothing random is written (unless a password is set: encryption salts are random).
 */

const MM = 72 / 25.4;
const MARGIN = { top: 25 * MM, bottom: 22 * MM, left: 18 * MM, right: 18 * MM };
const SIZE = { body: 10, small: 8.5, table: 9, h1: 15, h2: 12 };
const GREY = '#505a5f';
const RULE = '#b1b4b6';
const HEADER_FILL = '#f3f2f1';

export interface TableColumn {
  header: string;
  /** Share of the table's width; the shares are normalised. */
  width: number;
}

export interface RenderOptions {
  /** Encrypts the PDF (AES-256) so it opens only with this password. Never stored. */
  password?: string | null;
}

type Doc = InstanceType<typeof PDFKitDocument>;

/**
 * pdfkit, loaded when the first document is made: most commands make none, and loading it is a
 * good part of a cpreg command's start-up.
 */
let pdfkit: typeof PDFKitDocument | undefined;
function PDFDocument(): typeof PDFKitDocument {
  pdfkit ??= createRequire(__filename)('pdfkit') as typeof PDFKitDocument;
  return pdfkit;
}
type Struct = ReturnType<Doc['struct']>;

/** A contents list drawn once every entry's page is known (see `contents`). */
interface PendingContents {
  page: number;
  y: number;
  entries: readonly { id: string; label: string }[];
  struct: Struct;
}

export class FormWriter {
  readonly doc: Doc;
  private readonly root: Struct;
  private readonly frame: DocumentFrame;
  private readonly anchors = new Map<string, number>();
  private pendingContents: PendingContents | null = null;

  constructor(frame: DocumentFrame, options: RenderOptions = {}) {
    this.frame = frame;
    const created = new Date(`${frame.generatedOn}T09:00:00.000Z`);
    const password = options.password ?? null;
    this.doc = new (PDFDocument())({
      size: 'A4',
      margins: MARGIN,
      // No default Helvetica: its metrics file would be parsed for every document, unused.
      font: '',
      bufferPages: true,
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      pdfVersion: password ? '1.7ext3' : '1.7',
      ...(password
        ? {
            userPassword: password,
            ownerPassword: password,
            permissions: { printing: 'highResolution', copying: true, contentAccessibility: true },
          }
        : {}),
      info: {
        Title: frame.title,
        Author: frame.partnership,
        Subject: frame.marking,
        Creator: 'CP Conference Register',
        Producer: 'CP Conference Register',
        CreationDate: created,
        ModDate: created,
      },
    });
    const fonts = loadFonts();
    // pdfkit 0.20 accepts an already-parsed fontkit font (its typings predate that).
    this.doc.registerFont('Body', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.registerFont('Bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
    this.doc.font('Body').fontSize(SIZE.body).fillColor('black');
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  private get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** The width text and tables are laid out in, in points. */
  get contentWidth(): number {
    return this.width;
  }

  /** The pages so far (all of them, once everything is drawn). */
  get pageCount(): number {
    return this.doc.bufferedPageRange().count;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  private ensureRoom(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Adds a tagged block of text (H1, H2, P) at the left margin, wrapping and running onto new pages. */
  private block(
    tag: 'H1' | 'H2' | 'H3' | 'P',
    text: string,
    font: 'Body' | 'Bold',
    size: number,
    gapAfter: number,
  ): void {
    const doc = this.doc;
    doc.font(font).fontSize(size);
    // Keep a heading with at least two lines of what follows it.
    const lineHeight = doc.currentLineHeight(true);
    this.ensureRoom(tag === 'P' ? lineHeight : lineHeight + 2 * SIZE.body * 1.3);
    const x = MARGIN.left;
    this.root.add(doc.struct(tag, {}, () => doc.text(clean(text), x, doc.y, { width: this.width, lineGap: 1.5 })));
    doc.y += gapAfter;
    doc.font('Body').fontSize(SIZE.body);
  }

  title(text: string): this {
    this.block('H1', text, 'Bold', SIZE.h1, 6);
    return this;
  }

  heading(text: string): this {
    this.doc.y += 6;
    this.block('H2', text, 'Bold', SIZE.h2, 4);
    return this;
  }

  /** A heading under `heading` (a table's or an entry's title). */
  subheading(text: string): this {
    this.doc.y += 4;
    this.block('H3', text, 'Bold', SIZE.body, 3);
    return this;
  }

  /** Starts a new page, unless nothing has been drawn on this one yet. */
  newPage(): this {
    if (this.doc.y > MARGIN.top + 1) this.doc.addPage();
    return this;
  }

  /**
   * Marks the start of a part of the document: its page for the contents list (`contents`), and a
   * bookmark for the PDF reader's navigation pane.
   */
  anchor(id: string, label: string): this {
    const range = this.doc.bufferedPageRange();
    this.anchors.set(id, range.start + range.count - 1);
    this.doc.outline.addItem(clean(label));
    return this;
  }

  /**
   * A contents list: room for one line per entry is kept here, and each line is written with its
   * page once everything is drawn (the pages are only known then). Tagged TOC with a TOCI per entry.
   */
  contents(heading: string, entries: readonly { id: string; label: string }[]): this {
    this.heading(heading);
    const doc = this.doc;
    doc.font('Body').fontSize(SIZE.body);
    const line = doc.currentLineHeight(true) + 4;
    this.ensureRoom(entries.length * line);
    const struct = doc.struct('TOC');
    this.root.add(struct);
    const range = doc.bufferedPageRange();
    this.pendingContents = { page: range.start + range.count - 1, y: doc.y, entries, struct };
    doc.y += entries.length * line + 6;
    return this;
  }

  private writeContents(): void {
    const pending = this.pendingContents;
    if (!pending) return;
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    doc.switchToPage(pending.page);
    doc.font('Body').fontSize(SIZE.body).fillColor('black');
    const line = doc.currentLineHeight(true) + 4;
    const x = MARGIN.left;
    let y = pending.y;
    for (const entry of pending.entries) {
      const page = this.anchors.get(entry.id);
      const number = page === undefined ? '' : String(page - range.start + 1);
      const top = y;
      pending.struct.add(
        doc.struct('TOCI', {}, () => {
          doc.text(clean(entry.label), x, top, { width: this.width - 60, lineBreak: false });
          doc.text(number, x, top, { width: this.width, align: 'right', lineBreak: false });
        }),
      );
      y += line;
    }
    pending.struct.end();
    this.pendingContents = null;
  }

  /**
   * A picture drawn with vector primitives by `draw` in the box given (`height` points tall, kept
   * on one page), tagged as a Figure whose alternative text says what it shows.
   */
  figure(alt: string, height: number, draw: (box: { x: number; y: number; width: number }) => void): this {
    const doc = this.doc;
    this.ensureRoom(height);
    const x = MARGIN.left;
    const y = doc.y;
    const width = this.width;
    // pdfkit's typings predate the layout attributes (BBox, Placement) it writes for a Figure.
    const options = { alt: clean(alt), bbox: [x, y, x + width, y + height], placement: 'Block' };
    this.root.add(
      doc.struct('Figure', options as { alt: string }, () => {
        draw({ x, y, width });
      }),
    );
    doc.font('Body').fontSize(SIZE.body).fillColor('black');
    doc.x = x;
    doc.y = y + height;
    return this;
  }

  paragraph(text: string, options: { bold?: boolean; small?: boolean } = {}): this {
    for (const para of clean(text).split(/\n{2,}/)) {
      this.block('P', para, options.bold ? 'Bold' : 'Body', options.small ? SIZE.small : SIZE.body, 5);
    }
    return this;
  }

  /** A web address as a clickable link on its own line (a Link structure element). */
  link(url: string): this {
    const doc = this.doc;
    doc.font('Body').fontSize(SIZE.body);
    this.ensureRoom(doc.currentLineHeight(true));
    const x = MARGIN.left;
    this.root.add(
      doc.struct('Link', {}, () =>
        doc.fillColor('#1d70b8').text(url, x, doc.y, { width: this.width, link: url, underline: true }),
      ),
    );
    doc.fillColor('black');
    doc.y += 5;
    return this;
  }

  /** A labelled long-text field: the label in bold, then the text (or "Not recorded"). */
  longField(label: string, value: string | null): this {
    this.block('P', label, 'Bold', SIZE.body, 1);
    return this.paragraph(value && value.trim() ? value : 'Not recorded');
  }

  /** Starts a new page unless `points` of room remain: keeps a short section's heading with its first fields. */
  keepTogether(points: number): this {
    this.ensureRoom(points);
    return this;
  }

  space(points = 8): this {
    this.doc.y += points;
    return this;
  }

  /**
   * Ticked and unticked options, as on the paper form. The boxes are characters (☒ and ☐), so the
   * ticks survive text extraction.
   */
  checklist(items: readonly { label: string; checked: boolean }[]): this {
    for (const item of items) this.block('P', `${item.checked ? '☒' : '☐'}  ${item.label}`, 'Body', SIZE.body, 2);
    this.doc.y += 4;
    return this;
  }

  /** Label and value pairs as a two-column table with the labels as row headers. */
  fields(pairs: readonly (readonly [string, string | null])[], labelShare = 0.34): this {
    return this.grid(
      [
        { header: '', width: labelShare },
        { header: '', width: 1 - labelShare },
      ],
      pairs.map(([label, value]) => [label, value && value.trim() ? value : 'Not recorded']),
      { headerRow: false, rowHeaders: true },
    );
  }

  /**
   * A table with a header row that repeats at the top of every page it runs onto; with
   * `rowHeaders`, each row's first cell is a header too (bold, shaded, tagged TH).
   */
  table(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    empty = 'None',
    options: { rowHeaders?: boolean } = {},
  ): this {
    const rowHeaders = options.rowHeaders ?? false;
    if (rows.length === 0) {
      return this.grid(columns, [[empty, ...columns.slice(1).map(() => '')]], { headerRow: true, rowHeaders });
    }
    return this.grid(columns, rows, { headerRow: true, rowHeaders });
  }

  private grid(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    options: { headerRow: boolean; rowHeaders: boolean },
  ): this {
    const doc = this.doc;
    const pad = 4;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const table = doc.struct('Table');
    this.root.add(table);
    doc.fontSize(SIZE.table);

    const heightOf = (cells: readonly string[], bold: (i: number) => boolean) =>
      Math.max(
        ...cells.map((text, i) => {
          doc.font(bold(i) ? 'Bold' : 'Body');
          return doc.heightOfString(clean(text) || ' ', { width: (widths[i] ?? 0) - 2 * pad, lineGap: 1 });
        }),
      ) +
      2 * pad;

    const drawRow = (cells: readonly string[], kind: 'header' | 'body', height: number) => {
      const top = doc.y;
      doc.markContent('Artifact');
      if (kind === 'header') doc.rect(MARGIN.left, top, this.width, height).fill(HEADER_FILL);
      else if (options.rowHeaders) doc.rect(MARGIN.left, top, widths[0] ?? 0, height).fill(HEADER_FILL);
      doc.lineWidth(0.5).strokeColor(RULE);
      doc.rect(MARGIN.left, top, this.width, height).stroke();
      for (const x of xs.slice(1))
        doc
          .moveTo(x, top)
          .lineTo(x, top + height)
          .stroke();
      doc.endMarkedContent();
      doc.fillColor('black');
      const tr = doc.struct('TR');
      table.add(tr);
      cells.forEach((text, i) => {
        const isHeader = kind === 'header' || (options.rowHeaders && i === 0);
        const tag = isHeader ? 'TH' : 'TD';
        doc.font(isHeader ? 'Bold' : 'Body').fontSize(SIZE.table);
        const x = (xs[i] ?? 0) + pad;
        tr.add(
          doc.struct(tag, {}, () =>
            doc.text(clean(text), x, top + pad, { width: (widths[i] ?? 0) - 2 * pad, lineGap: 1, lineBreak: true }),
          ),
        );
      });
      tr.end();
      doc.x = MARGIN.left;
      doc.y = top + height;
    };

    const header = columns.map((c) => c.header);
    const headerHeight = options.headerRow ? heightOf(header, () => true) : 0;
    const startPage = () => {
      if (options.headerRow) drawRow(header, 'header', headerHeight);
    };
    const bold = (i: number) => options.rowHeaders && i === 0;
    const pageRoom = this.bottom - MARGIN.top - headerHeight;

    let first = true;
    for (const original of rows) {
      let cells: readonly string[] = original;
      for (;;) {
        const height = heightOf(cells, bold);
        const needed = first ? height + headerHeight : height;
        if (doc.y + needed <= this.bottom) {
          if (first) startPage();
          first = false;
          drawRow(cells, 'body', height);
          break;
        }
        if (height <= pageRoom) {
          // The row fits on a fresh page: start one and repeat the header there.
          doc.addPage();
          startPage();
          first = false;
          drawRow(cells, 'body', height);
          break;
        }
        // A row taller than a page: draw what fits here, carry the rest onto the next page.
        if (first) startPage();
        first = false;
        const room = this.bottom - doc.y - 2 * pad;
        const split = cells.map((text, i) => {
          doc.font(bold(i) ? 'Bold' : 'Body').fontSize(SIZE.table);
          return splitToFit(doc, clean(text), (widths[i] ?? 0) - 2 * pad, room);
        });
        drawRow(
          split.map(([head]) => head),
          'body',
          this.bottom - doc.y,
        );
        cells = split.map(([, rest]) => rest);
        doc.addPage();
        startPage();
      }
    }
    table.end();
    doc.font('Body').fontSize(SIZE.body);
    doc.y += 8;
    return this;
  }

  /** Signature, date and designation lines, kept together on one page. */
  signatureBlock(lines: readonly (readonly [string, string | null])[]): this {
    this.ensureRoom(lines.length * 26 + 10);
    this.doc.y += 6;
    for (const [label, value] of lines) {
      this.block('P', `${label}: ${value && value.trim() ? value : '…………………………………………………………'}`, 'Body', SIZE.body, 12);
    }
    return this;
  }

  /** Draws the running header and footer on every page, then finishes the file. */
  finish(): Buffer {
    const doc = this.doc;
    this.writeContents();
    this.root.end();
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('Bold').fontSize(SIZE.small).fillColor('black');
      doc.text(this.frame.marking, MARGIN.left, 10 * MM, { width: this.width, align: 'center', lineBreak: false });
      doc.font('Body').fillColor(GREY);
      doc.text(this.frame.partnership, MARGIN.left, 15 * MM, { width: this.width, lineBreak: false });
      doc.lineWidth(0.5).strokeColor(RULE);
      doc
        .moveTo(MARGIN.left, 19 * MM)
        .lineTo(doc.page.width - MARGIN.right, 19 * MM)
        .stroke();
      const footY = doc.page.height - 15 * MM;
      doc.text(this.frame.title, MARGIN.left, footY, {
        width: this.width * 0.8,
        height: doc.currentLineHeight(),
        ellipsis: true,
      });
      doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN.left, footY, {
        width: this.width,
        align: 'right',
        lineBreak: false,
      });
      doc.font('Bold').fillColor('black');
      doc.text(this.frame.marking, MARGIN.left, doc.page.height - 10 * MM, {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
      doc.endMarkedContent();
      doc.page.margins.bottom = saved;
    }
    doc.end();
    // pdfkit pushes its output into the stream's buffer as it writes, so after `end()` the whole
    // file can be read synchronously (the stream is never switched to flowing mode). Rendering
    // therefore stays synchronous, like the register's transactions; the check below makes sure
    // the file is complete before it is handed over.
    const chunks: Buffer[] = [];
    for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
      chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    if (!bytes.subarray(-16).toString('latin1').includes('%%EOF')) {
      throw new Error('The PDF was not completely written');
    }
    return bytes;
  }
}

/** Normalises line endings and strips control characters the font cannot draw. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Splits text at a word boundary so the first part fits in `height` at `width`. */
function splitToFit(doc: Doc, text: string, width: number, height: number): [string, string] {
  if (doc.heightOfString(text || ' ', { width, lineGap: 1 }) <= height) return [text, ''];
  const words = text.split(/(\s+)/);
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(words.slice(0, mid).join('') || ' ', { width, lineGap: 1 }) <= height) lo = mid;
    else hi = mid - 1;
  }
  const cut = Math.max(lo, 1);
  return [words.slice(0, cut).join('').trimEnd(), words.slice(cut).join('').trimStart()];
}
