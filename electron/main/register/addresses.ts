/** postgres://user@host:port/db: a database address as shown to people, never with its password. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'the PostgreSQL register';
  }
}
