/**
 * Actuals for a quarter: the rows the entry grid shows (one per target of the quarter's year),
 * what the user typed turned into the contract's ActualInput, pasted blocks of cells, a wide
 * table imported from the selection (contract importWide), and a dry run of the write through
 * the contract (upsertActuals then readRegister) so the problems a write would make are shown
 * before anything is written.
 */
import {
  formatQuarter,
  fractionAllowed,
  idKey,
  MESSAGES,
  parseCellNumber,
  quarterIndex,
  rateCounts,
  unitKey,
  type ActualRecord,
  type MeasureType,
  type Quarter,
  type Register,
} from "../../engine";
import {
  findTable,
  importWide,
  offsetA1,
  readRegister,
  sheetAddress,
  TABLE,
  upsertActuals,
  type ActualInput,
  type ContractError,
  type RawWorkbook,
  type Selection,
  type WideImport,
} from "../../contract";
import { numberText } from "./cells";

export interface EntryRow {
  readonly key: string;
  readonly indicatorId: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly measureType: MeasureType;
  /** Units whose figures for this indicator roll up into this one (PerfUnits children that report it). */
  readonly children: readonly string[];
  readonly existing: ActualRecord | undefined;
}

export type EntryColumn = "value" | "numerator" | "denominator";
export const ENTRY_COLUMNS: readonly EntryColumn[] = ["value", "numerator", "denominator"];
export type EntryTexts = Record<EntryColumn, string>;

export const entryKey = (indicatorId: string, orgUnit: string): string =>
  `${idKey(indicatorId)}|${unitKey(orgUnit)}`;

/** One row per target (indicator and unit) of the quarter's fiscal year, in register order. */
export function entryRows(register: Register, period: Quarter): EntryRow[] {
  const qi = quarterIndex(period);
  const actual = new Map<string, ActualRecord>();
  for (const a of register.actuals) {
    if (quarterIndex(a.period) !== qi) continue;
    const k = entryKey(a.indicatorId, a.orgUnit);
    if (!actual.has(k)) actual.set(k, a);
  }
  const children = new Map<string, string[]>();
  for (const u of register.units) {
    if (u.parent === null) continue;
    const k = unitKey(u.parent);
    children.set(k, [...(children.get(k) ?? []), u.orgUnit]);
  }
  // Units with figures of their own for an indicator (any quarter): a parent rolls those up.
  const reporting = new Set(register.actuals.map((a) => entryKey(a.indicatorId, a.orgUnit)));
  const out: EntryRow[] = [];
  const seen = new Set<string>();
  for (const t of register.targets) {
    if (t.measureType === null || t.indicatorId.trim() === "") continue;
    if (t.targetYear !== null && t.targetYear !== period.fy) continue;
    const key = entryKey(t.indicatorId, t.orgUnit);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      key,
      indicatorId: t.indicatorId,
      indicator: t.indicator,
      orgUnit: t.orgUnit,
      measureType: t.measureType,
      children: (children.get(unitKey(t.orgUnit)) ?? []).filter((c) =>
        reporting.has(entryKey(t.indicatorId, c)),
      ),
      existing: actual.get(key),
    });
  }
  return out;
}

/** The texts a row starts with: its figures as stored (a rate's value as a percentage). */
export function initialTexts(row: EntryRow): EntryTexts {
  const a = row.existing;
  if (!a) return { value: "", numerator: "", denominator: "" };
  const rateRow = row.measureType === "Rate";
  if (rateRow && a.numerator !== null && a.denominator !== null) {
    return {
      value: "",
      numerator: numberText(a.numerator, "plain"),
      denominator: numberText(a.denominator, "plain"),
    };
  }
  return {
    value: numberText(a.value, rateRow ? "percent" : "plain"),
    numerator: numberText(a.numerator, "plain"),
    denominator: numberText(a.denominator, "plain"),
  };
}

export interface EntryIssue {
  readonly indicatorId: string;
  readonly orgUnit: string;
  readonly column: string;
  readonly text: string;
  readonly message: string;
}

export interface ParsedEntries {
  readonly inputs: ActualInput[];
  readonly errors: EntryIssue[];
  readonly warnings: EntryIssue[];
}

const COLUMN_NAME: Readonly<Record<EntryColumn, string>> = {
  value: "Value",
  numerator: "Numerator",
  denominator: "Denominator",
};

/** One changed row being read: its texts and where its problems go. */
interface EntryContext {
  readonly now: EntryTexts;
  readonly issue: (column: EntryColumn, message: string) => EntryIssue;
  readonly errors: EntryIssue[];
  readonly warnings: EntryIssue[];
}

/** A count typed in the grid: blank → null; a placeholder a warning; a percentage or bad text an error (undefined). */
function readCount(ctx: EntryContext, column: "numerator" | "denominator"): number | null | undefined {
  const text = ctx.now[column];
  const p = parseCellNumber(text);
  if (!p.ok) {
    ctx.errors.push(ctx.issue(column, p.error.message));
    return undefined;
  }
  if (p.value.kind === "number" && !p.value.percent) return p.value.value;
  if (p.value.kind === "blank") return null;
  if (p.value.kind === "placeholder") {
    ctx.warnings.push(ctx.issue(column, `${text.trim()} is not a figure yet; left blank`));
    return null;
  }
  ctx.errors.push(ctx.issue(column, `'${text.trim()}' is not a count: give a whole number`));
  return undefined;
}

interface GridFigures {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  bad: boolean;
}

/** The Value typed: a rate's is a percentage (`11.3` or `11.3%`) or a fraction `31/274` (engine fractionAllowed). */
function readValue(ctx: EntryContext, measureType: MeasureType, out: GridFigures): void {
  const vt = ctx.now.value.trim();
  if (vt === "") return;
  const rateRow = measureType === "Rate";
  const asPct = rateRow && !vt.endsWith("%") && !vt.includes("/");
  // A rate's Value is read as a percentage; the engine's message quotes what the user typed.
  const p = parseCellNumber(vt, { percent: asPct });
  if (!p.ok) {
    ctx.errors.push(ctx.issue("value", p.error.message));
    out.bad = true;
  } else if (p.value.kind === "number") out.value = p.value.value;
  else if (p.value.kind === "placeholder")
    ctx.warnings.push(ctx.issue("value", `${vt} is not a figure yet; left blank`));
  else if (p.value.kind === "fraction") {
    const allowed = fractionAllowed(measureType, vt);
    if (!allowed.ok) {
      ctx.errors.push(ctx.issue("value", allowed.error.message));
      out.bad = true;
    } else {
      out.numerator = p.value.numerator;
      out.denominator = p.value.denominator;
    }
  }
}

/** A rate's counts (engine rateCounts: both or neither, never a denominator of 0); typed counts win over a fraction. */
function readRateCounts(ctx: EntryContext, out: GridFigures): void {
  const n = readCount(ctx, "numerator");
  const d = readCount(ctx, "denominator");
  if (n === undefined || d === undefined) out.bad = true;
  const typed = rateCounts(n ?? null, d ?? null);
  if (!typed.ok && typed.error.code === "FIGURE_ONE_COUNT") {
    const missing = typed.error.field === "Numerator" ? "numerator" : "denominator";
    ctx.errors.push(ctx.issue(missing, MESSAGES.oneCountInGrid()));
    out.bad = true;
  } else if (n !== null && n !== undefined && d !== null && d !== undefined) {
    out.numerator = n;
    out.denominator = d;
  }
  if (out.numerator !== null && out.denominator !== null) {
    const r = rateCounts(out.numerator, out.denominator);
    if (!r.ok) {
      ctx.errors.push(ctx.issue("denominator", r.error.message));
      out.bad = true;
    }
    out.value = null;
  }
}

/** One changed row's input, or null (with its errors or warnings). */
function entryInput(
  row: EntryRow,
  ctx: EntryContext,
  before: EntryTexts,
  period: string,
): ActualInput | null {
  const out: GridFigures = { value: null, numerator: null, denominator: null, bad: false };
  readValue(ctx, row.measureType, out);
  if (row.measureType === "Rate") readRateCounts(ctx, out);
  if (out.bad) return null;
  const { value, numerator, denominator } = out;
  if (value === null && numerator === null && denominator === null) {
    if (ENTRY_COLUMNS.some((c) => before[c].trim() !== "")) {
      ctx.warnings.push(
        ctx.issue(
          "value",
          "a figure already in the workbook is not removed from here: clear it in the PerfActuals table",
        ),
      );
    }
    return null;
  }
  return { indicatorId: row.indicatorId, orgUnit: row.orgUnit, period, value, numerator, denominator };
}

/**
 * The actuals to write from the grid: only rows whose texts changed. Numbers are read by the
 * engine; a rate's value is a percentage (`11.3` or `11.3%`) or a fraction `31/274`.
 */
export function parseEntries(
  rows: readonly EntryRow[],
  texts: ReadonlyMap<string, EntryTexts>,
  period: string,
): ParsedEntries {
  const inputs: ActualInput[] = [];
  const errors: EntryIssue[] = [];
  const warnings: EntryIssue[] = [];
  for (const row of rows) {
    const now = texts.get(row.key);
    if (!now) continue;
    const before = initialTexts(row);
    if (ENTRY_COLUMNS.every((c) => now[c].trim() === before[c].trim())) continue;
    const issue = (column: EntryColumn, message: string): EntryIssue => ({
      indicatorId: row.indicatorId,
      orgUnit: row.orgUnit,
      column: COLUMN_NAME[column],
      text: now[column],
      message,
    });
    const input = entryInput(row, { now, issue, errors, warnings }, before, period);
    if (input) inputs.push(input);
  }
  return { inputs, errors, warnings };
}

/**
 * Cells pasted from a spreadsheet (tab-separated rows), placed from a starting row and column of
 * the grid's editable columns. Returns the new texts; cells beyond the grid are counted, not lost silently.
 */
export function pasteInto(
  rows: readonly EntryRow[],
  texts: ReadonlyMap<string, EntryTexts>,
  start: { readonly row: number; readonly column: EntryColumn },
  clipboard: string,
): { texts: Map<string, EntryTexts>; placed: number; dropped: number } {
  const lines = clipboard.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  const out = new Map(texts);
  const c0 = ENTRY_COLUMNS.indexOf(start.column);
  let placed = 0;
  let dropped = 0;
  lines.forEach((line, i) => {
    const row = rows[start.row + i];
    line.split("\t").forEach((cell, j) => {
      const column = ENTRY_COLUMNS[c0 + j];
      const rateOnly = column === "numerator" || column === "denominator";
      if (!row || !column || (rateOnly && row.measureType !== "Rate")) {
        if (cell.trim() !== "") dropped++;
        return;
      }
      const cur = out.get(row.key) ?? initialTexts(row);
      out.set(row.key, { ...cur, [column]: cell.trim() });
      placed++;
    });
  });
  return { texts: out, placed, dropped };
}

/** `Sheet!A1:E3` of a selection (its top-left address and its values' size). */
export function selectionAddress(selection: Selection): string {
  const rows = selection.values.length;
  const cols = Math.max(0, ...selection.values.map((r) => r.length));
  const last = offsetA1(selection.address, Math.max(0, rows - 1), Math.max(0, cols - 1));
  const local = rows * cols > 1 ? `${selection.address}:${last}` : selection.address;
  return sheetAddress(selection.sheet, local);
}

/** A wide table read from the selection by the contract's import rules. */
export function importSelection(selection: Selection, startMonth: number): WideImport {
  return importWide(
    selection.sheet,
    selection.values.map((r) => [...r]),
    { startMonth, origin: selection.address },
  );
}

/** The actuals of an import, as the host writes them. */
export function importInputs(result: WideImport): ActualInput[] {
  return result.rows.map((r) => ({
    indicatorId: r.indicatorId,
    orgUnit: r.orgUnit,
    period: r.period,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    ...(r.quality !== undefined ? { quality: r.quality } : {}),
  }));
}

/**
 * The problems the workbook would have after writing these actuals: the contract's upsert, then
 * its reader, keeping the errors of the rows written (e.g. an indicator with no target).
 */
export function dryRun(
  book: RawWorkbook,
  inputs: readonly ActualInput[],
  startMonth: number,
): ContractError[] {
  const actuals = findTable(book, TABLE.actuals);
  if (!actuals) {
    return [
      {
        code: "ACTUALS_TABLE_MISSING",
        table: TABLE.actuals,
        row: null,
        column: null,
        message: MESSAGES.actualsTableMissing(),
      },
    ];
  }
  const up = upsertActuals(actuals, inputs, startMonth);
  if (up.errors.length > 0) return up.errors;
  const changed = new Set(up.changedRows);
  const tables = book.tables.map((t) => {
    if (t !== actuals) return t;
    const { numberFormats: _formats, ...rest } = t;
    return { ...rest, rows: up.rows };
  });
  const read = readRegister({ tables });
  return read.errors.filter((e) => e.table === TABLE.actuals && e.row !== null && changed.has(e.row));
}

/** Quarters a user may pick: every quarter of the target years, the year before the first, and the reporting period's year. */
export function quarterChoices(register: Register): string[] {
  const years = new Set<number>();
  for (const t of register.targets) if (t.targetYear !== null) years.add(t.targetYear);
  const rp = register.settings.reportingPeriod;
  if (rp) years.add(rp.fy);
  if (years.size === 0) return [];
  years.add(Math.min(...years) - 1);
  const sm = register.settings.startMonth;
  return [...years]
    .sort((a, b) => a - b)
    .flatMap((fy) => ([1, 2, 3, 4] as const).map((q) => formatQuarter({ fy, q }, sm)));
}
