import { trendDescription, trendGeometry, chartComparator, trendIntervals } from "../../src/present";

const box = { width: 300, height: 130, pad: { left: 50, right: 10, top: 10, bottom: 30 } };

describe("trend chart geometry shared by the committee report and the task pane", () => {
  it("draws counts from 0 and breaks the line where a quarter has no figure", () => {
    const g = trendGeometry(
      [
        { period: "2015-16 Q1", actual: 135, milestone: 120 },
        { period: "2015-16 Q2", actual: null, milestone: 240 },
        { period: "2015-16 Q3", actual: 388, milestone: 360 },
        { period: "2015-16 Q4", actual: 556, milestone: 480 },
      ],
      "Count",
      box,
    );
    expect(g?.lo).toBe(0);
    expect(g?.hi).toBe(556);
    expect(g?.actualRuns).toHaveLength(1); // Q1 stands alone: only Q3–Q4 make a line
    expect(g?.milestoneRuns).toHaveLength(1);
    expect(g?.quarters).toEqual(["Q1", "Q2", "Q3", "Q4"]);
    expect(g?.years[0]).toBe("2015-16");
    expect(g?.actual[3]?.[1]).toBeCloseTo(10); // the top of the plot
  });

  it("keeps a rate's axis within 0%–100%, and has nothing to draw without figures", () => {
    const g = trendGeometry([{ period: "2015-16 Q1", actual: 0.99, milestone: 1 }], "Rate", box);
    expect(g?.hi).toBeLessThanOrEqual(1);
    expect(g?.lo).toBeGreaterThanOrEqual(0);
    expect(trendGeometry([{ period: "2015-16 Q1", actual: null, milestone: null }], "Rate", box)).toBeNull();
  });

  it("describes every figure and the status in words", () => {
    expect(
      trendDescription(
        "Rate",
        [{ period: "2015-16 Q2", actual: 0.113, milestone: null }],
        "2015-16 Q2",
        "Amber",
      ),
    ).toBe("Actual: 2015-16 Q2 11.3%. No milestones in these quarters. Status in 2015-16 Q2: Amber.");
  });
});

describe("intervals and a comparator on the trend chart", () => {
  const trend = [
    { period: "2015-16 Q1", actual: 0.52, milestone: 0.5 },
    { period: "2015-16 Q2", actual: 0.554, milestone: 0.52 },
  ];

  it("widens the axis to the interval and the comparator, and places the whisker on its point", () => {
    const g = trendGeometry(trend, "Rate", box, {
      intervals: [null, { lower: 0.45, upper: 0.66 }],
      comparator: 0.7,
    });
    expect(g?.lo).toBeLessThanOrEqual(0.45);
    expect(g?.hi).toBeGreaterThanOrEqual(0.7);
    expect(g?.whiskers[0]).toBeNull();
    const w = g?.whiskers[1];
    expect(w?.[0]).toBeCloseTo(g?.actual[1]?.[0] ?? NaN);
    // The top of the whisker (upper) is above the point, the bottom (lower) below it.
    expect(w?.[1]).toBeLessThan(g?.actual[1]?.[1] ?? NaN);
    expect(w?.[2]).toBeGreaterThan(g?.actual[1]?.[1] ?? NaN);
    // The comparator is the highest figure: its line is at the top of the plot.
    expect(g?.comparatorY).toBeLessThan(g?.actual[1]?.[1] ?? NaN);
  });

  it("chooses England over a region or an average, never a peer", () => {
    expect(
      chartComparator([
        { comparator: "Derby", kind: "Peer", value: 0.57 },
        { comparator: "Statistical neighbours", kind: "Average", value: 0.58 },
        { comparator: "England", kind: "National", value: 0.6 },
      ]),
    ).toEqual({ name: "England", value: 0.6 });
    expect(chartComparator([{ comparator: "Derby", kind: "Peer", value: 0.57 }])).toBeNull();
  });

  it("gives every point its own interval, the last point the row's", () => {
    const points = [
      { period: "2015-16 Q1", actual: 0.5, milestone: null, interval: { lower: 0.3, upper: 0.7 } },
      { period: "2015-16 Q2", actual: 0.4, milestone: null },
      { period: "2015-16 Q3", actual: 0.5, milestone: null, interval: { lower: 0.1, upper: 0.9 } },
    ];
    expect(trendIntervals(points, 0.4, 0.6)).toEqual([
      { lower: 0.3, upper: 0.7 },
      null,
      { lower: 0.4, upper: 0.6 },
    ]);
    expect(trendIntervals(points.slice(0, 2), null, null)).toEqual([{ lower: 0.3, upper: 0.7 }, null]);
  });

  it("says the interval and the comparator in the text alternative", () => {
    expect(
      trendDescription("Rate", trend, "2015-16 Q2", "Amber", {
        interval: { lower: 0.45, upper: 0.66 },
        comparator: { name: "England", value: 0.6 },
      }),
    ).toContain("Interval in 2015-16 Q2: 45.0% to 66.0%. England: 60.0%.");
  });
});
