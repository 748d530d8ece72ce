import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { create as createFont, Font, GlyphPosition, GlyphRun } from 'fontkit';

/**
 * The embedded font: DejaVu Sans, shipped in `resources/fonts/` (licence alongside). It covers
 * Latin Extended, Greek and Cyrillic, so names such as Łukasz, Zoë and Ó Súilleabháin print as
 * written. pdfkit embeds only the glyphs a document uses.
 */
export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

let cached: { regular: Font; bold: Font } | undefined;

/** Finds `resources/fonts` from wherever this module runs: sources, the build in `out/`, or a package. */
export function fontsDirectory(): string {
  const override = process.env['CPREG_RESOURCES'];
  const candidates: string[] = [];
  if (override) candidates.push(join(override, 'fonts'));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) candidates.push(join(packaged, 'fonts'));
  for (let dir = __dirname, i = 0; i < 8; i++, dir = dirname(dir)) candidates.push(join(dir, 'resources', 'fonts'));
  const found = candidates.find((dir) => existsSync(join(dir, FONT_FILES.regular)));
  if (!found) throw new Error(`The PDF font ${FONT_FILES.regular} was not found in resources/fonts`);
  return found;
}

/**
 * The parsed fonts, parsed once per process: parsing a 700 KB font for every document was most of
 * the time a form took to make. pdfkit takes the parsed font and subsets it per document.
 */
export function loadFonts(): { regular: Font; bold: Font } {
  if (!cached) {
    const dir = fontsDirectory();
    // fontkit is loaded with the fonts, when the first document is made (see kit.ts).
    const { create } = createRequire(__filename)('fontkit') as { create: typeof createFont };
    cached = {
      regular: rememberingLayouts(keepingText(create(readFileSync(join(dir, FONT_FILES.regular))))),
      bold: rememberingLayouts(keepingText(create(readFileSync(join(dir, FONT_FILES.bold))))),
    };
  }
  return cached;
}

/**
 * fontkit caches each glyph with the characters it was first asked for, and a subset asks for the
 * parts of a composite glyph (the "O" of "Ó") with none. As the parsed font is shared by every
 * document, a later document's plain "O" then carried no text: copying, search, `pdftotext` and
 * screen readers lost it ("Principal fficer"). A glyph cached without characters takes them from
 * the first request that has some.
 */
function keepingText(font: Font): Font {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

/** Words whose shaping is remembered across documents; the memory is dropped when it fills. */
const LAYOUT_MEMORY = 20_000;

/** A remembered run: the same glyphs, with positions of its own (pdfkit scales them in place). */
class RememberedRun implements GlyphRun {
  constructor(
    readonly glyphs: unknown[],
    readonly positions: GlyphPosition[],
  ) {}
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/**
 * Shaping a word (OpenType substitution and positioning) was the largest cost of a form, and
 * pdfkit remembers it only within one document, while a batch repeats the same words in every
 * document. The parsed font is shared, so its shaping is remembered across documents too (bounded,
 * so a long batch's memory stays flat). Each caller gets its own copy of the positions, because
 * pdfkit scales them in place; the glyphs are fontkit's own shared objects, as before.
 */
function rememberingLayouts(font: Font): Font {
  const layout = font.layout.bind(font);
  const memory = new Map<string, { glyphs: unknown[]; positions: GlyphPosition[] }>();
  font.layout = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    if (features !== undefined || rest.length > 0) return layout(text, features, ...rest);
    let run = memory.get(text);
    if (!run) {
      const shaped = layout(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions.map((p) => ({ ...p })) };
      if (memory.size >= LAYOUT_MEMORY) memory.clear();
      memory.set(text, run);
    }
    return new RememberedRun(
      run.glyphs,
      run.positions.map((p) => ({ ...p })),
    );
  };
  return font;
}
