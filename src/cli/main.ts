/**
 * `perfcycle`: the workbook contract over real .xlsx files (workbook.md, "Command line").
 *
 *   perfcycle sample OUT.xlsx
 *   perfcycle evaluate BOOK.xlsx [--period P] [--json F] [--xlsx F] [--html F]
 *   perfcycle check BOOK.xlsx [--json F]
 *   perfcycle import WIDE.(xlsx|csv) [--sheet NAME] [--json F] [--into BOOK.xlsx]
 *   perfcycle audit BOOK.xlsx [--sheet NAME] [--table NAME | --range A1:H40] --rule R --tolerance T ...
 *   perfcycle suggest BOOK.xlsx --indicator ID [--unit U] [--year Y] [--json F]
 *
 * Exit status: 0 all well; 1 the workbook has errors (outputs still written, errors in them);
 * 2 the command cannot run (usage, unreadable file), with a one-line message and no output file.
 * The command computes nothing itself: the contract reads and writes, the engine rates. This
 * module only dispatches: each command is a module of ./commands, its options are in ./args.
 */
import { PERFCYCLE_VERSION } from "../contract";
import { parseCommand, type CommandName, type Parsed } from "./args";
import { AUDIT_USAGE, auditCommand } from "./commands/audit";
import { CHECK_USAGE, checkCommand } from "./commands/check";
import { EVALUATE_USAGE, evaluateCommand } from "./commands/evaluate";
import { IMPORT_USAGE, importCommand } from "./commands/import";
import { SAMPLE_USAGE, sampleCommand } from "./commands/sample";
import { SUGGEST_USAGE, suggestCommand } from "./commands/suggest";
import { comparatorsCommand, wantsComparators } from "./comparators";
import { CliError, messageOf, oneLine } from "./errors";
import { nodeIo, type CliIo } from "./io";

export { nodeIo, type CliIo } from "./io";

const MAIN_USAGE = `perfcycle ${PERFCYCLE_VERSION}: quarterly performance workbooks - targets, milestones and RAG - from the command line

Usage:
  perfcycle sample OUT.xlsx
  perfcycle evaluate BOOK.xlsx [--period P] [--json F] [--xlsx F] [--html F]
  perfcycle check BOOK.xlsx|TABLE.csv [--json F]
  perfcycle import WIDE.xlsx|WIDE.csv [--sheet NAME] [--json F] [--into BOOK.xlsx]
  perfcycle import --comparators TABLE.xlsx|TABLE.csv --indicator ID --into BOOK.xlsx [...]
  perfcycle audit REPORT.xlsx [--table NAME | --range A1:H40] --rule R --tolerance T [...]
  perfcycle suggest BOOK.xlsx --indicator ID [--unit U] [--year Y] [--json F]
  perfcycle COMMAND --help      help on one command
  perfcycle --version

Exit status: 0 all well; 1 the workbook has errors (outputs are still written, with the errors
in them); 2 the command cannot run (usage, a file that cannot be read).
`;

interface Command {
  readonly usage: string;
  /** Run the command on its parsed arguments (help has been answered). */
  readonly run: (p: Parsed, io: CliIo) => Promise<number>;
}

/** Every command, one a line: its help text and what runs it. */
const COMMANDS: Readonly<Record<CommandName, Command>> = {
  sample: { usage: SAMPLE_USAGE, run: sampleCommand },
  evaluate: { usage: EVALUATE_USAGE, run: evaluateCommand },
  check: { usage: CHECK_USAGE, run: checkCommand },
  import: { usage: IMPORT_USAGE, run: importCommand },
  audit: { usage: AUDIT_USAGE, run: auditCommand },
  suggest: { usage: SUGGEST_USAGE, run: suggestCommand },
};

const isCommand = (name: string | undefined): name is CommandName =>
  name !== undefined && Object.hasOwn(COMMANDS, name);

/** `perfcycle --help`, `perfcycle help COMMAND` and `perfcycle COMMAND --help`. */
function help(io: CliIo, topic: string | undefined): number {
  io.stdout(isCommand(topic) ? COMMANDS[topic].usage : MAIN_USAGE);
  return 0;
}

/** A command's arguments parsed against its options, then its help or the command itself. */
async function runCommand(name: CommandName, args: readonly string[], io: CliIo): Promise<number> {
  if (name === "import" && wantsComparators(args)) return await comparatorsCommand(args, io);
  const p = parseCommand(name, args);
  if (p.help) return help(io, name);
  return await COMMANDS[name].run(p, io);
}

/** Run the command line; a `CliError` escapes with its code (main turns it into the stderr line). */
export async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(MAIN_USAGE);
    return 2;
  }
  if (command === "--help" || command === "-h" || command === "help")
    return help(io, command === "help" ? rest[0] : undefined);
  if (command === "--version" || command === "-v" || command === "version") {
    io.stdout(`${PERFCYCLE_VERSION}\n`);
    return 0;
  }
  if (!isCommand(command))
    throw new CliError(
      "USAGE",
      `unknown command ${JSON.stringify(command)}: use sample, evaluate, check, import, audit or suggest (perfcycle --help)`,
    );
  return await runCommand(command, rest, io);
}

/** Run the command line; returns the exit status. Never throws. */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`perfcycle: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`perfcycle: internal error: ${oneLine(messageOf(e))}\n`);
    if ((io.env ?? {}).PERFCYCLE_DEBUG) io.stderr(`${e instanceof Error ? (e.stack ?? "") : ""}\n`);
    return 2;
  }
}

/** The `bin/perfcycle.js` entry: run and set the exit status. */
export function run(): void {
  // A closed pipe (perfcycle ... | head) is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`perfcycle: internal error: ${messageOf(e)}\n`);
      process.exitCode = 2;
    },
  );
}
