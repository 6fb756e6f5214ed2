/**
 * RAG status (semantics.md "RAG" and "RAG rules in use by councils"): the three rules, the
 * tolerance boundary, M = 0, BRAG, the statuses without a comparison, the float allowance and
 * bad input as error values.
 */
import { directionOfTravel, rate, ragStatus, type RagInput, type RagReason, type RagStatus } from "./index";

function rated(input: RagInput): { status: RagStatus; reason: RagReason; gap: number | null } {
  const r = ragStatus(input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return { status: r.value.status, reason: r.value.reason, gap: r.value.gap };
}
const status = (input: RagInput): RagStatus => rated(input).status;

describe("Milestone rule (the default)", () => {
  test("Higher: on or above the milestone is Green, within tolerance Amber, beyond Red", () => {
    expect(status({ actual: 470, milestone: 450, polarity: "Higher" })).toBe("Green");
    expect(status({ actual: 450, milestone: 450, polarity: "Higher" })).toBe("Green");
    expect(status({ actual: 430, milestone: 450, polarity: "Higher" })).toBe("Amber"); // T = 22.5
    expect(status({ actual: 427, milestone: 450, polarity: "Higher" })).toBe("Red");
  });

  test("Lower: child protection plans 296 against 290 is Amber (6 over, T = 14.5)", () => {
    const r = ragStatus({ actual: 296, milestone: 290, polarity: "Lower", tolerance: 0.05 });
    expect(r).toEqual({
      ok: true,
      value: {
        status: "Amber",
        reason: "within-tolerance",
        rule: "Milestone",
        gap: -6,
        toleranceAmount: 14.5,
      },
    });
    expect(status({ actual: 288, milestone: 290, polarity: "Lower" })).toBe("Green");
    expect(status({ actual: 305, milestone: 290, polarity: "Lower" })).toBe("Red");
  });

  test("Derby escalations 31/274 = 11.3% (lower is better) against 11.0% is Amber; against 10.5% Red", () => {
    const r = rate(31, 274);
    if (!r.ok) throw new Error(r.error.message);
    expect(status({ actual: r.value, milestone: 0.11, polarity: "Lower" })).toBe("Amber");
    expect(status({ actual: r.value, milestone: 0.105, polarity: "Lower" })).toBe("Red");
    expect(status({ actual: r.value, milestone: 0.1188, polarity: "Lower" })).toBe("Green");
  });

  test("NEET 5.9% against a target of 5.5% (lower is better): Red at 5%, Amber with 0.5 points absolute", () => {
    expect(status({ actual: 0.059, milestone: 0.055, polarity: "Lower" })).toBe("Red");
    expect(
      status({
        actual: 0.059,
        milestone: 0.055,
        polarity: "Lower",
        tolerance: 0.005,
        toleranceType: "Absolute",
      }),
    ).toBe("Amber");
    expect(status({ actual: 0.054, milestone: 0.055, polarity: "Lower" })).toBe("Green");
  });

  test("the exact tolerance boundary is Amber (relative and absolute, despite rounding)", () => {
    expect(status({ actual: 304.5, milestone: 290, polarity: "Lower" })).toBe("Amber");
    expect(status({ actual: 304.50001, milestone: 290, polarity: "Lower" })).toBe("Red");
    expect(status({ actual: 190, milestone: 200, polarity: "Higher", tolerance: 0.05 })).toBe("Amber");
    expect(status({ actual: 189.999, milestone: 200, polarity: "Higher", tolerance: 0.05 })).toBe("Red");
    // 0.5 - 0.48 is 0.020000000000000018 in binary: still the boundary.
    expect(
      status({
        actual: 0.48,
        milestone: 0.5,
        polarity: "Higher",
        tolerance: 0.02,
        toleranceType: "Absolute",
      }),
    ).toBe("Amber");
    expect(
      status({
        actual: 0.4799,
        milestone: 0.5,
        polarity: "Higher",
        tolerance: 0.02,
        toleranceType: "Absolute",
      }),
    ).toBe("Red");
  });

  test("M = 0 with a relative tolerance: any miss is Red; on it is Green", () => {
    expect(status({ actual: 1, milestone: 0, polarity: "Lower" })).toBe("Red");
    expect(status({ actual: -0.001, milestone: 0, polarity: "Higher" })).toBe("Red");
    expect(status({ actual: 0, milestone: 0, polarity: "Lower" })).toBe("Green");
    expect(
      status({ actual: 1, milestone: 0, polarity: "Lower", tolerance: 2, toleranceType: "Absolute" }),
    ).toBe("Amber");
  });

  test("float allowance: 0.1 + 0.2 against 0.3 is Green either way round, and No change", () => {
    expect(rated({ actual: 0.1 + 0.2, milestone: 0.3, polarity: "Lower" })).toEqual({
      status: "Green",
      reason: "on-milestone",
      gap: 0,
    });
    expect(status({ actual: 0.3, milestone: 0.1 + 0.2, polarity: "Higher" })).toBe("Green");
    expect(directionOfTravel(0.1 + 0.2, 0.3, "Higher")).toBe("No change");
    expect(directionOfTravel(0.1 + 0.2, 0.3, "Neutral")).toBe("Same");
  });

  test("a tolerance of 0 makes every miss Red", () => {
    expect(status({ actual: 449, milestone: 450, polarity: "Higher", tolerance: 0 })).toBe("Red");
  });
});

describe("BRAG", () => {
  test("Q4 under BRAG is Blue when the target is met (YTD for a Count)", () => {
    const input = { actual: 929, milestone: 900, polarity: "Higher", target: 900 } as const;
    expect(status({ ...input, scheme: "BRAG" })).toBe("Blue");
    expect(status({ ...input, scheme: "RAG" })).toBe("Green");
    expect(status(input)).toBe("Green");
  });

  test("Blue also before Q4 once the annual target is met, and for Lower", () => {
    expect(status({ actual: 950, milestone: 450, polarity: "Higher", target: 900, scheme: "BRAG" })).toBe(
      "Blue",
    );
    expect(status({ actual: 280, milestone: 308, polarity: "Lower", target: 290, scheme: "BRAG" })).toBe(
      "Blue",
    );
    expect(status({ actual: 300, milestone: 308, polarity: "Lower", target: 290, scheme: "BRAG" })).toBe(
      "Green",
    );
  });

  test("target not met under BRAG: the rule decides", () => {
    expect(status({ actual: 430, milestone: 450, polarity: "Higher", target: 900, scheme: "BRAG" })).toBe(
      "Amber",
    );
  });
});

describe("ToleranceBand rule", () => {
  const base = { milestone: 100, polarity: "Higher", rule: "ToleranceBand", tolerance: 0.1 } as const;

  test("Green on or within tolerance of the milestone", () => {
    expect(rated({ ...base, actual: 100 })).toMatchObject({ status: "Green", reason: "on-milestone" });
    expect(rated({ ...base, actual: 91 })).toMatchObject({ status: "Green", reason: "within-tolerance" });
    expect(rated({ ...base, actual: 90 })).toMatchObject({ status: "Green", reason: "within-tolerance" });
  });

  test("beyond tolerance: Amber when improving or no change on a year ago, Red when worsening", () => {
    expect(rated({ ...base, actual: 80, dotYearAgo: "Improving" })).toMatchObject({
      status: "Amber",
      reason: "band-improving",
    });
    expect(status({ ...base, actual: 80, dotYearAgo: "No change" })).toBe("Amber");
    expect(rated({ ...base, actual: 80, dotYearAgo: "Worsening" })).toMatchObject({
      status: "Red",
      reason: "band-worsening",
    });
  });

  test("beyond tolerance with no year-ago figure: Red, with that reason", () => {
    expect(rated({ ...base, actual: 80 })).toMatchObject({ status: "Red", reason: "band-no-year-ago" });
    expect(rated({ ...base, actual: 80, dotYearAgo: null })).toMatchObject({ reason: "band-no-year-ago" });
  });
});

describe("Forecast rule", () => {
  const base = { milestone: 450, polarity: "Higher", rule: "Forecast", target: 900 } as const;

  test("Green on or better than the milestone", () => {
    expect(status({ ...base, actual: 470, forecast: 940 })).toBe("Green");
  });

  test("Amber when behind but the year-end forecast meets the target", () => {
    expect(rated({ ...base, actual: 300, forecast: 900 })).toMatchObject({
      status: "Amber",
      reason: "forecast-meets",
    });
  });

  test("Red when the forecast misses the target, or there is none", () => {
    expect(rated({ ...base, actual: 440, forecast: 880 })).toMatchObject({
      status: "Red",
      reason: "forecast-misses",
    });
    expect(rated({ ...base, actual: 440 })).toMatchObject({ status: "Red", reason: "no-forecast" });
  });

  test("Lower polarity: a forecast at or under the target meets it", () => {
    expect(
      status({
        actual: 300,
        milestone: 290,
        polarity: "Lower",
        rule: "Forecast",
        target: 290,
        forecast: 288,
      }),
    ).toBe("Amber");
  });
});

describe("statuses without a comparison", () => {
  test("Not due when the quarter is after the reporting period, whatever else is given", () => {
    expect(rated({ actual: 1, milestone: 2, polarity: "Higher", due: false })).toMatchObject({
      status: "Not due",
      reason: "not-due",
      gap: null,
    });
  });

  test("No data when the quarter is due and there is no actual", () => {
    expect(status({ actual: null, milestone: 450, polarity: "Higher" })).toBe("No data");
    expect(status({ actual: undefined, milestone: 450, polarity: "Higher" })).toBe("No data");
    expect(status({ actual: Number.NaN, milestone: 450, polarity: "Higher" })).toBe("No data");
  });

  test("No target when there is no milestone", () => {
    expect(status({ actual: 470, milestone: null, polarity: "Higher" })).toBe("No target");
  });

  test("Monitor for Neutral polarity (open early help cases)", () => {
    expect(status({ actual: 740, milestone: 615, polarity: "Neutral" })).toBe("Monitor");
    expect(status({ actual: 740, milestone: null, polarity: "Neutral" })).toBe("Monitor");
  });
});

describe("bad input is an error value, never a status", () => {
  test("a denominator of 0 is an error before any RAG", () => {
    const r = rate(0, 0);
    expect(!r.ok && r.error.code).toBe("DIVIDE_BY_ZERO");
  });

  test("a negative or non-numeric tolerance", () => {
    const r = ragStatus({ actual: 1, milestone: 2, polarity: "Higher", tolerance: -0.05 });
    expect(!r.ok && r.error.code).toBe("TOLERANCE");
    expect(!r.ok && r.error.message).toContain("-0.05");
  });

  test("an unknown polarity is an error naming it, not a silent Lower", () => {
    const r = ragStatus({ actual: 1, milestone: 2, polarity: "Hihger" as never });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("POLARITY");
      expect(r.error.message).toBe("Polarity must be Higher, Lower or Neutral; got 'Hihger'");
    }
  });

  test("an unknown rule, scheme or tolerance type is an error naming it", () => {
    const base = { actual: 1, milestone: 2, polarity: "Higher" } as const;
    const rule = ragStatus({ ...base, rule: "Vibes" as never });
    expect(!rule.ok && rule.error.code).toBe("RAG_RULE");
    expect(!rule.ok && rule.error.message).toContain("'Vibes'");
    const scheme = ragStatus({ ...base, scheme: "RAGB" as never });
    expect(!scheme.ok && scheme.error.code).toBe("RAG_SCHEME");
    const type = ragStatus({ ...base, toleranceType: "Percent" as never });
    expect(!type.ok && type.error.code).toBe("TOLERANCE_TYPE");
  });

  test("no input object at all", () => {
    for (const x of [null, undefined, 42, "Green"]) {
      const r = ragStatus(x as never);
      expect(r.ok).toBe(false);
    }
  });
});
