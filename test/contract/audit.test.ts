/**
 * The audit of a hand-made report over a grid of cells: header row and column guesses, figures,
 * statuses from text or fill, the report's own rule, rows that cannot be rated, and the
 * published-figure check on the same cells.
 */
import { auditLayout, auditPasses, auditReport, AuditSetupError, type AuditSource } from "../../src/contract";
import type { RawCell } from "../../src/contract";

const RULE = { rule: "Milestone", tolerance: 0.1, toleranceType: "Relative" } as const;

/** A council's quarterly report, typed by hand: a title, a blank row, then the table. */
function report(): AuditSource {
  const values: RawCell[][] = [
    ["Quarterly performance report, 2015-16 Q2", null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    ["Indicator", "Good is", "Q2 target", "Numerator", "Denominator", "Q2 actual %", "RAG", "Notes"],
    ["Early years", null, null, null, null, null, null, null],
    ["Reach: under-fives registered", "Higher is better", 0.5, 1242, 4216, 0.285, "R", null],
    ["Sustained contact", "higher is better", 0.45, 23, 56, "41.1%", "Amber", null],
    ["Two-year-olds taking up a place", "high is good", 0.6, 52, 86, 0.605, "Green", null],
    [
      "Children not of a healthy weight",
      "smaller is better",
      0.23,
      null,
      null,
      0.24,
      "Red",
      "should be Amber",
    ],
    ["Re-referrals within 3 months", "Good performance is low", 0.12, null, null, 0.124, "A", null],
    ["Case-file audits completed", "Higher", null, 52, 86, 0.605, "G", "no target"],
  ];
  const formats = values.map((r) => r.map((c) => (typeof c === "number" && c < 1 ? "0.0%" : "General")));
  return { sheet: "Q2 report", origin: "A1", values, formats, fills: values.map((r) => r.map(() => null)) };
}

test("the header row is found below the title, and each column is guessed from its header", () => {
  const layout = auditLayout(report());
  expect(layout.headerRow).toBe(2);
  const cols = Object.fromEntries(layout.columns.map((c) => [c.role, c.header]));
  expect(cols).toMatchObject({
    label: "Indicator",
    polarity: "Good is",
    milestone: "Q2 target",
    actual: "Q2 actual %",
    status: "RAG",
    target: null,
  });
  expect(layout.columns.every((c) => c.guessed)).toBe(true);
});

test("every row's published status is compared with the status by the report's own rule", () => {
  const r = auditReport(report(), RULE);
  expect(r.headerRow).toBe(3);
  expect(r.range).toBe("A1:H10");
  expect(r.toleranceText).toBe("Amber within 10% of the target");
  const by = Object.fromEntries(r.rows.map((x) => [x.label, x]));
  expect(by["Reach: under-fives registered"]?.outcome).toBe("agrees");
  expect(by["Sustained contact"]?.outcome).toBe("agrees");
  expect(by["Two-year-olds taking up a place"]?.outcome).toBe("agrees");
  expect(by["Re-referrals within 3 months"]?.outcome).toBe("agrees");
  const wrong = by["Children not of a healthy weight"];
  expect(wrong).toMatchObject({
    row: 8,
    cell: "G8",
    outcome: "disagrees",
    published: { status: "Red", from: "text", text: "Red" },
    recomputed: "Amber",
    polarity: "Lower",
  });
  expect(wrong?.explanation).toBe(
    "Amber: 24.0% against a milestone of 23.0% (lower is better); 1.0 point over, within the 10% tolerance of 2.3 points.",
  );
  expect(r.summary).toEqual({ rows: 6, agree: 4, disagree: 1, cannotRate: 1, fromFill: 0 });
  expect(auditPasses(r)).toBe(false);
});

test("a heading row (a label and nothing else) is skipped, not listed", () => {
  const r = auditReport(report(), RULE);
  expect(r.rows.map((x) => x.label)).not.toContain("Early years");
});

test("a row without a target is listed as one that cannot be rated, never guessed", () => {
  const r = auditReport(report(), RULE);
  const row = r.rows.find((x) => x.label === "Case-file audits completed");
  expect(row).toMatchObject({ outcome: "cannot-rate", recomputed: null, row: 10 });
  expect(row?.explanation).toBe("No milestone in 'Q2 report'!C10, so the row cannot be rated");
});

test("the published-figure check runs over the same cells: 28.5% is not 1242/4216", () => {
  const r = auditReport(report(), RULE);
  expect(r.published.map((f) => [f.cell, f.text, f.expected, f.severity])).toEqual([
    ["F5", "28.5%", "29.5%", "error"],
  ]);
});

test("statuses with no text are read from the fill, by hue; a grey or white fill is no status", () => {
  const src = report();
  const values = src.values.map((r) => [...r]);
  const fills = values.map((r) => r.map((): string | null => null));
  // Reach: no text, red fill (agrees); Sustained contact: no text, green fill (should be Amber).
  (values[4] as RawCell[])[6] = null;
  (fills[4] as (string | null)[])[6] = "#FF0000";
  (values[5] as RawCell[])[6] = null;
  (fills[5] as (string | null)[])[6] = "#00B050";
  (values[6] as RawCell[])[6] = null;
  (fills[6] as (string | null)[])[6] = "#D9D9D9";
  const r = auditReport({ ...src, values, fills }, RULE);
  const by = Object.fromEntries(r.rows.map((x) => [x.label, x]));
  expect(by["Reach: under-fives registered"]).toMatchObject({
    outcome: "agrees",
    published: { status: "Red", from: "fill", fill: "#FF0000", text: null },
  });
  expect(by["Sustained contact"]).toMatchObject({
    outcome: "disagrees",
    published: { status: "Green", from: "fill" },
    recomputed: "Amber",
  });
  expect(by["Two-year-olds taking up a place"]?.outcome).toBe("cannot-rate");
  expect(by["Two-year-olds taking up a place"]?.explanation).toBe(
    "'Q2 report'!G7 has no published status: no text, and its fill #D9D9D9 is not red, amber, green or blue",
  );
  expect(r.summary.fromFill).toBe(2);
});

test("where the host cannot read fills, a status without text cannot be rated, and the result says so", () => {
  const src = report();
  const values = src.values.map((r) => [...r]);
  (values[4] as RawCell[])[6] = null;
  const r = auditReport({ ...src, values, fills: null }, RULE);
  expect(r.fillsRead).toBe(false);
  const row = r.rows.find((x) => x.row === 5);
  expect(row?.outcome).toBe("cannot-rate");
  expect(row?.explanation).toContain("fill colours cannot be read here");
});

test("text that is not a status, and a polarity phrase that is not understood, are listed as unreadable", () => {
  const src = report();
  const values = src.values.map((r) => [...r]);
  (values[4] as RawCell[])[6] = "Amber/Red";
  (values[5] as RawCell[])[1] = "depends";
  const r = auditReport({ ...src, values }, RULE);
  expect(r.rows.find((x) => x.row === 5)?.explanation).toBe(
    "The published status 'Amber/Red' in 'Q2 report'!G5 is not a status (Red, Amber, Green, Blue or R, A, G, B)",
  );
  expect(r.rows.find((x) => x.row === 6)?.explanation).toMatch(
    /^Polarity 'depends' is not understood.*\('Q2 report'!B6\)$/,
  );
});

test("a percentage against a plain number above 1 is two units: cannot be rated", () => {
  const src = report();
  const values = src.values.map((r) => [...r]);
  (values[5] as RawCell[])[5] = 41;
  const r = auditReport({ ...src, values }, RULE);
  expect(r.rows.find((x) => x.row === 6)?.explanation).toMatch(/different units/);
});

test("n/d and placeholders are read as figures: 23/56 is a rate, 'awaiting data' is no actual", () => {
  const src = report();
  const values = src.values.map((r) => [...r]);
  (values[5] as RawCell[])[5] = "23/56";
  (values[6] as RawCell[])[5] = "awaiting data";
  const r = auditReport({ ...src, values }, RULE);
  expect(r.rows.find((x) => x.row === 6)).toMatchObject({ actual: 23 / 56, outcome: "agrees" });
  expect(r.rows.find((x) => x.row === 7)).toMatchObject({ recomputed: "No data", outcome: "disagrees" });
});

test("without a polarity column the report's polarity is needed; columns can be chosen by hand", () => {
  const src = report();
  expect(() => auditReport(src, { ...RULE, columns: { polarity: null } })).toThrow(AuditSetupError);
  const r = auditReport(src, { ...RULE, columns: { polarity: null }, polarity: "Higher" });
  expect(r.columns.find((c) => c.role === "polarity")).toMatchObject({ column: null, guessed: false });
  // Healthy weight is Lower; rated Higher it is Green (24% against 23%), so the published Red disagrees.
  expect(r.rows.find((x) => x.row === 8)?.recomputed).toBe("Green");
});

test("a range with no status column is refused with the headers it has", () => {
  const values: RawCell[][] = [
    ["Indicator", "Target", "Actual"],
    ["Reach", 0.5, 0.4],
  ];
  expect(() => auditReport({ sheet: "S", origin: "B2", values }, RULE)).toThrow(
    "S!B2: no column was found for the published status (a RAG or Status column) (headers: 'Indicator', 'Target', 'Actual'); choose the columns",
  );
});

test("Blue is rated where the report has an annual target beside its milestone", () => {
  const values: RawCell[][] = [
    ["Measure", "Annual target", "Milestone", "Actual", "Status", "Polarity"],
    ["EHAs completed (YTD)", 600, 300, 620, "Blue", "Higher"],
    ["EHAs closed (YTD)", 600, 300, 320, "Blue", "Higher"],
  ];
  const r = auditReport({ sheet: "S", origin: "A1", values }, RULE);
  expect(r.scheme).toBe("BRAG");
  expect(r.rows.map((x) => [x.recomputed, x.outcome])).toEqual([
    ["Blue", "agrees"],
    ["Green", "disagrees"],
  ]);
});

test("the tolerance band rule reads the same period last year from its column", () => {
  const values: RawCell[][] = [
    ["Indicator", "Polarity", "Q2 target", "Q2 actual", "Same quarter last year", "RAG"],
    ["Reach", "Higher", 0.5, 0.4, 0.35, "Amber"],
    ["Contact", "Higher", 0.5, 0.4, 0.45, "Amber"],
    ["Take-up", "Higher", 0.5, 0.47, 0.3, "Green"],
  ];
  const r = auditReport(
    { sheet: "S", origin: "A1", values },
    { rule: "ToleranceBand", tolerance: 0.1, toleranceType: "Relative" },
  );
  expect(r.columns.find((c) => c.role === "yearAgo")?.header).toBe("Same quarter last year");
  expect(r.rows.map((x) => [x.label, x.recomputed, x.outcome])).toEqual([
    ["Reach", "Amber", "agrees"],
    ["Contact", "Red", "disagrees"],
    ["Take-up", "Green", "agrees"],
  ]);
  expect(r.rows[1]?.explanation).toContain("and worse than the same quarter last year (0.45)");
});

test("the forecast rule reads the year-end forecast and the annual target beside the milestone", () => {
  const values: RawCell[][] = [
    ["Measure", "Annual target", "Milestone", "Actual", "Forecast", "Status", "Polarity"],
    ["EHAs completed (YTD)", 900, 450, 420, 910, "Amber", "Higher"],
    ["EHAs closed (YTD)", 900, 450, 420, 850, "Amber", "Higher"],
  ];
  const r = auditReport(
    { sheet: "S", origin: "A1", values },
    { rule: "Forecast", tolerance: 0.05, toleranceType: "Relative" },
  );
  expect(r.rows.map((x) => [x.recomputed, x.outcome])).toEqual([
    ["Amber", "agrees"],
    ["Red", "disagrees"],
  ]);
  expect(r.rows[1]?.explanation).toContain("the year-end forecast of 850 misses the target of 900");
});
