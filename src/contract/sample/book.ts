/**
 * The sample workbook: a city's early help and children's centre framework with figures from
 * published reports (DOMAIN.md). Three clusters under the City; the 2014-15 baseline year and
 * 2015-16 Q1-Q2, reporting period 2015-16 Q2. It rates to a mix of Green, Amber, Red, No data,
 * Monitor and No target, with commentary and actions on the Amber and Red rows, a City roll-up
 * computed as the ratio of sums, a cluster that has not reported, and a "Published" sheet whose
 * 13.2% for 44/331 the published-figure check flags.
 *
 * Every host writes it from here (CLI via ExcelJS, the add-in via Office.js, the preview).
 */
import {
  TABLE,
  AUDIT_COLUMNS,
  ACTUAL_COLUMNS,
  CURRENT_SCHEMA_VERSION,
  TARGET_COLUMNS,
  UNIT_COLUMNS,
} from "../schema";
import { parseA1 } from "../a1";
import type { RawCell, RawTable, RawWorkbook } from "../raw";
import { ACTUALS, SAMPLE_PUBLISHED } from "./figures";
import { SAMPLE_CITY, SAMPLE_PERIOD, SAMPLE_UNITS, TARGETS, type Kind } from "./targets";

/** A table of the sample, placed on its sheet. */
export type SampleTable = Omit<RawTable, "numberFormats" | "topLeft" | "sheet"> & {
  /** Address of the header row's first cell. */
  readonly topLeft: string;
  /** Number format per column (the common one; "General" where it varies by row). */
  readonly numberFormats?: readonly string[];
  /** Number format per data cell, same shape as rows: hosts apply these (they override numberFormats). */
  readonly cellFormats?: readonly (readonly string[])[];
};

export interface SampleCell {
  readonly address: string;
  readonly value: RawCell;
  readonly numberFormat?: string;
}

export interface SampleSheet {
  readonly name: string;
  readonly tables: readonly SampleTable[];
  readonly cells?: readonly SampleCell[];
}

export interface SampleBook {
  readonly sheets: readonly SampleSheet[];
}

const PCT = "0.0%";
const PCT0 = "0%";
const INT = "#,##0";
const GEN = "General";
const TEXT = "@";

function formatOf(kind: Kind, x: RawCell): string {
  if (typeof x !== "number") return GEN;
  return kind === "Rate" ? PCT : Number.isInteger(x) ? INT : GEN;
}

function targetsTable(): SampleTable {
  const rows: RawCell[][] = [];
  const formats: string[][] = [];
  for (const t of TARGETS) {
    const w = t.weights;
    rows.push([
      t.id,
      t.name,
      t.unit,
      t.outcome,
      t.kind,
      t.polarity,
      t.unitLabel,
      t.owner,
      t.source,
      t.baselinePeriod,
      t.baseline,
      "2015-16",
      t.target,
      t.profile,
      w ? w[0] : null,
      w ? w[1] : null,
      w ? w[2] : null,
      w ? w[3] : null,
      t.tolerance ?? null,
      t.toleranceType ?? null,
      t.status,
    ]);
    const tolFormat = t.toleranceType === "Absolute" && t.kind !== "Rate" ? GEN : PCT;
    formats.push(
      TARGET_COLUMNS.map((c) => {
        switch (c) {
          case "Baseline":
            return formatOf(t.kind, t.baseline);
          case "Target":
            return formatOf(t.kind, t.target);
          case "W1":
          case "W2":
          case "W3":
          case "W4":
            return PCT0;
          case "Tolerance":
            return tolFormat;
          case "BaselinePeriod":
          case "TargetYear":
            return TEXT;
          default:
            return GEN;
        }
      }),
    );
  }
  return {
    name: TABLE.targets,
    topLeft: "A1",
    headers: [...TARGET_COLUMNS],
    rows,
    numberFormats: TARGET_COLUMNS.map((c) =>
      c === "W1" || c === "W2" || c === "W3" || c === "W4"
        ? PCT0
        : c === "Tolerance"
          ? PCT
          : c === "BaselinePeriod" || c === "TargetYear"
            ? TEXT
            : GEN,
    ),
    cellFormats: formats,
  };
}

function actualsTable(): SampleTable {
  const kindOf = new Map(TARGETS.map((t) => [t.id, t.kind]));
  const rows: RawCell[][] = [];
  const formats: string[][] = [];
  for (const a of ACTUALS) {
    const kind = kindOf.get(a.id) ?? "Count";
    rows.push([
      a.id,
      a.unit,
      a.period,
      a.value ?? null,
      a.n ?? null,
      a.d ?? null,
      a.commentary ?? null,
      a.action ?? null,
    ]);
    formats.push([GEN, GEN, TEXT, formatOf(kind, a.value ?? null), INT, INT, GEN, GEN]);
  }
  return {
    name: TABLE.actuals,
    topLeft: "A1",
    headers: [...ACTUAL_COLUMNS],
    rows,
    numberFormats: [GEN, GEN, TEXT, GEN, INT, INT, GEN, GEN],
    cellFormats: formats,
  };
}

function settingsTable(): SampleTable {
  const rows: RawCell[][] = [
    ["SchemaVersion", CURRENT_SCHEMA_VERSION],
    ["FiscalYearStartMonth", 4],
    ["ReportingPeriod", SAMPLE_PERIOD],
    ["DefaultTolerance", 0.05],
    ["RagScheme", "RAG"],
    ["RagRule", "Milestone"],
    ["Council", "Northfield City Council (sample data)"],
  ];
  return {
    name: TABLE.settings,
    topLeft: "A1",
    headers: ["Setting", "Value"],
    rows,
    numberFormats: [GEN, GEN],
    cellFormats: rows.map((r) => [
      GEN,
      r[0] === "DefaultTolerance" ? PCT0 : r[0] === "ReportingPeriod" ? TEXT : GEN,
    ]),
  };
}

function unitsTable(): SampleTable {
  return {
    name: TABLE.units,
    topLeft: "A1",
    headers: [...UNIT_COLUMNS],
    rows: [[SAMPLE_CITY, null], ...SAMPLE_UNITS.map((u) => [u, SAMPLE_CITY])],
    numberFormats: [GEN, GEN],
  };
}

function auditTable(): SampleTable {
  return {
    name: TABLE.audit,
    topLeft: "A1",
    headers: [...AUDIT_COLUMNS],
    rows: [],
    numberFormats: AUDIT_COLUMNS.map(() => GEN),
  };
}
function publishedSheet(): SampleSheet {
  const cells: SampleCell[] = [
    {
      address: "A1",
      value: "Quarterly performance report to the Partnership Advisory Board: 2015-16 Q2 (as published)",
    },
    { address: "A3", value: "Indicator" },
    { address: "B3", value: "Numerator" },
    { address: "C3", value: "Denominator" },
    { address: "D3", value: "%" },
  ];
  SAMPLE_PUBLISHED.forEach((p, i) => {
    const r = 4 + i;
    cells.push(
      { address: `A${r}`, value: p.label },
      { address: `B${r}`, value: p.n, numberFormat: INT },
      { address: `C${r}`, value: p.d, numberFormat: INT },
      { address: `D${r}`, value: p.pct, numberFormat: PCT },
    );
  });
  const note = 5 + SAMPLE_PUBLISHED.length;
  cells.push({
    address: `A${note}`,
    value: "Escalations in the baseline quarter (2014-15 Q1): 31/274 (11.3%)",
  });
  return { name: "Published", tables: [], cells };
}

/** The sample workbook, sheet by sheet. */
export function sampleBook(): SampleBook {
  return {
    sheets: [
      { name: "Settings", tables: [settingsTable()] },
      { name: "Targets", tables: [targetsTable()] },
      { name: "Actuals", tables: [actualsTable()] },
      { name: "Units", tables: [unitsTable()] },
      { name: "Audit", tables: [auditTable()] },
      publishedSheet(),
    ],
  };
}

/** The sample as the reader sees it (tables with their sheet, address and per-cell formats). */
export function sampleWorkbook(book: SampleBook = sampleBook()): RawWorkbook {
  const tables: RawTable[] = [];
  for (const sheet of book.sheets) {
    for (const t of sheet.tables) {
      const formats =
        t.cellFormats ?? (t.numberFormats ? t.rows.map(() => [...(t.numberFormats ?? [])]) : undefined);
      const base: RawTable = {
        name: t.name,
        headers: t.headers,
        rows: t.rows,
        sheet: sheet.name,
        topLeft: t.topLeft,
      };
      tables.push(formats ? { ...base, numberFormats: formats } : base);
    }
  }
  return { tables };
}

/** A sheet of the sample as a grid (for the published-figure check), with its number formats. */
export function sampleSheetGrid(sheet: SampleSheet): { grid: RawCell[][]; formats: string[][] } {
  const grid: RawCell[][] = [];
  const formats: string[][] = [];
  const put = (row: number, col: number, value: RawCell, format: string): void => {
    while (grid.length <= row) {
      grid.push([]);
      formats.push([]);
    }
    const g = grid[row] ?? [];
    const f = formats[row] ?? [];
    while (g.length <= col) {
      g.push(null);
      f.push(GEN);
    }
    g[col] = value;
    f[col] = format;
  };
  for (const c of sheet.cells ?? []) {
    const ref = parseA1(c.address);
    if (ref) put(ref.row, ref.col, c.value, c.numberFormat ?? GEN);
  }
  for (const t of sheet.tables) {
    const o = parseA1(t.topLeft) ?? { row: 0, col: 0 };
    t.headers.forEach((h, j) => put(o.row, o.col + j, h, GEN));
    t.rows.forEach((row, i) =>
      row.forEach((v, j) =>
        put(o.row + 1 + i, o.col + j, v, t.cellFormats?.[i]?.[j] ?? t.numberFormats?.[j] ?? GEN),
      ),
    );
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i] ?? [];
    const f = formats[i] ?? [];
    while (g.length < width) {
      g.push(null);
      f.push(GEN);
    }
  }
  return { grid, formats };
}
