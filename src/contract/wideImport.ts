/**
 * Import of a wide table (indicators down, quarters across) into the long PerfActuals form
 * (workbook.md, "perfcycle import"). Headers are period labels, quarter-end dates (text, Excel
 * serials or Dates) or month labels; cells are numbers, percentages, `n/d` fractions, blanks or
 * placeholders. Every error and warning names the sheet, the cell and the text found there.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - The header row is the first row with a quarter header and either a label column
 *   (IndicatorId/Id/Code, Indicator/Measure, OrgUnit/Unit/Cluster/Centre) or a second quarter.
 * - A header that is neither a quarter nor a label column is ignored with a warning, unless it
 *   looks like a date or a quarter (`31/12/213`, `15/05/2015`, `Q5 2015`): then it is an error.
 *   A whole number from 1900 to 2199 as a header is a year, not a quarter: an error.
 * - With no IndicatorId column, the indicator's label is used as its id (one warning); with no
 *   unit column the unit is blank (one warning).
 * - A placeholder (`awaiting data`) gives no row and a warning; a blank gives no row silently.
 * - Rows are sorted by indicator id, unit and quarter (stable); issues by cell, row by row.
 */
import {
  formatQuarter,
  idKey,
  parseCellNumber,
  parsePeriod,
  quarterIndex,
  quote,
  rate,
  unitKey,
  type Quarter,
} from "../engine";
import { offsetA1, parseA1 } from "./a1";
import type { RawCell } from "./raw";
import { cellText, isBlankCell } from "./read";
import { matchHeader } from "./schema";

/** A row of the import JSON, exactly the spec's keys. */
export interface ImportedRow {
  readonly indicatorId: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** A problem with one cell: the sheet, its A1 address, the text found and what is wrong. */
export interface CellIssue {
  readonly sheet: string;
  readonly cell: string;
  readonly text: string;
  readonly message: string;
}

export interface WideImport {
  readonly rows: ImportedRow[];
  readonly errors: CellIssue[];
  readonly warnings: CellIssue[];
}

export interface WideImportOptions {
  /** First month of the fiscal year, 1-12. */
  readonly startMonth: number;
  /** A1 address of grid[0][0] (default A1). */
  readonly origin?: string;
}

type Label = "id" | "indicator" | "unit";

const LABEL_HEADERS: Readonly<Record<Label, readonly string[]>> = {
  id: ["IndicatorId", "Id", "Code", "IndicatorCode", "Ref", "Reference", "PI", "PIRef"],
  indicator: ["Indicator", "Measure", "IndicatorName", "Description", "Name", "PerformanceIndicator"],
  unit: ["OrgUnit", "Unit", "Cluster", "Centre", "Center", "Area", "Locality", "Team", "Service"],
};

export const IMPORT_JSON_KEYS = [
  "indicatorId",
  "indicator",
  "orgUnit",
  "period",
  "value",
  "numerator",
  "denominator",
] as const satisfies readonly (keyof ImportedRow)[];

function labelOf(cell: RawCell): Label | undefined {
  if (typeof cell !== "string") return undefined;
  for (const k of ["id", "indicator", "unit"] as const) {
    if (matchHeader(cell, LABEL_HEADERS[k]) !== undefined) return k;
  }
  return undefined;
}

/** Text that looks like a date or a quarter, so failing to read it is an error rather than a stray column. */
function looksLikePeriod(text: string): boolean {
  return (
    /\d{1,4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,4}/.test(text) ||
    /\bQ\s*\d\b/i.test(text) ||
    /^\d{4}\s*[-/]\s*\d{2,4}\b/.test(text) ||
    /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s-]*'?\d{2,4}$/i.test(text)
  );
}

type HeaderRead =
  | { readonly kind: "label"; readonly label: Label }
  | { readonly kind: "period"; readonly quarter: Quarter }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "ignored" }
  | { readonly kind: "blank" };

function readHeader(cell: RawCell, startMonth: number): HeaderRead {
  if (isBlankCell(cell)) return { kind: "blank" };
  const label = labelOf(cell);
  if (label) return { kind: "label", label };
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 2199) {
    return {
      kind: "error",
      message: `${quote(cell)} is a year, not a quarter: write the quarter (${formatQuarter({ fy: cell, q: 1 }, startMonth)}) or its end date`,
    };
  }
  if (typeof cell === "boolean") return { kind: "ignored" };
  const p = parsePeriod(cell, { startMonth, requireQuarterEnd: true });
  if (p.ok) return { kind: "period", quarter: p.value };
  if (typeof cell === "string" && p.error.code === "PERIOD_UNPARSEABLE" && !looksLikePeriod(cell.trim())) {
    return { kind: "ignored" };
  }
  return { kind: "error", message: p.error.message };
}

/** Import a wide grid. Never throws: every problem is an error or a warning naming its cell. */
export function importWide(
  sheet: string,
  grid: readonly (readonly RawCell[])[],
  options: WideImportOptions,
): WideImport {
  const { startMonth } = options;
  const origin = options.origin !== undefined && parseA1(options.origin) ? options.origin : "A1";
  const errors: (CellIssue & { r: number; c: number })[] = [];
  const warnings: (CellIssue & { r: number; c: number })[] = [];
  const at = (r: number, c: number): string => offsetA1(origin, r, c);
  const issue = (list: typeof errors, r: number, c: number, cell: RawCell, message: string): void => {
    list.push({ sheet, cell: at(r, c), text: cellText(cell), message, r, c });
  };
  const done = (rows: ImportedRow[]): WideImport => {
    const order = (a: { r: number; c: number }, b: { r: number; c: number }): number =>
      a.r - b.r || a.c - b.c;
    const strip = ({ sheet: s, cell, text, message }: CellIssue): CellIssue => ({
      sheet: s,
      cell,
      text,
      message,
    });
    return { rows, errors: errors.sort(order).map(strip), warnings: warnings.sort(order).map(strip) };
  };

  // The header row.
  let headerRow = -1;
  let headers: HeaderRead[] = [];
  for (let r = 0; r < grid.length && headerRow < 0; r++) {
    const row = grid[r] ?? [];
    const read = row.map((c) => readHeader(c, startMonth));
    const periods = read.filter((h) => h.kind === "period").length;
    const labels = read.filter((h) => h.kind === "label").length;
    const bad = read.filter((h) => h.kind === "error").length;
    if ((periods >= 1 || bad >= 1) && (labels >= 1 || periods + bad >= 2)) {
      headerRow = r;
      headers = read;
    }
  }
  if (headerRow < 0) {
    errors.push({
      sheet,
      cell: at(0, 0),
      text: cellText(grid[0]?.[0] ?? null),
      message:
        "No header row with quarters was found: the table needs a row of quarter headers (2015-16 Q1, 30/06/2015 or Jun-15) beside an Indicator or IndicatorId column",
      r: 0,
      c: 0,
    });
    return done([]);
  }

  const hdr = grid[headerRow] ?? [];
  const labelCol: Partial<Record<Label, number>> = {};
  const periodCols: { c: number; quarter: Quarter }[] = [];
  const seenQuarter = new Map<number, number>();
  headers.forEach((h, c) => {
    const cell = hdr[c] ?? null;
    switch (h.kind) {
      case "label":
        if (labelCol[h.label] === undefined) labelCol[h.label] = c;
        else
          issue(
            warnings,
            headerRow,
            c,
            cell,
            `a second ${h.label === "id" ? "id" : h.label} column; the first is used`,
          );
        break;
      case "period": {
        const qi = quarterIndex(h.quarter);
        const first = seenQuarter.get(qi);
        if (first !== undefined) {
          issue(
            errors,
            headerRow,
            c,
            cell,
            `${quote(cellText(cell))} is ${formatQuarter(h.quarter, startMonth)} again (also the header of ${at(headerRow, first)}); this column is not imported`,
          );
        } else {
          seenQuarter.set(qi, c);
          periodCols.push({ c, quarter: h.quarter });
        }
        break;
      }
      case "error":
        issue(errors, headerRow, c, cell, `${h.message}; this column is not imported`);
        break;
      case "ignored":
        issue(
          warnings,
          headerRow,
          c,
          cell,
          `${quote(cellText(cell))} is not a quarter or a label column; the column is ignored`,
        );
        break;
      case "blank":
        break;
    }
  });
  if (labelCol.id === undefined && labelCol.indicator === undefined) {
    issue(
      errors,
      headerRow,
      0,
      hdr[0] ?? null,
      "The header row has no IndicatorId (or Id, Code) and no Indicator (or Measure) column, so the rows cannot be named",
    );
    return done([]);
  }
  if (labelCol.id === undefined) {
    issue(
      warnings,
      headerRow,
      labelCol.indicator ?? 0,
      hdr[labelCol.indicator ?? 0] ?? null,
      "No IndicatorId column: the indicator labels are used as ids",
    );
  }
  if (labelCol.unit === undefined) {
    issue(
      warnings,
      headerRow,
      labelCol.indicator ?? labelCol.id ?? 0,
      hdr[labelCol.indicator ?? labelCol.id ?? 0] ?? null,
      "No OrgUnit (or Unit, Cluster, Centre) column: the unit is left blank",
    );
  }

  const rows: (ImportedRow & { qi: number; seq: number })[] = [];
  const seen = new Map<string, string>();
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((c) => isBlankCell(c))) continue;
    const indicator = labelCol.indicator === undefined ? "" : cellText(row[labelCol.indicator] ?? null);
    const idCell = labelCol.id === undefined ? null : (row[labelCol.id] ?? null);
    const indicatorId = labelCol.id === undefined ? indicator : cellText(idCell);
    const orgUnit = labelCol.unit === undefined ? "" : cellText(row[labelCol.unit] ?? null);
    const hasFigures = periodCols.some(({ c }) => !isBlankCell(row[c] ?? null));
    if (!hasFigures) continue; // a heading or a row with nothing yet
    if (indicatorId === "") {
      const c = labelCol.id ?? labelCol.indicator ?? 0;
      issue(
        errors,
        r,
        c,
        row[c] ?? null,
        "This row has figures but no indicator id, so they cannot be imported",
      );
      continue;
    }
    for (const { c, quarter } of periodCols) {
      const cell = row[c] ?? null;
      const parsed = parseCellNumber(cell);
      const period = formatQuarter(quarter, startMonth);
      if (!parsed.ok) {
        issue(errors, r, c, cell, `${parsed.error.message} (${indicatorId}, ${period})`);
        continue;
      }
      let value: number | null = null;
      let numerator: number | null = null;
      let denominator: number | null = null;
      switch (parsed.value.kind) {
        case "blank":
          continue;
        case "placeholder":
          issue(
            warnings,
            r,
            c,
            cell,
            `${quote(parsed.value.text)} is not a figure yet; no actual imported for ${indicatorId} ${period}`,
          );
          continue;
        case "number":
          value = parsed.value.value;
          break;
        case "fraction": {
          const f = rate(parsed.value.numerator, parsed.value.denominator);
          if (!f.ok) {
            issue(errors, r, c, cell, `${quote(cellText(cell))}: ${f.error.message}`);
            continue;
          }
          value = f.value;
          numerator = parsed.value.numerator;
          denominator = parsed.value.denominator;
          break;
        }
      }
      const key = `${idKey(indicatorId)}|${unitKey(orgUnit)}|${quarterIndex(quarter)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issue(
          errors,
          r,
          c,
          cell,
          `${indicatorId}${orgUnit ? ` (${orgUnit})` : ""} ${period} is already given in ${first}; this figure is not imported`,
        );
        continue;
      }
      seen.set(key, at(r, c));
      rows.push({
        indicatorId,
        indicator,
        orgUnit,
        period,
        value,
        numerator,
        denominator,
        qi: quarterIndex(quarter),
        seq: rows.length,
      });
    }
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort(
    (a, b) =>
      cmp(idKey(a.indicatorId), idKey(b.indicatorId)) ||
      cmp(unitKey(a.orgUnit), unitKey(b.orgUnit)) ||
      a.qi - b.qi ||
      a.seq - b.seq,
  );
  return done(
    rows.map(({ indicatorId, indicator, orgUnit, period, value, numerator, denominator }) => ({
      indicatorId,
      indicator,
      orgUnit,
      period,
      value,
      numerator,
      denominator,
    })),
  );
}
