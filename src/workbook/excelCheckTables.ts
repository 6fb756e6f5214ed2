/** "Check this Excel": the checks of payloads, tables and sheets (excelCheck.ts runs them). */
import {
  errorCode,
  makeTable,
  probeCheck,
  sheetOf,
  sheetRef,
  show,
  tableName,
  type CheckOutcome,
  type CheckScratch,
  type ExcelCheck,
} from "./excelCheckKit";

export const calcColumn: ExcelCheck = probeCheck({
  id: "calc-column-extends",
  title: "A calculated column fills a row added below the table",
  async read(context, sheet) {
    const s = sheetOf(context, sheet);
    s.getRange("A1:B3").values = [
      ["Id", "Value"],
      ["r1", 1],
      ["r2", 2],
    ];
    const t = s.tables.add(`${sheetRef(sheet)}!A1:B3`, true);
    t.name = tableName(sheet, "Calc");
    t.columns.add(undefined, [["Double"], ["=[@Value]*2"], ["=[@Value]*2"]]);
    await context.sync();
    s.getRange("A4:B4").values = [["r3", 21]];
    await context.sync();
    const c = s.getRange("C4").load(["values", "formulas"]);
    await context.sync();
    return { value: c.values[0]?.[0], formula: c.formulas[0]?.[0] };
  },
  // The formula is what is checked (a double that does not calculate still shows it copied).
  judge: (got) => ({
    pass: got.formula === "=[@Value]*2" || got.value === 42,
    saw: `the new row's Double cell holds ${show(got.formula)} with the value ${show(got.value)}`,
  }),
  // What PASS means, beside the judgement.
  expected:
    "A row written with Range.values just below a table with the calculated column =[@Value]*2 gets that formula (value 2 × Value).",
});

export const tableExtends: ExcelCheck = probeCheck({
  id: "table-extends-on-write-below",
  title: "Values written in the row below a table extend the table",
  async read(context, sheet) {
    const t = await makeTable(context, sheet, tableName(sheet, "Grow"));
    sheetOf(context, sheet).getRange("A8:C8").values = [["r7", "A", 70]];
    await context.sync();
    const range = t.getRange().load("address");
    const rows = t.rows.load("count");
    await context.sync();
    return { address: range.address, rows: rows.count };
  },
  judge: (got) => ({ pass: got.rows === 7, saw: `the table is ${got.address} with ${got.rows} data rows` }),
  // What PASS means, beside the judgement.
  expected:
    "Writing a row with Range.values just below a table makes it one row longer (what PerfCycle relies on instead of rows.add).",
});

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

async function payloadLimitCheck({ run, sheet, platform }: CheckScratch): Promise<CheckOutcome> {
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
}

async function filterRowWriteCheck({ run, sheet }: CheckScratch): Promise<CheckOutcome> {
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
}

async function freezeHiddenCheck({ run, sheet }: CheckScratch): Promise<CheckOutcome> {
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
}

/** This module's checks, in the order they run: those of more than one batch as data beside the probes. */
export const TABLE_CHECKS: readonly ExcelCheck[] = [
  {
    id: "payload-limit-code",
    title: "What an oversized read answers on this host",
    expected: `A read of about 6 MB either succeeds (desktop Excel has no 5 MB limit) or fails with one of ${PAYLOAD_CODES.join(", ")}, which PerfCycle retries in smaller parts; Excel on the web must not read it whole.`,
    check: payloadLimitCheck,
  },
  {
    id: "filter-row-write",
    title: "Writes into a filtered table land in the right rows when written a row at a time",
    expected:
      "Values written a row at a time (as PerfCycle writes into a filtered table) to rows 1-6 of a table filtered to show only group B land in rows 1-6, hidden rows included. A one-block write is reported too: office-js#224 has it land in the visible rows only.",
    check: filterRowWriteCheck,
  },
  calcColumn,
  {
    id: "freeze-hidden-sheet",
    title: "freezeRows on a hidden sheet is refused or done, never silently lost",
    expected:
      "freezeRows(1) on a hidden sheet either fails with an error or, once the sheet is shown, row 1 is frozen.",
    check: freezeHiddenCheck,
  },
  tableExtends,
];
