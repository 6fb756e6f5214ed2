/**
 * Properties of buildReport over generated registers (fast-check).
 */
import fc from "fast-check";
import { buildReport } from "./index";
import { Q, target, series, reg, only } from "../../test/engine/reportRecords";

describe("properties over registers", () => {
  const mt = fc.constantFrom("Count" as const, "Level" as const, "Rate" as const);
  const figure = fc.integer({ min: 0, max: 10_000 });

  test("a parent with one child is measured exactly as that child", () => {
    fc.assert(
      fc.property(
        mt,
        fc.constantFrom("Higher" as const, "Lower" as const),
        fc.array(figure, { minLength: 8, maxLength: 8 }),
        figure,
        figure,
        (measureType, polarity, figures, b, t) => {
          const asRate = (x: number): [number, number] => [x, 10_000];
          const values = figures.map((x) => (measureType === "Rate" ? asRate(x) : x));
          const scale = measureType === "Rate" ? 10_000 : 1;
          const targets = ["Parent", "Child"].map((orgUnit, i) =>
            target({
              indicatorId: "P",
              orgUnit,
              row: i + 1,
              measureType,
              polarity,
              baseline: b / scale,
              target: t / scale,
            }),
          );
          const actuals = series("P", Q(2014, 1), values, { orgUnit: "Child" });
          const report = buildReport(
            reg(targets, actuals, [{ row: 1, orgUnit: "Child", parent: "Parent" }]),
            Q(2015, 3),
          );
          const parent = only(report, "P", "Parent").row;
          const child = only(report, "P", "Child").row;
          expect({ ...parent, orgUnit: "Child" }).toEqual(child);
        },
      ),
    );
  });

  test("no figure of any row is NaN or infinite, and no explanation reads NaN or undefined", () => {
    const cell = fc.oneof(fc.constant(null), figure, fc.tuple(figure, fc.integer({ min: 1, max: 10_000 })));
    fc.assert(
      fc.property(
        mt,
        fc.constantFrom("Higher" as const, "Lower" as const, "Neutral" as const),
        fc.constantFrom(
          "Linear" as const,
          "Front" as const,
          "Back" as const,
          "Flat" as const,
          "Seasonal" as const,
        ),
        fc.array(cell, { minLength: 8, maxLength: 8 }),
        fc.option(figure, { nil: null }),
        fc.option(figure, { nil: null }),
        fc.constantFrom(...([1, 2, 3, 4] as const)),
        fc.constantFrom("Milestone" as const, "ToleranceBand" as const, "Forecast" as const),
        (measureType, polarity, profile, cells, baseline, tgt, q, rule) => {
          const values = cells.map((c) => (measureType !== "Rate" && Array.isArray(c) ? c[0] : c));
          const t = target({ indicatorId: "P", measureType, polarity, profile, baseline, target: tgt });
          const report = buildReport(
            reg([t], series("P", Q(2014, 1), values), [], { rule, scheme: "BRAG" }),
            Q(2015, q),
            {
              trend: true,
            },
          );
          const e = only(report);
          for (const [k, v] of Object.entries(e.row)) {
            if (typeof v === "number") expect([k, Number.isFinite(v)]).toEqual([k, true]);
          }
          expect(e.row.explanation).not.toMatch(/NaN|undefined|Infinity/);
          expect(e.row.explanation.startsWith(e.row.rag)).toBe(true);
          for (const p of e.trend) {
            for (const v of [p.actual, p.milestone]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
          }
        },
      ),
    );
  });
});
