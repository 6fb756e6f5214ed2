/**
 * buildReport's statuses without a comparison, targets for more than one year, figures that
 * cannot be rated (and say why), and one register reported for several periods.
 */
import { buildReport, type Register, type TargetRecord, type UnitRecord } from "./index";
import { Q, target, actual, series, reg, only } from "../../test/engine/reportRecords";

describe("statuses without a comparison", () => {
  test("Monitor for Neutral open cases, with direction Up", () => {
    const open = target({ indicatorId: "OPEN", measureType: "Level", polarity: "Neutral", unit: "cases" });
    const row = only(buildReport(reg([open], series("OPEN", Q(2015, 1), [615, 740])), Q(2015, 2))).row;
    expect(row.rag).toBe("Monitor");
    expect(row.dotPrevious).toBe("Up");
    expect(row.onTrack).toBeNull();
    expect(row.explanation).toBe(
      "Monitor: 740 cases (monitored, no better direction); up on the previous quarter.",
    );
  });

  test("No data when the quarter has no actual", () => {
    const t = target({ indicatorId: "X", measureType: "Level", baseline: 10, target: 20 });
    const row = only(buildReport(reg([t], []), Q(2015, 2))).row;
    expect(row.rag).toBe("No data");
    expect(row.explanation).toBe("No data: no actual for 2015-16 Q2.");
  });

  test("No target when the target is for another year", () => {
    const t = target({ indicatorId: "X", measureType: "Level", baseline: 10, targetYear: 2016, target: 20 });
    const row = only(buildReport(reg([t], [actual("X", Q(2015, 2), 5)]), Q(2015, 2))).row;
    expect(row.rag).toBe("No target");
    expect(row.explanation).toBe("No target: the target is set for 2016-17, not for 2015-16 Q2.");
  });

  test("an invalid Custom profile: No target with the reason, and an error naming the row", () => {
    const t = target({
      indicatorId: "X",
      target: 20,
      profile: "Custom",
      weights: [0.25, 0.5, 0.75, 0.9],
      row: 7,
    });
    const report = buildReport(reg([t], series("X", Q(2015, 1), [5, 6])), Q(2015, 2));
    expect(only(report).row.rag).toBe("No target");
    expect(only(report).row.explanation).toContain("W4");
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ table: "PerfTargets", row: 7 });
  });

  test("commentary and action of the unit's own row travel with the entry", () => {
    const t = target({ indicatorId: "X", target: 20 });
    const e = only(
      buildReport(
        reg([t], [actual("X", Q(2015, 1), 5, { commentary: "Late returns", action: "Chase" })]),
        Q(2015, 1),
      ),
    );
    expect(e.commentary).toBe("Late returns");
    expect(e.action).toBe("Chase");
  });
});

describe("a register with targets for more than one year", () => {
  const cp = (targetYear: number, tgt: number, row: number): TargetRecord =>
    target({
      indicatorId: "CP-PLANS",
      measureType: "Level",
      polarity: "Lower",
      unit: "plans",
      baseline: 327,
      targetYear,
      target: tgt,
      row,
    });

  test("one row per indicator and unit, rated against the target of the period's year", () => {
    const register = reg([cp(2015, 290, 1), cp(2016, 280, 2)], series("CP-PLANS", Q(2015, 1), [320, 305]));
    const report = buildReport(register, Q(2015, 2));
    const e = only(report, "CP-PLANS", "City");
    expect(e.targetRow).toBe(1);
    expect(e.row.target).toBe(290);
    expect(e.row.rag).toBe("Green");
    expect(report.summary["No target"]).toBe(0);
    const next = only(buildReport(register, Q(2016, 1)), "CP-PLANS", "City");
    expect(next.targetRow).toBe(2);
    expect(next.row.target).toBe(280);
  });

  test("with no target for the period's year, one No target row", () => {
    const register = reg([cp(2014, 300, 1), cp(2016, 280, 2)], series("CP-PLANS", Q(2015, 1), [320, 310]));
    const e = only(buildReport(register, Q(2015, 2)), "CP-PLANS", "City");
    expect(e.row.rag).toBe("No target");
  });
});

describe("figures that cannot be rated say why", () => {
  const esc = target({
    indicatorId: "ESC",
    measureType: "Rate",
    polarity: "Lower",
    unit: "%",
    baseline: 0.125,
    target: 0.1,
  });
  const units: UnitRecord[] = [
    { row: 1, orgUnit: "North", parent: "City" },
    { row: 2, orgUnit: "South", parent: "City" },
  ];

  test("a cluster giving the rate only as a percentage: the city is not averaged, and the row says why", () => {
    const report = buildReport(
      reg(
        [esc],
        [
          actual("ESC", Q(2015, 2), [31, 274], { orgUnit: "North" }),
          actual("ESC", Q(2015, 2), 0.087, { orgUnit: "South" }),
        ],
        units,
      ),
      Q(2015, 2),
    );
    const row = only(report).row;
    expect(row.actual).toBeNull();
    expect(row.rag).toBe("No data");
    expect(row.explanation).toMatch(/^No data: .*percentage cannot be rolled up/);
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        table: "PerfActuals",
        message: expect.stringContaining("cannot be rolled up"),
      }),
    );
  });

  test("a denominator of 0 is an error naming the row and column, not Red and not a silent No data", () => {
    const zero = actual("ESC", Q(2015, 2), [3, 0]);
    const report = buildReport(reg([esc], [zero]), Q(2015, 2));
    const row = only(report).row;
    expect(row.rag).not.toBe("Red");
    expect(row.actual).toBeNull();
    expect(row.explanation).toContain("denominator is 0");
    expect(report.errors).toContainEqual({
      code: "DIVIDE_BY_ZERO",
      table: "PerfActuals",
      row: zero.row,
      column: "Denominator",
      message: expect.stringContaining("3/0"),
    });
  });
});

describe("reports of one register for several periods", () => {
  // buildReport keeps what it works out for a register (index, weights, findings) while the
  // register's arrays are the same: the results must not depend on it.
  const eha = target({
    indicatorId: "EH-EHA",
    unit: "assessments",
    profile: "Seasonal",
    baseline: 556,
    target: 900,
  });
  const cp = target({
    indicatorId: "CP",
    measureType: "Level",
    polarity: "Lower",
    baseline: 327,
    target: 290,
  });
  const actuals = [
    ...series("EH-EHA", Q(2014, 1), [135, 94, 159, 168, 187, 206, 254, 282]),
    ...series("CP", Q(2014, 1), [188, 250, 300, 327, 324, null, 300, 296]),
  ];
  const fresh = (): Register => reg([eha, cp], [...actuals]);

  test("each period's report equals the report of a fresh copy of the register, in any order", () => {
    const shared = fresh();
    const order = [4, 1, 3, 2, 4, 1] as const;
    for (const q of order) {
      expect(buildReport(shared, Q(2015, q))).toEqual(buildReport(fresh(), Q(2015, q)));
    }
  });

  test("a register with other targets over the same actuals is reported on its own targets", () => {
    const one = reg([eha], actuals);
    const other = reg([cp], actuals);
    expect(buildReport(one, Q(2015, 2)).entries.map((e) => e.row.indicatorId)).toEqual(["EH-EHA"]);
    expect(buildReport(other, Q(2015, 2)).entries.map((e) => e.row.indicatorId)).toEqual(["CP"]);
  });

  test("actuals added to the same array are seen by the next report", () => {
    const list = actuals.filter((a) => !(a.indicatorId === "CP" && a.period.fy === 2015 && a.period.q === 4));
    const register = reg([cp], list);
    expect(only(buildReport(register, Q(2015, 4))).row.rag).toBe("No data");
    list.push(actual("CP", Q(2015, 4), 296));
    expect(only(buildReport(register, Q(2015, 4))).row.rag).toBe("Amber");
  });
});
