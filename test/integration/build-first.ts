import { ensureBuilt } from '../../scripts/build-state.cjs';

/**
 * Vitest global setup for the integration projects: the CLI tests run the bundled cpreg from
 * out/, so build it first when it is missing or older than a source (once, before any test
 * starts; `npm test` has just built, so there this finds nothing to do).
 */
export default function setup(): void {
  ensureBuilt();
}
