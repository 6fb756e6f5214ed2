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
} from "./schema";
import { parseA1 } from "./a1";
import type { RawCell, RawTable, RawWorkbook } from "./raw";

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

export const SAMPLE_UNITS = ["North Cluster", "South Cluster", "East Cluster"] as const;
export const SAMPLE_CITY = "City";
export const SAMPLE_PERIOD = "2015-16 Q2";

type Kind = "Count" | "Level" | "Rate";

interface TargetSpec {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly outcome: string;
  readonly kind: Kind;
  readonly polarity: "Higher" | "Lower" | "Neutral";
  readonly unitLabel: string;
  readonly owner: string;
  readonly source: string;
  readonly baselinePeriod: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly profile: string;
  readonly weights?: readonly [number, number, number, number];
  readonly tolerance?: number;
  readonly toleranceType?: "Relative" | "Absolute";
  readonly status: "Draft" | "Agreed" | "Approved";
}

const OUT_EARLY = "Families get the right help early";
const OUT_SAFE = "Children are safe";
const OUT_READY = "Children are ready for school";
const OUT_YOUNG = "Young people are in learning or work";
const OUT_PRACTICE = "Good practice, well-led";

const EH_MANAGER = "Head of Early Help";
const CC_MANAGER = "Children's Centres Manager";

/** Reach counts by cluster: [registered, under-fives] per quarter, 2014-15 Q1 to 2015-16 Q2. */
const REACH: Readonly<Record<(typeof SAMPLE_UNITS)[number], readonly (readonly [number, number])[]>> = {
  "North Cluster": [
    [402, 4190],
    [415, 4190],
    [420, 4216],
    [431, 4216],
    [760, 4216],
    [1242, 4216],
  ],
  "South Cluster": [
    [1910, 3950],
    [1940, 3950],
    [1975, 3980],
    [1990, 3980],
    [2080, 3980],
    [2150, 3980],
  ],
  "East Cluster": [
    [1250, 2850],
    [1280, 2850],
    [1300, 2870],
    [1320, 2870],
    [1350, 2870],
    [1370, 2870],
  ],
};

const reachBaseline = (u: (typeof SAMPLE_UNITS)[number]): number => {
  const q4 = REACH[u][3] ?? [0, 1];
  return q4[0] / q4[1];
};
const cityReachBaseline = (): number => {
  let n = 0;
  let d = 0;
  for (const u of SAMPLE_UNITS) {
    const q4 = REACH[u][3] ?? [0, 1];
    n += q4[0];
    d += q4[1];
  }
  return n / d;
};

const TARGETS: readonly TargetSpec[] = [
  {
    id: "EH-EHA",
    name: "Early Help Assessments completed",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Count",
    polarity: "Higher",
    unitLabel: "assessments",
    owner: EH_MANAGER,
    source: "Early help module (Liquid Logic EHM)",
    baselinePeriod: "2014-15",
    baseline: 556,
    target: 780,
    profile: "Seasonal",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: CC_MANAGER,
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: cityReachBaseline(),
    target: 0.52,
    profile: "Back",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: "North Cluster",
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "North Cluster Manager",
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: reachBaseline("North Cluster"),
    target: 0.45,
    profile: "Back",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: "South Cluster",
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "South Cluster Manager",
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: reachBaseline("South Cluster"),
    target: 0.6,
    profile: "Back",
    status: "Approved",
  },
  {
    id: "CC-REACH",
    name: "Reach: % of under-fives registered with a children's centre",
    unit: "East Cluster",
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "East Cluster Manager",
    source: "eStart registrations / ONS under-fives estimate",
    baselinePeriod: "2014-15 Q4",
    baseline: reachBaseline("East Cluster"),
    target: 0.55,
    profile: "Back",
    status: "Agreed",
  },
  {
    id: "CC-ACCESS",
    name: "Under-fives accessing a centre service at least once in 12 months",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: CC_MANAGER,
    source: "eStart attendance",
    baselinePeriod: "2014-15",
    baseline: 0.55,
    target: 0.62,
    profile: "Custom",
    weights: [0.2, 0.45, 0.8, 1],
    status: "Approved",
  },
  {
    id: "EY-2YO",
    name: "Eligible two-year-olds taking up free early education",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Early Years Lead",
    source: "Early years funding system / DWP eligibility list",
    baselinePeriod: "2014-15",
    baseline: 0.52,
    target: 0.65,
    profile: "Front",
    status: "Approved",
  },
  {
    id: "FAM-RESPECT",
    name: "Families reporting they were treated with respect",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: EH_MANAGER,
    source: "Family exit survey",
    baselinePeriod: "2014-15",
    baseline: 0.75,
    target: 0.85,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "EH-CLOSED",
    name: "Early help cases closed with outcomes achieved",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Count",
    polarity: "Higher",
    unitLabel: "cases",
    owner: EH_MANAGER,
    source: "Early help module (Liquid Logic EHM)",
    baselinePeriod: "2014-15",
    baseline: 436,
    target: 480,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "EH-OPEN",
    name: "Open early help cases at quarter end",
    unit: SAMPLE_CITY,
    outcome: OUT_EARLY,
    kind: "Level",
    polarity: "Neutral",
    unitLabel: "cases",
    owner: EH_MANAGER,
    source: "Early help module (Liquid Logic EHM)",
    baselinePeriod: "2014-15 Q4",
    baseline: 690,
    target: null,
    profile: "",
    status: "Approved",
  },
  {
    id: "CS-ESC",
    name: "Early help cases escalated to social care (% of cases closed)",
    unit: SAMPLE_CITY,
    outcome: OUT_SAFE,
    kind: "Rate",
    polarity: "Lower",
    unitLabel: "%",
    owner: EH_MANAGER,
    source: "Early help module closure reasons",
    baselinePeriod: "2014-15 Q1",
    baseline: 31 / 274,
    target: 0.09,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "CS-REREF",
    name: "Re-referrals within 3 months of case closure",
    unit: SAMPLE_CITY,
    outcome: OUT_SAFE,
    kind: "Rate",
    polarity: "Lower",
    unitLabel: "%",
    owner: EH_MANAGER,
    source: "Front door referrals (Liquid Logic LCS)",
    baselinePeriod: "2014-15",
    baseline: 0.124,
    target: 0.1,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "CS-CPP",
    name: "Children subject to a child protection plan",
    unit: SAMPLE_CITY,
    outcome: OUT_SAFE,
    kind: "Level",
    polarity: "Lower",
    unitLabel: "children",
    owner: "Head of Safeguarding",
    source: "Liquid Logic LCS",
    baselinePeriod: "2014-15 Q4",
    baseline: 327,
    target: 280,
    profile: "Linear",
    tolerance: 0.05,
    toleranceType: "Relative",
    status: "Approved",
  },
  {
    id: "YP-NEET",
    name: "Young people (16-18) not in education, employment or training",
    unit: SAMPLE_CITY,
    outcome: OUT_YOUNG,
    kind: "Rate",
    polarity: "Lower",
    unitLabel: "%",
    owner: "Head of Youth Services",
    source: "CCIS (NCCIS monthly return)",
    baselinePeriod: "2014-15",
    baseline: 0.059,
    target: 0.055,
    profile: "Linear",
    tolerance: 0.005,
    toleranceType: "Absolute",
    status: "Approved",
  },
  {
    id: "QA-AUDIT",
    name: "Case-file audits completed (% of audits due)",
    unit: SAMPLE_CITY,
    outcome: OUT_PRACTICE,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Quality Assurance Manager",
    source: "QA audit tracker",
    baselinePeriod: "2014-15",
    baseline: 0.5,
    target: 0.9,
    profile: "Linear",
    status: "Approved",
  },
  {
    id: "QA-SGTRAIN",
    name: "Staff with up-to-date safeguarding training",
    unit: SAMPLE_CITY,
    outcome: OUT_PRACTICE,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Workforce Development Lead",
    source: "Learning management system",
    baselinePeriod: "2014-15",
    baseline: 0.92,
    target: 1,
    profile: "Flat",
    status: "Approved",
  },
  {
    id: "HL-BF68",
    name: "Breastfeeding continued at 6-8 weeks",
    unit: SAMPLE_CITY,
    outcome: OUT_READY,
    kind: "Rate",
    polarity: "Higher",
    unitLabel: "%",
    owner: "Public Health Lead",
    source: "Health visiting service return",
    baselinePeriod: "2014-15",
    baseline: 0.45,
    target: null,
    profile: "Linear",
    status: "Draft",
  },
];

interface ActualSpec {
  readonly id: string;
  readonly unit: string;
  readonly period: string;
  readonly value?: RawCell;
  readonly n?: number;
  readonly d?: number;
  readonly commentary?: string;
  readonly action?: string;
}

const Q = ["2014-15 Q1", "2014-15 Q2", "2014-15 Q3", "2014-15 Q4", "2015-16 Q1", "2015-16 Q2"] as const;

function series(id: string, unit: string, values: readonly (number | null)[]): ActualSpec[] {
  return values.flatMap((v, i) => (v === null ? [] : [{ id, unit, period: Q[i] ?? "", value: v }]));
}

function counts(
  id: string,
  unit: string,
  pairs: readonly (readonly [number, number] | null)[],
): ActualSpec[] {
  return pairs.flatMap((p, i) => (p === null ? [] : [{ id, unit, period: Q[i] ?? "", n: p[0], d: p[1] }]));
}

function withNote(rows: ActualSpec[], period: string, commentary: string, action: string): ActualSpec[] {
  return rows.map((r) => (r.period === period ? { ...r, commentary, action } : r));
}

const ACTUALS: readonly ActualSpec[] = [
  ...series("EH-EHA", SAMPLE_CITY, [135, 94, 159, 168, 187, 206]),
  ...SAMPLE_UNITS.flatMap((u) => counts("CC-REACH", u, REACH[u])).map((r) =>
    r.unit === "East Cluster" && r.period === SAMPLE_PERIOD
      ? {
          ...r,
          commentary: "Registrations slowed over the summer; two outreach workers vacant since July.",
          action:
            "Registration drive at GP baby clinics in September; posts re-advertised (East Cluster Manager).",
        }
      : r,
  ),
  ...counts("CC-ACCESS", SAMPLE_CITY, [null, null, null, [6085, 11066], [6230, 11066], [6452, 11066]]),
  ...counts("EY-2YO", SAMPLE_CITY, [null, null, null, [671, 1290], [742, 1290], [812, 1290]]),
  ...counts("FAM-RESPECT", "North Cluster", [null, null, [118, 152], [121, 155], [127, 160], [131, 162]]),
  ...counts("FAM-RESPECT", "South Cluster", [null, null, [90, 118], [93, 121], [98, 121], [102, 125]]),
  ...counts("FAM-RESPECT", "East Cluster", [null, null, [60, 81], [62, 82], [64, 83], null]),
  {
    id: "FAM-RESPECT",
    unit: "East Cluster",
    period: SAMPLE_PERIOD,
    value: "awaiting data",
    commentary: "Exit survey returns from East Cluster not yet received; expected 20/10/2015.",
  },
  ...series("EH-CLOSED", "North Cluster", [null, null, null, null, 38, 44]),
  ...series("EH-CLOSED", "South Cluster", [null, null, null, null, 41, 47]),
  ...series("EH-CLOSED", "East Cluster", [null, null, null, null, 29, 36]),
  {
    id: "EH-CLOSED",
    unit: SAMPLE_CITY,
    period: SAMPLE_PERIOD,
    commentary:
      "Closures slightly behind: cases are staying open longer while step-down to universal services is arranged.",
    action: "Weekly case review of cases open over 9 months (Head of Early Help).",
  },
  ...series("EH-OPEN", SAMPLE_CITY, [615, 648, 672, 690, 712, 740]),
  ...counts("CS-ESC", SAMPLE_CITY, [
    [31, 274],
    [29, 251],
    [27, 260],
    [24, 233],
    [22, 238],
    [18, 206],
  ]),
  ...withNote(
    counts("CS-REREF", SAMPLE_CITY, [
      [44, 354],
      [41, 340],
      [43, 338],
      [42, 345],
      [41, 340],
      [44, 331],
    ]),
    SAMPLE_PERIOD,
    "Re-referrals rose: a cluster of domestic abuse cases closed in Q1 returned within three months.",
    "Step-down plans for domestic abuse cases to include a 6-week check-in call (Early Help Team Manager).",
  ),
  ...withNote(
    series("CS-CPP", SAMPLE_CITY, [188, 241, 296, 327, 331, 324]),
    SAMPLE_PERIOD,
    "Numbers fell slightly this quarter but remain well above the trajectory agreed with the board.",
    "Multi-agency review of plans open over 15 months; report to the Safeguarding Board in November.",
  ),
  ...series("YP-NEET", SAMPLE_CITY, [0.062, 0.064, 0.061, 0.059, 0.06, 0.061]).map((r) =>
    r.period === SAMPLE_PERIOD
      ? {
          ...r,
          commentary: "Seasonal rise as the academic year ends; 'not known' cases being tracked.",
          action: "September Guarantee follow-up of all Year 11 and 12 leavers (Head of Youth Services).",
        }
      : r,
  ),
  ...withNote(
    counts("QA-AUDIT", SAMPLE_CITY, [null, null, null, [43, 86], [40, 80], [52, 86]]),
    SAMPLE_PERIOD,
    "52 of 86 audits completed: two practice managers on long-term leave.",
    "Audit sprint agreed with the Head of Service; back on trajectory by Q4.",
  ),
  ...withNote(
    counts("QA-SGTRAIN", SAMPLE_CITY, [null, null, null, [44, 48], [45, 48], [47, 48]]),
    SAMPLE_PERIOD,
    "One new starter awaiting the Level 3 course.",
    "Booked on the 14/10/2015 course (Workforce Development Lead).",
  ),
  ...series("HL-BF68", SAMPLE_CITY, [null, null, null, 0.45, 0.47, 0.48]),
];

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

/** Published figures, as sent to the board: one is wrong (13.2% for 44/331, which is 13.3%). */
export const SAMPLE_PUBLISHED: readonly {
  readonly label: string;
  readonly n: number;
  readonly d: number;
  readonly pct: number;
}[] = [
  { label: "Early help cases escalated to social care", n: 18, d: 206, pct: 0.087 },
  { label: "Re-referrals within 3 months of closure", n: 44, d: 331, pct: 0.132 },
  { label: "Families treated with respect (North Cluster)", n: 131, d: 162, pct: 0.809 },
  { label: "Case-file audits completed", n: 52, d: 86, pct: 0.605 },
  { label: "Staff with up-to-date safeguarding training", n: 47, d: 48, pct: 0.979 },
];

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
