/**
 * The command line's options, declared once as data (one entry a line), and the one parser every
 * command runs them through: unknown options, a missing or extra file name and an option given
 * an empty value are each one line naming the command, with exit status 2 (CliError).
 */
import { parseArgs } from "node:util";
import { CliError, messageOf } from "./errors";

/** An option: a value (`--json F`), a value that may be given more than once, or a flag. */
export type OptionSpec = { readonly type: "string"; readonly multiple?: true } | { readonly type: "boolean" };

const TEXT = { type: "string" } as const;
const TEXTS = { type: "string", multiple: true } as const;

/** Every command's options (`--help` is added to each). */
export const OPTIONS = {
  sample: {},
  evaluate: {
    period: TEXT,
    json: TEXT,
    xlsx: TEXT,
    html: TEXT,
  },
  check: {
    json: TEXT,
  },
  import: {
    sheet: TEXT,
    json: TEXT,
    into: TEXT,
  },
  audit: {
    sheet: TEXT,
    table: TEXT,
    range: TEXT,
    rule: TEXT,
    tolerance: TEXT,
    "tolerance-type": TEXT,
    polarity: TEXT,
    "polarity-column": TEXT,
    column: TEXTS,
    json: TEXT,
    html: TEXT,
  },
  suggest: {
    indicator: TEXT,
    unit: TEXT,
    year: TEXT,
    json: TEXT,
  },
} as const satisfies Readonly<Record<string, Readonly<Record<string, OptionSpec>>>>;

export type CommandName = keyof typeof OPTIONS;

/** `import --comparators`'s options (the table is named by --comparators, not as a file name). */
export const COMPARATORS_OPTIONS = {
  comparators: TEXT,
  indicator: TEXT,
  into: TEXT,
  sheet: TEXT,
  source: TEXT,
  years: TEXT,
  values: TEXT,
  json: TEXT,
} as const satisfies Readonly<Record<string, OptionSpec>>;

/** A command's arguments as parsed: its file names, its options and whether help was asked for. */
export interface Parsed {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly help: boolean;
}

/** `unknown option --x`, without node's advice on positionals. */
function parseError(command: string, e: unknown): CliError {
  const m = messageOf(e)
    .replace(/\. To specify a positional argument.*$/, "")
    .replace(/^Unknown option '(.*)'$/, "unknown option $1");
  return new CliError("USAGE", `${command}: ${m} (perfcycle ${command} --help shows the options)`);
}

/**
 * Parse a command's arguments against its options: `positionals` file names are expected
 * (help asked for skips the count), and no option may be given an empty value.
 */
export function parseCommand(command: CommandName, args: readonly string[], positionals = 1): Parsed {
  return parseOptions(command, OPTIONS[command], args, positionals);
}

/** The parser behind parseCommand, for any option table; `command` names it in messages. */
export function parseOptions(
  command: string,
  options: Readonly<Record<string, OptionSpec>>,
  args: readonly string[],
  positionals: number,
): Parsed {
  let out;
  try {
    out = parseArgs({
      args: [...args],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw parseError(command, e);
  }
  const values = out.values as Record<string, string | boolean | string[] | undefined>;
  if (values.help === true) return { positionals: out.positionals, values, help: true };
  if (out.positionals.length !== positionals) {
    const what =
      out.positionals.length < positionals
        ? "a file name is missing"
        : `unexpected ${JSON.stringify(out.positionals[positionals])}`;
    throw new CliError("USAGE", `${command}: ${what} (perfcycle ${command} --help shows the usage)`);
  }
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === "string" && v.trim() === "")
      throw new CliError("USAGE", `${command}: --${k} needs a value`);
  }
  return { positionals: out.positionals, values, help: false };
}

/** An option's value, or undefined when it was not given. */
export function text(p: Parsed, key: string): string | undefined {
  const v = p.values[key];
  return typeof v === "string" ? v : undefined;
}

/** The values of an option that may be given more than once (none when it was not given). */
export function texts(p: Parsed, key: string): readonly string[] {
  const v = p.values[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** The first file name (the book the command reads). */
export function fileArg(p: Parsed): string {
  return p.positionals[0] ?? "";
}
