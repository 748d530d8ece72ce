/** The one fontkit call we make: parse a font once so every PDF reuses it (pdfkit accepts the result). */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
    postscriptName: string;
  }
  export function create(buffer: Uint8Array): Font;
}
