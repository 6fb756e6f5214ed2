/**
 * The command's I/O: the terminal and environment it runs in (`CliIo`, tests pass their own),
 * how output is styled for it, the safety limits, and writing JSON to a file or standard output.
 * Files themselves are read and written whole by ./files.
 */
import { resolve } from "node:path";
import { checkOutputPath, writeAtomic } from "./files";
import { DEFAULT_LIMITS, type PackageLimits } from "./limits";
import type { Style } from "./terminal";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** stdout is a terminal: colour the RAG statuses. */
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The time written on reports (tests fix it). */
  readonly now?: () => Date;
  /** Safety limits (tests lower them). */
  readonly limits?: Partial<PackageLimits>;
}

/** The process's own terminal. */
export function nodeIo(): CliIo {
  return {
    stdout: (t) => {
      process.stdout.write(t);
    },
    stderr: (t) => {
      process.stderr.write(t);
    },
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns ?? 100,
    env: process.env,
  };
}

/** Colour only on a terminal that wants it (NO_COLOR, TERM=dumb), at the terminal's width. */
export function styleOf(io: CliIo): Style {
  const env = io.env ?? {};
  const colour = io.isTTY === true && env.NO_COLOR === undefined && env.TERM !== "dumb";
  return { colour, width: io.columns ?? 100 };
}

export function limitsOf(io: CliIo): PackageLimits {
  return { ...DEFAULT_LIMITS, ...(io.limits ?? {}) };
}

export const samePath = (a: string, b: string): boolean => resolve(a) === resolve(b);

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Write JSON to a file (whole, atomically) or, for "-", to standard output. */
export async function emitJson(io: CliIo, target: string, value: unknown): Promise<void> {
  if (target === "-") io.stdout(json(value));
  else await writeAtomic(target, json(value));
}

/** Refuse, before anything is read, an output file that cannot be written ("-" is stdout). */
export async function checkOutputs(
  outputs: readonly (readonly [string, string | undefined])[],
): Promise<void> {
  for (const [option, path] of outputs)
    if (path !== undefined && path !== "-") await checkOutputPath(path, option);
}
