/**
 * `perfcycle audit`: the cells of the report (a table, a range, a sheet or the first sheet naming
 * a status) and the contract's audit of them, with the columns the user named.
 */
import {
  auditLayout,
  auditReport,
  AuditSetupError,
  columnNamed,
  type AuditResult,
  type AuditRole,
  type AuditSource,
  type RawCell,
  type SheetGrid,
} from "../../contract";
import { CliError } from "../errors";
import { limitsOf, type CliIo } from "../io";
import { columnLetters, parseRange, sheetAddress, type Range } from "../../a1";
import { openXlsx, type XlsxBook } from "../ooxml/book";
import type { AuditArgs } from "./auditArgs";

function sliceSource(g: SheetGrid, range: Range | undefined, table: string | null): AuditSource {
  const width = g.grid.reduce((w, r) => Math.max(w, r.length), 0);
  const top = range ? range.top : 1;
  const left = range ? range.left : 1;
  const bottom = range ? range.bottom : g.grid.length;
  const right = range ? range.right : width;
  const rows = Math.max(0, bottom - top + 1);
  const cols = Math.max(0, right - left + 1);
  const values: RawCell[][] = [];
  const formats: string[][] = [];
  const fillRows: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const vr = g.grid[top - 1 + r] ?? [];
    const fr = g.formats?.[top - 1 + r] ?? [];
    const cr = g.fills?.[top - 1 + r] ?? [];
    values.push(Array.from({ length: cols }, (_, c) => vr[left - 1 + c] ?? null));
    formats.push(Array.from({ length: cols }, (_, c) => fr[left - 1 + c] ?? "General"));
    fillRows.push(Array.from({ length: cols }, (_, c) => cr[left - 1 + c] ?? null));
  }
  return {
    sheet: g.name,
    origin: `${columnLetters(left - 1)}${top}`,
    values,
    formats,
    fills: fillRows,
    table,
  };
}

/** The named table's cells, header row included (one line naming what is wrong otherwise). */
function tableSource(book: XlsxBook, a: AuditArgs, name: string): AuditSource {
  const t = book.tableNamed(name);
  if (!t) {
    const all = book.tables.map((x) => JSON.stringify(x.name)).join(", ") || "none";
    throw new CliError(
      "TABLE_MISSING",
      `${a.path} has no table ${JSON.stringify(name)} (its tables: ${all})`,
    );
  }
  if (a.sheet !== undefined && t.sheet.name.toLowerCase() !== a.sheet.toLowerCase())
    throw new CliError(
      "TABLE_MISSING",
      `${a.path}: the table ${JSON.stringify(name)} is on the sheet ${JSON.stringify(t.sheet.name)}, not ${JSON.stringify(a.sheet)}`,
    );
  if (t.headerRowCount === 0)
    throw new CliError(
      "AUDIT_SOURCE",
      `${a.path}: the table ${JSON.stringify(name)} has no header row, so its columns cannot be named`,
    );
  return sliceSource(book.grid(t.sheet), { ...t.range, bottom: t.lastDataRow }, t.name);
}

export async function readSource(a: AuditArgs, io: CliIo): Promise<AuditSource[]> {
  const book = await openXlsx(a.path, limitsOf(io));
  const sheets = book.worksheets();
  const names = (): string => sheets.map((w) => JSON.stringify(w.name)).join(", ") || "none";
  if (a.table !== undefined) return [tableSource(book, a, a.table)];
  let range: Range | undefined;
  if (a.range !== undefined) {
    range = parseRange(a.range);
    if (!range)
      throw new CliError(
        "BAD_VALUE",
        `audit: --range ${JSON.stringify(a.range)} is not a range such as A1:H40`,
      );
  }
  if (a.sheet !== undefined) {
    const ws = book.sheetNamed(a.sheet);
    if (!ws)
      throw new CliError(
        "SHEET_MISSING",
        `${a.path} has no sheet ${JSON.stringify(a.sheet)} (its sheets: ${names()})`,
      );
    return [sliceSource(book.grid(ws), range, null)];
  }
  if (range) {
    const ws = sheets[0];
    if (!ws) throw new CliError("SHEET_MISSING", `${a.path} has no sheets`);
    return [sliceSource(book.grid(ws), range, null)];
  }
  const sources = sheets
    .filter((ws) => ws.state === "visible")
    .map((ws) => sliceSource(book.grid(ws), undefined, null))
    .filter((s) => s.values.length > 0);
  if (sources.length === 0)
    throw new CliError("NOTHING_TO_READ", `${a.path} has no sheet with data: there is no report to audit`);
  return sources;
}

function columnsOf(
  a: AuditArgs,
  source: AuditSource,
  headerRow: number,
): Partial<Record<AuditRole, number | null>> {
  const headers = source.values[headerRow] ?? [];
  const out: Partial<Record<AuditRole, number | null>> = {};
  const pick = (role: AuditRole, header: string, option: string): void => {
    if (header.toLowerCase() === "none") {
      out[role] = null;
      return;
    }
    const i = columnNamed(headers, header);
    if (i === undefined) {
      const found = headers.map((h) => (h === null ? "" : String(h).trim())).filter((h) => h !== "");
      throw new CliError(
        "AUDIT_SOURCE",
        `audit: ${option}: the header row (${sheetAddress(source.sheet, `${source.origin}`)}…) has no column ${JSON.stringify(header)} (its headers: ${found.map((h) => JSON.stringify(h)).join(", ")})`,
      );
    }
    out[role] = i;
  };
  if (a.polarityColumn !== undefined) pick("polarity", a.polarityColumn, "--polarity-column");
  for (const [role, header] of a.columns) pick(role, header, `--column ${role}=${header}`);
  return out;
}

function headerRowOf(source: AuditSource, a: AuditArgs): number | undefined {
  // With columns named by header, the header row is the first row holding them all.
  const named = [...a.columns.map(([, h]) => h), ...(a.polarityColumn ? [a.polarityColumn] : [])].filter(
    (h) => h.toLowerCase() !== "none",
  );
  if (named.length === 0 || source.table) return undefined;
  const i = source.values.findIndex((row) => named.every((h) => columnNamed(row, h) !== undefined));
  return i < 0 ? undefined : i;
}

export function audit(a: AuditArgs, sources: readonly AuditSource[]): AuditResult {
  let first: unknown;
  for (const source of sources) {
    try {
      const headerRow = headerRowOf(source, a);
      const result = auditReport(source, {
        rule: a.rule,
        tolerance: a.tolerance,
        toleranceType: a.toleranceType,
        polarity: a.polarity,
        ...(headerRow !== undefined ? { headerRow } : {}),
        columns: columnsOf(a, source, headerRow ?? auditLayout(source).headerRow),
      });
      return result;
    } catch (e) {
      if (!(e instanceof AuditSetupError)) throw e;
      first ??= e;
    }
  }
  if (first instanceof AuditSetupError) throw new CliError("AUDIT_SOURCE", `${a.path}: ${first.message}`);
  throw new CliError("NOTHING_TO_READ", `${a.path}: there is no report to audit`);
}
