import type { Context } from './context';

/** Wraps a command's action: builds its Context and records its exit code (see main.ts). */
export type Runner = (action: (context: Context, ...args: never[]) => Promise<number>) => (...args: unknown[]) => Promise<void>;
