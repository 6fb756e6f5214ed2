/**
 * "Check this Excel": each behaviour of Excel that PerfCycle's in-memory Excel (the preview, the
 * workbook tests, the bench) assumes, exercised on scratch sheets of the real workbook and
 * reported PASS or FAIL with what was seen. ONE source for three runners:
 *  - the task pane, Set up → "Check this Excel" (src/taskpane/flows/SetUpFlow.tsx), over Excel.run;
 *  - the browser preview, over the in-memory Excel: there every check must pass (the conformance
 *    claim: test/report/excelCheck.test.ts);
 *  - the Script Lab snippet docs/real-excel-check.yaml, generated from this file by
 *    scripts/make-scriptlab.js (a test asserts the committed snippet is the generated one).
 * So this module is self-contained: no imports at run time, Office.js types only, and no global
 * but the `run` and `office` it is given.
 *
 * Each check makes its own scratch sheet and deletes it, whatever happens.
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

const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));

/** The scratch sheet of this check, and its data area. */
function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

/** Excel's address of a sheet name: quoted when not a plain name. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const quotePrefix: ExcelCheck = {
  id: "quote-prefix",
  title: "An apostrophe typed first is a quote prefix, not part of the value",
  expected: `Writing "'2015-16 Q3" to a General cell stores 2015-16 Q3; the value reads back without the apostrophe.`,
  async check({ run, sheet }) {
    const v = await run(async (context) => {
      const r = sheetOf(context, sheet).getRange("A1");
      r.values = [["'2015-16 Q3"]];
      r.load("values");
      await context.sync();
      return r.values[0]?.[0];
    });
    return { pass: v === "2015-16 Q3", saw: `the cell reads back ${show(v)}` };
  },
};

const textFormat: ExcelCheck = {
  id: "text-format-keeps-text",
  title: "A cell formatted as Text keeps what is written as typed",
  expected: `In cells formatted "@", "12E3" and "2015-16 Q3" are kept as the text written.`,
  async check({ run, sheet }) {
    const v = await run(async (context) => {
      const r = sheetOf(context, sheet).getRange("A1:C1");
      r.numberFormat = [["@", "@", "@"]];
      await context.sync();
      r.values = [["12E3", "2015-16 Q3", "'2015-16 Q3"]];
      r.load("values");
      await context.sync();
      return r.values[0] ?? [];
    });
    // Reported, not judged: what a leading apostrophe becomes in a Text cell (issue 9, defect 1).
    return {
      pass: v[0] === "12E3" && v[1] === "2015-16 Q3",
      saw: `the cells read back ${show(v[0])} and ${show(v[1])}; "'2015-16 Q3" written to a Text cell reads back ${show(v[2])}`,
    };
  },
};

/** Text written to General cells, and what Excel makes of it (as a user typing it). */
const ENTRY_CASES: readonly {
  readonly text: string;
  readonly ok: (value: unknown, type: string) => boolean;
  readonly want: string;
}[] = [
  { text: "12E3", ok: (v) => v === 12000, want: "the number 12000" },
  { text: "$100", ok: (v) => v === 100, want: "the number 100" },
  { text: "(100)", ok: (v) => v === -100, want: "the number -100" },
  { text: "1 1/2", ok: (v) => v === 1.5, want: "the number 1.5" },
  {
    text: "1:2",
    ok: (v) => typeof v === "number" && Math.abs(v - (1 / 24 + 2 / 1440)) < 1e-9,
    want: "the time 01:02",
  },
  {
    text: "Jan 1",
    ok: (v) => typeof v === "number" && Number.isInteger(v) && v > 40000,
    want: "a date (1 January this year)",
  },
  { text: "9 am", ok: (v) => v === 0.375, want: "the time 09:00 (0.375)" },
  { text: "TRUE", ok: (v) => v === true, want: "the logical TRUE" },
  { text: "#N/A", ok: (_v, t) => t === "Error", want: "the error #N/A" },
];

const entryCoercion: ExcelCheck = {
  id: "entry-coercion",
  title: "Text written to General cells is converted as on entry",
  expected:
    "General cells turn 12E3, $100, (100), 1 1/2, 1:2, Jan 1, 9 am, TRUE and #N/A into numbers, times, a date, a logical and an error, as when typed.",
  async check({ run, sheet }) {
    const values = await run(async (context) => {
      const r = sheetOf(context, sheet)
        .getRange("A1")
        .getResizedRange(0, ENTRY_CASES.length - 1);
      r.values = [ENTRY_CASES.map((c) => c.text)];
      r.load("values");
      await context.sync();
      return r.values[0] ?? [];
    });
    // Value types tell an error cell from the text "#N/A" (ExcelApi 1.1); where a host cannot give
    // them, an error reads back as its code.
    let types: string[] | null = null;
    try {
      types = await run(async (context) => {
        const r = sheetOf(context, sheet)
          .getRange("A1")
          .getResizedRange(0, ENTRY_CASES.length - 1);
        r.load("valueTypes");
        await context.sync();
        return (r.valueTypes[0] ?? []) as string[];
      });
    } catch {
      types = null;
    }
    const got = {
      values,
      types: ENTRY_CASES.map((_, i) => types?.[i] ?? (values[i] === "#N/A" ? "Error" : typeof values[i])),
    };
    const wrong: string[] = [];
    ENTRY_CASES.forEach((c, i) => {
      const value = got.values[i];
      const type = got.types[i] ?? "?";
      if (!c.ok(value, type)) wrong.push(`${c.text} became ${show(value)} (${type}), not ${c.want}`);
    });
    return {
      pass: wrong.length === 0,
      saw:
        wrong.length === 0
          ? `each became what Excel makes of it on entry (${ENTRY_CASES.map((c, i) => `${c.text} → ${show(got.values[i])}`).join(", ")})`
          : wrong.join("; "),
    };
  },
};

const wholeColumn: ExcelCheck = {
  id: "whole-column-address",
  title: "A whole-column range reports a whole-column address",
  expected: "The address of columns A to F is Sheet!A:F (and of rows 3 to 5, Sheet!3:5), not A1:F1048576.",
  async check({ run, sheet }) {
    const [cols, rows] = await run(async (context) => {
      const s = sheetOf(context, sheet);
      const c = s.getRange("A:F");
      const r = s.getRange("3:5");
      c.load("address");
      r.load("address");
      await context.sync();
      return [c.address, r.address];
    });
    const ref = sheetRef(sheet);
    return {
      pass: cols === `${ref}!A:F` && rows === `${ref}!3:5`,
      saw: `the addresses are ${cols} and ${rows}`,
    };
  },
};

const nullObject: ExcelCheck = {
  id: "null-object",
  title: "getItemOrNullObject gives a null object; getItem an ItemNotFound error",
  expected:
    "A missing sheet is a null object (isNullObject true) from getItemOrNullObject, and ItemNotFound from getItem.",
  async check({ run, sheet }) {
    const missing = `${sheet}_missing`;
    const isNull = await run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(missing);
      const t = context.workbook.tables.getItemOrNullObject(
        `${sheet}_NoTable`.replace(/[^A-Za-z0-9_]/g, "_"),
      );
      ws.load("name");
      t.load("name");
      await context.sync();
      return [ws.isNullObject, t.isNullObject];
    });
    let code = "no error";
    try {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(missing);
        ws.load("name");
        await context.sync();
      });
    } catch (e) {
      code = errorCode(e);
    }
    return {
      pass: isNull[0] === true && isNull[1] === true && code === "ItemNotFound",
      saw: `isNullObject is ${isNull[0]} for a sheet and ${isNull[1]} for a table; getItem answered ${code}`,
    };
  },
};

const loadBeforeRead: ExcelCheck = {
  id: "load-before-read",
  title: "A property read before load and sync is refused",
  expected: "Reading range.values before load() and sync() throws PropertyNotLoaded.",
  async check({ run, sheet }) {
    const code = await run(async (context) => {
      const r = sheetOf(context, sheet).getRange("A1");
      try {
        // Deliberately read before load(): the check is that Excel refuses it.
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
        const v = r.values;
        return `no error (it gave ${show(v)})`;
      } catch (e) {
        return errorCode(e);
      } finally {
        await context.sync();
      }
    });
    return { pass: code === "PropertyNotLoaded", saw: `reading before load answered ${code}` };
  },
};

/** Characters per cell and cells of the payload check: about 6 MB of UTF-8 when read. */
const PAYLOAD_CELL_CHARS = 30_000;
const PAYLOAD_ROWS = 200;
const PAYLOAD_BATCH_ROWS = 20;
/** The codes PerfCycle's read planner treats as "too big, read in smaller parts". */
const PAYLOAD_CODES = [
  "ResponsePayloadSizeLimitExceeded",
  "RequestPayloadSizeLimitExceeded",
  "GeneralException",
];

const payloadLimit: ExcelCheck = {
  id: "payload-limit-code",
  title: "What an oversized read answers on this host",
  expected: `A read of about 6 MB either succeeds (desktop Excel has no 5 MB limit) or fails with one of ${PAYLOAD_CODES.join(", ")}, which PerfCycle retries in smaller parts; Excel on the web must not read it whole.`,
  async check({ run, sheet, platform }) {
    const text = "x".repeat(PAYLOAD_CELL_CHARS);
    // One request per 20 rows (600 KB): the write itself must stay under the web's request limit.
    const writeRows = (r0: number): Promise<void> =>
      run(async (context) => {
        const r = sheetOf(context, sheet)
          .getRange("A1")
          .getOffsetRange(r0, 0)
          .getResizedRange(PAYLOAD_BATCH_ROWS - 1, 0);
        r.values = Array.from({ length: PAYLOAD_BATCH_ROWS }, () => [text]);
        await context.sync();
      });
    for (let r0 = 0; r0 < PAYLOAD_ROWS; r0 += PAYLOAD_BATCH_ROWS) await writeRows(r0);
    const mb = ((PAYLOAD_CELL_CHARS * PAYLOAD_ROWS) / 1e6).toFixed(1);
    let code: string | null = null;
    try {
      await run(async (context) => {
        const r = sheetOf(context, sheet)
          .getRange("A1")
          .getResizedRange(PAYLOAD_ROWS - 1, 0);
        r.load("values");
        await context.sync();
      });
    } catch (e) {
      code = errorCode(e);
    }
    if (code === null) {
      return {
        pass: platform !== "OfficeOnline",
        saw: `the ${mb} MB read succeeded${platform === "OfficeOnline" ? ", although Excel on the web documents a 5 MB limit" : " (no payload limit on this host)"}`,
      };
    }
    return { pass: PAYLOAD_CODES.includes(code), saw: `the ${mb} MB read answered ${code}` };
  },
};

/** A table of six rows on the scratch sheet: Id, Group, Value. */
async function makeTable(context: Excel.RequestContext, sheet: string, name: string): Promise<Excel.Table> {
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

function tableName(sheet: string, what: string): string {
  return `${sheet}_${what}`.replace(/[^A-Za-z0-9_]/g, "_");
}

const filterRowWrite: ExcelCheck = {
  id: "filter-row-write",
  title: "Writes into a filtered table land in the right rows when written a row at a time",
  expected:
    "Values written a row at a time (as PerfCycle writes into a filtered table) to rows 1-6 of a table filtered to show only group B land in rows 1-6, hidden rows included. A one-block write is reported too: office-js#224 has it land in the visible rows only.",
  async check({ run, sheet }) {
    const name = tableName(sheet, "Filtered");
    const read = async (context: Excel.RequestContext, t: Excel.Table): Promise<string[]> => {
      t.clearFilters();
      const body = t.getDataBodyRange();
      body.load("values");
      await context.sync();
      return body.values.map((r) => `${String(r[0])}=${String(r[2])}`);
    };
    const { block, rows } = await run(async (context) => {
      const t = await makeTable(context, sheet, name);
      t.columns.getItem("Group").filter.applyValuesFilter(["B"]);
      await context.sync();
      t.columns.getItem("Value").getDataBodyRange().values = [[10], [20], [30], [40], [50], [60]];
      await context.sync();
      const block = await read(context, t);
      t.columns.getItem("Group").filter.applyValuesFilter(["B"]);
      await context.sync();
      const body = t.getDataBodyRange();
      [11, 21, 31, 41, 51, 61].forEach((v, i) => {
        body.getCell(i, 2).values = [[v]];
      });
      await context.sync();
      return { block, rows: await read(context, t) };
    });
    const wantBlock = ["r1=10", "r2=20", "r3=30", "r4=40", "r5=50", "r6=60"];
    const wantRows = ["r1=11", "r2=21", "r3=31", "r4=41", "r5=51", "r6=61"];
    const blockOk = block.join(",") === wantBlock.join(",");
    return {
      pass: rows.join(",") === wantRows.join(","),
      saw: `a row at a time, the rows hold ${rows.join(", ")}; one block ${blockOk ? "also landed in the right rows" : `landed as ${block.join(", ")} (office-js#224)`}`,
    };
  },
};

const calcColumn: ExcelCheck = {
  id: "calc-column-extends",
  title: "A calculated column fills a row added below the table",
  expected:
    "A row written with Range.values just below a table with the calculated column =[@Value]*2 gets that formula (value 2 × Value).",
  async check({ run, sheet }) {
    const name = tableName(sheet, "Calc");
    const got = await run(async (context) => {
      const s = sheetOf(context, sheet);
      s.getRange("A1:B3").values = [
        ["Id", "Value"],
        ["r1", 1],
        ["r2", 2],
      ];
      const t = s.tables.add(`${sheetRef(sheet)}!A1:B3`, true);
      t.name = name;
      t.columns.add(undefined, [["Double"], ["=[@Value]*2"], ["=[@Value]*2"]]);
      await context.sync();
      s.getRange("A4:B4").values = [["r3", 21]];
      await context.sync();
      const c = s.getRange("C4");
      c.load(["values", "formulas"]);
      await context.sync();
      return { value: c.values[0]?.[0], formula: c.formulas[0]?.[0] };
    });
    // The formula is what is checked (a double that does not calculate still shows it copied).
    return {
      pass: got.formula === "=[@Value]*2" || got.value === 42,
      saw: `the new row's Double cell holds ${show(got.formula)} with the value ${show(got.value)}`,
    };
  },
};

const freezeHidden: ExcelCheck = {
  id: "freeze-hidden-sheet",
  title: "freezeRows on a hidden sheet is refused or done, never silently lost",
  expected:
    "freezeRows(1) on a hidden sheet either fails with an error or, once the sheet is shown, row 1 is frozen.",
  async check({ run, sheet }) {
    // The scratch sheet cannot be hidden while it is the only visible one: another sheet stays visible.
    try {
      await run(async (context) => {
        const s = sheetOf(context, sheet);
        s.visibility = "Hidden";
        await context.sync();
        s.freezePanes.freezeRows(1);
        await context.sync();
      });
    } catch (e) {
      return { pass: true, saw: `freezeRows on the hidden sheet was refused with ${errorCode(e)}` };
    }
    const frozen = await run(async (context) => {
      const s = sheetOf(context, sheet);
      s.visibility = "Visible";
      const at = s.freezePanes.getLocationOrNullObject();
      at.load("address");
      await context.sync();
      return at.isNullObject ? null : at.address;
    });
    const ref = sheetRef(sheet);
    const ok = frozen === `${ref}!1:1` || frozen === `${ref}!A1:XFD1`;
    return {
      pass: ok,
      saw:
        frozen === null
          ? "freezeRows on the hidden sheet was accepted but nothing was frozen"
          : `freezeRows on the hidden sheet was accepted; shown again, the frozen range is ${frozen}`,
    };
  },
};

const tableExtends: ExcelCheck = {
  id: "table-extends-on-write-below",
  title: "Values written in the row below a table extend the table",
  expected:
    "Writing a row with Range.values just below a table makes it one row longer (what PerfCycle relies on instead of rows.add).",
  async check({ run, sheet }) {
    const name = tableName(sheet, "Grow");
    const got = await run(async (context) => {
      const t = await makeTable(context, sheet, name);
      sheetOf(context, sheet).getRange("A8:C8").values = [["r7", "A", 70]];
      await context.sync();
      const range = t.getRange();
      range.load("address");
      const rows = t.rows;
      rows.load("count");
      await context.sync();
      return { address: range.address, rows: rows.count };
    });
    return { pass: got.rows === 7, saw: `the table is ${got.address} with ${got.rows} data rows` };
  },
};

/** Every check, in the order they run and are reported. */
export const EXCEL_CHECKS: readonly ExcelCheck[] = [
  quotePrefix,
  textFormat,
  entryCoercion,
  wholeColumn,
  nullObject,
  loadBeforeRead,
  payloadLimit,
  filterRowWrite,
  calcColumn,
  freezeHidden,
  tableExtends,
];

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
