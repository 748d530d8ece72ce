/** The 64 hex characters in lines of four groups of four, for reading them out or writing them down. */
export function recoveryKeyLines(key: string): string[] {
  const groups = key.match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines;
}
