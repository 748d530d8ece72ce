// Types for scripts/launch.cjs (plain JavaScript, run by Node before anything is built).
export type Found = { ok: true; value: string } | { ok: false; reason: string };
export interface Probes {
  forcedBrowser(): string | null;
  display(): string | null;
  electron(): Found;
  cachedBinding(): string | null;
  prebuilt(): Found;
  compiler(): string | null;
  compile(): Found;
}
export type StartPlan =
  | { mode: 'electron'; electron: string; binding: string; how: 'cached' | 'prebuilt' | 'compiled' }
  | { mode: 'browser'; reason: string };
export function decideStart(probe: Probes): StartPlan;
export function displayProblem(platform: NodeJS.Platform, env: Record<string, string | undefined>): string | null;
export function compilerProblem(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  onPath: (command: string) => boolean,
  exists: (file: string) => boolean,
): string | null;
export function firstLine(text: unknown, fallback: string): string;
export function build(): void;
export function launch(args: string[], options?: { built?: boolean; env?: Record<string, string> }): void;
