/**
 * One set of host-level expectations, run against both doubles (doubles.ts): what the task pane
 * relies on of any WorkbookHost. A difference between the doubles fails here.
 */
import {
  cellText,
  columnIndex,
  readRegister,
  TABLE,
  type RawTable,
  type RawWorkbook,
  type SetupOptions,
} from "../../../src/contract";
import { reportSheetName } from "../../../src/present";
import { DOUBLES, WHO } from "./doubles";

const OPTIONS: SetupOptions = {
  startMonth: 4,
  reportingPeriod: "2015-16 Q3",
  scheme: "BRAG",
  rule: "ToleranceBand",
  defaultTolerance: 0.1,
};

function table(book: RawWorkbook, name: string): RawTable {
  const t = book.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
}

function cell(t: RawTable, row: readonly unknown[] | undefined, column: string): string {
  const i = columnIndex(t).positions.get(column) ?? -1;
  return cellText((row?.[i] ?? null) as never);
}

/** The first target of the sample with the given status. */
function targetWith(book: RawWorkbook, status: string): { id: string; unit: string } {
  const t = table(book, TABLE.targets);
  const row = t.rows.find((r) => cell(t, r, "Status") === status);
  if (!row) throw new Error(`no ${status} target`);
  return { id: cell(t, row, "IndicatorId"), unit: cell(t, row, "OrgUnit") };
}

describe.each(DOUBLES)("$name", (double) => {
  test("the sample reads as the contract's tables, without errors", async () => {
    const { host } = await double.open("sample");
    const book = await host.read();
    for (const name of [TABLE.settings, TABLE.targets, TABLE.actuals])
      expect(table(book, name).rows.length).toBeGreaterThan(0);
    const read = readRegister(book);
    expect(read.errors).toEqual([]);
    expect(read.register?.settings.reportingPeriod).toEqual({ fy: 2015, q: 2 });
  });

  test("settings saved by Set up read back as chosen, and the tables are adopted", async () => {
    const { host } = await double.open("sample");
    const result = await host.setUp(OPTIONS);
    expect(result.created).toEqual([]);
    expect(result.adopted).toEqual(expect.arrayContaining([TABLE.settings, TABLE.targets, TABLE.actuals]));
    const s = readRegister(await host.read());
    expect(s.errors).toEqual([]);
    expect(s.register?.settings).toMatchObject({
      reportingPeriod: { fy: 2015, q: 3 },
      scheme: "BRAG",
      rule: "ToleranceBand",
      defaultTolerance: 0.1,
    });
  });

  test("Set up on an empty workbook creates the contract's tables", async () => {
    const { host } = await double.open("empty");
    const result = await host.setUp(OPTIONS);
    expect(result.created).toEqual(expect.arrayContaining([TABLE.settings, TABLE.targets, TABLE.actuals]));
    const read = readRegister(await host.read());
    expect(read.register?.settings.reportingPeriod).toEqual({ fy: 2015, q: 3 });
  });

  test("loading the sample into a workbook that has PerfCycle tables is refused", async () => {
    const { host } = await double.open("sample");
    await expect(host.loadSample()).rejects.toThrow();
  });

  test("an agreed target changes only with a reason, and the change is audited", async () => {
    const { host } = await double.open("sample");
    const { id, unit } = targetWith(await host.read(), "Agreed");
    const refused = await host.saveTarget({ indicatorId: id, orgUnit: unit, values: { Owner: "New owner" } });
    expect(refused).toMatchObject({ ok: false, needsReason: true });
    const t0 = table(await host.read(), TABLE.targets);
    expect(t0.rows.some((r) => cell(t0, r, "Owner") === "New owner")).toBe(false);
    const saved = await host.saveTarget({
      indicatorId: id,
      orgUnit: unit,
      values: { Owner: "New owner" },
      reason: "Board decision",
    });
    expect(saved).toMatchObject({ ok: true, created: false, audited: 1 });
    const audit = await host.readAudit();
    expect(audit[audit.length - 1]).toMatchObject({
      who: WHO,
      indicatorId: id,
      orgUnit: unit,
      field: "Owner",
      newValue: "New owner",
      reason: "Board decision",
    });
  });

  test("a new indicator and unit is a new Draft target", async () => {
    const { host } = await double.open("sample");
    const out = await host.saveTarget({
      indicatorId: "NEW-1",
      orgUnit: "City",
      values: { Indicator: "A new measure", MeasureType: "Count", Polarity: "Higher", TargetYear: "2016-17" },
    });
    expect(out).toMatchObject({ ok: true, created: true });
    const t = table(await host.read(), TABLE.targets);
    const row = t.rows.find((r) => cell(t, r, "IndicatorId") === "NEW-1");
    expect(cell(t, row, "Status")).toBe("Draft");
    expect(cell(t, row, "TargetYear")).toBe("2016-17");
  });

  test("appending actuals adds and updates rows, and keeps commentary typed for the quarter", async () => {
    const { host } = await double.open("sample");
    const before = table(await host.read(), TABLE.actuals);
    const first = before.rows[0];
    const id = cell(before, first, "IndicatorId");
    const unit = cell(before, first, "OrgUnit");
    const period = cell(before, first, "Period");
    await host.setCommentary(id, unit, period, "Checked with the centre", "None");
    const result = await host.appendActuals([
      { indicatorId: id, orgUnit: unit, period, value: 4242, numerator: null, denominator: null },
      { indicatorId: id, orgUnit: unit, period: "2016-17 Q1", value: 7, numerator: null, denominator: null },
    ]);
    expect(result).toMatchObject({ added: 1, updated: 1 });
    const after = table(await host.read(), TABLE.actuals);
    const row = after.rows.find(
      (r) =>
        cell(after, r, "IndicatorId") === id &&
        cell(after, r, "OrgUnit") === unit &&
        cell(after, r, "Period") === period,
    );
    expect(cell(after, row, "Value")).toBe("4242");
    expect(cell(after, row, "Commentary")).toBe("Checked with the centre");
    expect(after.rows.length).toBe(before.rows.length + 1);
  });

  test("commentary for a quarter with no actual adds a row, its period the canonical label", async () => {
    const { host } = await double.open("sample");
    const before = table(await host.read(), TABLE.actuals);
    const id = cell(before, before.rows[0], "IndicatorId");
    const unit = cell(before, before.rows[0], "OrgUnit");
    await host.setCommentary(id, unit, "Q4 2015/16", "Awaiting data", "Chase the provider");
    const after = table(await host.read(), TABLE.actuals);
    expect(after.rows.length).toBe(before.rows.length + 1);
    const added = after.rows[after.rows.length - 1];
    expect([
      cell(after, added, "Period"),
      cell(after, added, "Commentary"),
      cell(after, added, "Value"),
    ]).toEqual(["2015-16 Q4", "Awaiting data", ""]);
  });

  test("a quarter's report is created, then kept as a frozen snapshot, then replaced on a re-rate", async () => {
    const { host } = await double.open("sample");
    const first = await host.refresh("2015-16 Q2", { rerate: false });
    expect(first).toMatchObject({
      period: "2015-16 Q2",
      snapshot: "created",
      sheet: reportSheetName("2015-16 Q2"),
    });
    expect(first.rows).toBeGreaterThan(0);
    const kept = await host.refresh("2015/16 Q2", { rerate: false });
    expect(kept).toMatchObject({ snapshot: "kept", sheet: first.sheet, rows: first.rows });
    const replaced = await host.refresh("2015-16 Q2", { rerate: true });
    expect(replaced).toMatchObject({ snapshot: "replaced", sheet: first.sheet, rows: first.rows });
  });

  test("a period that does not parse is refused, quoting it", async () => {
    const { host } = await double.open("sample");
    await expect(host.refresh("Q5 2015", { rerate: false })).rejects.toThrow(/Q5 2015/);
  });

  test("the selection is read as its sheet, top-left address and values", async () => {
    const world = await double.open("sample");
    world.selectCells("Q2 return", { row: 1, col: 1 }, [
      ["Indicator", "2015-16 Q1"],
      ["EH-EHA", 135],
    ]);
    expect(await world.host.readSelection()).toEqual({
      sheet: "Q2 return",
      address: "B2",
      values: [
        ["Indicator", "2015-16 Q1"],
        ["EH-EHA", 135],
      ],
    });
  });

  test("selecting a table cell that does not exist is refused", async () => {
    const { host } = await double.open("sample");
    await expect(host.select(TABLE.targets, 100_000, "Target")).rejects.toThrow();
    await expect(host.select(TABLE.targets, 1, "No such column")).rejects.toThrow();
  });

  test("changes can be subscribed to, and the subscription ended", async () => {
    const { host } = await double.open("sample");
    expect(typeof host.subscribe).toBe("function");
    const off = host.subscribe?.(() => undefined);
    expect(typeof off).toBe("function");
    off?.();
  });
});
