/**
 * Actuals for a quarter: the rows the entry grid shows (one per target of the quarter's year),
 * what the user typed turned into the contract's ActualInput, pasted blocks of cells, a wide
 * table imported from the selection (contract importWide), and a dry run of the write through
 * the contract (upsertActuals then readRegister) so the problems a write would make are shown
 * before anything is written.
 */
import {
  formatQuarter,
  idKey,
  parseCellNumber,
  parsePeriod,
  quarterIndex,
  rate,
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
    const rateRow = row.measureType === "Rate";
    let value: number | null = null;
    let numerator: number | null = null;
    let denominator: number | null = null;
    let bad = false;
    const count = (column: "numerator" | "denominator"): number | null => {
      const p = parseCellNumber(now[column]);
      if (!p.ok) {
        errors.push(issue(column, p.error.message));
        bad = true;
        return null;
      }
      if (p.value.kind === "number" && !p.value.percent) return p.value.value;
      if (p.value.kind === "blank") return null;
      if (p.value.kind === "placeholder") {
        warnings.push(issue(column, `${now[column].trim()} is not a figure yet; left blank`));
        return null;
      }
      errors.push(issue(column, `'${now[column].trim()}' is not a count: give a whole number`));
      bad = true;
      return null;
    };
    const vt = now.value.trim();
    if (vt !== "") {
      const asPct = rateRow && !vt.endsWith("%") && !vt.includes("/");
      const p = parseCellNumber(asPct ? `${vt}%` : vt);
      if (!p.ok) {
        errors.push(issue("value", p.error.message.replace(`'${vt}%'`, `'${vt}'`)));
        bad = true;
      } else if (p.value.kind === "number") value = p.value.value;
      else if (p.value.kind === "placeholder")
        warnings.push(issue("value", `${vt} is not a figure yet; left blank`));
      else if (p.value.kind === "fraction") {
        if (!rateRow) {
          errors.push(issue("value", `'${vt}' is a fraction; only a Rate may be written as n/d`));
          bad = true;
        } else {
          numerator = p.value.numerator;
          denominator = p.value.denominator;
        }
      }
    }
    if (rateRow) {
      const n = count("numerator");
      const d = count("denominator");
      if (n !== null || d !== null) {
        if (n === null || d === null) {
          errors.push(
            issue(n === null ? "numerator" : "denominator", "give both the numerator and the denominator"),
          );
          bad = true;
        } else {
          numerator = n;
          denominator = d;
        }
      }
      if (numerator !== null && denominator !== null) {
        const r = rate(numerator, denominator);
        if (!r.ok) {
          errors.push(issue("denominator", r.error.message));
          bad = true;
        }
        value = null;
      }
    }
    if (bad) continue;
    if (value === null && numerator === null && denominator === null) {
      if (ENTRY_COLUMNS.some((c) => before[c].trim() !== "")) {
        warnings.push(
          issue(
            "value",
            "a figure already in the workbook is not removed from here: clear it in the PerfActuals table",
          ),
        );
      }
      continue;
    }
    inputs.push({
      indicatorId: row.indicatorId,
      orgUnit: row.orgUnit,
      period,
      value,
      numerator,
      denominator,
    });
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
        table: TABLE.actuals,
        row: null,
        column: null,
        message: "This workbook has no PerfActuals table: set it up first (Set up).",
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

/** The canonical label of a period typed or chosen, or null when it does not parse. */
export function canonicalPeriod(text: string, startMonth: number): string | null {
  const p = parsePeriod(text, { startMonth });
  return p.ok ? formatQuarter(p.value, startMonth) : null;
}
