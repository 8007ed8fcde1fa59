/** Types for scripts/test-deps.mjs (a plain Node script, so it runs before anything is built). */
export interface MachineFacts {
  isExecutable(file: string): boolean;
  isFile(file: string): boolean;
  onPath(name: string): boolean;
  isRoot: boolean;
  canSudo: boolean;
}
export type Plan =
  | { action: 'none'; missing: string[] }
  | { action: 'install'; missing: string[]; sudo: boolean; command: string[] }
  | { action: 'stop'; missing: string[]; message: string };
export const REQUIREMENTS: readonly { what: string; pkg: string; present(env: MachineFacts): boolean }[];
export function plan(env: MachineFacts): Plan;
export function probeMachine(pathVar?: string): MachineFacts;
