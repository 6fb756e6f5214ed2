/**
 * buildReport on rates from the DOMAIN figures: Derby escalations with roll-up over units, reach,
 * and NEET given as a percentage.
 */
import { buildReport, type UnitRecord } from "./index";
import { Q, target, actual, reg, only } from "../../test/engine/reportRecords";

describe("Derby escalations to social care, % of cases closed (Rate, lower is better)", () => {
  const esc = target({
    indicatorId: "ESC",
    measureType: "Rate",
    polarity: "Lower",
    unit: "%",
    baseline: 0.125,
    target: 0.1,
  });

  test("31 of 274 = 11.3% against a Q1 milestone of 11.9%: Green", () => {
    const row = only(buildReport(reg([esc], [actual("ESC", Q(2015, 1), [31, 274])]), Q(2015, 1))).row;
    expect(row.actual).toBe(31 / 274);
    expect(row.milestone).toBe(0.125 + (0.1 - 0.125) * 0.25);
    expect(row.rag).toBe("Green");
    expect(row.explanation).toBe(
      "Green: 11.3% against a milestone of 11.9% (lower is better); 0.6 points under.",
    );
  });

  test("the city is the sum of numerators over the sum of denominators of its clusters", () => {
    const units: UnitRecord[] = [
      { row: 1, orgUnit: "North", parent: "City" },
      { row: 2, orgUnit: "South", parent: "City" },
    ];
    const report = buildReport(
      reg(
        [esc],
        [
          actual("ESC", Q(2015, 2), [31, 274], { orgUnit: "North" }),
          actual("ESC", Q(2015, 2), [18, 206], { orgUnit: "South" }),
        ],
        units,
      ),
      Q(2015, 2),
    );
    const e = only(report);
    expect(e.row.actual).toBe(49 / 480);
    expect(e.row.actual).not.toBeCloseTo((31 / 274 + 18 / 206) / 2, 3);
    expect(e.rolledUp).toBe(true);
  });

  test("a cluster that has not reported: the city is No data naming it", () => {
    const units: UnitRecord[] = [
      { row: 1, orgUnit: "North", parent: "City" },
      { row: 2, orgUnit: "South", parent: "City" },
    ];
    const report = buildReport(
      reg([esc], [actual("ESC", Q(2015, 2), [31, 274], { orgUnit: "North" })], units),
      Q(2015, 2),
    );
    const row = only(report).row;
    expect(row.rag).toBe("No data");
    expect(row.actual).toBeNull();
    expect(row.explanation).toBe(
      "No data: South has not reported for 2015-16 Q2, so the total is not rated.",
    );
  });

  test("a cycle in the units is an error naming them", () => {
    const report = buildReport(
      reg(
        [esc],
        [],
        [
          { row: 1, orgUnit: "North", parent: "City" },
          { row: 2, orgUnit: "City", parent: "North" },
        ],
      ),
      Q(2015, 2),
    );
    expect(report.errors).toContainEqual({
      code: "UNIT_CYCLE",
      table: "PerfUnits",
      row: null,
      column: "Parent",
      message: expect.stringMatching(/cycle.*(North.*City|City.*North)/),
    });
  });
});

describe("reach: 431 → 1,242 registered of 4,216 under-fives (Rate, higher is better)", () => {
  test("Front profile at Q2, distance travelled from the baseline", () => {
    const baseline = 431 / 4216;
    const reach = target({
      indicatorId: "REACH",
      measureType: "Rate",
      unit: "%",
      profile: "Front",
      baseline,
      target: 0.35,
    });
    const row = only(buildReport(reg([reach], [actual("REACH", Q(2015, 2), [1242, 4216])]), Q(2015, 2))).row;
    expect(row.actual).toBe(1242 / 4216);
    expect(row.milestone).toBe(baseline + (0.35 - baseline) * 0.7);
    expect(row.rag).toBe("Green");
    expect(row.distanceTravelled).toBe((1242 / 4216 - baseline) / (0.35 - baseline));
    expect(row.forecast).toBe(1242 / 4216 + ((1242 / 4216 - baseline) / 2) * 2);
  });
});

describe("NEET 5.9%, target below 5.5% (Rate given as a percentage, lower is better)", () => {
  const neet = target({
    indicatorId: "NEET",
    measureType: "Rate",
    polarity: "Lower",
    unit: "%",
    baseline: 0.059,
    target: 0.055,
  });

  test("5.8% at Q4 is Red at the default 5% relative tolerance", () => {
    const row = only(buildReport(reg([neet], [actual("NEET", Q(2015, 4), 0.058)]), Q(2015, 4))).row;
    expect(row.milestone).toBe(0.055);
    expect(row.rag).toBe("Red");
    expect(row.explanation).toBe(
      "Red: 5.8% against a milestone of 5.5% (lower is better); 0.3 points over, beyond the 5% tolerance of 0.3 points.",
    );
  });

  test("Amber with its own absolute tolerance of half a point", () => {
    const row = only(
      buildReport(
        reg([{ ...neet, tolerance: 0.005, toleranceType: "Absolute" }], [actual("NEET", Q(2015, 4), 0.058)]),
        Q(2015, 4),
      ),
    ).row;
    expect(row.rag).toBe("Amber");
    expect(row.explanation).toBe(
      "Amber: 5.8% against a milestone of 5.5% (lower is better); 0.3 points over, within the tolerance of 0.5 points.",
    );
  });

  test("the workbook's default tolerance applies to an indicator without its own", () => {
    const row = only(
      buildReport(
        reg([neet], [actual("NEET", Q(2015, 4), 0.058)], [], { defaultTolerance: 0.1 }),
        Q(2015, 4),
      ),
    ).row;
    expect(row.rag).toBe("Amber");
  });
});
