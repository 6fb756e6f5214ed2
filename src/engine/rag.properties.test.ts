/**
 * Property tests of RAG and its explanation: monotone in the actual, Green iff the gap is not
 * negative, never NaN, never throws, and an explanation that never reads "NaN" or "undefined".
 */
import fc from "fast-check";
import {
  DIRECTIONS,
  explain,
  MEASURE_TYPES,
  POLARITIES,
  RAG_RULES,
  RAG_SCHEMES,
  ragStatus,
  TOLERANCE_TYPES,
  type RagInput,
  type RagStatus,
} from "./index";

const RANK: Partial<Record<RagStatus, number>> = { Red: 0, Amber: 1, Green: 2, Blue: 3 };
const num = fc.double({ min: -1e7, max: 1e7, noNaN: true });
const tol = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true }));
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
  fc.oneof(arb, fc.constant(null), fc.constant(undefined));

function rank(input: RagInput): number {
  const r = ragStatus(input);
  if (!r.ok) throw new Error(r.error.message);
  const k = RANK[r.value.status];
  if (k === undefined) throw new Error(`unexpected ${r.value.status}`);
  return k;
}

test("RAG is monotone in the actual: raising it never worsens Higher, lowering it never worsens Lower", () => {
  fc.assert(
    fc.property(
      num,
      num,
      num,
      tol,
      fc.constantFrom(...TOLERANCE_TYPES),
      fc.constantFrom(...RAG_SCHEMES),
      num,
      fc.constantFrom("Milestone", "Forecast" as const),
      maybe(num),
      (a1, a2, m, t, toleranceType, scheme, target, rule, forecast) => {
        const lo = Math.min(a1, a2);
        const hi = Math.max(a1, a2);
        const common = { milestone: m, tolerance: t, toleranceType, scheme, target, rule, forecast };
        expect(rank({ ...common, actual: hi, polarity: "Higher" })).toBeGreaterThanOrEqual(
          rank({ ...common, actual: lo, polarity: "Higher" }),
        );
        expect(rank({ ...common, actual: lo, polarity: "Lower" })).toBeGreaterThanOrEqual(
          rank({ ...common, actual: hi, polarity: "Lower" }),
        );
      },
    ),
  );
});

test("ToleranceBand is monotone in the actual for a given year-ago direction", () => {
  fc.assert(
    fc.property(
      num,
      num,
      num,
      tol,
      maybe(fc.constantFrom("Improving", "Worsening", "No change" as const)),
      (a1, a2, m, t, dot) => {
        const lo = Math.min(a1, a2);
        const hi = Math.max(a1, a2);
        const common = { milestone: m, tolerance: t, rule: "ToleranceBand", dotYearAgo: dot } as const;
        expect(rank({ ...common, actual: hi, polarity: "Higher" })).toBeGreaterThanOrEqual(
          rank({ ...common, actual: lo, polarity: "Higher" }),
        );
      },
    ),
  );
});

test("Milestone rule: Green iff the gap g ≥ 0 (within the float allowance)", () => {
  fc.assert(
    fc.property(num, num, tol, fc.constantFrom("Higher", "Lower" as const), (a, m, t, polarity) => {
      const r = ragStatus({ actual: a, milestone: m, polarity, tolerance: t });
      if (!r.ok) throw new Error(r.error.message);
      const g = polarity === "Higher" ? a - m : m - a;
      const onOrBetter = g >= -1e-9 * Math.max(1, Math.abs(m));
      expect(r.value.status === "Green").toBe(onOrBetter);
      expect(r.value.gap !== null && r.value.gap >= 0).toBe(onOrBetter);
    }),
  );
});

test("a miss of exactly the tolerance is Amber, anything further is Red", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -100000, max: 100000 }),
      fc.integer({ min: 1, max: 100 }),
      fc.constantFrom("Higher", "Lower" as const),
      (m, pct, polarity) => {
        const t = pct / 100;
        const T = t * Math.abs(m);
        const miss = polarity === "Higher" ? m - T : m + T;
        // With M = 0 the tolerance is 0 and the "miss" is on the milestone.
        expect(rank({ actual: miss, milestone: m, polarity, tolerance: t })).toBe(
          m === 0 ? RANK.Green : RANK.Amber,
        );
        const step = 1e-6 * Math.max(1, Math.abs(m));
        const further = polarity === "Higher" ? miss - step : miss + step;
        expect(rank({ actual: further, milestone: m, polarity, tolerance: t })).toBe(RANK.Red);
      },
    ),
  );
});

const ragInputArb = fc.record({
  actual: maybe(num),
  milestone: maybe(num),
  polarity: fc.constantFrom(...POLARITIES),
  tolerance: maybe(tol),
  toleranceType: maybe(fc.constantFrom(...TOLERANCE_TYPES)),
  target: maybe(num),
  scheme: maybe(fc.constantFrom(...RAG_SCHEMES)),
  rule: maybe(fc.constantFrom(...RAG_RULES)),
  due: fc.oneof(fc.boolean(), fc.constant(undefined)),
  dotYearAgo: maybe(fc.constantFrom(...DIRECTIONS)),
  forecast: maybe(num),
});

test("no result is NaN and no explanation reads NaN or undefined", () => {
  fc.assert(
    fc.property(
      ragInputArb,
      fc.constantFrom(...MEASURE_TYPES),
      fc.constantFrom("", "plans", "%", "families"),
      maybe(num),
      fc.option(fc.array(fc.constantFrom("North", "South"), { minLength: 1, maxLength: 2 }), {
        nil: undefined,
      }),
      (input, measureType, unit, yearAgoActual, missingUnits) => {
        const r = ragStatus(input);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const x of [r.value.gap, r.value.toleranceAmount])
          if (x !== null) expect(Number.isNaN(x)).toBe(false);
        const text = explain({
          rag: r.value,
          measureType,
          polarity: input.polarity,
          unit,
          actual: input.actual,
          milestone: input.milestone,
          target: input.target,
          tolerance: input.tolerance,
          toleranceType: input.toleranceType,
          forecast: input.forecast,
          dotYearAgo: input.dotYearAgo,
          yearAgoActual,
          period: "2015-16 Q2",
          missingUnits,
        });
        expect(text).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
        expect(text.startsWith(r.value.status)).toBe(true);
        expect(text.endsWith(".")).toBe(true);
      },
    ),
  );
});

test("ragStatus never throws, whatever it is given", () => {
  fc.assert(
    fc.property(fc.anything({ withBoxedValues: true, withMap: true, withNullPrototype: true }), (x) => {
      const r = ragStatus(x as RagInput);
      expect(typeof r.ok).toBe("boolean");
    }),
  );
  const field = fc.anything({ withBoxedValues: true, withNullPrototype: true });
  fc.assert(
    fc.property(
      fc.record({
        actual: field,
        milestone: field,
        polarity: fc.oneof(field, fc.constantFrom(...POLARITIES)),
        tolerance: field,
        toleranceType: field,
        target: field,
        scheme: field,
        rule: field,
        due: field,
        dotYearAgo: field,
        forecast: field,
      }),
      (x) => {
        const r = ragStatus(x as unknown as RagInput);
        expect(typeof r.ok).toBe("boolean");
        if (r.ok && r.value.gap !== null) expect(Number.isFinite(r.value.gap)).toBe(true);
      },
    ),
  );
});
