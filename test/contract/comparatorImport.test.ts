/**
 * Comparator tables as DfE and OHID publish them (authorities down, years across) read into
 * PerfComparators rows; errors name the cell and quote the text.
 */
import { comparatorKind, importComparators, upsertComparators } from "../../src/contract/comparatorImport";

// As the DfE EYFSP statistical first release prints good level of development (percentages).
const DFE = [
  ["Local authority", "2013", "2014", "2015"],
  ["England", "52", "60", "66"],
  ["East Midlands", "49", "58", "64"],
  ["Statistical neighbours", "47", "58.1", "63"],
  ["City", "55.4", "57", "x"],
  ["Derby", "44", "57.1", "c"],
];

describe("importComparators", () => {
  it("reads a DfE table: years across, England National, neighbours Average, a region, peers", () => {
    const r = importComparators(DFE, { indicatorId: "GLD", measureType: "Rate" });
    expect(r.errors).toEqual([]);
    const england2014 = r.rows.find((x) => x.comparator === "England" && x.period === "2014-15");
    expect(england2014).toMatchObject({ indicatorId: "GLD", kind: "National" });
    expect(england2014?.value).toBeCloseTo(0.6, 12);
    expect(r.rows.find((x) => x.comparator === "East Midlands")?.kind).toBe("Region");
    expect(r.rows.find((x) => x.comparator === "Statistical neighbours")?.kind).toBe("Average");
    expect(r.rows.find((x) => x.comparator === "Derby")?.kind).toBe("Peer");
    // Suppressed cells (x, c) are no figure: 5 areas × 3 years − 2.
    expect(r.rows).toHaveLength(13);
    expect(r.notes).toContain("2013 read as 2013-14");
    expect(r.notes).toContain("Plain numbers read as percentages (55.4 is 55.4%)");
  });

  it("reads 2013-14 and 2014/15 headers, percentages with their sign, and academic single years", () => {
    const r = importComparators(
      [
        ["", "2013-14", "2014/15"],
        ["England", "52.0%", "60.0%"],
      ],
      { indicatorId: "GLD", measureType: "Rate" },
    );
    expect(r.rows.map((x) => [x.period, x.value])).toEqual([
      ["2013-14", 0.52],
      ["2014-15", 0.6],
    ]);
    const academic = importComparators(DFE, { indicatorId: "GLD", measureType: "Rate", singleYear: "ends" });
    expect(academic.rows.find((x) => x.comparator === "England")?.period).toBe("2012-13");
  });

  it("keeps counts as counts and finds the header below a title row", () => {
    const r = importComparators(
      [
        ["Children in need referrals", null, null],
        ["Area", "2014-15", "2015-16"],
        ["England", "635,600", "621,470"],
      ],
      { indicatorId: "CIN", measureType: "Count", origin: "B3" },
    );
    expect(r.rows.map((x) => x.value)).toEqual([635600, 621470]);
  });

  it("names the cell and the text it cannot read, from the pasted range's top-left", () => {
    const r = importComparators(
      [
        ["", "2013", "next year"],
        ["England", "52", "sixty"],
        ["", "40", null],
      ],
      { indicatorId: "GLD", measureType: "Rate", origin: "C5" },
    );
    expect(r.errors).toEqual([
      expect.objectContaining({
        cell: "E5",
        text: "next year",
        message: expect.stringMatching(/is not a year/),
      }),
      expect.objectContaining({ cell: "C7", message: "This row has figures but no authority or area name" }),
    ]);
    const bad = importComparators(
      [
        ["", "2013"],
        ["England", "sixty"],
        ["Derby", "140"],
      ],
      { indicatorId: "GLD", measureType: "Rate", valuesAs: "fraction" },
    );
    expect(bad.errors.map((e) => [e.cell, e.text])).toEqual([
      ["B2", "sixty"],
      ["B3", "140"],
    ]);
    expect(bad.errors[1]?.message).toMatch(/between 0% and 100%/);
  });

  it("says so when there is no row of years", () => {
    const r = importComparators([["England", "52"]], { indicatorId: "GLD" });
    expect(r.rows).toEqual([]);
    expect(r.errors[0]?.message).toMatch(/No row of years/);
  });
});

describe("comparatorKind", () => {
  it.each([
    ["England", "National"],
    ["ENGLAND", "National"],
    ["Statistical neighbour average", "Average"],
    ["Yorkshire and The Humber", "Region"],
    ["London", "Region"],
    ["Nottingham City", "Peer"],
  ] as const)("%s is %s", (name, kind) => expect(comparatorKind(name)).toBe(kind));
});

describe("upsertComparators", () => {
  it("updates the figure of the same indicator, period and comparator and adds the others", () => {
    const table = {
      headers: ["IndicatorId", "Period", "Comparator", "Kind", "Value", "Source", "My note"],
      rows: [["GLD", "2014/15", "england", "National", 0.59, "old", "keep me"]],
    };
    const up = upsertComparators(table, [
      {
        indicatorId: "GLD",
        period: "2014-15",
        comparator: "England",
        kind: "National",
        value: 0.6,
        source: "DfE",
      },
      { indicatorId: "GLD", period: "2014-15", comparator: "Derby", kind: "Peer", value: 0.571, source: "" },
    ]);
    expect(up).toMatchObject({ added: 1, updated: 1, changed: [0] });
    expect(up.rows[0]).toEqual(["GLD", "2014/15", "england", "National", 0.6, "DfE", "keep me"]);
    expect(up.rows[1]).toEqual(["GLD", "2014-15", "Derby", "Peer", 0.571, null, null]);
  });
});
