import { trendDescription, trendGeometry } from "../../src/contract";

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
