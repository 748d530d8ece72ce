import { Worker } from 'node:worker_threads';

/**
 * SQLite's `quick_check` of a register, run on its own read-only connection in a worker thread,
 * so signing in does not wait for it (about a second on the large demo register): the gate lets
 * reads through at once and holds writes until the answer comes. Resolves to null when the file is
 * sound, or to what SQLite found.
 */
export async function checkInBackground(path: string, key: Buffer): Promise<string | null> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    let answer = null;
    let db;
    try {
      db = new Database(workerData.path, {
        readonly: true,
        fileMustExist: true,
        ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
      });
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma('key = "x\\'' + workerData.key + '\\'"');
      const lines = db.pragma('quick_check(20)').map((row) => String(Object.values(row)[0]));
      answer = lines.length === 1 && lines[0] === 'ok' ? null : lines.join('; ');
    } catch (error) {
      answer = 'SQLite could not read the file (' + (error && error.code ? error.code : 'error') + ')';
    } finally {
      if (db) db.close();
    }
    parentPort.postMessage(answer);
  `;
  return new Promise((resolve) => {
    const worker = new Worker(code, {
      eval: true,
      workerData: {
        path,
        key: key.toString('hex'),
        module: require.resolve('better-sqlite3-multiple-ciphers'),
        nativeBinding: process.env['CPREG_NATIVE_BINDING'] ?? null,
      },
    });
    worker.once('message', (answer: string | null) => resolve(answer));
    worker.once('error', (error) => resolve(`the check could not run (${error.name})`));
    worker.once('exit', (code) => {
      if (code !== 0) resolve(`the check stopped (exit ${code})`);
    });
  });
}
