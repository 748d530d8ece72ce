// Types for scripts/build-state.cjs.
export function staleReason(base?: string): string | null;
export function ensureBuilt(): void;
