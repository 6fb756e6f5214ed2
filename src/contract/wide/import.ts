/**
 * Import of a wide table (indicators down, quarters across) into the long PerfActuals form
 * (workbook.md, "perfcycle import"), as councils publish such tables: title and note rows
 * above the header, a row of fiscal years over the quarter headers, merged header cells, a label
 * column headed anything ("Case Type", "KPI", nothing), totals and "of which" rows, footnote
 * and quality marks on figures, and a percentage row under its `n/d` row. Every error and
 * warning names the sheet, the cell and the text found there; a mistyped header is an error and
 * the rest of the table still imports.
 *
 * Decisions where the spec is silent (docs/decisions.md, "Wide import" and "Tables as councils
 * publish them"):
 * - The header row is the first row with a quarter header and either a label column
 *   (IndicatorId/Id/Code, Indicator/Measure/KPI, OrgUnit/Unit/Cluster/Centre) or a second
 *   quarter; a fiscal-year row is never the header row.
 * - With no IndicatorId or Indicator column, the label column is the first column of text
 *   below the header (at least half its filled cells are words, not figures), whatever its
 *   header says. Ids are then made from the labels (labels.ts), with a warning naming each
 *   label's cell; two labels that make the same id get -2, -3 (a warning each).
 * - A header that is neither a quarter nor a label column is ignored with a warning, unless it
 *   looks like a date or a quarter (`31/12/213`, `15/05/2015`, `Q5 2015`): then it is an error
 *   naming how many figures under it are not imported.
 * - A row whose figures are all `n/d` followed directly by a percentage row (its label has %,
 *   percent, proportion or rate, or all its figures are percentages) is one indicator: the
 *   `n/d` figures are imported; a percentage is imported only where its `n/d` cell is blank;
 *   each percentage that does not equal its `n/d` at its published precision is a warning here
 *   (and a finding of `perfcycle check`).
 * - Totals and "of which" rows are imported as indicators of their own, flagged with `role`
 *   (`total` or `part`, and `partOf`, the id of the row a part belongs to): PerfCycle never adds
 *   indicators together, so nothing is counted twice; the flag lets a reader keep them apart.
 * - Footnote marks are read off figures (marks.ts), one warning per mark listing the cells;
 *   `(p)` and `(e)` give the row `quality` Provisional or Estimated.
 * - A placeholder (`awaiting data`) gives no row and a warning; a blank gives no row silently.
 * - Rows are sorted by indicator id, unit and quarter (stable); issues by cell, row by row.
 */
import {
  actualKey,
  checkPublishedPercent,
  formatQuarter,
  idKey,
  parseCellNumber,
  quarterIndex,
  quote,
  rate,
  unitKey,
  type CellNumber,
  type Quarter,
  type Result,
} from "../../engine";
import { offsetA1, parseA1 } from "../a1";
import { publishedPercent } from "../published";
import type { RawCell } from "../raw";
import { cellText, isBlankCell } from "../read";
import { bandOf, readHeader, type BandYear, type HeaderRead, type Label } from "./header";
import { idFromLabel, isPercentLabel, partName, rowRole, slugId, type RowRole } from "./labels";
import { readMarks, type MarkQuality } from "./marks";
import { mergeAreas, spreadMerges } from "./merges";

/** A row of the import JSON: the spec's keys, and the optional flags only when they apply. */
export interface ImportedRow {
  readonly indicatorId: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The figure carried a data-quality mark (`(p)`, `(e)`). */
  readonly quality?: MarkQuality;
  /** A total row, or a part ("of which") of the row `partOf`. */
  readonly role?: RowRole;
  readonly partOf?: string;
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
  /** Merged areas as A1 ranges in sheet coordinates (SheetGrid.merges). */
  readonly merges?: readonly string[];
  /** Number formats, the grid's shape (to read the precision a percentage is published with). */
  readonly formats?: readonly (readonly string[])[];
}

export const IMPORT_JSON_KEYS = [
  "indicatorId",
  "indicator",
  "orgUnit",
  "period",
  "value",
  "numerator",
  "denominator",
] as const satisfies readonly (keyof ImportedRow)[];

/** The optional keys of an imported row, written to the JSON only when present. */
export const IMPORT_JSON_OPTIONAL_KEYS = [
  "quality",
  "role",
  "partOf",
] as const satisfies readonly (keyof ImportedRow)[];

type Issue = CellIssue & { r: number; c: number };

/** A figure cell read: marks off, then the engine's parser; `31 of 274 (11.3%)` is the fraction with its published percentage. */
interface Figure {
  readonly parsed: Result<CellNumber>;
  readonly marks: readonly string[];
  readonly quality?: MarkQuality;
  readonly published?: { readonly fraction: number; readonly decimals: number; readonly text: string };
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const WITH_PCT = new RegExp(
  String.raw`^${NUM}\s*(?:/|of|out of)\s*${NUM}\s*\(\s*(\d+(?:\.\d+)?)\s*%\s*\)$|^(\d+(?:\.\d+)?)\s*%\s*\(\s*${NUM}\s*(?:/|of|out of)\s*${NUM}\s*\)$`,
  "i",
);
const OF_FORM = new RegExp(String.raw`^${NUM}\s+(?:of|out of)\s+${NUM}$`, "i");

function readFigure(cell: RawCell): Figure {
  const m = readMarks(cell);
  const base = { marks: m.marks, ...(m.quality ? { quality: m.quality } : {}) };
  if (typeof m.cell === "string") {
    const text = m.cell.trim();
    const w = WITH_PCT.exec(text);
    if (w) {
      const n = Number((w[1] ?? w[5] ?? "").replace(/,/g, ""));
      const d = Number((w[2] ?? w[6] ?? "").replace(/,/g, ""));
      const p = w[3] ?? w[4] ?? "";
      const dot = p.indexOf(".");
      return {
        ...base,
        parsed: { ok: true, value: { kind: "fraction", numerator: n, denominator: d } },
        published: { fraction: Number(`${p}e-2`), decimals: dot < 0 ? 0 : p.length - dot - 1, text: `${p}%` },
      };
    }
    const o = OF_FORM.exec(text);
    if (o) {
      const n = Number((o[1] ?? "").replace(/,/g, ""));
      const d = Number((o[2] ?? "").replace(/,/g, ""));
      return { ...base, parsed: { ok: true, value: { kind: "fraction", numerator: n, denominator: d } } };
    }
  }
  return { ...base, parsed: parseCellNumber(m.cell) };
}

/** Import a wide grid. Never throws: every problem is an error or a warning naming its cell. */
export function importWide(
  sheet: string,
  grid: readonly (readonly RawCell[])[],
  options: WideImportOptions,
): WideImport {
  const { startMonth } = options;
  const origin = options.origin !== undefined && parseA1(options.origin) ? options.origin : "A1";
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const at = (r: number, c: number): string => offsetA1(origin, r, c);
  const issue = (list: Issue[], r: number, c: number, cell: RawCell, message: string): void => {
    list.push({ sheet, cell: at(r, c), text: cellText(cell), message, r, c });
  };
  const done = (rows: ImportedRow[]): WideImport => {
    const order = (a: Issue, b: Issue): number => a.r - b.r || a.c - b.c;
    const strip = ({ sheet: s, cell, text, message }: Issue): CellIssue => ({
      sheet: s,
      cell,
      text,
      message,
    });
    return { rows, errors: errors.sort(order).map(strip), warnings: warnings.sort(order).map(strip) };
  };
  const areas = mergeAreas(options.merges, origin);
  const headerGrid = spreadMerges(grid, areas);

  // The header row, and the fiscal-year row above it.
  let headerRow = -1;
  let headers: HeaderRead[] = [];
  let band: ((c: number) => BandYear | undefined) | undefined;
  let bandRow = -1;
  for (let r = 0; r < grid.length && headerRow < 0; r++) {
    const row = headerGrid[r] ?? [];
    const asBand = bandOf(grid[r] ?? [], r, areas, startMonth, at);
    if (asBand && !row.some((c) => readHeader(c, startMonth).kind === "period")) {
      band = asBand;
      bandRow = r;
      continue;
    }
    const over = bandRow >= 0 && r - bandRow <= 2 ? band : undefined;
    const read = row.map((c, i) => readHeader(c, startMonth, over?.(i)));
    const periods = read.filter((h) => h.kind === "period").length;
    const labels = read.filter((h) => h.kind === "label").length;
    const bad = read.filter((h) => h.kind === "error").length;
    // One quarter with no label header: a header when the row below has words left of it.
    const firstPeriod = read.findIndex((h) => h.kind === "period");
    const wordsBelow =
      firstPeriod > 0 &&
      (grid[r + 1] ?? [])
        .slice(0, firstPeriod)
        .some((c) => typeof c === "string" && !readFigure(c).parsed.ok);
    if ((periods >= 1 || bad >= 1) && (labels >= 1 || periods + bad >= 2 || wordsBelow)) {
      headerRow = r;
      headers = read;
    }
  }
  if (headerRow < 0) {
    issue(
      errors,
      0,
      0,
      grid[0]?.[0] ?? null,
      "No header row with quarters was found: the table needs a row of quarter headers (2015-16 Q1, 30/06/2015 or Jun-15) beside an Indicator or IndicatorId column",
    );
    return done([]);
  }

  const hdr = headerGrid[headerRow] ?? [];
  const labelCol: Partial<Record<Label, number>> = {};
  const periodCols: { c: number; quarter: Quarter }[] = [];
  const seenQuarter = new Map<number, number>();
  const ignored: number[] = [];
  const filledBelow = (c: number): number =>
    grid.slice(headerRow + 1).filter((row) => !isBlankCell(row[c] ?? null)).length;
  const notImported = (c: number): string => {
    const n = filledBelow(c);
    return n === 0
      ? "this column is not imported"
      : `the ${n} figure${n === 1 ? "" : "s"} under it are not imported`;
  };
  headers.forEach((h, c) => {
    const cell = hdr[c] ?? null;
    switch (h.kind) {
      case "label":
        if (labelCol[h.label] === undefined) labelCol[h.label] = c;
        else issue(warnings, headerRow, c, cell, `a second ${h.label} column; the first is used`);
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
            `${quote(cellText(cell))} is ${formatQuarter(h.quarter, startMonth)} again (also the header of ${at(headerRow, first)}); ${notImported(c)}`,
          );
        } else {
          seenQuarter.set(qi, c);
          periodCols.push({ c, quarter: h.quarter });
        }
        break;
      }
      case "error":
        issue(errors, headerRow, c, cell, `${h.message}; ${notImported(c)}`);
        break;
      case "year":
        issue(
          warnings,
          headerRow,
          c,
          cell,
          `${quote(cellText(cell))} is a whole year's column, not a quarter; the column is not imported`,
        );
        break;
      case "ignored":
        ignored.push(c);
        break;
      case "blank":
        break;
    }
  });

  // The label column: named by its header, else the first column of text.
  const figureCols = new Set([
    ...periodCols.map((p) => p.c),
    ...headers.flatMap((h, c) => (h.kind === "error" || h.kind === "year" ? [c] : [])),
  ]);
  if (labelCol.id === undefined && labelCol.indicator === undefined) {
    const width = Math.max(0, ...grid.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      if (figureCols.has(c) || c === labelCol.unit) continue;
      let text = 0;
      let filled = 0;
      for (let r = headerRow + 1; r < grid.length; r++) {
        const cell = grid[r]?.[c] ?? null;
        if (isBlankCell(cell)) continue;
        filled++;
        if (typeof cell === "string" && !readFigure(cell).parsed.ok) text++;
      }
      if (text > 0 && text * 2 >= filled) {
        labelCol.indicator = c;
        break;
      }
    }
  }
  for (const c of ignored) {
    if (c === labelCol.indicator) continue;
    const cell = hdr[c] ?? null;
    issue(
      warnings,
      headerRow,
      c,
      cell,
      `${quote(cellText(cell))} is not a quarter or a label column; the column is ignored`,
    );
  }
  if (labelCol.id === undefined && labelCol.indicator === undefined) {
    issue(
      errors,
      headerRow,
      0,
      hdr[0] ?? null,
      "The table has no IndicatorId (or Id, Code) column, no Indicator (or Measure, KPI) column and no column of labels, so the rows cannot be named",
    );
    return done([]);
  }
  if (labelCol.unit === undefined) {
    const c = labelCol.indicator ?? labelCol.id ?? 0;
    issue(
      warnings,
      headerRow,
      c,
      hdr[c] ?? null,
      "No OrgUnit (or Unit, Cluster, Centre) column: the unit is left blank",
    );
  }

  const rows: (ImportedRow & { qi: number; seq: number })[] = [];
  const seen = new Map<string, string>();
  const slugs = new Map<string, number>();
  const marks = new Map<
    string,
    { r: number; c: number; cell: RawCell; cells: string[]; quality?: MarkQuality }
  >();
  let parentId: string | undefined;
  let previous:
    | {
        r: number;
        id: string;
        orgUnit: string;
        label: string;
        nd: Map<number, { n: number; d: number; cell: string }>;
      }
    | undefined;

  const add = (row: ImportedRow & { qi: number }, r: number, c: number, cell: RawCell): void => {
    const key = actualKey(row.indicatorId, row.orgUnit, row.qi);
    const first = seen.get(key);
    if (first !== undefined) {
      issue(
        errors,
        r,
        c,
        cell,
        `${row.indicatorId}${row.orgUnit ? ` (${row.orgUnit})` : ""} ${row.period} is already given in ${first}; this figure is not imported`,
      );
      return;
    }
    seen.set(key, at(r, c));
    rows.push({ ...row, seq: rows.length });
  };

  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.every((c) => isBlankCell(c))) {
      previous = undefined;
      continue;
    }
    const labelCell = labelCol.indicator === undefined ? null : (row[labelCol.indicator] ?? null);
    const indicator = cellText(labelCell);
    const orgUnit = labelCol.unit === undefined ? "" : cellText(row[labelCol.unit] ?? null);
    const figures = periodCols.map(({ c, quarter }) => ({
      c,
      quarter,
      cell: row[c] ?? null,
      fig: readFigure(row[c] ?? null),
    }));
    if (!figures.some((f) => !isBlankCell(f.cell))) {
      previous = undefined; // a heading or note row, or a row with nothing yet
      continue;
    }
    const role = rowRole(typeof labelCell === "string" ? labelCell : indicator);
    if (role !== "part" && indicator !== "") parentId = undefined;

    // A percentage row under its n/d row: read with it.
    const filledFigs = figures.filter(
      (f) =>
        f.fig.parsed.ok && f.fig.parsed.value.kind !== "blank" && f.fig.parsed.value.kind !== "placeholder",
    );
    const allPercent =
      filledFigs.length > 0 &&
      filledFigs.every(
        (f) => f.fig.parsed.ok && f.fig.parsed.value.kind === "number" && f.fig.parsed.value.percent,
      );
    const noFractions = filledFigs.every((f) => f.fig.parsed.ok && f.fig.parsed.value.kind === "number");
    if (
      previous &&
      previous.orgUnit === orgUnit &&
      noFractions &&
      (allPercent || isPercentLabel(indicator))
    ) {
      const of = previous;
      issue(
        warnings,
        r,
        labelCol.indicator ?? 0,
        labelCell,
        `${quote(indicator)} is read as the percentage of ${quote(of.label)} (${at(of.r, labelCol.indicator ?? 0)}), not as another indicator: its figures are checked against ${of.id}'s n/d`,
      );
      for (const f of figures) {
        if (!f.fig.parsed.ok) {
          issue(
            errors,
            r,
            f.c,
            f.cell,
            `${f.fig.parsed.error.message} (${of.id}, ${formatQuarter(f.quarter, startMonth)})`,
          );
          continue;
        }
        const v = f.fig.parsed.value;
        if (v.kind !== "number") continue;
        const nd = of.nd.get(f.c);
        const pub = publishedPercent(f.cell, options.formats?.[r]?.[f.c]);
        if (nd && pub) {
          const chk = checkPublishedPercent(pub.fraction, pub.decimals, nd.n, nd.d);
          if (chk.ok && !chk.value.matches) {
            issue(
              warnings,
              r,
              f.c,
              f.cell,
              `${pub.text} is published for ${nd.n}/${nd.d} (${nd.cell}), which is ${chk.value.expectedText}; the n/d is imported`,
            );
          }
          continue;
        }
        if (!nd) {
          const period = formatQuarter(f.quarter, startMonth);
          add(
            {
              indicatorId: of.id,
              indicator: of.label,
              orgUnit,
              period,
              value: pub?.fraction ?? v.value,
              numerator: null,
              denominator: null,
              ...(f.fig.quality ? { quality: f.fig.quality } : {}),
              qi: quarterIndex(f.quarter),
            },
            r,
            f.c,
            f.cell,
          );
        }
      }
      previous = undefined;
      continue;
    }

    // The row's id.
    let indicatorId: string;
    const idColumn = labelCol.id;
    if (idColumn !== undefined) {
      indicatorId = cellText(row[idColumn] ?? null);
    } else {
      const base =
        role === "part" && parentId !== undefined
          ? `${parentId}-${slugId(partName(indicator))}`
          : idFromLabel(indicator);
      indicatorId = base;
      if (base !== "") {
        const k = `${base}|${unitKey(orgUnit)}`;
        const n = (slugs.get(k) ?? 0) + 1;
        slugs.set(k, n);
        if (n > 1) indicatorId = `${base}-${n}`;
        issue(
          warnings,
          r,
          labelCol.indicator ?? 0,
          labelCell,
          n > 1
            ? `No IndicatorId column: the id ${base} is already used by another row, so this row's id is ${indicatorId}`
            : `No IndicatorId column: the id ${indicatorId} is made from the label`,
        );
      }
    }
    if (indicatorId === "") {
      const c = labelCol.id ?? labelCol.indicator ?? 0;
      issue(
        errors,
        r,
        c,
        row[c] ?? null,
        "This row has figures but no indicator id, so they cannot be imported",
      );
      previous = undefined;
      continue;
    }
    if (role === "total") {
      issue(
        warnings,
        r,
        labelCol.indicator ?? labelCol.id ?? 0,
        labelCell,
        `${quote(indicator)} is a total: imported as its own indicator ${indicatorId} (flagged role "total"); PerfCycle never adds it to the other rows`,
      );
    } else if (role === "part") {
      issue(
        warnings,
        r,
        labelCol.indicator ?? labelCol.id ?? 0,
        labelCell,
        parentId === undefined
          ? `${quote(indicator)} reads as a part ("of which") but has no row above it to be part of; imported as ${indicatorId}`
          : `${quote(indicator)} is part of ${parentId}: imported as its own indicator ${indicatorId} (flagged role "part"), never added to ${parentId}`,
      );
    }
    const partOf = role === "part" ? parentId : undefined;
    if (role !== "part") parentId = indicatorId;

    const nd = new Map<number, { n: number; d: number; cell: string }>();
    let fractions = 0;
    for (const f of figures) {
      const { cell, fig, quarter, c } = f;
      const period = formatQuarter(quarter, startMonth);
      if (!fig.parsed.ok) {
        issue(errors, r, c, cell, `${fig.parsed.error.message} (${indicatorId}, ${period})`);
        continue;
      }
      let value: number | null = null;
      let numerator: number | null = null;
      let denominator: number | null = null;
      const v = fig.parsed.value;
      switch (v.kind) {
        case "blank":
          continue;
        case "placeholder":
          issue(
            warnings,
            r,
            c,
            cell,
            `${quote(v.text)} is not a figure yet; no actual imported for ${indicatorId} ${period}`,
          );
          continue;
        case "number":
          value = v.value;
          break;
        case "fraction": {
          const q = rate(v.numerator, v.denominator);
          if (!q.ok) {
            issue(errors, r, c, cell, `${quote(cellText(cell))}: ${q.error.message}`);
            continue;
          }
          value = q.value;
          numerator = v.numerator;
          denominator = v.denominator;
          fractions++;
          nd.set(c, { n: v.numerator, d: v.denominator, cell: at(r, c) });
          if (fig.published) {
            const chk = checkPublishedPercent(
              fig.published.fraction,
              fig.published.decimals,
              v.numerator,
              v.denominator,
            );
            if (chk.ok && !chk.value.matches) {
              issue(
                warnings,
                r,
                c,
                cell,
                `${fig.published.text} is published for ${v.numerator}/${v.denominator}, which is ${chk.value.expectedText}; the n/d is imported`,
              );
            }
          }
          break;
        }
      }
      for (const m of fig.marks) {
        const entry = marks.get(m) ?? {
          r,
          c,
          cell,
          cells: [],
          ...(fig.quality ? { quality: fig.quality } : {}),
        };
        entry.cells.push(at(r, c));
        marks.set(m, entry);
      }
      add(
        {
          indicatorId,
          indicator,
          orgUnit,
          period,
          value,
          numerator,
          denominator,
          ...(fig.quality ? { quality: fig.quality } : {}),
          ...(role ? { role } : {}),
          ...(partOf !== undefined ? { partOf } : {}),
          qi: quarterIndex(quarter),
        },
        r,
        c,
        cell,
      );
    }
    const isNd =
      fractions > 0 && filledFigs.every((f) => f.fig.parsed.ok && f.fig.parsed.value.kind === "fraction");
    previous = isNd ? { r, id: indicatorId, orgUnit, label: indicator, nd } : undefined;
  }

  for (const [mark, m] of marks) {
    const list =
      m.cells.length > 6
        ? `${m.cells.slice(0, 6).join(", ")} and ${m.cells.length - 6} more`
        : m.cells.join(", ");
    const what = m.quality
      ? `imported with quality ${m.quality}`
      : "imported without the mark (see the table's notes)";
    issue(
      warnings,
      m.r,
      m.c,
      m.cell,
      `the mark ${quote(mark)} is read off ${m.cells.length === 1 ? "the figure" : `${m.cells.length} figures`} (${list}): ${what}`,
    );
  }

  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort(
    (a, b) =>
      cmp(idKey(a.indicatorId), idKey(b.indicatorId)) ||
      cmp(unitKey(a.orgUnit), unitKey(b.orgUnit)) ||
      a.qi - b.qi ||
      a.seq - b.seq,
  );
  return done(rows.map(({ qi: _qi, seq: _seq, ...row }) => row));
}
