/**
 * Auditing a report made by hand: reading published statuses (text and fill), polarity phrases,
 * tolerances as councils word them, and the status recomputed by the report's own rule.
 */
import fc from "fast-check";
import {
  fillStatus,
  parsePolarityPhrase,
  parseStatusText,
  parseTolerance,
  rateAuditRow,
  statusesAgree,
  TOLERANCE_PRESETS,
  toleranceWords,
  type AuditRateInput,
} from "./index";

const status = (t: unknown): string => {
  const p = parseStatusText(t);
  return p.kind === "status" ? p.status : p.kind;
};

test("typed statuses are read whole or by their letter, in any case", () => {
  expect(["Red", "R", "red", " RED ", "r."].map(status)).toEqual(Array(5).fill("Red"));
  expect(["Amber", "A", "amber"].map(status)).toEqual(["Amber", "Amber", "Amber"]);
  expect(["Green", "G", "GREEN"].map(status)).toEqual(["Green", "Green", "Green"]);
  expect(["Blue", "B", "blue"].map(status)).toEqual(["Blue", "Blue", "Blue"]);
  expect(["No data", "no-data", "Not due", "Monitor"].map(status)).toEqual([
    "No data",
    "No data",
    "Not due",
    "Monitor",
  ]);
});

test("a blank status is blank; any other text is unreadable, never guessed", () => {
  expect(status(null)).toBe("blank");
  expect(status("  ")).toBe("blank");
  for (const t of ["Amber/Red", "Yellow", "RA", "on track", "3", 3]) expect(status(t)).toBe("unreadable");
  const p = parseStatusText("Amber/Red");
  expect(p.kind === "unreadable" && p.text).toBe("Amber/Red");
});

test("fills are read by hue: Excel's standard and Good/Bad/Neutral colours", () => {
  const read = (c: string): string | null | undefined => fillStatus(c)?.status;
  // Excel's standard colours.
  expect(read("#FF0000")).toBe("Red");
  expect(read("#C00000")).toBe("Red");
  expect(read("#FFC000")).toBe("Amber");
  expect(read("#FFFF00")).toBe("Amber");
  expect(read("#FF9900")).toBe("Amber");
  expect(read("#92D050")).toBe("Green");
  expect(read("#00B050")).toBe("Green");
  expect(read("#00B0F0")).toBe("Blue");
  expect(read("#0070C0")).toBe("Blue");
  // The cell styles Bad, Neutral and Good.
  expect(read("#FFC7CE")).toBe("Red");
  expect(read("#FFEB9C")).toBe("Amber");
  expect(read("#C6EFCE")).toBe("Green");
  // Office 2007 theme "Olive Green, Accent 3" (openpyxl's default theme).
  expect(read("#9BBB59")).toBe("Green");
  // ARGB as ExcelJS gives it.
  expect(read("FFFF0000")).toBe("Red");
});

test("white, greys, black and no fill are no colour; text that is not a colour is undefined", () => {
  for (const c of ["#FFFFFF", "#F2F2F2", "#D9D9D9", "#808080", "#000000", "", null])
    expect(fillStatus(c)?.status).toBeNull();
  expect(fillStatus("red")).toBeUndefined();
  expect(fillStatus("#12345")).toBeUndefined();
});

test("every saturated colour maps to one of the four statuses (property)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
      const hex = `#${n.toString(16).padStart(6, "0")}`;
      const r = fillStatus(hex);
      expect(r).toBeDefined();
      if (r && r.saturation >= 0.25 && r.lightness <= 0.95 && r.lightness >= 0.1)
        expect(["Red", "Amber", "Green", "Blue"]).toContain(r.status);
      else expect(r?.status).toBeNull();
    }),
  );
});

test("polarity phrases as councils write them", () => {
  const p = (t: string): string => {
    const r = parsePolarityPhrase(t);
    return r.ok ? r.value : r.error.code;
  };
  expect(p("Higher")).toBe("Higher");
  expect(p("higher is better")).toBe("Higher");
  expect(p("High is good")).toBe("Higher");
  expect(p("Bigger is better")).toBe("Higher");
  expect(p("↑")).toBe("Higher");
  expect(p("Lower")).toBe("Lower");
  expect(p("smaller is better")).toBe("Lower");
  expect(p("Good performance is low")).toBe("Lower");
  expect(p("aim to reduce")).toBe("Lower");
  expect(p("High is bad")).toBe("Lower");
  expect(p("lower is worse")).toBe("Higher");
  expect(p("Neutral")).toBe("Neutral");
  expect(p("monitor only")).toBe("Neutral");
});

test("a polarity phrase naming both directions or neither is an error quoting it", () => {
  const r = parsePolarityPhrase("higher or lower");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toContain("'higher or lower'");
  expect(parsePolarityPhrase("Steady").ok).toBe(false);
  expect(parsePolarityPhrase("").ok).toBe(false);
});

test("tolerances as councils word them", () => {
  const t = (text: string, type?: "Relative" | "Absolute"): unknown => {
    const r = parseTolerance(text, type);
    return r.ok ? [r.value.tolerance, r.value.toleranceType] : r.error.code;
  };
  expect(t("Amber within 10% of the target")).toEqual([0.1, "Relative"]);
  expect(t("10%")).toEqual([0.1, "Relative"]);
  expect(t("5.5%")).toEqual([0.055, "Relative"]);
  expect(t("0.1")).toEqual([0.1, "Relative"]);
  expect(t("within 2 percentage points")).toEqual([0.02, "Absolute"]);
  expect(t("2pp")).toEqual([0.02, "Absolute"]);
  expect(t("2 points")).toEqual([0.02, "Absolute"]);
  expect(t("10%", "Absolute")).toEqual([0.1, "Absolute"]);
  expect(t("Amber within 5 of the milestone")).toEqual([5, "Absolute"]);
  expect(t("5", "Absolute")).toEqual([5, "Absolute"]);
});

test("a tolerance that contradicts its type, or cannot be read, is an error saying how to write it", () => {
  const r = parseTolerance("2pp", "Relative");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(/percentage points.*Relative/);
  const big = parseTolerance("10");
  expect(!big.ok && big.error.message).toMatch(/write it as 10%/);
  expect(parseTolerance("").ok).toBe(false);
  expect(parseTolerance("lots").ok).toBe(false);
});

test("every preset reads back as itself from its own words", () => {
  for (const p of TOLERANCE_PRESETS) {
    expect(toleranceWords(p)).toBe(p.label);
    const r = parseTolerance(p.label);
    expect(r.ok && [r.value.tolerance, r.value.toleranceType]).toEqual([p.tolerance, p.toleranceType]);
  }
});

const base: AuditRateInput = {
  actual: 0.412,
  milestone: 0.45,
  polarity: "Higher",
  rule: "Milestone",
  tolerance: 0.1,
  toleranceType: "Relative",
  scheme: "RAG",
  measure: "Rate",
};

test("a row is rated by the report's stated rule: within 10% of the target is Amber", () => {
  const r = rateAuditRow(base);
  expect(r.ok && r.value.status).toBe("Amber");
  expect(r.ok && r.value.explanation).toBe(
    "Amber: 41.2% against a milestone of 45.0% (higher is better); 3.8 points short, within the 10% tolerance of 4.5 points.",
  );
});

test("the tolerance boundary is Amber; beyond it is Red; on or better is Green", () => {
  const at = (actual: number): string => {
    const r = rateAuditRow({ ...base, actual, milestone: 100, measure: "Level" });
    return r.ok ? r.value.status : "error";
  };
  expect(at(90)).toBe("Amber");
  expect(at(89.9)).toBe("Red");
  expect(at(100)).toBe("Green");
  expect(at(120)).toBe("Green");
});

test("lower is better rates the other way; 2 percentage points is an absolute tolerance", () => {
  const r = rateAuditRow({
    ...base,
    polarity: "Lower",
    actual: 0.059,
    milestone: 0.055,
    tolerance: 0.02,
    toleranceType: "Absolute",
  });
  expect(r.ok && r.value.status).toBe("Amber");
  const red = rateAuditRow({
    ...base,
    polarity: "Lower",
    actual: 0.08,
    milestone: 0.055,
    tolerance: 0.02,
    toleranceType: "Absolute",
  });
  expect(red.ok && red.value.status).toBe("Red");
});

test("no actual is No data and no target is No target, never a colour", () => {
  const nd = rateAuditRow({ ...base, actual: null });
  expect(nd.ok && nd.value.status).toBe("No data");
  const nt = rateAuditRow({ ...base, milestone: null });
  expect(nt.ok && nt.value.status).toBe("No target");
});

test("the tolerance band rule uses the year-ago figure when the report gives it", () => {
  const input = { ...base, rule: "ToleranceBand" as const, actual: 0.3, milestone: 0.45 };
  const improving = rateAuditRow({ ...input, yearAgo: 0.25 });
  expect(improving.ok && improving.value.status).toBe("Amber");
  const worse = rateAuditRow({ ...input, yearAgo: 0.35 });
  expect(worse.ok && worse.value.status).toBe("Red");
  const none = rateAuditRow(input);
  expect(none.ok && none.value.explanation).toContain("no figure for the same quarter last year");
});

test("Blue is computed where the report gives an annual target; else a published Blue agrees with Green", () => {
  const blue = rateAuditRow({ ...base, scheme: "BRAG", actual: 0.7, milestone: 0.45, target: 0.6 });
  expect(blue.ok && blue.value.status).toBe("Blue");
  expect(statusesAgree("Blue", "Green", { blueIsGreen: true })).toBe(true);
  expect(statusesAgree("Blue", "Green", { blueIsGreen: false })).toBe(false);
  expect(statusesAgree("Red", "Amber", { blueIsGreen: true })).toBe(false);
  expect(statusesAgree("Amber", "Amber", { blueIsGreen: false })).toBe(true);
});
