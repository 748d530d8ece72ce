import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { rendererDirectory } from '../app-files';
import { resolveRegisterPath } from '../register/paths';
import { createGate } from '../register/gate';
import { startBrowserServer } from './server';

/**
 * `npm start` where the Electron runtime cannot be had, or `npm run browser`: opens the register
 * and serves the renderer on 127.0.0.1, printing the address to open.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '0' },
      renderer: { type: 'string', default: rendererDirectory() },
      // Signs in at start as this user, with the password in CPREG_PASSWORD (npm run demo).
      user: { type: 'string' },
    },
  });
  const rendererDir = resolve(values.renderer);
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir}); run "npm run build" first.`);
    process.exit(1);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a port number (got "${values.port}")`);
    process.exit(2);
  }
  const dbPath = resolveRegisterPath(values.db);
  const gate = createGate({ path: dbPath, backgroundCheck: true });
  if (values.user !== undefined) {
    const password = process.env['CPREG_PASSWORD'];
    if (!password) {
      console.error(`--user ${values.user} needs the password in CPREG_PASSWORD`);
      process.exit(2);
    }
    try {
      await gate.signIn(values.user, password);
    } catch (error) {
      console.error(`Could not sign in as ${values.user}: ${error instanceof Error ? error.message : 'refused'}`);
      process.exit(1);
    }
  }
  const server = await startBrowserServer({ call: gate.call, rendererDir, port });
  console.log(`CP Conference Register (browser mode), register: ${dbPath}`);
  console.log(`Open ${server.url}`);
  const stop = () => {
    void server.close().then(async () => {
      await gate.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'Browser mode failed to start');
  process.exit(1);
});
