import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers';

/** Writes PDF bytes to a temp file (for the poppler tools) and returns its path. */
export function pdfFile(bytes: Uint8Array, name = 'document.pdf'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * The text of a PDF as `pdftotext` extracts it, pages separated by form feeds. By default in the
 * order it was drawn (`-raw`: a table cell's wrapped lines stay together); `layout` keeps the
 * page's visual layout instead (columns side by side).
 */
export function pdfText(path: string, options: { password?: string; layout?: boolean } = {}): string {
  const args = [options.layout ? '-layout' : '-raw', ...(options.password ? ['-upw', options.password] : [])];
  return execFileSync('pdftotext', [...args, path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** `pdfinfo` as a map of its fields. */
export function pdfInfo(path: string, password?: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [...(password ? ['-upw', password] : []), path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/**
 * Text with runs of white space made single spaces, for matching wrapped phrases. A line that
 * ends in a hyphen or a slash (a name or web address wrapped there) is joined without a space.
 */
export function squash(text: string): string {
  return text.replace(/([-/])[ \t]*\n\s*/g, '$1').replace(/\s+/g, ' ');
}
