// Types for scripts/demo.cjs.
export function demoArgs(argv: string[]): { size: 'small' | 'large'; fresh: boolean; rest: string[] };
export const DEMO_PASSWORD: string;
