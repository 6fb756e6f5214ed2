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
 * The command computes nothing itself: the contract reads and writes, the engine rates.
 */
import { basename, extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  checkBook,
  IMPORT_JSON_KEYS,
  IMPORT_JSON_OPTIONAL_KEYS,
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
  type ContractError,
  type ImportedRow,
  type RawCell,
  type RawWorkbook,
  type ReadResult,
  type SheetGrid,
  reportSheetName,
} from "../contract";
import { buildReport, DEFAULT_START_MONTH, parsePeriod, type Quarter, type Register } from "../engine";
import { AUDIT_USAGE, auditCommand } from "./audit";
import { decodeText, parseCsv } from "./csv";
import { CliError, messageOf, oneLine } from "./errors";
import { checkOutputPath, readInput, writeAtomic } from "./files";
import { htmlReport } from "../contract/htmlReport";
import { DEFAULT_LIMITS, readZipDirectory, unpackEntry, type PackageLimits, type ZipEntry } from "./package";
import { SUGGEST_USAGE, suggestCommand } from "./suggest";
import { checkText, errorText, importText, reportText, type Style } from "./terminal";
import { openXlsx, type XlsxBook } from "./ooxml/book";
import { refuseMacroLoss, withReportSheet } from "./ooxml/write";
import { writeInto } from "./into";
import { comparatorsCommand, COMPARATORS_USAGE, wantsComparators } from "./comparators";

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
  perfcycle check BOOK.xlsx|TABLE.csv [--json F]
  perfcycle import WIDE.xlsx|WIDE.csv [--sheet NAME] [--json F] [--into BOOK.xlsx]
  perfcycle import --comparators TABLE.xlsx|TABLE.csv --indicator ID --into BOOK.xlsx [...]
  perfcycle audit REPORT.xlsx [--table NAME | --range A1:H40] --rule R --tolerance T [...]
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
               (F naming BOOK itself writes into it, upgrading a version 1 BOOK to schema 2)
  --html F     write the committee report as one HTML file (prints on A4)
Exit status 1 when the workbook has errors: the report is still written, with them in it.
`,
  check: `Usage: perfcycle check BOOK.xlsx|TABLE.csv [--json F]

Check a workbook, any workbook: the published-figure check over every sheet, hidden ones too
(percentages beside their numerator and denominator, n/d cells, a percentage row under its n/d
row, 31 of 274 (11.3%) in text), each naming sheet and cell; and, where the book has a target
register (a PerfTargets table), its SMART findings and data errors (each naming table, row,
column and the text found). A book without a register is checked all the same, and says so.
  --json F     write { findings, errors, published, register, sheets } to F ("-" for standard output)
Exit status 1 when there is an error (a data error, a finding or a published figure of
severity "error"); warnings alone, and no register, give 0.
`,
  import: `Usage: perfcycle import WIDE.xlsx|WIDE.csv [--sheet NAME] [--json F] [--into BOOK.xlsx]

Read a wide table (indicators down, quarters across) into the long PerfActuals form. Headers:
period labels (2015-16 Q1), quarter-end dates or month labels (Jun-15); cells: numbers,
12.4%, 31/274, 1,242, blanks and placeholders (awaiting data, n/a, -, tbc).
  --sheet NAME  the sheet to read (default: the first sheet with data; .xlsx only)
  --json F      write { rows, errors, warnings } to F ("-" for standard output)
  --into BOOK   add the rows to BOOK's PerfActuals table (matching rows are updated; quality
                marks go to its Quality column, added at the table's end when missing; a
                version 1 BOOK is upgraded to schema 2 in the same write; nothing else in BOOK
                changes). BOOK is not changed when the import has errors.
Quarters are read with BOOK's fiscal year start (default April).

${COMPARATORS_USAGE}`,
  audit: AUDIT_USAGE,
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
  /** The package as read (its parts are what a copy is written from). */
  readonly xlsx: XlsxBook;
  /** Every sheet as a grid, when asked for. */
  readonly sheets: readonly SheetGrid[];
  readonly read: ReadResult;
  readonly register: Register;
}

async function readBook(path: string, io: CliIo, options: { readonly grids: boolean }): Promise<Book> {
  const xlsx = await openXlsx(path, limitsOf(io));
  // The reader does not use number formats; the published-figure check reads them from the grids.
  const raw = xlsx.rawWorkbook({ formats: false });
  const sheets = options.grids ? xlsx.grids() : [];
  xlsx.release();
  const read = readRegister(raw);
  if (read.fatal || !read.register) {
    throw new CliError(`${path}: ${read.fatal?.message ?? "the workbook cannot be read"}`);
  }
  return { path, xlsx, sheets, read, register: read.register };
}

// ---------------------------------------------------------------------------------------------
// sample

/**
 * An existing file may be replaced only when it is an unchanged PerfCycle sample: written by
 * `sample` (its creator and last author say so) and, apart from docProps/core.xml (its times),
 * part for part the sample about to be written. The part-by-part writers leave the author as it
 * was, so a report sheet or imported rows make the file a changed one.
 */
async function replaceableSample(path: string, fresh: Buffer): Promise<boolean> {
  let buf: Buffer;
  try {
    buf = await readInput(path);
  } catch {
    return false;
  }
  try {
    const entries = readZipDirectory(buf, path);
    const entry = entries.find((e) => e.name === "docProps/core.xml");
    if (!entry) return false;
    const xml = unpackEntry(buf, entry, path).toString("utf8");
    const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(xml)?.[1] ?? "";
    const modifiedBy = /<cp:lastModifiedBy>([^<]*)<\/cp:lastModifiedBy>/.exec(xml)?.[1] ?? "";
    if (creator !== SAMPLE_CREATOR || (modifiedBy !== "" && modifiedBy !== SAMPLE_CREATOR)) return false;
    const freshEntries = readZipDirectory(fresh, "sample");
    const parts = (es: readonly ZipEntry[]): string[] =>
      es
        .map((e) => e.name)
        .filter((n) => n !== "docProps/core.xml" && !n.endsWith("/"))
        .sort();
    if (parts(entries).join("\n") !== parts(freshEntries).join("\n")) return false;
    return parts(entries).every((name) => {
      const a = entries.find((e) => e.name === name);
      const b = freshEntries.find((e) => e.name === name);
      return (
        a !== undefined &&
        b !== undefined &&
        unpackEntry(buf, a, path).equals(unpackEntry(fresh, b, "sample"))
      );
    });
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
  // The sample is ExcelJS's writing of our own content (loaded only for this command).
  const { sampleWorkbookFile } = await import("./writers");
  const { workbookBuffer } = await import("./xlsx");
  const wb = sampleWorkbookFile(sampleBook());
  wb.creator = SAMPLE_CREATOR;
  wb.lastModifiedBy = SAMPLE_CREATOR;
  const fresh = await workbookBuffer(wb);
  if (
    (await readInput(out).then(
      () => true,
      () => false,
    )) &&
    !(await replaceableSample(out, fresh))
  ) {
    throw new CliError(
      `${out} already exists and is not an unchanged PerfCycle sample, so it is left as it is; delete it or choose another name`,
    );
  }
  await writeAtomic(out, fresh);
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

/** The book's package with the report sheet added: only the parts PerfCycle owns change. */
function reportCopy(
  book: Book,
  report: ReturnType<typeof buildReport>,
  errors: readonly ContractError[],
  now: Date,
  inPlace: boolean,
): Buffer {
  const sheet = reportSheet(report);
  const wrap = REPORT_COLUMNS.map((c, i) =>
    ["explanation", "commentary", "action", "indicator"].includes(c.key) ? i : -1,
  ).filter((i) => i >= 0);
  return withReportSheet(book.xlsx, inPlace, {
    sheetName: reportSheetName(report.period),
    title: sheet.title,
    notes: [
      `Workbook ${basename(book.path)}; produced by PerfCycle ${PERFCYCLE_VERSION} on ${dateLong(now)}. Figures are unrounded; the cell formats round them.`,
    ],
    headers: sheet.headers,
    rows: sheet.rows,
    cellFormats: sheet.cellFormats,
    widths: sheet.widths,
    ragColumn: sheet.ragColumn,
    wrapColumns: wrap,
    colours: RAG_COLOURS,
    errors: errors.map(errorText),
  });
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
  const book = await readBook(path, io, { grids: false });
  if (xlsxOut !== undefined) refuseMacroLoss(book.xlsx, xlsxOut);
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
  if (xlsxOut !== undefined) xlsxBuffer = reportCopy(book, report, out.errors, now, samePath(path, xlsxOut));
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

/** Every sheet of a book (hidden ones too), or the one table of a CSV file, as the contract's SheetGrids. */
async function checkGrids(path: string, io: CliIo): Promise<{ raw: RawWorkbook; sheets: SheetGrid[] }> {
  if (CSV_EXTENSIONS.has(extname(path).toLowerCase())) {
    const csv = await csvGrid(path, io);
    return { raw: { tables: [] }, sheets: [{ name: csv.sheet, grid: csv.grid }] };
  }
  const xlsx = await openXlsx(path, limitsOf(io));
  const raw = xlsx.rawWorkbook({ formats: false });
  const sheets = xlsx.grids();
  xlsx.release();
  return { raw, sheets };
}

/**
 * `check` works on any .xlsx or .csv: the published-figure check over every sheet, hidden ones
 * too; the SMART findings and data errors where the book has a register (a PerfTargets table),
 * and a line saying so where it has none. No register is not an error: exit 0 unless a finding
 * or an error has severity "error" (then 1); 2 only when the file cannot be read at all or its
 * schema is newer than this PerfCycle.
 */
async function check(args: readonly string[], io: CliIo): Promise<number> {
  const p = parse("check", args, { json: { type: "string" } }, 1);
  if (p.values.help) return help(io, "check");
  const path = p.positionals[0] ?? "";
  const jsonOut = str(p, "json");
  await checkOutputs([["--json", jsonOut]]);
  const { raw, sheets } = await checkGrids(path, io);
  const read = readRegister(raw);
  if (read.fatal && read.fatal.table !== TABLE.targets) throw new CliError(`${path}: ${read.fatal.message}`);
  const result = checkBook(read.book, sheets);
  const out = {
    findings: result.findings,
    errors: result.errors,
    published: result.published,
    register: result.register,
    sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden === true })),
  };
  if (jsonOut !== undefined) await emitJson(io, jsonOut, out);
  if (jsonOut !== "-") {
    const hidden = sheets.filter((s) => s.hidden === true).map((s) => JSON.stringify(s.name));
    const lines = [
      `Checked ${sheets.length} sheet${sheets.length === 1 ? "" : "s"} of ${basename(path)}${hidden.length > 0 ? `, hidden ones too (${hidden.join(", ")})` : ""}.`,
    ];
    if (!result.register) {
      const tables = raw.tables.map((t) => t.name);
      lines.push(
        `No target register: ${basename(path)} has no ${TABLE.targets} table${tables.length > 0 ? ` (tables found: ${tables.join(", ")})` : ""}, so there are no SMART findings; only the published figures are checked.`,
      );
    }
    io.stdout(
      `${lines.join("\n")}\n\n${checkText(out.findings, out.errors, out.published, styleOf(io), { register: result.register })}`,
    );
  }
  const bad =
    out.errors.length > 0 ||
    out.findings.some((f) => f.severity === "error") ||
    out.published.some((f) => f.severity === "error");
  return bad ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// import

const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);

interface WideSheet {
  readonly sheet: string;
  readonly grid: RawCell[][];
  readonly formats?: string[][];
  readonly merges?: string[];
}

/** A CSV file's one table (size-checked), named after the file. */
async function csvGrid(path: string, io: CliIo): Promise<{ sheet: string; grid: RawCell[][] }> {
  const limits = limitsOf(io);
  const buf = await readInput(path);
  if (buf.length > limits.maxTotalBytes)
    throw new CliError(
      `${path} is refused: it is larger than the ${Math.round(limits.maxTotalBytes / 1048576)} MB the command reads`,
    );
  return { sheet: basename(path), grid: parseCsv(decodeText(buf), path, limits.maxRows) };
}

/** A sheet's grid as the wide import takes it (values, number formats and merged areas). */
function wideSheet(g: SheetGrid): WideSheet {
  const grid = g.grid.map((r) => [...r]);
  const formats = g.formats?.map((r) => [...r]);
  const merges = g.merges ? [...g.merges] : undefined;
  return {
    sheet: g.name,
    grid,
    ...(formats ? { formats } : {}),
    ...(merges ? { merges } : {}),
  };
}

async function wideGrid(path: string, sheet: string | undefined, io: CliIo): Promise<WideSheet> {
  const limits = limitsOf(io);
  if (CSV_EXTENSIONS.has(extname(path).toLowerCase())) {
    if (sheet !== undefined)
      throw new CliError(`import: --sheet is for .xlsx files; ${path} is a CSV file with one table`);
    const csv = await csvGrid(path, io);
    if (csv.grid.length === 0) throw new CliError(`${path} is empty: there is no table to import`);
    return csv;
  }
  const book = await openXlsx(path, limits);
  if (sheet !== undefined) {
    const ws = book.sheetNamed(sheet);
    if (!ws) {
      const names = book
        .worksheets()
        .map((w) => JSON.stringify(w.name))
        .join(", ");
      throw new CliError(`${path} has no sheet ${JSON.stringify(sheet)} (its sheets: ${names || "none"})`);
    }
    return wideSheet(book.grid(ws));
  }
  for (const ws of book.worksheets()) {
    const g = book.grid(ws);
    if (g.grid.length > 0) return wideSheet(g);
  }
  throw new CliError(`${path} has no sheet with data: there is no table to import`);
}

function importRowJson(r: ImportedRow): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of IMPORT_JSON_KEYS) o[k] = r[k];
  // quality, role and partOf only where they apply (decisions.md, "Tables as councils publish them").
  for (const k of IMPORT_JSON_OPTIONAL_KEYS) if (r[k] !== undefined) o[k] = r[k];
  return o;
}

/** The book rows are imported into: read, with its PerfActuals table and fiscal year start. */
async function openInto(into: string, io: CliIo): Promise<{ target: XlsxBook; startMonth: number }> {
  const target = await openXlsx(into, limitsOf(io));
  if (!target.tableNamed(TABLE.actuals)) {
    const names = target.tables.map((t) => t.name).join(", ");
    throw new CliError(
      `${into} has no ${TABLE.actuals} table to add the rows to (tables found: ${names || "none"})`,
    );
  }
  // Only the settings are read now (the fiscal year start); PerfActuals when the rows are put in.
  const settings = target.tableNamed(TABLE.settings);
  const raw = { tables: settings ? [target.rawTable(settings, { formats: false })] : [] };
  return { target, startMonth: readSettings(raw).settings.startMonth };
}

async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (wantsComparators(args)) return comparatorsCommand(args, io);
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
  let target: XlsxBook | undefined;
  let startMonth = DEFAULT_START_MONTH;
  if (into !== undefined) {
    if (samePath(into, path))
      throw new CliError(`import: --into must name the PerfCycle workbook, not the file being imported`);
    ({ target, startMonth } = await openInto(into, io));
  }

  const wide = await wideGrid(path, str(p, "sheet"), io);
  const result = importWide(wide.sheet, wide.grid, {
    startMonth,
    origin: "A1",
    ...(wide.merges ? { merges: wide.merges } : {}),
    ...(wide.formats ? { formats: wide.formats } : {}),
  });
  const out = { rows: result.rows.map(importRowJson), errors: result.errors, warnings: result.warnings };

  let note = "";
  if (target && into !== undefined) {
    if (result.errors.length > 0) {
      note = `${into} was not changed: the import has ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}; correct them and import again\n`;
    } else {
      note = await writeInto(target, into, result.rows, startMonth);
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
  audit: auditCommand,
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
        `unknown command ${JSON.stringify(command)}: use sample, evaluate, check, import, audit or suggest (perfcycle --help)`,
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
