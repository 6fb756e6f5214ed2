/**
 * Progress figures (semantics.md "Progress figures"): variance, variance %, distance travelled,
 * direction of travel, the year-end forecast and on-track. Undefined figures are null, never NaN.
 */
import fc from "fast-check";
import {
  directionOfTravel,
  distanceTravelled,
  forecast,
  MEASURE_TYPES,
  onTrack,
  variance,
  variancePct,
  type QuarterNumber,
} from "./index";

describe("the workbook.md JSON row: EH-EHA Count Higher, baseline 626, target 900, Q2 milestone 450, YTD 470", () => {
  test("variance 20, variance % 20/450, distance travelled 470/900", () => {
    expect(variance(470, 450)).toBe(20);
    expect(variancePct(470, 450)).toBe(20 / 450);
    expect(distanceTravelled("Count", 470, 626, 900)).toBe(470 / 900);
  });

  test("forecast YTD / W2 = 940, on track for 900", () => {
    expect(forecast("Count", 470, 626, 2, 0.5)).toBe(940);
    expect(onTrack(940, 900, "Higher")).toBe(true);
  });
});

describe("variance and variance %", () => {
  test("variance % is relative to |M| and undefined (null) when M = 0", () => {
    expect(variancePct(296, 290)).toBe(6 / 290);
    expect(variancePct(-5, -10)).toBe(0.5);
    expect(variancePct(5, 0)).toBeNull();
    expect(variance(null, 450)).toBeNull();
    expect(variance(470, undefined)).toBeNull();
  });
});

describe("distance travelled", () => {
  test("Level/Rate: (A − Baseline) / (Target − Baseline); reach 431 → 1,242 of 4,216 against a target of 1,500", () => {
    expect(distanceTravelled("Rate", 1242 / 4216, 431 / 4216, 1500 / 4216)).toBeCloseTo(
      (1242 - 431) / (1500 - 431),
      12,
    );
    expect(distanceTravelled("Level", 324, 327, 290)).toBe((324 - 327) / (290 - 327));
  });

  test("undefined when the target equals the baseline, the target is 0 (Count), or a figure is missing", () => {
    expect(distanceTravelled("Level", 5, 10, 10)).toBeNull();
    expect(distanceTravelled("Count", 5, null, 0)).toBeNull();
    expect(distanceTravelled("Rate", 0.5, null, 0.6)).toBeNull();
    expect(distanceTravelled("Count", null, 1, 2)).toBeNull();
  });
});

describe("direction of travel", () => {
  test("child protection plans 188 → 327 → 324 (lower is better): Worsening, then Improving", () => {
    expect(directionOfTravel(327, 188, "Lower")).toBe("Worsening");
    expect(directionOfTravel(324, 327, "Lower")).toBe("Improving");
    expect(directionOfTravel(324, 324, "Lower")).toBe("No change");
  });

  test("Higher and Neutral", () => {
    expect(directionOfTravel(206, 187, "Higher")).toBe("Improving");
    expect(directionOfTravel(187, 206, "Higher")).toBe("Worsening");
    expect(directionOfTravel(740, 615, "Neutral")).toBe("Up");
    expect(directionOfTravel(615, 740, "Neutral")).toBe("Down");
    expect(directionOfTravel(615, 615, "Neutral")).toBe("Same");
  });

  test("no figure to compare gives null", () => {
    expect(directionOfTravel(1, null, "Higher")).toBeNull();
    expect(directionOfTravel(undefined, 1, "Higher")).toBeNull();
  });
});

describe("forecast and on track", () => {
  test("Count: YTD / Wq at the profile's pace, linear when Wq is 0", () => {
    // EHA 2016-17 against a seasonal profile from 135, 94, 159, 168: Q1 YTD 187 at W1 = 135/556.
    expect(forecast("Count", 187, null, 1, 135 / 556)).toBe(187 / (135 / 556));
    expect(forecast("Count", 100, null, 1, 0)).toBe(400);
    expect(forecast("Count", 100, null, 1, 5e-324)).toBe(400); // a weight within the float allowance of 0
    expect(forecast("Count", 100, null, 2)).toBe(200);
  });

  test("Level/Rate: A + (A − Baseline) / q × (4 − q); null without a baseline", () => {
    expect(forecast("Level", 320, 327, 1)).toBe(320 + ((320 - 327) / 1) * 3);
    expect(forecast("Rate", 0.058, 0.059, 2)).toBe(0.058 + ((0.058 - 0.059) / 2) * 2);
    expect(forecast("Level", 320, null, 1)).toBeNull();
    expect(forecast("Level", 320, 327, 4)).toBe(320);
  });

  test("on track under each polarity, with the float allowance, and null for Neutral", () => {
    expect(onTrack(299, 290, "Lower")).toBe(false);
    expect(onTrack(285, 290, "Lower")).toBe(true);
    expect(onTrack(0.1 + 0.2, 0.3, "Higher")).toBe(true);
    expect(onTrack(0.1 + 0.2, 0.3, "Lower")).toBe(true);
    expect(onTrack(880, 900, "Higher")).toBe(false);
    expect(onTrack(880, 900, "Neutral")).toBeNull();
    expect(onTrack(null, 900, "Higher")).toBeNull();
  });

  test("never NaN or infinite for finite inputs", () => {
    const n = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_TYPES),
        n,
        fc.option(n, { nil: null }),
        fc.constantFrom<QuarterNumber>(1, 2, 3, 4),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        n,
        (mt, a, b, q, w, t) => {
          for (const x of [
            forecast(mt, a, b, q, w),
            variance(a, t),
            variancePct(a, t),
            distanceTravelled(mt, a, b, t),
          ]) {
            if (x !== null) expect(Number.isFinite(x)).toBe(true);
          }
        },
      ),
    );
  });
});
