import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { rendererDirectory } from '../../app-files';
import { createGate } from '../../register/gate';
import { pgStore } from '../../register/register-store';
import { createOidcSignIn, OidcError } from '../../server/oidc';
import { startUnitServer, UnitServerRefused } from '../../server/unit-server';
import type { CliCommand } from '../cli';
import { UsageError } from '../sign-in';

export interface ServeContext {
  /** The unit's register (--pg or CPREG_PG), or null for a register file. */
  pgUrl(): string | null;
  where(): string;
  out(text: string): void;
  /** Resolves when the server should stop (SIGINT or SIGTERM for the real command). */
  stopped?: Promise<void>;
}

/** `HOST:PORT`, `[IPv6]:PORT` or `PORT`. */
export function parseListen(value: string, fallbackHost: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))?:?(\d+)$/.exec(value.trim());
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--listen must be HOST:PORT, such as 127.0.0.1:8080 (got "${value}")`);
  }
  return { host: match[1] ?? match[2] ?? fallbackHost, port };
}

function readPem(flag: string, file: string): Buffer {
  if (!existsSync(file)) throw new UsageError(`${flag}: there is no file at ${file}`);
  const pem = readFileSync(file);
  if (!pem.toString('latin1').includes('-----BEGIN ')) throw new UsageError(`${flag}: ${file} is not a PEM file`);
  return pem;
}

interface ServeOptions {
  listen?: string;
  tlsCert?: string;
  tlsKey?: string;
  name?: string[];
  renderer: string;
  oidcIssuer?: string;
  oidcClientId?: string;
  oidcRedirectUri?: string;
  oidcUsernameClaim?: string;
}

/**
 * `cpreg --pg URL serve`: the unit server, for everyone in a review unit, over the unit's one
 * register on PostgreSQL. Runs until stopped (Ctrl+C, or the service manager's SIGTERM).
 */
export function addServeCommand(program: Command, ctx: ServeContext): void {
  program
    .command('serve')
    .description(
      'serve the app to the review unit from its register on PostgreSQL (needs --pg): sign-in, sessions, one register for everyone',
    )
    .option('--listen <host:port>', 'where to listen (default: 127.0.0.1:8080; with TLS 0.0.0.0:8443)')
    .option('--tls-cert <file>', 'the server’s certificate (PEM), to serve the council network over HTTPS')
    .option('--tls-key <file>', 'the certificate’s private key (PEM)')
    .option(
      '--name <host...>',
      'the names people reach the server by, such as cpreg.council.local (requests naming another host are refused)',
    )
    .option('--renderer <dir>', 'the built app to serve', rendererDirectory())
    .option(
      '--oidc-issuer <url>',
      'sign staff in through the council’s identity provider (OpenID Connect) at this issuer',
    )
    .option('--oidc-client-id <id>', 'the register’s client ID at the identity provider (secret: $CPREG_OIDC_SECRET)')
    .option('--oidc-redirect-uri <url>', 'this server’s callback, as registered: https://NAME:PORT/auth/oidc/callback')
    .option('--oidc-username-claim <claim>', 'the claim matched to register user names (default preferred_username)')
    .action(async (opts: ServeOptions) => {
      const url = ctx.pgUrl();
      if (!url) {
        throw new UsageError(
          'serve needs the unit’s register on PostgreSQL: give --pg postgres://… (one laptop uses the app itself)',
        );
      }
      if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) {
        throw new UsageError('give both --tls-cert and --tls-key, or neither');
      }
      const tls =
        opts.tlsCert !== undefined && opts.tlsKey !== undefined
          ? { cert: readPem('--tls-cert', opts.tlsCert), key: readPem('--tls-key', opts.tlsKey) }
          : undefined;
      const listen = parseListen(opts.listen ?? (tls ? '0.0.0.0:8443' : '127.0.0.1:8080'), '127.0.0.1');
      const rendererDir = resolve(opts.renderer);
      if (!existsSync(resolve(rendererDir, 'index.html'))) {
        throw new UsageError(`the app is not built at ${rendererDir}: run "npm run build" first, or give --renderer`);
      }
      let oidc;
      if (opts.oidcIssuer !== undefined) {
        try {
          oidc = await createOidcSignIn({
            issuer: opts.oidcIssuer,
            clientId: opts.oidcClientId ?? '',
            clientSecret: process.env['CPREG_OIDC_SECRET'],
            redirectUri: opts.oidcRedirectUri ?? '',
            ...(opts.oidcUsernameClaim ? { usernameClaim: opts.oidcUsernameClaim } : {}),
          } as Parameters<typeof createOidcSignIn>[0]);
        } catch (error) {
          if (error instanceof OidcError) throw new UsageError(`single sign-on: ${error.message}`);
          throw error;
        }
      }
      const gate = createGate({ store: pgStore(url), multiSession: true, log: () => undefined });
      // Opens (and migrates) the register now, so a wrong address fails here and not at the first sign-in.
      await gate.status();
      let server;
      try {
        server = await startUnitServer({
          gate,
          rendererDir,
          listen,
          ...(tls ? { tls } : {}),
          names: opts.name ?? [],
          ...(oidc ? { oidc } : {}),
        });
      } catch (error) {
        await gate.close();
        if (error instanceof UnitServerRefused) throw new UsageError(error.message);
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new UsageError(`--listen: ${listen.host}:${listen.port} is already in use; choose another port`);
        }
        throw error;
      }
      ctx.out(`CP Conference Register unit server, register: ${ctx.where()}\n`);
      ctx.out(`Open ${server.origin}\n`);
      if (!tls) {
        ctx.out(
          'No TLS: listening on this computer only. Give --tls-cert and --tls-key to serve the council network.\n',
        );
      }
      if (oidc) ctx.out(`Single sign-on through ${oidc.issuer}\n`);
      await (ctx.stopped ?? untilSignalled());
      await server.close();
      await gate.close();
      ctx.out('Stopped.\n');
    });
}

async function untilSignalled(): Promise<void> {
  return new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
}

export const serveCommand: CliCommand = (program, cli) =>
  addServeCommand(program, { pgUrl: cli.pgUrl, where: cli.where, out: cli.io.out });
