import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

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
    cached = {
      regular: keepingText(create(readFileSync(join(dir, FONT_FILES.regular)))),
      bold: keepingText(create(readFileSync(join(dir, FONT_FILES.bold)))),
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
