/**
 * `perfcycle`: the workbook contract over real .xlsx files (workbook.md, "Command line").
 *
 *   perfcycle sample OUT.xlsx
 *   perfcycle evaluate BOOK.xlsx [--period P] [--json F] [--xlsx F] [--html F]
 *   perfcycle check BOOK.xlsx [--json F]
 *   perfcycle import WIDE.(xlsx|csv) [--sheet NAME] [--json F] [--into BOOK.xlsx]
 *   perfcycle suggest BOOK.xlsx --indicator ID [--unit U] [--year Y] [--json F]
 *
 * Exit status: 0 all well; 1 the workbook has errors (outputs still written, errors in them);
 * 2 the command cannot run (usage, unreadable file), with a one-line message and no output file.
 * The command computes nothing itself: the contract reads and writes, the engine rates.
 */
import { basename, extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  cellText,
  checkBook,
  columnIndex,
  findTable as findRawTable,
  IMPORT_JSON_KEYS,
  importWide,
  PERFCYCLE_VERSION,
  RAG_COLOURS,
  readRegister,
  readSettings,
  REPORT_COLUMNS,
  reportJson,
  reportSheet,
  sampleBook,
  TABLE,
  upsertActuals,
  type ImportedRow,
  type RawCell,
  type ReadResult,
  reportSheetName,
} from "../contract";
import { buildReport, DEFAULT_START_MONTH, idKey, parsePeriod, type Quarter, type Register } from "../engine";
import { decodeText, parseCsv } from "./csv";
import { CliError, messageOf, oneLine } from "./errors";
import { checkOutputPath, readInput, writeAtomic } from "./files";
import { htmlReport } from "../contract/htmlReport";
import {
  DEFAULT_LIMITS,
  readZipDirectory,
  unpackEntry,
  type PackageInfo,
  type PackageLimits,
} from "./package";
import { SUGGEST_USAGE, suggestCommand } from "./suggest";
import { checkText, errorText, importText, reportText, type Style } from "./terminal";
import { addReportSheet, sampleWorkbookFile, writeTableRows } from "./writers";
import {
  findTable,
  loadXlsx,
  locateTables,
  rawTable,
  rawWorkbook,
  sheetGrid,
  sheetGrids,
  workbookBuffer,
  worksheetNamed,
  type LoadedBook,
  type SheetGrid,
} from "./xlsx";
import type { Workbook } from "exceljs";

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

// ---------------------------------------------------------------------------------------------
// Usage

const USAGE: Readonly<Record<string, string>> = {
  main: `perfcycle ${PERFCYCLE_VERSION}: quarterly performance workbooks - targets, milestones and RAG - from the command line

Usage:
  perfcycle sample OUT.xlsx
  perfcycle evaluate BOOK.xlsx [--period P] [--json F] [--xlsx F] [--html F]
  perfcycle check BOOK.xlsx [--json F]
  perfcycle import WIDE.xlsx|WIDE.csv [--sheet NAME] [--json F] [--into BOOK.xlsx]
  perfcycle suggest BOOK.xlsx --indicator ID [--unit U] [--year Y] [--json F]
  perfcycle COMMAND --help      help on one command
  perfcycle --version

Exit status: 0 all well; 1 the workbook has errors (outputs are still written, with the errors
in them); 2 the command cannot run (usage, a file that cannot be read).
`,
  sample: `Usage: perfcycle sample OUT.xlsx

Write the sample workbook: a city's early help and children's centre indicators (counts,
levels and rates; higher, lower and neutral), three clusters and the City, the 2014-15 baseline
year and 2015-16 Q1-Q2 with gaps and commentary, in the tables PerfSettings, PerfTargets,
PerfActuals, PerfUnits and PerfAudit, and a "Published" sheet for the published-figure check.
An existing file is replaced only when it is an unchanged PerfCycle sample.
`,
  evaluate: `Usage: perfcycle evaluate BOOK.xlsx [--period P] [--json F] [--xlsx F] [--html F]

Rate every indicator for a quarter and print the report.
  --period P   the quarter, e.g. "2015-16 Q2" (default: the workbook's ReportingPeriod)
  --json F     write the report JSON to F ("-" for standard output)
  --xlsx F     write a copy of BOOK with the report sheet "PerfReport <period>" added
  --html F     write the committee report as one HTML file (prints on A4)
Exit status 1 when the workbook has errors: the report is still written, with them in it.
`,
  check: `Usage: perfcycle check BOOK.xlsx [--json F]

Check a workbook: SMART findings on the targets, data errors (each naming table, row, column
and the text found), and the published-figure check over every sheet (percentages beside their
numerator and denominator, n/d cells), each naming sheet and cell.
  --json F     write { findings, errors, published } to F ("-" for standard output)
Exit status 1 when there is an error (a data error, a finding or a published figure of
severity "error"); warnings alone give 0.
`,
  import: `Usage: perfcycle import WIDE.xlsx|WIDE.csv [--sheet NAME] [--json F] [--into BOOK.xlsx]

Read a wide table (indicators down, quarters across) into the long PerfActuals form. Headers:
period labels (2015-16 Q1), quarter-end dates or month labels (Jun-15); cells: numbers,
12.4%, 31/274, 1,242, blanks and placeholders (awaiting data, n/a, -, tbc).
  --sheet NAME  the sheet to read (default: the first sheet with data; .xlsx only)
  --json F      write { rows, errors, warnings } to F ("-" for standard output)
  --into BOOK   add the rows to BOOK's PerfActuals table (matching rows are updated; nothing
                else in BOOK changes). BOOK is not changed when the import has errors.
Quarters are read with BOOK's fiscal year start (default April).
`,
  suggest: SUGGEST_USAGE,
};

// ---------------------------------------------------------------------------------------------
// Arguments

interface Parsed {
  readonly positionals: string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

function parse(
  command: string,
  args: readonly string[],
  options: Readonly<Record<string, { type: "string" | "boolean" }>>,
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
    const m = messageOf(e)
      .replace(/\. To specify a positional argument.*$/, "")
      .replace(/^Unknown option '(.*)'$/, "unknown option $1");
    throw new CliError(`${command}: ${m} (perfcycle ${command} --help shows the options)`);
  }
  const values = out.values as Record<string, string | boolean | undefined>;
  if (values.help === true) return { positionals: out.positionals, values };
  if (out.positionals.length !== positionals) {
    const what =
      out.positionals.length < positionals
        ? "a file name is missing"
        : `unexpected ${JSON.stringify(out.positionals[positionals])}`;
    throw new CliError(`${command}: ${what} (perfcycle ${command} --help shows the usage)`);
  }
  for (const [k, v] of Object.entries(values)) {
    if (typeof v === "string" && v.trim() === "") throw new CliError(`${command}: --${k} needs a value`);
  }
  return { positionals: out.positionals, values };
}

function str(p: Parsed, key: string): string | undefined {
  const v = p.values[key];
  return typeof v === "string" ? v : undefined;
}

function styleOf(io: CliIo): Style {
  const env = io.env ?? {};
  const colour = io.isTTY === true && env.NO_COLOR === undefined && env.TERM !== "dumb";
  return { colour, width: io.columns ?? 100 };
}

function limitsOf(io: CliIo): PackageLimits {
  return { ...DEFAULT_LIMITS, ...(io.limits ?? {}) };
}

const samePath = (a: string, b: string): boolean => resolve(a) === resolve(b);

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function emitJson(io: CliIo, target: string, value: unknown): Promise<void> {
  if (target === "-") io.stdout(json(value));
  else await writeAtomic(target, json(value));
}

async function checkOutputs(outputs: readonly (readonly [string, string | undefined])[]): Promise<void> {
  for (const [option, path] of outputs)
    if (path !== undefined && path !== "-") await checkOutputPath(path, option);
}

// ---------------------------------------------------------------------------------------------
// Reading a book

interface Book {
  readonly path: string;
  readonly info: PackageInfo;
  /** The ExcelJS workbook, when asked to keep it (to write a copy); else dropped early to spare memory. */
  readonly workbook: Workbook | undefined;
  /** Every sheet as a grid, when asked for. */
  readonly sheets: readonly SheetGrid[];
  readonly read: ReadResult;
  readonly register: Register;
}

async function readBook(
  path: string,
  io: CliIo,
  options: { readonly keep: boolean; readonly grids: boolean },
): Promise<Book> {
  const loaded = await loadXlsx(path, limitsOf(io));
  // The reader does not use number formats; the published-figure check reads them from the grids.
  const raw = rawWorkbook(loaded.workbook, { formats: false });
  const sheets = options.grids ? sheetGrids(loaded.workbook) : [];
  const workbook = options.keep ? loaded.workbook : undefined;
  const read = readRegister(raw);
  if (read.fatal || !read.register) {
    throw new CliError(`${path}: ${read.fatal?.message ?? "the workbook cannot be read"}`);
  }
  return { path, info: loaded.info, workbook, sheets, read, register: read.register };
}

/** Refuse to write a book back over itself when ExcelJS would drop some of its parts. */
function refuseUnkept(loaded: { readonly path: string; readonly info: PackageInfo }, what: string): void {
  if (loaded.info.unkept.length === 0) return;
  throw new CliError(
    `${loaded.path} has ${loaded.info.unkept.join(", ")}, which this command cannot keep when it saves the workbook, so ${what}; use the PerfCycle add-in in Excel instead`,
  );
}

// ---------------------------------------------------------------------------------------------
// sample

/** An existing file may be replaced only when it is an unchanged PerfCycle sample. */
async function replaceableSample(path: string): Promise<boolean> {
  let buf: Buffer;
  try {
    buf = await readInput(path);
  } catch {
    return false;
  }
  try {
    const entry = readZipDirectory(buf, path).find((e) => e.name === "docProps/core.xml");
    if (!entry) return false;
    const xml = unpackEntry(buf, entry, path).toString("utf8");
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(xml)?.[1] ?? "";
    const modifiedBy = /<cp:lastModifiedBy>([^<]*)<\/cp:lastModifiedBy>/.exec(xml)?.[1] ?? "";
    return creator === SAMPLE_CREATOR && (modifiedBy === "" || modifiedBy === SAMPLE_CREATOR);
  } catch {
    return false;
  }
}

const SAMPLE_CREATOR = "PerfCycle sample";

async function sample(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse("sample", args, {}, 1);
  if (p.values.help) return help(io, "sample");
  const out = p.positionals[0] ?? "";
  await checkOutputs([["sample", out]]);
  if (
    (await readInput(out).then(
      () => true,
      () => false,
    )) &&
    !(await replaceableSample(out))
  ) {
    throw new CliError(
      `${out} already exists and is not an unchanged PerfCycle sample, so it is left as it is; delete it or choose another name`,
    );
  }
  const wb = sampleWorkbookFile(sampleBook());
  wb.creator = SAMPLE_CREATOR;
  wb.lastModifiedBy = SAMPLE_CREATOR;
  await writeAtomic(out, await workbookBuffer(wb));
  io.stdout(`Wrote the sample workbook to ${out}\nNext: perfcycle evaluate ${out} --html report.html\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// evaluate

function periodOf(book: Book, given: string | undefined): Quarter {
  const settings = book.register.settings;
  if (given !== undefined) {
    const p = parsePeriod(given, { startMonth: settings.startMonth });
    if (!p.ok) throw new CliError(`--period ${JSON.stringify(given)}: ${p.error.message}`);
    return p.value;
  }
  if (settings.reportingPeriod) return settings.reportingPeriod;
  throw new CliError(
    `${book.path} has no ReportingPeriod in ${TABLE.settings}: give the quarter with --period, e.g. --period "2015-16 Q2"`,
  );
}

function dateLong(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(d);
}

async function evaluate(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse(
    "evaluate",
    args,
    {
      period: { type: "string" },
      json: { type: "string" },
      xlsx: { type: "string" },
      html: { type: "string" },
    },
    1,
  );
  if (p.values.help) return help(io, "evaluate");
  const path = p.positionals[0] ?? "";
  const jsonOut = str(p, "json");
  const xlsxOut = str(p, "xlsx");
  const htmlOut = str(p, "html");
  if (xlsxOut === "-" || htmlOut === "-") throw new CliError(`evaluate: --xlsx and --html need a file name`);
  await checkOutputs([
    ["--json", jsonOut],
    ["--xlsx", xlsxOut],
    ["--html", htmlOut],
  ]);
  const book = await readBook(path, io, { keep: xlsxOut !== undefined, grids: false });
  if (xlsxOut !== undefined && samePath(xlsxOut, path))
    refuseUnkept(book, "the report sheet is not added to it");
  const period = periodOf(book, str(p, "period"));
  // --period is the report's reporting period: quarters after it are Not due, it is not.
  const register: Register = {
    ...book.register,
    settings: { ...book.register.settings, reportingPeriod: period },
  };
  const report = buildReport(register, period, { trend: htmlOut !== undefined });
  const out = reportJson(report, book.read.errors);
  const now = io.now?.() ?? new Date();

  // Everything is built before anything is written; each file is written whole (temp + rename).
  let xlsxBuffer: Buffer | undefined;
  if (xlsxOut !== undefined && book.workbook) {
    const sheet = reportSheet(report);
    const wrap = REPORT_COLUMNS.map((c, i) =>
      ["explanation", "commentary", "action", "indicator"].includes(c.key) ? i : -1,
    ).filter((i) => i >= 0);
    addReportSheet(book.workbook, {
      sheetName: reportSheetName(report.period),
      title: sheet.title,
      notes: [
        `Workbook ${basename(path)}; produced by PerfCycle ${PERFCYCLE_VERSION} on ${dateLong(now)}. Figures are unrounded; the cell formats round them.`,
      ],
      headers: sheet.headers,
      rows: sheet.rows,
      cellFormats: sheet.cellFormats,
      widths: sheet.widths,
      ragColumn: sheet.ragColumn,
      wrapColumns: wrap,
      colours: RAG_COLOURS,
      errors: out.errors.map(errorText),
    });
    book.workbook.lastModifiedBy = "PerfCycle evaluate";
    xlsxBuffer = await workbookBuffer(book.workbook);
  }
  const html =
    htmlOut === undefined
      ? undefined
      : htmlReport({
          report,
          errors: out.errors,
          source: basename(path),
          generated: now,
          version: PERFCYCLE_VERSION,
        });

  if (jsonOut !== undefined) await emitJson(io, jsonOut, out);
  if (xlsxOut !== undefined && xlsxBuffer) {
    await writeAtomic(xlsxOut, xlsxBuffer);
    const lost = [...(samePath(xlsxOut, path) ? [] : book.info.unkept), ...book.info.settingsLost];
    if (lost.length > 0) {
      io.stderr(
        `perfcycle: note: ${xlsxOut} does not have the ${lost.join(", ")} of ${path} (this command cannot write them)\n`,
      );
    }
  }
  if (htmlOut !== undefined && html !== undefined) await writeAtomic(htmlOut, html);
  if (jsonOut !== "-") {
    // With --json the table is in the file: the terminal gets the summary and the errors.
    io.stdout(reportText(report, out.errors, styleOf(io), { table: jsonOut === undefined }));
    const written = [jsonOut, xlsxOut, htmlOut].filter((f): f is string => f !== undefined);
    if (written.length > 0) io.stdout(`Wrote ${written.join(", ")}\n`);
  }
  return out.errors.length > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// check

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse("check", args, { json: { type: "string" } }, 1);
  if (p.values.help) return help(io, "check");
  const path = p.positionals[0] ?? "";
  const jsonOut = str(p, "json");
  await checkOutputs([["--json", jsonOut]]);
  const book = await readBook(path, io, { keep: false, grids: true });
  const result = checkBook(book.read.book, book.sheets);
  const out = { findings: result.findings, errors: result.errors, published: result.published };
  if (jsonOut !== undefined) await emitJson(io, jsonOut, out);
  if (jsonOut !== "-") io.stdout(checkText(out.findings, out.errors, out.published, styleOf(io)));
  const bad =
    out.errors.length > 0 ||
    out.findings.some((f) => f.severity === "error") ||
    out.published.some((f) => f.severity === "error");
  return bad ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// import

const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);

async function wideGrid(
  path: string,
  sheet: string | undefined,
  io: CliIo,
): Promise<{ sheet: string; grid: RawCell[][] }> {
  const limits = limitsOf(io);
  if (CSV_EXTENSIONS.has(extname(path).toLowerCase())) {
    if (sheet !== undefined)
      throw new CliError(`import: --sheet is for .xlsx files; ${path} is a CSV file with one table`);
    const buf = await readInput(path);
    if (buf.length > limits.maxTotalBytes)
      throw new CliError(
        `${path} is refused: it is larger than the ${Math.round(limits.maxTotalBytes / 1048576)} MB the command reads`,
      );
    const grid = parseCsv(decodeText(buf), path, limits.maxRows);
    if (grid.length === 0) throw new CliError(`${path} is empty: there is no table to import`);
    return { sheet: basename(path), grid };
  }
  const loaded = await loadXlsx(path, limits);
  const wb = loaded.workbook;
  if (sheet !== undefined) {
    const ws = worksheetNamed(wb, sheet);
    if (!ws) {
      const names = wb.worksheets.map((w) => JSON.stringify(w.name)).join(", ");
      throw new CliError(`${path} has no sheet ${JSON.stringify(sheet)} (its sheets: ${names || "none"})`);
    }
    return { sheet: ws.name, grid: sheetGrid(ws).grid };
  }
  for (const ws of wb.worksheets) {
    const g = sheetGrid(ws);
    if (g.grid.length > 0) return { sheet: ws.name, grid: g.grid };
  }
  throw new CliError(`${path} has no sheet with data: there is no table to import`);
}

function importRowJson(r: ImportedRow): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of IMPORT_JSON_KEYS) o[k] = r[k];
  return o;
}

async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse(
    "import",
    args,
    { sheet: { type: "string" }, json: { type: "string" }, into: { type: "string" } },
    1,
  );
  if (p.values.help) return help(io, "import");
  const path = p.positionals[0] ?? "";
  const jsonOut = str(p, "json");
  const into = str(p, "into");
  await checkOutputs([["--json", jsonOut]]);

  // The book first: its fiscal year start reads the quarters, and a book that cannot take the
  // rows is refused before anything is done.
  let target: LoadedBook | undefined;
  let startMonth = DEFAULT_START_MONTH;
  if (into !== undefined) {
    if (samePath(into, path))
      throw new CliError(`import: --into must name the PerfCycle workbook, not the file being imported`);
    target = await loadXlsx(into, limitsOf(io));
    refuseUnkept(target, "the rows are not added to it");
    const raw = rawWorkbook(target.workbook);
    if (!findRawTable(raw, TABLE.actuals)) {
      const names = raw.tables.map((t) => t.name).join(", ");
      throw new CliError(
        `${into} has no ${TABLE.actuals} table to add the rows to (tables found: ${names || "none"})`,
      );
    }
    startMonth = readSettings(raw).settings.startMonth;
  }

  const wide = await wideGrid(path, str(p, "sheet"), io);
  const result = importWide(wide.sheet, wide.grid, { startMonth, origin: "A1" });
  const out = { rows: result.rows.map(importRowJson), errors: result.errors, warnings: result.warnings };

  let note = "";
  if (target && into !== undefined) {
    if (result.errors.length > 0) {
      note = `${into} was not changed: the import has ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}; correct them and import again\n`;
    } else {
      const located = findTable(target.workbook, TABLE.actuals);
      if (!located) throw new CliError(`${into} has no ${TABLE.actuals} table to add the rows to`);
      const before = rawTable(located);
      const up = upsertActuals(before, result.rows, startMonth);
      if (up.errors.length > 0) throw new CliError(`${into}: ${up.errors.map((e) => e.message).join("; ")}`);
      // A new row takes the cell formats of the last row of the same indicator (a rate's 0.0%,
      // a count's #,##0), or none.
      const idCol = columnIndex(before).positions.get("IndicatorId");
      const lastOf = new Map<string, number>();
      if (idCol !== undefined)
        before.rows.forEach((r, i) => lastOf.set(idKey(cellText(r[idCol] ?? null)), i));
      const formatFrom = (i: number): number | undefined =>
        idCol === undefined ? undefined : lastOf.get(idKey(cellText(up.rows[i]?.[idCol] ?? null)));
      writeTableRows(located, before.rows, { rows: up.rows, formatFrom }, locateTables(target.workbook));
      if (up.added + up.updated > 0) {
        target.workbook.lastModifiedBy = "PerfCycle import";
        await writeAtomic(into, await workbookBuffer(target.workbook));
        if (target.info.settingsLost.length > 0) {
          io.stderr(
            `perfcycle: note: ${into} no longer has its ${target.info.settingsLost.join(", ")} (this command cannot keep them)\n`,
          );
        }
      }
      note = `${into}: ${up.added} row${up.added === 1 ? "" : "s"} added and ${up.updated} updated in ${TABLE.actuals}${up.added + up.updated === 0 ? " (nothing to change; the file was not rewritten)" : ""}\n`;
    }
  }
  if (jsonOut !== undefined) await emitJson(io, jsonOut, out);
  if (jsonOut !== "-")
    io.stdout(
      importText(result.rows, result.errors, result.warnings, styleOf(io)) + (note ? `\n${note}` : ""),
    );
  else if (note) io.stderr(`perfcycle: ${note}`);
  return result.errors.length > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Entry

function help(io: CliIo, command: string): number {
  io.stdout(USAGE[command] ?? USAGE.main ?? "");
  return 0;
}

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  sample,
  evaluate,
  check,
  import: importCommand,
  suggest: suggestCommand,
};

/** Run the command line; returns the exit status. Never throws. */
export async function main(argv: readonly string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      const topic = command === "help" ? rest[0] : undefined;
      if (command === undefined) {
        io.stderr(USAGE.main ?? "");
        return 2;
      }
      return help(io, topic !== undefined && topic in COMMANDS ? topic : "main");
    }
    if (command === "--version" || command === "-v" || command === "version") {
      io.stdout(`${PERFCYCLE_VERSION}\n`);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run)
      throw new CliError(
        `unknown command ${JSON.stringify(command)}: use sample, evaluate, check, import or suggest (perfcycle --help)`,
      );
    return await run(rest, io);
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
