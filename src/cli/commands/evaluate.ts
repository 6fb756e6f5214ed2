/** `perfcycle evaluate BOOK.xlsx`: rate every indicator for a quarter and report it. */
import { basename, resolve } from "node:path";
import { PERFCYCLE_VERSION, TABLE, type ContractError } from "../../contract";
import {
  htmlReport,
  RAG_COLOURS,
  REPORT_COLUMNS,
  reportJson,
  reportSheet,
  reportSheetName,
} from "../../present";
import { buildReport, parsePeriod, type Quarter, type Register } from "../../engine";
import { fileArg, text, type Parsed } from "../args";
import { CliError } from "../errors";
import { writeAtomic } from "../files";
import { readBook, type Book } from "../inputs";
import { checkOutputs, emitJson, styleOf, type CliIo } from "../io";
import { refuseMacroLoss, withReportSheet } from "../ooxml/write";
import { errorText, reportText } from "../terminal";

export const EVALUATE_USAGE = `Usage: perfcycle evaluate BOOK.xlsx [--period P] [--json F] [--xlsx F] [--html F]

Rate every indicator for a quarter and print the report.
  --period P   the quarter, e.g. "2015-16 Q2" (default: the workbook's ReportingPeriod)
  --json F     write the report JSON to F ("-" for standard output)
  --xlsx F     write a copy of BOOK with the report sheet "PerfReport <period>" added
               (F naming BOOK itself writes into it, upgrading a version 1 BOOK to schema 2)
  --html F     write the committee report as one HTML file (prints on A4)
Exit status 1 when the workbook has errors: the report is still written, with them in it.
`;

function periodOf(book: Book, given: string | undefined): Quarter {
  const settings = book.register.settings;
  if (given !== undefined) {
    const p = parsePeriod(given, { startMonth: settings.startMonth });
    if (!p.ok) throw new CliError("BAD_VALUE", `--period ${JSON.stringify(given)}: ${p.error.message}`);
    return p.value;
  }
  if (settings.reportingPeriod) return settings.reportingPeriod;
  throw new CliError(
    "PERIOD_NEEDED",
    `${book.path} has no ReportingPeriod in ${TABLE.settings}: give the quarter with --period, e.g. --period "2015-16 Q2"`,
  );
}

function dateLong(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(d);
}

type Report = ReturnType<typeof buildReport>;

/** The book's package with the report sheet added: only the parts PerfCycle owns change. */
/** Whether two paths name one file (then `--xlsx` writes into BOOK, not a copy). */
const samePath = (a: string, b: string): boolean => resolve(a) === resolve(b);

function reportCopy(
  book: Book,
  report: Report,
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

interface Outputs {
  readonly json: string | undefined;
  readonly xlsx: string | undefined;
  readonly html: string | undefined;
}

/** The report for the quarter asked for: --period is its reporting period (later quarters are Not due). */
function evaluateBook(book: Book, given: string | undefined, trend: boolean): Report {
  const period = periodOf(book, given);
  const register: Register = {
    ...book.register,
    settings: { ...book.register.settings, reportingPeriod: period },
  };
  return buildReport(register, period, { trend });
}

export async function evaluateCommand(p: Parsed, io: CliIo): Promise<number> {
  const path = fileArg(p);
  const to: Outputs = { json: text(p, "json"), xlsx: text(p, "xlsx"), html: text(p, "html") };
  if (to.xlsx === "-" || to.html === "-")
    throw new CliError("USAGE", `evaluate: --xlsx and --html need a file name`);
  await checkOutputs([
    ["--json", to.json],
    ["--xlsx", to.xlsx],
    ["--html", to.html],
  ]);
  const book = await readBook(path, io);
  if (to.xlsx !== undefined) refuseMacroLoss(book.xlsx, to.xlsx);
  const report = evaluateBook(book, text(p, "period"), to.html !== undefined);
  const out = reportJson(report, book.read.errors);
  const now = io.now?.() ?? new Date();

  // Everything is built before anything is written; each file is written whole (temp + rename).
  const xlsxBuffer =
    to.xlsx === undefined ? undefined : reportCopy(book, report, out.errors, now, samePath(path, to.xlsx));
  const html =
    to.html === undefined
      ? undefined
      : htmlReport({
          report,
          errors: out.errors,
          source: basename(path),
          generated: now,
          version: PERFCYCLE_VERSION,
        });

  if (to.json !== undefined) await emitJson(io, to.json, out);
  if (to.xlsx !== undefined && xlsxBuffer) await writeAtomic(to.xlsx, xlsxBuffer);
  if (to.html !== undefined && html !== undefined) await writeAtomic(to.html, html);
  if (to.json !== "-") {
    // With --json the table is in the file: the terminal gets the summary and the errors.
    io.stdout(reportText(report, out.errors, styleOf(io), { table: to.json === undefined }));
    const written = [to.json, to.xlsx, to.html].filter((f): f is string => f !== undefined);
    if (written.length > 0) io.stdout(`Wrote ${written.join(", ")}\n`);
  }
  return out.errors.length > 0 ? 1 : 0;
}
