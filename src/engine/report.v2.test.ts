/**
 * Schema 2 in the report: confidence intervals, the Confidence rule, small bases and significant
 * direction of travel; data quality carried through (roll-ups naming the unit).
 */
import { buildReport, type UnitRecord } from "./index";
import { Q, rateTarget as target, actual, regWith as reg, entry } from "../../test/engine/reportRecords";

const ACCESS = target({ indicatorId: "CC-ACCESS" });

describe("the Confidence rule and intervals", () => {
  test("23 of 56 against a milestone of 45%: Amber, below it but not significantly, with the interval", () => {
    const r = reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), [23, 56])], {
      settings: { rule: "Confidence" },
    });
    const e = entry(r);
    expect(e.row.rag).toBe("Amber");
    expect(e.row.confidenceLow).toBeCloseTo(0.29167, 5);
    expect(e.row.confidenceHigh).toBeCloseTo(0.54122, 5);
    expect(e.row.explanation).toBe(
      "Amber (confidence rule): 41.1% against a milestone of 45.0% (higher is better); below it, but not significantly (95% interval 29.2%–54.1%, 23 of 56).",
    );
  });

  test("the same figure under the default Milestone rule is Red, and still carries its interval", () => {
    const e = entry(reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), [23, 56])]));
    expect(e.row.rag).toBe("Red");
    expect(e.row.confidenceLow).not.toBeNull();
  });

  test("a miss whose whole interval is below the milestone is Red, significantly so", () => {
    const r = reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), [23, 120])], {
      settings: { rule: "Confidence" },
    });
    const e = entry(r);
    expect(e.row.rag).toBe("Red");
    expect(e.row.explanation).toContain(
      "below it, and significantly so (95% interval 13.1%–27.1%, 23 of 120)",
    );
  });

  test("a lower-is-better rate above its milestone but not significantly says above it", () => {
    const t = target({ indicatorId: "ESC", polarity: "Lower", baseline: 0.1, target: 0.1 });
    const r = reg([t], [actual("ESC", Q(2015, 2), [31, 274])], { settings: { rule: "Confidence" } });
    expect(entry(r).row.explanation).toContain(
      "; above it, but not significantly (95% interval 8.1%–15.6%, 31 of 274)",
    );
  });

  test("at 99.8% the interval is wider", () => {
    const r = reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), [23, 56])], {
      settings: { rule: "Confidence", confidenceLevel: 99.8 },
    });
    const e = entry(r);
    expect(e.row.confidenceLow).toBeCloseTo(0.2355, 4);
    expect(e.row.explanation).toContain("99.8% interval 23.5%–61.2%");
  });

  test("a rate given as a percentage alone has no interval and is rated by the Milestone rule, saying so", () => {
    const r = reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), 0.41)], { settings: { rule: "Confidence" } });
    const e = entry(r);
    expect(e.row.confidenceLow).toBeNull();
    expect(e.row.confidenceHigh).toBeNull();
    expect(e.row.rag).toBe("Red");
    expect(e.row.explanation).toContain(
      "the figure has no confidence interval, so the milestone rule rates it",
    );
  });

  test("a Level has no interval", () => {
    const t = target({
      indicatorId: "OPEN",
      measureType: "Level",
      polarity: "Lower",
      baseline: 615,
      target: 600,
    });
    const e = entry(reg([t], [actual("OPEN", Q(2015, 2), 640)]));
    expect([e.row.confidenceLow, e.row.confidenceHigh, e.row.smallBase]).toEqual([null, null, false]);
  });
});

describe("small base", () => {
  test("a rate of 8 of 20 cases is flagged and its explanation says so, without changing the status", () => {
    const e = entry(reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), [9, 20])]));
    expect(e.row.smallBase).toBe(true);
    expect(e.row.rag).toBe("Green");
    expect(e.row.explanation).toMatch(/; small base \(20 cases\)\.$/);
  });

  test("the workbook's SmallBase sets the threshold", () => {
    const e = entry(
      reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), [23, 56])], { settings: { smallBase: 60 } }),
    );
    expect(e.row.smallBase).toBe(true);
    expect(e.row.explanation).toContain("small base (56 cases)");
  });

  test("a count below 10 so far is a small base", () => {
    const t = target({
      indicatorId: "EHA",
      measureType: "Count",
      unit: "assessments",
      baseline: 20,
      target: 24,
      profile: "Linear",
    });
    const e = entry(reg([t], [actual("EHA", Q(2015, 1), 3), actual("EHA", Q(2015, 2), 4)]));
    expect(e.row.actual).toBe(7);
    expect(e.row.smallBase).toBe(true);
    expect(e.row.explanation).toContain("small base (7 cases)");
  });
});

describe("significant direction of travel (DotSignificance)", () => {
  const rows = [
    actual("CC-ACCESS", Q(2015, 1), [20, 56]),
    actual("CC-ACCESS", Q(2015, 2), [23, 56]),
    actual("CC-ACCESS", Q(2014, 2), [10, 56]),
  ];
  test("off: 20 → 23 of 56 is Improving", () => {
    expect(entry(reg([ACCESS], rows)).row.dotPrevious).toBe("Improving");
  });

  test("on: overlapping intervals are No change, and the explanation says no significant change", () => {
    const e = entry(reg([ACCESS], rows, { settings: { dotSignificance: true } }));
    expect(e.row.dotPrevious).toBe("No change");
    // 10 of 56 a year ago is 10.0%–29.8%, which overlaps 29.2%–54.1%.
    expect(e.row.dotYearAgo).toBe("No change");
    expect(e.row.explanation).toContain(
      "no significant change on the previous quarter or the same quarter last year",
    );
  });

  test("on: intervals apart keep the direction", () => {
    const apart = [actual("CC-ACCESS", Q(2014, 2), [2, 56]), actual("CC-ACCESS", Q(2015, 2), [23, 56])];
    expect(entry(reg([ACCESS], apart, { settings: { dotSignificance: true } })).row.dotYearAgo).toBe(
      "Improving",
    );
  });
});

describe("data quality", () => {
  test("a provisional figure is rated as usual and flagged in the row, the explanation and the counts", () => {
    const r = reg([ACCESS], [actual("CC-ACCESS", Q(2015, 2), [24, 56], { quality: "Provisional" })]);
    const report = buildReport(r, Q(2015, 2));
    const e = report.entries[0];
    expect(e?.row.rag).toBe("Amber");
    expect(e?.row.quality).toBe("Provisional");
    expect(e?.row.explanation).toMatch(/^Amber, provisional: 42\.9% against a milestone of 45\.0%/);
    expect(report.quality.Provisional.Amber).toBe(1);
    expect(report.quality.Validated.Amber).toBe(0);
  });

  test("a validated figure reads as before; no figure has no quality", () => {
    const report = buildReport(reg([ACCESS], [actual("CC-ACCESS", Q(2015, 1), [24, 56])]), Q(2015, 2));
    expect(report.entries[0]?.row.quality).toBeNull();
    expect(report.entries[0]?.row.rag).toBe("No data");
  });

  test("a roll-up carries the least certain quality of its children and names the unit", () => {
    const units: UnitRecord[] = [
      { row: 1, orgUnit: "City", parent: null },
      { row: 2, orgUnit: "North", parent: "City" },
      { row: 3, orgUnit: "South", parent: "City" },
      { row: 4, orgUnit: "East", parent: "City" },
    ];
    const r = reg(
      [ACCESS],
      [
        actual("CC-ACCESS", Q(2015, 2), [10, 20], { orgUnit: "North", quality: "Late" }),
        actual("CC-ACCESS", Q(2015, 2), [10, 20], { orgUnit: "South", quality: "Partial" }),
        actual("CC-ACCESS", Q(2015, 2), [10, 20], { orgUnit: "East", quality: "Estimated" }),
      ],
      { units },
    );
    const e = entry(r);
    expect(e.row.quality).toBe("Partial");
    expect(e.qualityUnit).toBe("South");
    expect(e.row.explanation).toMatch(/^Green, partial \(from South\): 50\.0%/);
  });

  test("a count's year to date carries the least certain of its quarters", () => {
    const t = target({
      indicatorId: "EHA",
      measureType: "Count",
      unit: "",
      baseline: 200,
      target: 400,
      profile: "Linear",
    });
    const r = reg(
      [t],
      [actual("EHA", Q(2015, 1), 100, { quality: "Estimated" }), actual("EHA", Q(2015, 2), 100)],
    );
    expect(entry(r).row.quality).toBe("Estimated");
  });
});
