import { readFileSync } from "fs";
import { join } from "path";
import { importWide, IMPORT_JSON_KEYS, type RawCell } from "../../src/contract";
import { dateToSerial } from "../../src/engine";

const opts = { startMonth: 4 };

describe("importWide: headers", () => {
  test("each header form gives the canonical period", () => {
    const headers: RawCell[] = [
      "Indicator",
      "2014-15 Q4",
      "Q1 2015/16",
      "30/09/2015",
      "2015-12-31",
      dateToSerial({ year: 2016, month: 3, day: 31 }),
      new Date(Date.UTC(2016, 5, 30)),
      "Sep-16",
      "December 2016",
    ];
    const grid: RawCell[][] = [headers, ["Early Help Assessments", 168, 187, 206, 254, 282, 190, 210, 250]];
    const r = importWide("Wide", grid, opts);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.period)).toEqual([
      "2014-15 Q4",
      "2015-16 Q1",
      "2015-16 Q2",
      "2015-16 Q3",
      "2015-16 Q4",
      "2016-17 Q1",
      "2016-17 Q2",
      "2016-17 Q3",
    ]);
  });

  test("31/12/213 (impossible year) is an error naming the cell and the text; the column is not imported", () => {
    const r = importWide(
      "Wide",
      [
        ["Code", "30/09/2015", "31/12/213"],
        ["EH-EHA", 206, 254],
      ],
      opts,
    );
    expect(r.errors).toEqual([expect.objectContaining({ sheet: "Wide", cell: "C1", text: "31/12/213" })]);
    expect(r.errors[0]?.message).toContain("'31/12/213'");
    expect(r.rows.map((x) => x.period)).toEqual(["2015-16 Q2"]);
  });

  test("15/05/2015 is not a quarter end: an error, never silently 2015-16 Q1", () => {
    const r = importWide(
      "Wide",
      [
        ["Code", "15/05/2015", "30/09/2015"],
        ["EH-EHA", 187, 206],
      ],
      opts,
    );
    expect(r.errors).toEqual([expect.objectContaining({ cell: "B1", text: "15/05/2015" })]);
    expect(r.errors[0]?.message).toContain("30/06/2015");
    expect(r.rows.map((x) => x.period)).toEqual(["2015-16 Q2"]);
  });

  test("a month label that is not a quarter's last month is an error", () => {
    const r = importWide(
      "Wide",
      [
        ["Code", "May-15", "Jun-15"],
        ["EH-EHA", 1, 2],
      ],
      opts,
    );
    expect(r.errors).toEqual([expect.objectContaining({ cell: "B1", text: "May-15" })]);
  });

  test("a column that is neither a quarter nor a label is ignored with a warning", () => {
    const r = importWide(
      "Wide",
      [
        ["Code", "Unit", "2015-16 Q1", "Notes"],
        ["EH-EHA", "City", 187, "good quarter"],
      ],
      opts,
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([expect.objectContaining({ cell: "D1", text: "Notes" })]);
    expect(r.rows).toHaveLength(1);
  });

  test("the same quarter twice is an error on the second header", () => {
    const r = importWide(
      "Wide",
      [
        ["Code", "2015-16 Q1", "30/06/2015"],
        ["EH-EHA", 187, 188],
      ],
      opts,
    );
    expect(r.errors).toEqual([expect.objectContaining({ cell: "C1", text: "30/06/2015" })]);
    expect(r.rows).toEqual([expect.objectContaining({ value: 187 })]);
  });

  test("title rows above the header are skipped; addresses follow the origin", () => {
    const grid: RawCell[][] = [
      ["Early help performance"],
      [],
      ["Id", "Measure", "Centre", "2015-16 Q1", "15/05/2015"],
      ["EH-EHA", "EHAs", "North", 187, 1],
    ];
    const r = importWide("Data", grid, { startMonth: 4, origin: "B3" });
    expect(r.rows).toEqual([
      {
        indicatorId: "EH-EHA",
        indicator: "EHAs",
        orgUnit: "North",
        period: "2015-16 Q1",
        value: 187,
        numerator: null,
        denominator: null,
      },
    ]);
    expect(r.errors).toEqual([expect.objectContaining({ sheet: "Data", cell: "F5", text: "15/05/2015" })]);
  });

  test("a January start reads 2015 Q1", () => {
    const r = importWide(
      "Wide",
      [
        ["Code", "2015 Q1", "30/06/2015"],
        ["X", 1, 2],
      ],
      { startMonth: 1 },
    );
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.period)).toEqual(["2015 Q1", "2015 Q2"]);
  });

  test("no header row is one error", () => {
    const r = importWide(
      "Wide",
      [
        ["just", "words"],
        ["and", "more"],
      ],
      opts,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.cell).toBe("A1");
  });
});

describe("importWide: cells", () => {
  const grid: RawCell[][] = [
    ["IndicatorId", "Indicator", "OrgUnit", "2015-16 Q1", "2015-16 Q2"],
    ["CC-REACH", "Reach", "North Cluster", "760/4,216", "1,242/4216"],
    ["YP-NEET", "NEET", "City", "6.0%", 0.061],
    ["EH-EHA", "Early Help Assessments", "City", 187, "1,206"],
    ["FAM-RESPECT", "Respect", "East Cluster", "64/83", "awaiting data"],
    ["CS-ESC", "Escalations", "City", "12,5%", "18/0"],
    ["EH-OPEN", "Open cases", "City", null, ""],
  ];
  const r = importWide("Wide", grid, opts);

  test("numbers, percentages, n/d fractions and thousands separators", () => {
    const find = (id: string, p: string) => r.rows.find((x) => x.indicatorId === id && x.period === p);
    expect(find("CC-REACH", "2015-16 Q2")).toEqual({
      indicatorId: "CC-REACH",
      indicator: "Reach",
      orgUnit: "North Cluster",
      period: "2015-16 Q2",
      value: 1242 / 4216,
      numerator: 1242,
      denominator: 4216,
    });
    expect(find("CC-REACH", "2015-16 Q1")).toMatchObject({ numerator: 760, denominator: 4216 });
    expect(find("YP-NEET", "2015-16 Q1")?.value).toBeCloseTo(0.06, 12);
    expect(find("YP-NEET", "2015-16 Q2")?.value).toBe(0.061);
    expect(find("EH-EHA", "2015-16 Q2")?.value).toBe(1206);
  });

  test("12,5% and a zero denominator are errors naming the cell and the text", () => {
    expect(r.errors).toEqual([
      expect.objectContaining({ sheet: "Wide", cell: "D6", text: "12,5%" }),
      expect.objectContaining({ sheet: "Wide", cell: "E6", text: "18/0" }),
    ]);
    expect(r.errors[0]?.message).toContain("'12,5%'");
  });

  test("a placeholder is a warning and gives no row; blanks give nothing", () => {
    expect(r.warnings).toEqual([expect.objectContaining({ cell: "E5", text: "awaiting data" })]);
    expect(r.rows.some((x) => x.indicatorId === "FAM-RESPECT" && x.period === "2015-16 Q2")).toBe(false);
    expect(r.rows.some((x) => x.indicatorId === "EH-OPEN")).toBe(false);
  });

  test("rows are sorted by indicator, unit and quarter, with exactly the spec's keys", () => {
    const keys = r.rows.map((x) => `${x.indicatorId}|${x.period}`);
    expect(keys).toEqual([...keys].sort());
    const md = readFileSync(join(__dirname, "../../docs/spec/workbook.md"), "utf8");
    const spec = /"rows": \[ \{ ([^}]*) \} \]/.exec(md)?.[1] ?? "";
    const specKeys = spec.split(",").map((k) => k.trim().replace(/"/g, ""));
    expect([...IMPORT_JSON_KEYS]).toEqual(specKeys);
    for (const row of r.rows) expect(Object.keys(row)).toEqual(specKeys);
  });

  test("figures with no indicator id are an error; the same cell twice is an error", () => {
    const g: RawCell[][] = [
      ["Code", "Indicator", "2015-16 Q1"],
      [null, "Orphan", 5],
      ["A", "First", 1],
      ["a ", "Again", 2],
    ];
    const x = importWide("W", g, opts);
    expect(x.errors.map((e) => e.cell)).toEqual(["A2", "C4"]);
    expect(x.rows).toEqual([expect.objectContaining({ indicatorId: "A", value: 1 })]);
  });

  test("without an id column the id is the label's slug, with a warning naming the label's cell", () => {
    const x = importWide(
      "W",
      [
        ["Measure", "2015-16 Q1"],
        ["Reach", "54.4%"],
      ],
      opts,
    );
    expect(x.rows[0]).toMatchObject({ indicatorId: "REACH", indicator: "Reach", orgUnit: "" });
    expect(x.warnings).toContainEqual(
      expect.objectContaining({
        cell: "A2",
        text: "Reach",
        message: expect.stringMatching(/IndicatorId.*REACH/) as unknown,
      }),
    );
  });

  test("the output does not depend on row order beyond ties", () => {
    const shuffled = [grid[0] ?? [], ...grid.slice(1).reverse()];
    expect(importWide("Wide", shuffled, opts).rows).toEqual(r.rows);
  });
});
