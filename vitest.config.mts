import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two files at a time (vitest's default is one fewer than the CPUs: one, on CI's two). The
    // integration tests mostly wait on child processes, PostgreSQL and the disk, and each has its
    // own register or database, so two overlap well.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // The CLI tests run the bundled cpreg: build it first when a source is newer.
          globalSetup: ['test/integration/build-first.ts'],
          environment: 'node',
          // A test that runs a dozen cpreg processes one after another (the worker waits on each)
          // can pass a minute on a busy two-CPU machine beside another test file.
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The same suite on a unit's register on PostgreSQL (scripts/with-pg.sh starts one).
        test: {
          name: 'integration-pg',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/build-first.ts'],
          // What is about the embedded register's file alone (its migrations, backups, integrity
          // check), and what runs no register at all (lint, the PostgreSQL schema's own test,
          // OpenID Connect), runs once, in the project above.
          exclude: [
            'test/integration/migrations.test.ts',
            'test/integration/backups.test.ts',
            'test/integration/backups-cli.test.ts',
            'test/integration/integrity.test.ts',
            'test/integration/lint-boundaries.test.ts',
            'test/integration/lint-boundaries-pg.test.ts',
            'test/integration/pg-schema.test.ts',
            'test/integration/oidc.test.ts',
            // The command line's own tests run on register files they make with `cpreg init`;
            // it is run against PostgreSQL (init, demo, the commands, compared) in postgres.test.ts.
            'test/integration/cli.test.ts',
            'test/integration/cli-users.test.ts',
            'test/integration/cli-documents.test.ts',
            'test/integration/cli-retention.test.ts',
            'test/integration/demo-command.test.ts',
            'test/integration/bundle.test.ts',
            'test/integration/postgres.test.ts',
            'test/integration/unit-server.test.ts',
          ],
          environment: 'node',
          env: { CPREG_TEST_ENGINE: 'postgres' },
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
