/**
 * The one-line explanation of each status: the spec's own sentences reproduced exactly, and the
 * wording of every reason (rule named when not the default, rates in % and points, en-GB figures).
 */
import {
  explain,
  formatNumber,
  formatPercent,
  formatPoints,
  rate,
  ragStatus,
  type ExplainInput,
  type MeasureType,
  type RagInput,
} from "./index";

/** Rate with ragStatus, then explain with the same figures (as the report does). */
function sentence(
  input: RagInput,
  measureType: MeasureType,
  unit: string,
  extra: Partial<Omit<ExplainInput, "rag">> = {},
): string {
  const r = ragStatus(input);
  if (!r.ok) throw new Error(r.error.message);
  return explain({
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
    period: "2015-16 Q2",
    ...extra,
  });
}

describe("the spec's sentences", () => {
  test("Amber: 296 plans against a milestone of 290 (lower is better); 6 over, within the 5% tolerance of 14.5", () => {
    expect(
      sentence({ actual: 296, milestone: 290, polarity: "Lower", tolerance: 0.05 }, "Level", "plans"),
    ).toBe(
      "Amber: 296 plans against a milestone of 290 (lower is better); 6 over, within the 5% tolerance of 14.5.",
    );
  });

  test("the workbook.md JSON row: Green: 470 assessments so far against a milestone of 450; 20 ahead", () => {
    expect(
      sentence({ actual: 470, milestone: 450, polarity: "Higher", target: 900 }, "Count", "assessments"),
    ).toBe("Green: 470 assessments so far against a milestone of 450 (higher is better); 20 ahead.");
  });
});

describe("wording of each reason", () => {
  const plans = { milestone: 290, polarity: "Lower", tolerance: 0.05 } as const;

  test("on, under and beyond (Lower)", () => {
    expect(sentence({ ...plans, actual: 290 }, "Level", "plans")).toBe(
      "Green: 290 plans against a milestone of 290 (lower is better); on the milestone.",
    );
    expect(sentence({ ...plans, actual: 288 }, "Level", "plans")).toBe(
      "Green: 288 plans against a milestone of 290 (lower is better); 2 under.",
    );
    expect(sentence({ ...plans, actual: 305 }, "Level", "plans")).toBe(
      "Red: 305 plans against a milestone of 290 (lower is better); 15 over, beyond the 5% tolerance of 14.5.",
    );
  });

  test("a rate reads as percentages and its differences as points (Derby 31/274)", () => {
    const derby = rate(31, 274);
    if (!derby.ok) throw new Error(derby.error.message);
    expect(sentence({ actual: derby.value, milestone: 0.11, polarity: "Lower" }, "Rate", "%")).toBe(
      "Amber: 11.3% against a milestone of 11.0% (lower is better); 0.3 points over, within the 5% tolerance of 0.6 points.",
    );
  });

  test("an absolute tolerance (NEET 5.9% against 5.5%, half a point allowed)", () => {
    expect(
      sentence(
        { actual: 0.059, milestone: 0.055, polarity: "Lower", tolerance: 0.005, toleranceType: "Absolute" },
        "Rate",
        "%",
      ),
    ).toBe(
      "Amber: 5.9% against a milestone of 5.5% (lower is better); 0.4 points over, within the tolerance of 0.5 points.",
    );
  });

  test("Blue names the annual target", () => {
    expect(
      sentence(
        { actual: 929, milestone: 900, polarity: "Higher", target: 900, scheme: "BRAG" },
        "Count",
        "assessments",
      ),
    ).toBe(
      "Blue: 929 assessments so far against a milestone of 900 (higher is better); the annual target of 900 is already met.",
    );
  });

  test("the tolerance band rule is named and gives the year-ago reason", () => {
    const band = { milestone: 100, polarity: "Higher", rule: "ToleranceBand", tolerance: 0.1 } as const;
    expect(sentence({ ...band, actual: 95 }, "Level", "cases")).toBe(
      "Green (tolerance band rule): 95 cases against a milestone of 100 (higher is better); 5 short, within the 10% tolerance of 10.",
    );
    expect(
      sentence({ ...band, actual: 80, dotYearAgo: "Improving" }, "Level", "cases", { yearAgoActual: 75 }),
    ).toBe(
      "Amber (tolerance band rule): 80 cases against a milestone of 100 (higher is better); 20 short, beyond the 10% tolerance of 10, but improving on the same quarter last year (75).",
    );
    expect(
      sentence({ ...band, actual: 80, dotYearAgo: "No change" }, "Level", "cases", { yearAgoActual: 80 }),
    ).toBe(
      "Amber (tolerance band rule): 80 cases against a milestone of 100 (higher is better); 20 short, beyond the 10% tolerance of 10, but no worse than the same quarter last year (80).",
    );
    expect(
      sentence({ ...band, actual: 80, dotYearAgo: "Worsening" }, "Level", "cases", { yearAgoActual: 85 }),
    ).toBe(
      "Red (tolerance band rule): 80 cases against a milestone of 100 (higher is better); 20 short, beyond the 10% tolerance of 10, and worse than the same quarter last year (85).",
    );
    expect(sentence({ ...band, actual: 80 }, "Level", "cases")).toBe(
      "Red (tolerance band rule): 80 cases against a milestone of 100 (higher is better); 20 short, beyond the 10% tolerance of 10, and there is no figure for the same quarter last year to show improvement.",
    );
  });

  test("the forecast rule is named and gives the forecast", () => {
    const fc = { milestone: 450, polarity: "Higher", rule: "Forecast", target: 900 } as const;
    expect(sentence({ ...fc, actual: 300, forecast: 900 }, "Count", "assessments")).toBe(
      "Amber (forecast rule): 300 assessments so far against a milestone of 450 (higher is better); 150 short, but the year-end forecast of 900 meets the target of 900.",
    );
    expect(sentence({ ...fc, actual: 300, forecast: 600 }, "Count", "assessments")).toBe(
      "Red (forecast rule): 300 assessments so far against a milestone of 450 (higher is better); 150 short, and the year-end forecast of 600 misses the target of 900.",
    );
    expect(sentence({ ...fc, actual: 300 }, "Count", "assessments")).toBe(
      "Red (forecast rule): 300 assessments so far against a milestone of 450 (higher is better); 150 short, and no year-end forecast can be made to show the target is reachable.",
    );
  });

  test("Not due, No data, No target and Monitor", () => {
    expect(
      sentence({ actual: 1, milestone: 2, polarity: "Higher", due: false }, "Count", "", {
        period: "2015-16 Q3",
        reportingPeriod: "2015-16 Q2",
      }),
    ).toBe("Not due: 2015-16 Q3 is after the reporting period 2015-16 Q2.");
    expect(sentence({ actual: null, milestone: 2, polarity: "Higher" }, "Count", "")).toBe(
      "No data: no actual for 2015-16 Q2.",
    );
    expect(
      sentence({ actual: null, milestone: 2, polarity: "Higher" }, "Rate", "%", {
        missingUnits: ["North", "South"],
      }),
    ).toBe("No data: North and South have not reported for 2015-16 Q2, so the total is not rated.");
    expect(
      sentence({ actual: null, milestone: 2, polarity: "Higher" }, "Count", "", {
        missingQuarters: ["2015-16 Q1"],
      }),
    ).toBe("No data: the year to date needs 2015-16 Q1, which has no actual.");
    expect(sentence({ actual: 470, milestone: null, polarity: "Higher" }, "Count", "")).toBe(
      "No target: no target is set for this indicator.",
    );
    expect(
      sentence({ actual: 470, milestone: null, polarity: "Higher" }, "Count", "", {
        targetYearLabel: "2016-17",
      }),
    ).toBe("No target: the target is set for 2016-17, not for 2015-16 Q2.");
    expect(
      sentence({ actual: 740, milestone: null, polarity: "Neutral" }, "Level", "cases", {
        dotPrevious: "Up",
      }),
    ).toBe("Monitor: 740 cases (monitored, no better direction); up on the previous quarter.");
  });
});

describe("figures as a person reads them", () => {
  test("en-GB grouping, sensible decimals, no minus zero", () => {
    expect(formatNumber(1242)).toBe("1,242");
    expect(formatNumber(4216.4)).toBe("4,216");
    expect(formatNumber(14.5)).toBe("14.5");
    expect(formatNumber(2.345)).toBe("2.35");
    expect(formatNumber(-0.0001)).toBe("0");
  });

  test("rates to one decimal place of a percentage, differences in points", () => {
    expect(formatPercent(1242 / 4216)).toBe("29.5%");
    expect(formatPercent(431 / 4216)).toBe("10.2%");
    expect(formatPercent(-0.00001)).toBe("0.0%");
    expect(formatPoints(0.01)).toBe("1.0 point");
    expect(formatPoints(-0.023)).toBe("2.3 points");
  });
});
