/**
 * What every check of "Check this Excel" shares (excelCheck.ts): the types, the scratch sheet's
 * helpers, and `probeCheck`, the one shape most checks are: one batch on the scratch sheet that
 * reads something back, and a judgement of what it read. Self-contained like the checks (the
 * Script Lab snippet is these files concatenated: scripts/make-scriptlab.js).
 */

export type CheckId =
  | "quote-prefix"
  | "text-format-keeps-text"
  | "entry-coercion"
  | "whole-column-address"
  | "null-object"
  | "load-before-read"
  | "payload-limit-code"
  | "filter-row-write"
  | "calc-column-extends"
  | "freeze-hidden-sheet"
  | "table-extends-on-write-below";

/** Excel.run, or the in-memory Excel's run. */
export type CheckRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface CheckOutcome {
  readonly pass: boolean;
  /** What the check saw, in a sentence. */
  readonly saw: string;
}

export interface CheckScratch {
  readonly run: CheckRun;
  /** A new, empty, visible worksheet's name, made for this check. */
  readonly sheet: string;
  /** `Office.context.platform` ("PC", "Mac", "OfficeOnline"...), null outside Office. */
  readonly platform: string | null;
}

export interface ExcelCheck {
  readonly id: CheckId;
  /** What is checked, in a few words. */
  readonly title: string;
  /** What PerfCycle's in-memory Excel assumes, i.e. what PASS means. */
  readonly expected: string;
  readonly check: (scratch: CheckScratch) => Promise<CheckOutcome>;
}

export interface CheckResult {
  readonly id: CheckId;
  readonly title: string;
  readonly expected: string;
  readonly pass: boolean;
  readonly saw: string;
}

export interface CheckHost {
  /** "Excel on the web", "Excel for Mac"... */
  readonly application: string;
  /** Office.context.platform, or null outside Office. */
  readonly platform: string | null;
  /** Office.context.diagnostics.version, e.g. 16.0.17029.20068; null when unknown. */
  readonly build: string | null;
}

export interface CheckReport {
  readonly host: CheckHost;
  readonly results: readonly CheckResult[];
  readonly passed: number;
  readonly failed: number;
  /** Scratch sheets that could not be deleted (the user should delete them). */
  readonly leftover: readonly string[];
}

/** The error code of an Office.js (or in-memory) error, else its name or message. */
export function errorCode(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    const name = (e as { name?: unknown }).name;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && message !== "")
      return typeof name === "string" && name !== "Error" ? `${name}: ${message}` : message;
  }
  return String(e);
}

export const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** The scratch sheet of this check, and its data area. */
export function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

/** Excel's address of a sheet name: quoted when not a plain name. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A table of six rows on the scratch sheet: Id, Group, Value. */
export async function makeTable(
  context: Excel.RequestContext,
  sheet: string,
  name: string,
): Promise<Excel.Table> {
  const s = sheetOf(context, sheet);
  s.getRange("A1:C7").values = [
    ["Id", "Group", "Value"],
    ["r1", "A", 0],
    ["r2", "B", 0],
    ["r3", "A", 0],
    ["r4", "B", 0],
    ["r5", "A", 0],
    ["r6", "B", 0],
  ];
  const t = s.tables.add(`${sheetRef(sheet)}!A1:C7`, true);
  t.name = name;
  await context.sync();
  return t;
}

export function tableName(sheet: string, what: string): string {
  return `${sheet}_${what}`.replace(/[^A-Za-z0-9_]/g, "_");
}

/** A check of the common shape: one batch on its scratch sheet, and a judgement of what it read. */
export interface ProbeCheck<T> {
  readonly id: CheckId;
  readonly title: string;
  readonly expected: string;
  readonly read: (context: Excel.RequestContext, sheet: string) => Promise<T>;
  readonly judge: (got: T, scratch: CheckScratch) => CheckOutcome;
}

/** The check a ProbeCheck describes. */
export function probeCheck<T>(p: ProbeCheck<T>): ExcelCheck {
  return {
    id: p.id,
    title: p.title,
    expected: p.expected,
    check: async (scratch) =>
      p.judge(await scratch.run((context) => p.read(context, scratch.sheet)), scratch),
  };
}
