/**
 * Profiles and milestones (semantics.md "Milestones"): the weights of each profile, validated
 * Custom weights, Seasonal shares from the baseline year, and milestone(q) for each measure type.
 */
import fc from "fast-check";
import {
  milestone,
  MEASURE_TYPES,
  parseProfile,
  profileWeights,
  seasonalWeights,
  validateCustomWeights,
  weightFor,
  type MeasureType,
  type ProfileName,
  type QuarterNumber,
  type Weights,
} from "./index";

const QUARTERS: readonly QuarterNumber[] = [1, 2, 3, 4];

function weightsOf(profile: ProfileName, inputs: Parameters<typeof profileWeights>[1] = {}): Weights {
  const r = profileWeights(profile, inputs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("profiles", () => {
  test.each<[ProfileName, Weights]>([
    ["Linear", [0.25, 0.5, 0.75, 1]],
    ["Front", [0.4, 0.7, 0.9, 1]],
    ["Back", [0.1, 0.3, 0.6, 1]],
    ["Flat", [1, 1, 1, 1]],
  ])("%s has the spec's cumulative weights", (profile, expected) => {
    expect(weightsOf(profile)).toEqual(expected);
  });

  test("a blank profile is Linear; names match case-insensitively; others are errors naming the text", () => {
    expect(parseProfile("")).toEqual({ ok: true, value: "Linear" });
    expect(parseProfile(null)).toEqual({ ok: true, value: "Linear" });
    expect(parseProfile(" front ")).toEqual({ ok: true, value: "Front" });
    const bad = parseProfile("Lumpy");
    expect(!bad.ok && bad.error.code).toBe("PROFILE");
    expect(!bad.ok && bad.error.message).toContain("'Lumpy'");
  });

  test("EHA counts 135, 94, 159, 168 as a seasonal profile: 135/556, 229/556, 388/556, 1", () => {
    expect(weightsOf("Seasonal", { seasonalBaseline: [135, 94, 159, 168], measureType: "Count" })).toEqual([
      135 / 556,
      229 / 556,
      388 / 556,
      1,
    ]);
  });

  test("Seasonal needs four baseline quarters, counts that are not negative and a total above 0", () => {
    const three = seasonalWeights([135, 94, null, 168]);
    expect(!three.ok && three.error.code).toBe("PROFILE_SEASONAL");
    expect(!three.ok && three.error.message).toContain("3 of 4");
    expect(seasonalWeights([135, 94, 159]).ok).toBe(false);
    expect(seasonalWeights([0, 0, 0, 0]).ok).toBe(false);
    expect(seasonalWeights([10, -1, 5, 5]).ok).toBe(false);
  });

  test("Seasonal applies to Count only", () => {
    const r = profileWeights("Seasonal", { seasonalBaseline: [1, 2, 3, 4], measureType: "Level" });
    expect(!r.ok && r.error.code).toBe("PROFILE_SEASONAL");
  });

  describe("Custom weights", () => {
    test("valid weights are kept", () => {
      expect(validateCustomWeights([0.2, 0.2, 0.7, 1])).toEqual({ ok: true, value: [0.2, 0.2, 0.7, 1] });
      expect(validateCustomWeights([0, 0, 0, 1])).toEqual({ ok: true, value: [0, 0, 0, 1] });
    });

    test("W4 ≠ 1 is an error", () => {
      const r = validateCustomWeights([0.25, 0.5, 0.75, 0.9]);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("PROFILE_WEIGHTS");
        expect(r.error.message).toContain("W4");
        expect(r.error.message).toContain("0.9");
      }
    });

    test("decreasing weights are an error naming the two weights", () => {
      const r = validateCustomWeights([0.5, 0.4, 0.75, 1]);
      expect(!r.ok && r.error.code).toBe("PROFILE_WEIGHTS");
      expect(!r.ok && r.error.message).toMatch(/W2.*0\.4.*W1.*0\.5/);
    });

    test("a weight outside [0, 1], missing or not a number is an error", () => {
      for (const w of [
        [-0.1, 0.5, 0.75, 1],
        [0.25, 1.2, 1.2, 1],
        [0.25, null, 0.75, 1],
        [0.25, "half", 0.75, 1],
        [0.25, 0.5, 1],
      ]) {
        const r = validateCustomWeights(w);
        expect(!r.ok && r.error.code).toBe("PROFILE_WEIGHTS");
      }
    });

    test("weights a rounding error above 1 are accepted and give milestones that exist", () => {
      const w = validateCustomWeights([0.5, 1 + 1e-12, 1, 1]);
      expect(w.ok).toBe(true);
      if (!w.ok) return;
      for (const q of QUARTERS) {
        expect(milestone("Level", 100, 200, weightFor(w.value, q)).ok).toBe(true);
        expect(weightFor(w.value, q)).toBeLessThanOrEqual(1);
      }
    });
  });
});

describe("milestones", () => {
  test("JSON example: EH-EHA Count Higher, target 900, Linear, Q2 → 450", () => {
    expect(milestone("Count", 626, 900, weightFor(weightsOf("Linear"), 2))).toEqual({ ok: true, value: 450 });
  });

  test("Count: Target × Wq (the baseline plays no part)", () => {
    expect(milestone("Count", undefined, 1000, 0.4)).toEqual({ ok: true, value: 400 });
  });

  test("Level and Rate: Baseline + (Target − Baseline) × Wq", () => {
    // Child protection plans: baseline 327, target 290 (lower is better), Linear.
    expect(milestone("Level", 327, 290, 0.25)).toEqual({ ok: true, value: 327 + (290 - 327) * 0.25 });
    // NEET 5.9% → target 5.5%, Back profile Q2.
    expect(milestone("Rate", 0.059, 0.055, 0.3)).toEqual({ ok: true, value: 0.059 + (0.055 - 0.059) * 0.3 });
  });

  test("Flat on a Level or Rate makes every milestone the target, with or without a baseline", () => {
    for (const q of QUARTERS) {
      expect(milestone("Rate", 0.8, 1, weightFor(weightsOf("Flat"), q))).toEqual({ ok: true, value: 1 });
      expect(milestone("Level", undefined, 1, weightFor(weightsOf("Flat"), q))).toEqual({
        ok: true,
        value: 1,
      });
    }
  });

  test("a Level milestone before Q4 needs a baseline", () => {
    const r = milestone("Level", undefined, 290, 0.5);
    expect(!r.ok && r.error.code).toBe("MISSING_VALUE");
  });

  test("a weight outside [0, 1] or a target that is not a number is an error, never NaN", () => {
    expect(milestone("Count", 1, 10, 1.5).ok).toBe(false);
    expect(milestone("Count", 1, 10, Number.NaN).ok).toBe(false);
    expect(milestone("Level", 1, Number.NaN, 0.5).ok).toBe(false);
  });

  const profileArb = fc.oneof(
    fc.constantFrom<ProfileName>("Linear", "Front", "Back", "Flat").map((p) => ({ profile: p, inputs: {} })),
    fc
      .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 })
      .map((xs) => [...xs].sort((a, b) => a - b))
      .map((xs) => ({ profile: "Custom" as const, inputs: { customWeights: [...xs, 1] } })),
    fc
      .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 })
      .filter((xs) => xs.some((x) => x > 0))
      .map((xs) => ({ profile: "Seasonal" as const, inputs: { seasonalBaseline: xs } })),
  );
  const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });

  test("milestone(Q4) = target for every profile and measure type", () => {
    fc.assert(
      fc.property(profileArb, fc.constantFrom(...MEASURE_TYPES), value, value, (p, mt, baseline, target) => {
        const measureType: MeasureType = p.profile === "Seasonal" ? "Count" : mt;
        const w = weightsOf(p.profile, { ...p.inputs, measureType });
        expect(milestone(measureType, baseline, target, weightFor(w, 4))).toEqual({
          ok: true,
          value: target,
        });
      }),
    );
  });

  test("every profile's weights are cumulative: in [0, 1], non-decreasing, W4 = 1", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const w = weightsOf(p.profile, { ...p.inputs, measureType: "Count" });
        expect(w[3]).toBe(1);
        for (let i = 0; i < 4; i++) {
          expect(w[i]).toBeGreaterThanOrEqual(0);
          expect(w[i]).toBeLessThanOrEqual(1);
          if (i > 0) expect(w[i]).toBeGreaterThanOrEqual(w[i - 1] ?? 0);
        }
      }),
    );
  });

  test("a milestone lies between the baseline and the target (Level/Rate) or 0 and the target (Count)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_TYPES),
        value,
        value,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (mt, baseline, target, w) => {
          const r = milestone(mt, baseline, target, w);
          if (!r.ok) throw new Error(r.error.message);
          const from = mt === "Count" ? 0 : baseline;
          const slack = 1e-9 * Math.max(1, Math.abs(from), Math.abs(target));
          expect(r.value).toBeGreaterThanOrEqual(Math.min(from, target) - slack);
          expect(r.value).toBeLessThanOrEqual(Math.max(from, target) + slack);
        },
      ),
    );
  });
});
