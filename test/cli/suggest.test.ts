/**
 * `perfcycle suggest` over a workbook written by xlsxwriter (scripts/fixtures/targets_book.py),
 * with the seed figures: GLD 55.4% in 2013-14 against England's 60.0% in 2014-15; children's
 * centre reach rising to 54.4%.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "./helpers";

const BOOK = join(__dirname, "../fixtures/targets/seed-targets.xlsx");

interface Out {
  indicatorId: string;
  year: string;
  baseline: number | null;
  history: { year: string; value: number }[];
  suggestions: {
    method: string;
    label: string;
    target: number;
    milestones: (number | null)[];
    rationale: string;
  }[];
  problem: string | null;
}

async function suggestJson(...args: string[]): Promise<{ code: number; out: Out }> {
  const r = await run(["suggest", BOOK, ...args, "--json", "-"]);
  return { code: r.code, out: JSON.parse(r.stdout) as Out };
}

describe("perfcycle suggest", () => {
  it("closes half the gap from GLD's 55.4% to England's 60.0%: 57.7%, profiled over four quarters", async () => {
    const { code, out } = await suggestJson("--indicator", "GLD", "--year", "2015-16");
    expect(code).toBe(0);
    expect(out.year).toBe("2015-16");
    expect(out.baseline).toBeCloseTo(0.554, 10);
    const england = out.suggestions.find((s) => s.label === "CloseGap(0.5, England)");
    expect(england?.target).toBeCloseTo(0.554 + 0.5 * (0.6 - 0.554), 10);
    expect(england?.rationale).toBe("Closes half the gap to England's 60.0% in one year, from 55.4%");
    // Linear profile of a Rate: baseline + (target − baseline) × q/4.
    const m = england?.milestones ?? [];
    [0.25, 0.5, 0.75, 1].forEach((w, i) => expect(m[i]).toBeCloseTo(0.554 + (0.577 - 0.554) * w, 10));
  });

  it("offers every method that applies to GLD: Hold, Stretch, CloseGap to each comparator, Quartile", async () => {
    const { out } = await suggestJson("--indicator", "gld");
    expect(out.year).toBe("2015-16"); // the row waiting for a target
    const methods = new Set(out.suggestions.map((s) => s.method));
    expect([...methods].sort()).toEqual(["CloseGap", "Hold", "Quartile", "Stretch"]);
    // No Trend: one year of figures is not three.
    expect(methods.has("Trend")).toBe(false);
    expect(out.suggestions.find((s) => s.method === "Hold")?.target).toBeCloseTo(0.554, 10);
    expect(out.suggestions.find((s) => s.label === "Stretch(0.1)")?.target).toBeCloseTo(0.554 * 1.1, 10);
    // Six named neighbours in 2014-15: the top-quartile boundary is their 75th percentile.
    const peers = [0.571, 0.528, 0.546, 0.597, 0.589, 0.563].sort((a, b) => a - b);
    const h = (peers.length - 1) * 0.75;
    const q1 =
      (peers[Math.floor(h)] ?? 0) +
      (h - Math.floor(h)) * ((peers[Math.ceil(h)] ?? 0) - (peers[Math.floor(h)] ?? 0));
    expect(out.suggestions.find((s) => s.label === "Quartile(1)")?.target).toBeCloseTo(q1, 10);
  });

  it("continues reach's four-year trend to the next year, giving slope, k and R²", async () => {
    const { code, out } = await suggestJson("--indicator", "REACH");
    expect(code).toBe(0);
    expect(out.year).toBe("2016-17"); // 2015-16 already has its target of 67.4%
    expect(out.history.map((h) => h.year)).toEqual(["2011-12", "2012-13", "2013-14", "2014-15"]);
    const ys = [402 / 1026, 463 / 1027, 511 / 1028, 560 / 1029];
    const xs = [2011, 2012, 2013, 2014];
    const mx = xs.reduce((a, b) => a + b) / 4;
    const my = ys.reduce((a, b) => a + b) / 4;
    const slope =
      xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] ?? 0) - my), 0) /
      xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const trend = out.suggestions.find((s) => s.method === "Trend");
    expect(trend?.target).toBeCloseTo(my + slope * (2016 - mx), 10);
    expect(trend?.rationale).toMatch(/last 4 years .*\+5\.0 points a year, R² 1\.00/);
    // England's 53.0% is below reach's 54.4%: there is no gap to close.
    expect(out.suggestions.some((s) => s.method === "CloseGap")).toBe(false);
  });

  it("prints each method with its target, Q1–Q4 milestones and rationale on the terminal", async () => {
    const r = await run(["suggest", BOOK, "--indicator", "GLD"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "GLD Children achieving a good level of development (City): targets for 2015-16",
    );
    expect(r.stdout).toMatch(/^CloseGap\(0\.5, England\)\s+57\.7%\s+56\.0%\s+56\.6%\s+57\.1%\s+57\.7%$/m);
    expect(r.stdout).toContain("  Closes half the gap to England's 60.0% in one year, from 55.4%");
  });

  it("writes the JSON file and exits 1, saying why, when nothing can be suggested", async () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, "neet.json");
      const r = await run(["suggest", BOOK, "--indicator", "NEET", "--json", file]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("Nothing to suggest: NEET (City) has no baseline");
      const out = JSON.parse(readFileSync(file, "utf8")) as Out;
      expect(out.suggestions).toEqual([]);
      expect(out.problem).toMatch(/no baseline/);
    } finally {
      dir.cleanup();
    }
  });

  it("exits 2 naming what is wrong: an unknown indicator, unit or year, a missing --indicator", async () => {
    const unknown = await run(["suggest", BOOK, "--indicator", "NOPE"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"NOPE" is not an IndicatorId in PerfTargets (it has GLD, REACH, NEET)');
    const unit = await run(["suggest", BOOK, "--indicator", "GLD", "--unit", "North"]);
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('GLD has no target row for the unit "North"');
    const year = await run(["suggest", BOOK, "--indicator", "GLD", "--year", "next"]);
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(/--year "next"/);
    const missing = await run(["suggest", BOOK]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--indicator ID is required");
    expect(unknown.stdout).toBe("");
  });
});
