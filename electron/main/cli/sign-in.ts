import { readFileSync } from 'node:fs';

/** Bad input from the user: exit 2, one line on stderr, nothing written. */
export class UsageError extends Error {}

/** The first line of a file, for passwords kept in files (never echoed, never logged). */
export function firstLineOf(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the ${what} file "${path}"`);
  }
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

/**
 * Asks for a password on the terminal without echoing it. Only on a terminal: a script gives it
 * in a file or `CPREG_PASSWORD` instead, so nothing ever waits on a pipe.
 */
export async function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(
      new UsageError('no password: set CPREG_PASSWORD or give --password-file FILE (there is no terminal to ask on)'),
    );
  }
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password: from its file, or asked twice on the terminal. */
export async function newPassword(file: string | undefined, whose: string): Promise<string> {
  if (file !== undefined) return firstLineOf(file, 'new password');
  const first = await promptHidden(`New password for ${whose} (at least 12 characters): `);
  const again = await promptHidden('The same password again: ');
  if (first !== again) throw new UsageError('the two passwords are not the same; nothing was changed');
  return first;
}
