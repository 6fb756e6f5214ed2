/**
 * The rows of a wide table below its header: each row's id (its IndicatorId, else made from its
 * label), its role (total, part), its figures one a quarter, and a percentage row read with the
 * `n/d` row above it. Every problem is an issue naming its cell.
 */
import {
  actualKey,
  checkPublishedPercent,
  formatQuarter,
  MESSAGES,
  quarterIndex,
  quote,
  rateCounts,
  unitKey,
  type Quarter,
  rateOf,
} from "../../engine";
import { publishedPercent } from "../published";
import type { RawCell } from "../raw";
import { cellText, isBlankCell } from "../read";
import { readFigure, type Figure } from "./figure";
import type { Issues } from "./issues";
import type { ImportedRow } from "./import";
import { idFromLabel, isPercentLabel, partName, rowRole, slugId, type RowRole } from "./labels";
import type { Layout } from "./layout";
import type { MarkQuality } from "./marks";

/** A figure cell of a row, under its quarter. */
interface RowFigure {
  readonly c: number;
  readonly quarter: Quarter;
  readonly cell: RawCell;
  readonly fig: Figure;
}

/** The n/d row a percentage row below it is read with. */
interface NdRow {
  readonly r: number;
  readonly id: string;
  readonly orgUnit: string;
  readonly label: string;
  readonly nd: Map<number, { n: number; d: number; cell: string }>;
}

/** The cells a footnote mark was read off. */
export interface MarkCells {
  readonly r: number;
  readonly c: number;
  readonly cell: RawCell;
  readonly cells: string[];
  readonly quality?: MarkQuality;
}

/** A row read from one grid row: its label, unit and figures. */
interface GridRow {
  readonly r: number;
  readonly labelCell: RawCell;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly role: RowRole | undefined;
  readonly figures: readonly RowFigure[];
}

export type SortableRow = ImportedRow & { readonly qi: number; readonly seq: number };

/** Whether a figure was read and is not a blank or a placeholder. */
function filled(f: RowFigure): boolean {
  return f.fig.parsed.ok && f.fig.parsed.value.kind !== "blank" && f.fig.parsed.value.kind !== "placeholder";
}

/** Reads the rows below the header, one at a time, top to bottom. */
export class RowImporter {
  readonly rows: SortableRow[] = [];
  readonly marks = new Map<string, MarkCells>();
  private readonly seen = new Map<string, string>();
  private readonly slugs = new Map<string, number>();
  private parentId: string | undefined;
  private previous: NdRow | undefined;

  constructor(
    private readonly layout: Layout,
    private readonly issues: Issues,
    private readonly at: (r: number, c: number) => string,
    private readonly startMonth: number,
    private readonly formats: readonly (readonly string[])[] | undefined,
  ) {}

  /** Read one grid row. */
  read(r: number, row: readonly RawCell[]): void {
    const { labelCol, periodCols } = this.layout;
    if (row.every((c) => isBlankCell(c))) {
      this.previous = undefined;
      return;
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
      this.previous = undefined; // a heading or note row, or a row with nothing yet
      return;
    }
    const role = rowRole(typeof labelCell === "string" ? labelCell : indicator);
    if (role !== "part" && indicator !== "") this.parentId = undefined;
    const g: GridRow = { r, labelCell, indicator, orgUnit, role, figures };
    const of = this.previous;
    if (of && this.isPercentRowOf(g, of)) {
      this.percentRow(g, of);
      this.previous = undefined;
      return;
    }
    const indicatorId = this.rowId(g, row);
    if (indicatorId === "") {
      const c = labelCol.id ?? labelCol.indicator ?? 0;
      this.issues.error(
        r,
        c,
        row[c] ?? null,
        "WIDE_ROW_NO_ID",
        "This row has figures but no indicator id, so they cannot be imported",
      );
      this.previous = undefined;
      return;
    }
    this.roleWarning(g, indicatorId);
    const partOf = role === "part" ? this.parentId : undefined;
    if (role !== "part") this.parentId = indicatorId;
    this.rowFigures(g, indicatorId, partOf);
  }

  /** A percentage row under its n/d row (same unit, no fractions, a percentage label or all percentages). */
  private isPercentRowOf(g: GridRow, of: NdRow): boolean {
    const filledFigs = g.figures.filter(filled);
    const allPercent =
      filledFigs.length > 0 &&
      filledFigs.every(
        (f) => f.fig.parsed.ok && f.fig.parsed.value.kind === "number" && f.fig.parsed.value.percent,
      );
    const noFractions = filledFigs.every((f) => f.fig.parsed.ok && f.fig.parsed.value.kind === "number");
    return of.orgUnit === g.orgUnit && noFractions && (allPercent || isPercentLabel(g.indicator));
  }

  /** A percentage row: each percentage checked against its n/d, imported only where the n/d cell is blank. */
  private percentRow(g: GridRow, of: NdRow): void {
    const { r } = g;
    const labelColumn = this.layout.labelCol.indicator ?? 0;
    this.issues.warn(
      r,
      labelColumn,
      g.labelCell,
      "WIDE_PERCENT_ROW",
      `${quote(g.indicator)} is read as the percentage of ${quote(of.label)} (${this.at(of.r, labelColumn)}), not as another indicator: its figures are checked against ${of.id}'s n/d`,
    );
    for (const f of g.figures) {
      if (!f.fig.parsed.ok) {
        const { code, message } = f.fig.parsed.error;
        this.issues.error(
          r,
          f.c,
          f.cell,
          code,
          `${message} (${of.id}, ${formatQuarter(f.quarter, this.startMonth)})`,
        );
        continue;
      }
      const v = f.fig.parsed.value;
      if (v.kind !== "number") continue;
      const nd = of.nd.get(f.c);
      const pub = publishedPercent(f.cell, this.formats?.[r]?.[f.c]);
      if (nd && pub) {
        const chk = checkPublishedPercent(pub.fraction, pub.decimals, nd.n, nd.d);
        if (chk.ok && !chk.value.matches) {
          const message = `${pub.text} is published for ${nd.n}/${nd.d} (${nd.cell}), which is ${chk.value.expectedText}; the n/d is imported`;
          this.issues.warn(r, f.c, f.cell, "PUBLISHED_MISMATCH", message);
        }
        continue;
      }
      if (nd) continue;
      const row = {
        indicatorId: of.id,
        indicator: of.label,
        orgUnit: g.orgUnit,
        period: formatQuarter(f.quarter, this.startMonth),
        value: pub?.fraction ?? v.value,
        numerator: null,
        denominator: null,
        ...(f.fig.quality ? { quality: f.fig.quality } : {}),
      };
      this.add(row, quarterIndex(f.quarter), r, f.c, f.cell);
    }
  }

  /** The row's id: its IndicatorId cell, else made from its label (a part's from its parent's), -2, -3 when taken. */
  private rowId(g: GridRow, row: readonly RawCell[]): string {
    const { labelCol } = this.layout;
    if (labelCol.id !== undefined) return cellText(row[labelCol.id] ?? null);
    const base =
      g.role === "part" && this.parentId !== undefined
        ? `${this.parentId}-${slugId(partName(g.indicator))}`
        : idFromLabel(g.indicator);
    if (base === "") return base;
    const k = `${base}|${unitKey(g.orgUnit)}`;
    const n = (this.slugs.get(k) ?? 0) + 1;
    this.slugs.set(k, n);
    const id = n > 1 ? `${base}-${n}` : base;
    this.issues.warn(
      g.r,
      labelCol.indicator ?? 0,
      g.labelCell,
      "WIDE_ID_FROM_LABEL",
      n > 1
        ? `No IndicatorId column: the id ${base} is already used by another row, so this row's id is ${id}`
        : `No IndicatorId column: the id ${id} is made from the label`,
    );
    return id;
  }

  /** A total or a part is imported as its own indicator, with a warning saying so. */
  private roleWarning(g: GridRow, indicatorId: string): void {
    const { labelCol } = this.layout;
    const c = labelCol.indicator ?? labelCol.id ?? 0;
    const label = quote(g.indicator);
    if (g.role === "total") {
      const message = `${label} is a total: imported as its own indicator ${indicatorId} (flagged role "total"); PerfCycle never adds it to the other rows`;
      this.issues.warn(g.r, c, g.labelCell, "WIDE_TOTAL", message);
    } else if (g.role === "part") {
      const parent = this.parentId;
      const message =
        parent === undefined
          ? `${label} reads as a part ("of which") but has no row above it to be part of; imported as ${indicatorId}`
          : `${label} is part of ${parent}: imported as its own indicator ${indicatorId} (flagged role "part"), never added to ${parent}`;
      this.issues.warn(g.r, c, g.labelCell, "WIDE_PART", message);
    }
  }

  /** The row's figures, one actual a quarter; the row is an n/d row when all its figures are fractions. */
  private rowFigures(g: GridRow, indicatorId: string, partOf: string | undefined): void {
    const nd: NdRow["nd"] = new Map();
    let fractions = 0;
    for (const f of g.figures) {
      const counts = this.figureCounts(g.r, f, indicatorId);
      if (counts === undefined) continue;
      if (counts.numerator !== null) {
        fractions++;
        nd.set(f.c, { n: counts.numerator, d: counts.denominator ?? 0, cell: this.at(g.r, f.c) });
      }
      this.noteMarks(g.r, f);
      const row = {
        indicatorId,
        indicator: g.indicator,
        orgUnit: g.orgUnit,
        period: formatQuarter(f.quarter, this.startMonth),
        ...counts,
        ...(f.fig.quality ? { quality: f.fig.quality } : {}),
        ...(g.role ? { role: g.role } : {}),
        ...(partOf !== undefined ? { partOf } : {}),
      };
      this.add(row, quarterIndex(f.quarter), g.r, f.c, f.cell);
    }
    const isNd =
      fractions > 0 &&
      g.figures.filter(filled).every((f) => f.fig.parsed.ok && f.fig.parsed.value.kind === "fraction");
    this.previous = isNd
      ? { r: g.r, id: indicatorId, orgUnit: g.orgUnit, label: g.indicator, nd }
      : undefined;
  }

  /** One figure's value and counts, or undefined when it gives no actual (blank, placeholder, error). */
  private figureCounts(
    r: number,
    f: RowFigure,
    indicatorId: string,
  ): { value: number; numerator: number | null; denominator: number | null } | undefined {
    const period = formatQuarter(f.quarter, this.startMonth);
    if (!f.fig.parsed.ok) {
      const { code, message } = f.fig.parsed.error;
      this.issues.error(r, f.c, f.cell, code, `${message} (${indicatorId}, ${period})`);
      return undefined;
    }
    const v = f.fig.parsed.value;
    if (v.kind === "blank") return undefined;
    if (v.kind === "placeholder") {
      const message = `${quote(v.text)} is not a figure yet; no actual imported for ${indicatorId} ${period}`;
      this.issues.warn(r, f.c, f.cell, "WIDE_PLACEHOLDER", message);
      return undefined;
    }
    if (v.kind === "number") return { value: v.value, numerator: null, denominator: null };
    const q = rateCounts(v.numerator, v.denominator);
    if (!q.ok) {
      this.issues.error(
        r,
        f.c,
        f.cell,
        q.error.code,
        MESSAGES.quotedReason(cellText(f.cell), q.error.message),
      );
      return undefined;
    }
    this.publishedCheck(r, f, v.numerator, v.denominator);
    return { value: rateOf(v), numerator: v.numerator, denominator: v.denominator };
  }

  /** `31 of 274 (11.3%)`: the printed percentage checked against its n/d. */
  private publishedCheck(r: number, f: RowFigure, numerator: number, denominator: number): void {
    const pub = f.fig.published;
    if (!pub) return;
    const chk = checkPublishedPercent(pub.fraction, pub.decimals, numerator, denominator);
    if (chk.ok && !chk.value.matches) {
      const message = `${pub.text} is published for ${numerator}/${denominator}, which is ${chk.value.expectedText}; the n/d is imported`;
      this.issues.warn(r, f.c, f.cell, "PUBLISHED_MISMATCH", message);
    }
  }

  /** The figure's marks, each with the cells it is read off. */
  private noteMarks(r: number, f: RowFigure): void {
    for (const m of f.fig.marks) {
      const entry = this.marks.get(m) ?? {
        r,
        c: f.c,
        cell: f.cell,
        cells: [],
        ...(f.fig.quality ? { quality: f.fig.quality } : {}),
      };
      entry.cells.push(this.at(r, f.c));
      this.marks.set(m, entry);
    }
  }

  /** Add an actual, unless its indicator, unit and quarter are already given (an error naming the first cell). */
  private add(row: ImportedRow, qi: number, r: number, c: number, cell: RawCell): void {
    const key = actualKey(row.indicatorId, row.orgUnit, qi);
    const first = this.seen.get(key);
    if (first !== undefined) {
      const message = `${row.indicatorId}${row.orgUnit ? ` (${row.orgUnit})` : ""} ${row.period} is already given in ${first}; this figure is not imported`;
      this.issues.error(r, c, cell, "WIDE_FIGURE_REPEATED", message);
      return;
    }
    this.seen.set(key, this.at(r, c));
    this.rows.push({ ...row, qi, seq: this.rows.length });
  }
}
