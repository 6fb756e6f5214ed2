import { isExcelError } from "../../src/functions/registry";
/** PERF.RAG and PERF.EXPLAIN called as Excel calls them. */
import fc from "fast-check";
import { explain, rag } from "../../src/functions/functions";
import { cell, column, expectError, OMITTED, only } from "./excel";

/** PERF.RAG with only the required arguments, as a formula with three arguments. */
const rag3 = (actual: unknown, milestone: unknown, polarity: unknown): unknown =>
  only(rag(cell(actual), cell(milestone), cell(polarity), OMITTED, OMITTED, OMITTED, OMITTED));

describe("PERF.RAG", () => {
  it("is Green on or better than the milestone under each polarity", () => {
    expect(rag3(300, 290, "Higher")).toBe("Green");
    expect(rag3(290, 290, "Higher")).toBe("Green");
    expect(rag3(280, 290, "Lower")).toBe("Green");
    expect(rag3(290, 290, "Lower")).toBe("Green");
  });

  it("rates the spec's example Amber: 296 plans against 290, lower is better, within 5% (14.5)", () => {
    expect(rag3(296, 290, "Lower")).toBe("Amber");
  });

  it("is Amber exactly at the tolerance boundary and Red just beyond it", () => {
    const m = 200;
    const t = 0.05 * m; // the default 5% relative tolerance
    expect(rag3(m - t, m, "Higher")).toBe("Amber");
    expect(rag3(m - t - 0.01, m, "Higher")).toBe("Red");
    expect(rag3(m + t, m, "Lower")).toBe("Amber");
    expect(rag3(m + t + 0.01, m, "Lower")).toBe("Red");
  });

  it("rates any miss of a milestone of 0 Red under a relative tolerance", () => {
    expect(rag3(1, 0, "Lower")).toBe("Red");
    expect(rag3(0, 0, "Lower")).toBe("Green");
  });

  it("takes the tolerance as a fraction or a percentage, relative or absolute", () => {
    const r = (tol: unknown, type: unknown): unknown =>
      only(rag(cell(90), cell(100), cell("Higher"), cell(tol), cell(type), OMITTED, OMITTED));
    expect(r(0.1, "")).toBe("Amber");
    expect(r("10%", "Relative")).toBe("Amber");
    expect(r(0.05, "Relative")).toBe("Red");
    expect(r(10, "Absolute")).toBe("Amber");
    expect(r(9, "absolute")).toBe("Red");
  });

  it("rates a rate against an absolute tolerance in percentage points (Derby escalations 31/274)", () => {
    // 31/274 = 11.3% against a milestone of 10%, lower is better: 1.3 points over.
    const r = (tol: unknown): unknown =>
      only(rag(cell("31/274"), cell("10%"), cell("Lower"), cell(tol), cell("Absolute"), OMITTED, OMITTED));
    expect(r(0.02)).toBe("Amber");
    expect(r(0.01)).toBe("Red");
  });

  it("uses the default 5% relative tolerance when none is given, even with Absolute typed (as the report does)", () => {
    // 95 against 100: 5 short. 5% of 100 is 5 (Amber); 0.05 absolute would be Red.
    expect(only(rag(cell(95), cell(100), cell("Higher"), cell(""), cell("Absolute"), OMITTED, OMITTED))).toBe(
      "Amber",
    );
  });

  it("is Blue under BRAG when the annual target is already met, Green under RAG", () => {
    const r = (scheme: unknown): unknown =>
      only(rag(cell(520), cell(300), cell("Higher"), OMITTED, OMITTED, cell(500), cell(scheme)));
    expect(r("BRAG")).toBe("Blue");
    expect(r("RAG")).toBe("Green");
    expect(r("")).toBe("Green");
  });

  it("is #N/A No data with no actual, No target with no milestone, Monitor when Neutral", () => {
    expectError(rag3("", 290, "Lower"), "#N/A", "No data: the actual is empty");
    expectError(rag3(null, 290, "Lower"), "#N/A", "No data: the actual is empty");
    expectError(rag3("awaiting data", 290, "Lower"), "#N/A", "No data: the actual is empty");
    expect(rag3(296, "", "Lower")).toBe("No target");
    expect(rag3(615, "", "Neutral")).toBe("Monitor");
  });

  it("rates a column of actuals against one milestone, with an error only in the bad cell", () => {
    const out = rag(
      column(300, 280, "n/a", "lots", 250),
      cell(290),
      cell("Higher"),
      OMITTED,
      OMITTED,
      OMITTED,
      OMITTED,
    );
    expect(out.map((r) => r[0])).toEqual(["Green", "Amber", expect.anything(), expect.anything(), "Red"]);
    expectError(out[2]?.[0], "#N/A", "No data: the actual is empty");
    expectError(out[3]?.[0], "#VALUE!", "Actual: 'lots' is not a number");
  });

  it("gives #VALUE! with the spec's message for an unknown polarity", () => {
    expectError(
      rag3(296, 290, "Hihger"),
      "#VALUE!",
      "Polarity must be Higher, Lower or Neutral; got 'Hihger'",
    );
    expectError(rag3(296, 290, ""), "#VALUE!", "Polarity must be Higher, Lower or Neutral; got ''");
    expectError(rag3(296, 290, true), "#VALUE!", "Polarity must be Higher, Lower or Neutral; got 'TRUE'");
  });

  it("gives #VALUE! quoting text where a number is needed, and #DIV/0! for a rate over 0", () => {
    expectError(rag3("12,5%", 0.1, "Higher"), "#VALUE!", /Actual: '12,5%' is not a percentage/);
    expectError(rag3(true, 290, "Higher"), "#VALUE!", "Actual: TRUE is a logical value, not a number");
    expectError(rag3(296, "about 290", "Higher"), "#VALUE!", "Milestone: 'about 290' is not a number");
    expectError(rag3("31/0", 0.1, "Lower"), "#DIV/0!", /31\/0/);
  });

  it("refuses a negative tolerance, an unknown tolerance type and an unknown scheme", () => {
    expectError(
      only(rag(cell(1), cell(1), cell("Higher"), cell(-0.1), OMITTED, OMITTED, OMITTED)),
      "#VALUE!",
      /Tolerance/,
    );
    expectError(
      only(rag(cell(1), cell(1), cell("Higher"), cell(0.1), cell("Percent"), OMITTED, OMITTED)),
      "#VALUE!",
      "Tolerance type must be Relative or Absolute; got 'Percent'",
    );
    expectError(
      only(rag(cell(1), cell(1), cell("Higher"), OMITTED, OMITTED, cell(2), cell("RAGB"))),
      "#VALUE!",
      "RAG scheme must be RAG or BRAG; got 'RAGB'",
    );
  });

  it("keeps an error cell passed in as that error", () => {
    const na = { code: "#N/A", message: "Lookup failed" };
    expectError(rag3(na, 290, "Higher"), "#N/A", "Lookup failed");
  });
});

describe("PERF.EXPLAIN", () => {
  const explain3 = (
    actual: unknown,
    milestone: unknown,
    polarity: unknown,
    measureType?: unknown,
    unit?: unknown,
  ) =>
    only(
      explain(
        cell(actual),
        cell(milestone),
        cell(polarity),
        measureType === undefined ? OMITTED : cell(measureType),
        unit === undefined ? OMITTED : cell(unit),
        OMITTED,
        OMITTED,
        OMITTED,
        OMITTED,
      ),
    );

  it("gives the issue's one-line explanation for 296 plans against 290", () => {
    expect(explain3(296, 290, "Lower", "Level", "plans")).toBe(
      "Amber: 296 plans against a milestone of 290 (lower is better); 6 over, within the 5% tolerance of 14.5.",
    );
  });

  it("shows a rate as percentages and an absolute tolerance in points", () => {
    const text = only(
      explain(
        cell("31/274"),
        cell(0.1),
        cell("Lower"),
        cell("Rate"),
        OMITTED,
        cell(0.02),
        cell("Absolute"),
        OMITTED,
        OMITTED,
      ),
    );
    expect(text).toMatch(
      /^Amber: 11\.3% against a milestone of 10\.0% \(lower is better\); 1\.3 points over/,
    );
  });

  it("explains No data, No target, Monitor and Blue", () => {
    expect(explain3("", 290, "Lower")).toMatch(/^No data: no actual/);
    expect(explain3(296, "", "Lower")).toMatch(/^No target: /);
    expect(explain3(615, "", "Neutral", "Level", "cases")).toMatch(/^Monitor: 615 cases/);
    const blue = only(
      explain(
        cell(520),
        cell(300),
        cell("Higher"),
        OMITTED,
        OMITTED,
        OMITTED,
        OMITTED,
        cell(500),
        cell("BRAG"),
      ),
    );
    expect(blue).toMatch(/^Blue: .*annual target of 500 is already met/);
  });

  it("gives the same errors as PERF.RAG", () => {
    expectError(
      explain3(296, 290, "Hihger"),
      "#VALUE!",
      "Polarity must be Higher, Lower or Neutral; got 'Hihger'",
    );
    expectError(
      explain3(296, 290, "Lower", "Levels"),
      "#VALUE!",
      /Measure type must be Count, Level or Rate; got 'Levels'/,
    );
  });

  it("always opens with the status PERF.RAG gives for the same arguments", () => {
    const figure = fc.oneof(
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constant(""),
    );
    fc.assert(
      fc.property(
        figure,
        figure,
        fc.constantFrom("Higher", "Lower", "Neutral"),
        fc.oneof(fc.constant(""), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.constantFrom("", "Relative", "Absolute"),
        (a, m, pol, tol, type) => {
          const args = [cell(a), cell(m), cell(pol), cell(tol), cell(type), cell(""), cell("")] as const;
          const status = only(rag(...args));
          const text = only(
            explain(args[0], args[1], args[2], cell("Level"), cell(""), args[3], args[4], args[5], args[6]),
          );
          // A missing actual is #N/A "No data" in PERF.RAG; the explanation then opens with "No data:".
          const name = isExcelError(status) ? (status.message ?? "").split(":")[0] : status;
          expect(typeof name).toBe("string");
          expect(String(text).startsWith(`${String(name)}:`)).toBe(true);
        },
      ),
    );
  });
});
