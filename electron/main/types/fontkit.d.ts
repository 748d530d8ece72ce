/** The one fontkit call we make: parse a font once so every PDF reuses it (pdfkit accepts the result). */
declare module 'fontkit' {
  export interface Font {
    layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
    postscriptName: string;
    /** The glyph, cached with the characters it was first asked for (see `loadFonts`). */
    getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } | null;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: unknown[];
    positions: GlyphPosition[];
    readonly advanceWidth: number;
  }
  export function create(buffer: Uint8Array): Font;
}
