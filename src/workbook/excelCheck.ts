/**
 * "Check this Excel": each behaviour of Excel that PerfCycle's in-memory Excel (the preview, the
 * workbook tests, the bench) assumes, exercised on scratch sheets of the real workbook and
 * reported PASS or FAIL with what was seen. ONE source for three runners:
 *  - the task pane, Set up → "Check this Excel" (src/taskpane/flows/setup/ExcelCheckSection.tsx), over Excel.run;
 *  - the browser preview, over the in-memory Excel: there every check must pass (the conformance
 *    claim: test/report/excelCheck.test.ts);
 *  - the Script Lab snippet docs/real-excel-check.yaml, generated from this file by
 *    scripts/make-scriptlab.js (a test asserts the committed snippet is the generated one).
 * So this module is self-contained: no imports at run time, Office.js types only, and no global
 * but the `run` and `office` it is given.
 *
 * Each check makes its own scratch sheet and deletes it, whatever happens.
 */

import { CELL_CHECKS } from "./excelCheckCells";
import {
  errorCode,
  type CheckHost,
  type CheckOutcome,
  type CheckReport,
  type CheckResult,
  type CheckRun,
  type ExcelCheck,
  type CheckId,
} from "./excelCheckKit";
import { TABLE_CHECKS } from "./excelCheckTables";

export { errorCode } from "./excelCheckKit";
export type {
  CheckHost,
  CheckId,
  CheckOutcome,
  CheckReport,
  CheckResult,
  CheckRun,
  CheckScratch,
  ExcelCheck,
} from "./excelCheckKit";

/** Every check, in the order they run and are reported. */
export const EXCEL_CHECKS: readonly ExcelCheck[] = [...CELL_CHECKS, ...TABLE_CHECKS];

/** Office.PlatformType values and the names of the Excel they are. */
export const APPLICATIONS: Readonly<Record<string, string>> = {
  PC: "Excel for Windows",
  OfficeOnline: "Excel on the web",
  Mac: "Excel for Mac",
  iOS: "Excel for iPad",
  Android: "Excel for Android",
  Universal: "Excel (Universal)",
};

/** The Excel the checks run in, from `Office.context` (null: not in Office). */
export function checkHost(
  office: {
    context?: { platform?: unknown; diagnostics?: { version?: unknown; platform?: unknown } };
  } | null,
): CheckHost {
  const context = office?.context;
  if (!context)
    return {
      application: "Not Excel (the in-memory Excel of the browser preview)",
      platform: null,
      build: null,
    };
  const p = context.diagnostics?.platform ?? context.platform;
  const platform = typeof p === "string" ? p : null;
  const v = context.diagnostics?.version;
  return {
    application: platform ? (APPLICATIONS[platform] ?? `Excel (${platform})`) : "Excel",
    platform,
    build: typeof v === "string" && v !== "" ? v : null,
  };
}

export interface RunChecksOptions {
  readonly host: CheckHost;
  /** Which checks to run (default all). */
  readonly only?: readonly CheckId[];
  /** Called as each check ends (the pane and the snippet show progress). */
  readonly onResult?: (result: CheckResult) => void;
  /** Scratch sheet names start with this (default PerfCycleCheck_ and the time). */
  readonly prefix?: string;
}

/**
 * Runs the checks one by one, each on its own new sheet, deleted afterwards. A check that throws
 * FAILs with what it threw; the others still run.
 */
export async function runExcelChecks(run: CheckRun, options: RunChecksOptions): Promise<CheckReport> {
  const prefix = options.prefix ?? `PerfCycleCheck_${Date.now().toString(36)}`;
  const results: CheckResult[] = [];
  const leftover: string[] = [];
  const checks = EXCEL_CHECKS.filter((c) => !options.only || options.only.includes(c.id));
  // Each check is its own requests on its own sheet, so that one failing cannot spoil the next.
  const runOne = async (c: ExcelCheck, sheet: string): Promise<CheckResult> => {
    let outcome: CheckOutcome;
    try {
      await run(async (context) => {
        context.workbook.worksheets.add(sheet);
        await context.sync();
      });
      outcome = await c.check({ run, sheet, platform: options.host.platform });
    } catch (e) {
      outcome = { pass: false, saw: `it stopped with ${errorCode(e)}` };
    }
    try {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        await context.sync();
        if (!ws.isNullObject) {
          ws.visibility = "Visible"; // a check may have hidden it
          ws.delete();
          await context.sync();
        }
      });
    } catch {
      leftover.push(sheet);
    }
    return { id: c.id, title: c.title, expected: c.expected, ...outcome };
  };
  for (const [i, c] of checks.entries()) {
    const result = await runOne(c, `${prefix}_${i + 1}`);
    results.push(result);
    options.onResult?.(result);
  }
  const passed = results.filter((r) => r.pass).length;
  return { host: options.host, results, passed, failed: results.length - passed, leftover };
}

/** The report as plain text lines: the host first, then PASS or FAIL per check with what it saw. */
export function formatCheckReport(report: CheckReport): string[] {
  const { host } = report;
  const lines = [
    `PerfCycle Excel check: ${host.application}${host.platform ? ` (${host.platform})` : ""}${host.build ? `, build ${host.build}` : ""}`,
    ...report.results.map(
      (r) => `${r.pass ? "PASS" : "FAIL"} ${r.id}: ${r.saw}.${r.pass ? "" : ` Expected: ${r.expected}`}`,
    ),
    `${report.passed} passed, ${report.failed} failed.`,
  ];
  if (report.leftover.length > 0)
    lines.push(`Delete these scratch sheets by hand: ${report.leftover.join(", ")}.`);
  return lines;
}
