/**
 * Text stays the text the user typed (issue 9, defects 1 and 10): written to a Text cell (`@`) as
 * it is, to any other cell with Excel's quote prefix whenever Excel would convert it on entry;
 * read back, it equals what was typed. The in-memory Excel converts on entry as Excel does
 * (src/memory-excel/entry.ts), so these tests fail when the writer gets it wrong.
 */
import fc from "fast-check";
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../../src/memory-excel";
import { readRegister, TABLE, type RawTable, type SetupOptions } from "../../src/contract";
import { createExcelHost, type ExcelWorkbookHost } from "../../src/workbook";
import { asText, toExcel } from "../../src/workbook/cells";
import { PERIOD, syntheticBook } from "./fixtures";

function open(book: MemoryWorkbook): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const excel = createMemoryExcel({ book });
  return {
    excel,
    host: createExcelHost(excel.run, { user: () => "Jane", now: () => new Date(2026, 10, 25) }),
  };
}

async function sample(): Promise<{ excel: MemoryExcel; host: ExcelWorkbookHost }> {
  const s = open(MemoryWorkbook.blank());
  await s.host.loadSample();
  return s;
}

const SETUP: SetupOptions = {
  startMonth: 4,
  reportingPeriod: "2015-16 Q3",
  scheme: "RAG",
  rule: "Milestone",
  defaultTolerance: 0.05,
};

function table(book: { tables: readonly RawTable[] }, name: string): RawTable {
  const t = book.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
}

function column(t: RawTable, name: string): number {
  return t.headers.indexOf(name);
}

/** The ReportingPeriod row's Value cell: its value and number format in the model. */
function periodCell(excel: MemoryExcel): { value: unknown; format: string } {
  const t = excel.book.table(TABLE.settings);
  if (!t) throw new Error("no settings");
  for (let r = t.rect.row + 1; r < t.rect.row + t.rect.rowCount; r++) {
    const v = excel.book.cellView(t.sheet.name, r, t.rect.col);
    if (v.value === "ReportingPeriod") {
      const cell = excel.book.cellView(t.sheet.name, r, t.rect.col + 1);
      return { value: cell.value, format: cell.numberFormat };
    }
  }
  throw new Error("no ReportingPeriod row");
}

describe("settings saved and read back are what the user chose (defect 1)", () => {
  test("the reporting period in the sample's Text cell is kept without an apostrophe", async () => {
    const { excel, host } = await sample();
    expect(periodCell(excel).format).toBe("@");
    await host.setUp(SETUP);
    expect(periodCell(excel).value).toBe("2015-16 Q3");
    const read = readRegister(await host.read());
    expect(read.errors.filter((e) => e.table === TABLE.settings)).toEqual([]);
    expect(read.register?.settings.reportingPeriod).toEqual({ fy: 2015, q: 3 });
  });

  test("the reporting period in a General cell reads back as typed, and a second save changes nothing", async () => {
    const { excel, host } = open(syntheticBook(3));
    expect(periodCell(excel).format).toBe("General");
    await host.setUp(SETUP);
    expect(periodCell(excel).value).toBe("2015-16 Q3");
    excel.resetStats();
    await host.setUp(SETUP);
    expect(periodCell(excel).value).toBe("2015-16 Q3");
    const settings = table(await host.read(), TABLE.settings);
    const row = settings.rows.find((r) => r[0] === "ReportingPeriod");
    expect(row?.[1]).toBe("2015-16 Q3");
  });

  test("an edited target year and an appended quarter's period read back as typed", async () => {
    const { host } = await sample();
    const targets = table(await host.read(), TABLE.targets);
    const first = targets.rows[0] ?? [];
    const id = String(first[column(targets, "IndicatorId")]);
    const unit = String(first[column(targets, "OrgUnit")]);
    const status = String(first[column(targets, "Status")]);
    const edit = await host.saveTarget({
      indicatorId: id,
      orgUnit: unit,
      values: { TargetYear: "2016-17" },
      ...(status === "Draft" ? {} : { reason: "Rolled on a year" }),
    });
    expect(edit).toMatchObject({ ok: true });
    await host.appendActuals([
      { indicatorId: id, orgUnit: unit, period: "2015-16 Q4", value: 5, numerator: null, denominator: null },
    ]);
    const book = await host.read();
    const t = table(book, TABLE.targets);
    expect(t.rows[0]?.[column(t, "TargetYear")]).toBe("2016-17");
    const a = table(book, TABLE.actuals);
    const added = a.rows[a.rows.length - 1] ?? [];
    expect(added[column(a, "Period")]).toBe("2015-16 Q4");
    expect(readRegister(book).errors).toEqual([]);
  });
});

/** Text Excel converts on entry: each must come back as the same text. */
const CONVERTED = [
  "12E3",
  "1E5",
  "2E1",
  "$100",
  "£1,000",
  "(100)",
  "1 1/2",
  "1:2",
  "9 am",
  "Jan 1",
  "1 Jan",
  "Jun-15",
  "30/06/2015",
  "2015-06-30",
  "TRUE",
  "false",
  "#N/A",
  "#DIV/0!",
  "=A1",
  "-5 pending",
  "+44 20 7946 0000",
  "@home",
  "'quoted",
  "007",
  "12%",
  "1,234",
] as const;

describe("text Excel would convert is written as text (defect 10)", () => {
  test.each(CONVERTED)("commentary %p reads back as typed, as a String cell", async (text) => {
    const { excel, host } = open(syntheticBook(3));
    await host.setCommentary("IND-00001", "North Cluster", PERIOD, text, text);
    const a = table(await host.read(), TABLE.actuals);
    const row = a.rows.find(
      (r) => r[column(a, "IndicatorId")] === "IND-00001" && r[column(a, "Period")] === PERIOD,
    );
    expect(row?.[column(a, "Commentary")]).toBe(text);
    expect(row?.[column(a, "Action")]).toBe(text);
    const t = excel.book.table(TABLE.actuals);
    const sheet = t ? excel.book.sheet(t.sheet.name) : undefined;
    if (!t || !sheet) throw new Error("no actuals");
    const types = (excel.book.read(sheet, t.rect, "valueTypes") ?? []).flat();
    expect(types).not.toContain("Error");
  });

  test("an indicator id like 2E1 stays the id, not the number 20", async () => {
    const { host } = open(syntheticBook(3));
    const out = await host.saveTarget({
      indicatorId: "2E1",
      orgUnit: "City",
      values: { Indicator: "Ids that look like numbers", MeasureType: "Count", Polarity: "Higher" },
    });
    expect(out).toMatchObject({ ok: true, created: true });
    const t = table(await host.read(), TABLE.targets);
    expect(t.rows.some((r) => r[column(t, "IndicatorId")] === "2E1")).toBe(true);
    expect(t.rows.some((r) => r[column(t, "IndicatorId")] === 20)).toBe(false);
  });

  test("any text written for a General cell or a Text cell reads back as the same text", () => {
    const book = MemoryWorkbook.blank();
    const sheet = book.sheet("Sheet1");
    if (!sheet) throw new Error("no sheet");
    const at = { row: 0, col: 0, rowCount: 1, colCount: 2 };
    book.writeCells(sheet, { ...at, col: 1, colCount: 1 }, [["@"]], "numberFormat");
    const interesting = fc.oneof(
      fc.constantFrom(...CONVERTED),
      fc.string(),
      fc.stringMatching(/^[ $£(+\-'=#@]?\d{1,4}([ ,./:Ee-]\d{1,4}){0,2}( ?(am|pm|%|\)))?$/),
    );
    fc.assert(
      fc.property(interesting, (text) => {
        fc.pre(text !== "");
        book.writeCells(sheet, at, [[toExcel(text), toExcel(text, "@")]], "values");
        const [general, asTyped] = book.read(sheet, at, "values")?.[0] ?? [];
        const [tGeneral, tText] = book.read(sheet, at, "valueTypes")?.[0] ?? [];
        return general === text && asTyped === text && tGeneral === "String" && tText === "String";
      }),
      { numRuns: 400 },
    );
  });

  test("text goes into Text cells as it is and into other cells with the quote prefix", () => {
    expect(asText("2015-16 Q3", "@")).toBe("2015-16 Q3");
    expect(asText("2015-16 Q3", "General")).toBe("'2015-16 Q3");
    expect(asText("Families", "General")).toBe("Families");
  });
});
