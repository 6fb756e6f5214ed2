/**
 * Schema 2 both ways on workbooks written by another program (XlsxWriter; made by
 * test/fixtures/schema/make.py), read through the CLI's ExcelJS adapter: a version-1 workbook is
 * read as it is and its upgrade plan adds the new columns at the end and the new settings, user
 * columns untouched; a version-2 workbook's additions are read and reach the report; a version-3
 * workbook is refused, saying which version this PerfCycle reads.
 */
import { join } from "path";
import { loadXlsx, rawWorkbook } from "../../src/cli/xlsx";
import { applyUpgradePlan, readRegister, upgradePlan, type RawWorkbook } from "../../src/contract";
import { reportJson } from "../../src/present";
import { buildReport } from "../../src/engine";

const fixture = async (name: string): Promise<RawWorkbook> =>
  rawWorkbook((await loadXlsx(join(__dirname, "../fixtures/schema", name))).workbook);

const headersOf = (b: RawWorkbook, name: string): unknown[] => [
  ...(b.tables.find((t) => t.name === name)?.headers ?? []),
];

describe("a version-1 workbook written by XlsxWriter", () => {
  test("is read as it is, as version 1", async () => {
    const book = await fixture("v1.xlsx");
    const r = readRegister(book);
    expect(r.errors).toEqual([]);
    expect(r.schema).toEqual({ found: 1, current: 2, upgraded: [] });
    expect(r.register?.actuals[0]).not.toHaveProperty("quality");
  });

  test("its upgrade plan adds the schema 2 columns at the end and the settings, SchemaVersion → 2", async () => {
    const book = await fixture("v1.xlsx");
    const plan = upgradePlan(book);
    expect(plan.problem).toBeNull();
    expect(plan).toMatchObject({ from: 1, to: 2, setVersion: true, needed: true });
    expect(plan.columns).toEqual([
      {
        table: "PerfTargets",
        name: "PerfTargets",
        headers: ["TargetMethod", "TargetRationale", "PreviousId"],
      },
      { table: "PerfActuals", name: "PerfActuals", headers: ["Quality"] },
    ]);
    expect(plan.settings).toEqual([
      ["ConfidenceLevel", 95],
      ["SmallBase", 30],
      ["DotSignificance", "No"],
    ]);
    expect(plan.describe[0]).toBe("SchemaVersion 1 → 2");
  });

  test("carried out, the user's columns, cells and settings are untouched, and it reads as version 2", async () => {
    const book = await fixture("v1.xlsx");
    const before = JSON.stringify(book);
    const up = applyUpgradePlan(book, upgradePlan(book));
    expect(JSON.stringify(book)).toBe(before); // the input is not modified
    expect(headersOf(up, "PerfTargets").slice(-4)).toEqual([
      "Cluster of",
      "TargetMethod",
      "TargetRationale",
      "PreviousId",
    ]);
    expect(headersOf(up, "PerfActuals").slice(-2)).toEqual(["Checked by", "Quality"]);
    const actuals = up.tables.find((t) => t.name === "PerfActuals");
    expect(actuals?.rows[0]?.slice(0, 9)).toEqual(book.tables.find((t) => t.name === "PerfActuals")?.rows[0]);
    const r = readRegister(up);
    expect(r.errors).toEqual([]);
    expect(r.schema.found).toBe(2);
    expect(r.extraSettings.map((e) => e.setting)).toEqual(["Council"]);
    expect(r.register?.settings).toMatchObject({
      schemaVersion: 2,
      confidenceLevel: 95,
      smallBase: 30,
      dotSignificance: false,
    });
    expect(r.columns.PerfTargets?.unknown.map((u) => u.header)).toEqual(["Cluster of"]);
    // Upgraded once, there is nothing more to do.
    expect(upgradePlan(up).needed).toBe(false);
  });
});

describe("a version-2 workbook written by XlsxWriter", () => {
  test("its additions are read and reach the report JSON", async () => {
    const r = readRegister(await fixture("v2.xlsx"));
    expect(r.errors).toEqual([]);
    expect(upgradePlan(await fixture("v2.xlsx")).needed).toBe(false);
    const reg = r.register;
    if (!reg) throw new Error("no register");
    expect(reg.targets[0]).toMatchObject({ targetMethod: "CloseGap(0.5, England)", previousId: "GLD-OLD" });
    const json = reportJson(buildReport(reg, { fy: 2015, q: 2 }));
    const row = json.rows[0];
    expect(row).toMatchObject({ quality: "Provisional", smallBase: false });
    expect(row?.confidenceLow).toBeCloseTo(0.2355, 4); // 99.8%: the workbook's level
    expect(row?.comparators.map((c) => [c.comparator, c.status, c.quartile])).toEqual([
      ["England", "Similar", null], // 60.0% lies in 41.1%'s 99.8% interval, 23.5%–61.2%
      ["Neighbour 1", "Similar", null],
      ["Neighbour 2", "Similar", null],
      ["Neighbour 3", "Similar", null],
      ["Neighbour 4", "Similar", null],
      ["Peer group (4)", "Worse", 4],
    ]);
    expect(json.schemaVersion).toBe(2);
    expect(
      json.quality.Provisional.Red + json.quality.Provisional.Amber + json.quality.Provisional.Green,
    ).toBe(1);
  });
});

describe("a version-3 workbook", () => {
  test("is refused by the reader and the plan, saying this PerfCycle reads schema 2 and older", async () => {
    const book = await fixture("v3.xlsx");
    const r = readRegister(book);
    expect(r.register).toBeNull();
    expect(r.fatal?.message).toContain("uses schema version 3");
    expect(r.fatal?.message).toContain("reads schema version 2 and older");
    const plan = upgradePlan(book);
    expect(plan.needed).toBe(false);
    expect(plan.problem).toContain("Open it with");
  });
});
