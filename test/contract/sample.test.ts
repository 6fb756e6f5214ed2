import {
  ACTUAL_COLUMNS,
  readRegister,
  sampleBook,
  sampleSheetGrid,
  sampleWorkbook,
  scanPublished,
  checkBook,
  SAMPLE_UNITS,
  type RawCell,
} from "../../src/contract";
import { reportJson } from "../../src/present";
import { buildReport, RAG_STATUSES, type Register } from "../../src/engine";

function sampleRegister(): Register {
  const r = readRegister(sampleWorkbook());
  if (!r.register) throw new Error(r.fatal?.message ?? "no register");
  return r.register;
}

function sampleReport() {
  const reg = sampleRegister();
  if (!reg.settings.reportingPeriod) throw new Error("no reporting period");
  return buildReport(reg, reg.settings.reportingPeriod);
}

/** The sample's actual rows for an indicator and period, as records. */
function actualRows(id: string, period: string): Record<string, RawCell>[] {
  const t = sampleWorkbook().tables.find((x) => x.name === "PerfActuals");
  const rows = (t?.rows ?? []).map((r) =>
    Object.fromEntries(ACTUAL_COLUMNS.map((c, i) => [c, r[i] ?? null])),
  );
  return rows.filter((r) => r["IndicatorId"] === id && r["Period"] === period);
}

describe("the sample workbook", () => {
  test("reads with zero errors", () => {
    const r = readRegister(sampleWorkbook());
    expect(r.fatal).toBeNull();
    expect(r.errors).toEqual([]);
  });

  test("is realistic in size: at least 12 indicators over Count/Level/Rate and Higher/Lower/Neutral, three clusters and the City", () => {
    const reg = sampleRegister();
    expect(new Set(reg.targets.map((t) => t.indicatorId)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(reg.targets.map((t) => t.measureType))).toEqual(new Set(["Count", "Level", "Rate"]));
    expect(new Set(reg.targets.map((t) => t.polarity))).toEqual(new Set(["Higher", "Lower", "Neutral"]));
    expect(new Set(reg.targets.map((t) => t.profile))).toEqual(
      new Set(["Linear", "Front", "Back", "Flat", "Custom", "Seasonal"]),
    );
    expect(reg.units.map((u) => u.orgUnit).sort()).toEqual(["City", ...SAMPLE_UNITS].sort());
    expect(reg.settings.reportingPeriod).toEqual({ fy: 2015, q: 2 });
    const years = new Set(reg.actuals.map((a) => a.period.fy));
    expect(years).toEqual(new Set([2014, 2015]));
  });

  test("evaluates to a mix of statuses with no evaluation errors", () => {
    const report = sampleReport();
    expect(report.errors).toEqual([]);
    for (const s of ["Green", "Amber", "Red", "No data", "Monitor"] as const) {
      expect(report.summary[s]).toBeGreaterThan(0);
    }
    const total = RAG_STATUSES.reduce((n, s) => n + report.summary[s], 0);
    expect(total).toBe(report.entries.length);
  });

  test("Amber and Red rows carry commentary and an action", () => {
    const report = sampleReport();
    const exceptions = report.entries.filter((e) => e.row.rag === "Amber" || e.row.rag === "Red");
    expect(exceptions.length).toBeGreaterThan(0);
    for (const e of exceptions) {
      expect(e.commentary).not.toBe("");
      expect(e.action).not.toBe("");
    }
  });

  test("the City reach row is rolled up as the ratio of sums, not an average of percentages", () => {
    const report = sampleReport();
    const city = report.entries.find((e) => e.row.indicatorId === "CC-REACH" && e.row.orgUnit === "City");
    const rows = actualRows("CC-REACH", "2015-16 Q2");
    expect(rows.map((r) => r["OrgUnit"]).sort()).toEqual([...SAMPLE_UNITS].sort());
    const n = rows.reduce((s, r) => s + Number(r["Numerator"]), 0);
    const d = rows.reduce((s, r) => s + Number(r["Denominator"]), 0);
    expect(n).toBe(1242 + 2150 + 1370);
    expect(d).toBe(4216 + 3980 + 2870);
    expect(city?.rolledUp).toBe(true);
    expect(city?.row.actual).toBeCloseTo(4762 / 11066, 12);
    const meanOfPercentages =
      rows.reduce((s, r) => s + Number(r["Numerator"]) / Number(r["Denominator"]), 0) / rows.length;
    expect(Math.abs((city?.row.actual ?? 0) - meanOfPercentages)).toBeGreaterThan(0.005);
  });

  test("a parent whose cluster has not reported is No data, naming the cluster", () => {
    const report = sampleReport();
    const city = report.entries.find((e) => e.row.indicatorId === "FAM-RESPECT" && e.row.orgUnit === "City");
    expect(city?.row.rag).toBe("No data");
    expect(city?.row.actual).toBeNull();
    expect(city?.row.explanation).toContain("East Cluster");
    expect(city?.row.explanation).not.toContain("North Cluster");
  });

  test("the North cluster reach figures are DOMAIN.md's 431 → 1,242 of 4,216", () => {
    const reg = sampleRegister();
    const north = reg.actuals.filter((a) => a.indicatorId === "CC-REACH" && a.orgUnit === "North Cluster");
    expect(north.find((a) => a.period.fy === 2014 && a.period.q === 4)).toMatchObject({
      numerator: 431,
      denominator: 4216,
    });
    expect(north.find((a) => a.period.fy === 2015 && a.period.q === 2)).toMatchObject({
      numerator: 1242,
      denominator: 4216,
    });
  });

  test("its report JSON has no NaN and every row's status is a spec status", () => {
    const json = reportJson(sampleReport());
    const text = JSON.stringify(json);
    expect(text).not.toContain("NaN");
    for (const row of json.rows) expect(RAG_STATUSES).toContain(row.rag);
  });

  test("the Published sheet has 13.2% for 44/331 flagged, and only that", () => {
    const sheet = sampleBook().sheets.find((s) => s.name === "Published");
    if (!sheet) throw new Error("no Published sheet");
    const { grid, formats } = sampleSheetGrid(sheet);
    const findings = scanPublished(sheet.name, grid, formats);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "P-FIGURE",
      sheet: "Published",
      text: "13.2%",
      expected: "13.3%",
    });
    const cell = findings[0]?.cell ?? "";
    const row = grid[Number(cell.slice(1)) - 1] ?? [];
    expect(row).toEqual(expect.arrayContaining([44, 331]));
  });

  test("checkBook over the sample: no data errors, the published finding, SMART findings", () => {
    const sheets = sampleBook().sheets.map((s) => ({ name: s.name, ...sampleSheetGrid(s) }));
    const r = checkBook(sampleWorkbook(), sheets);
    expect(r.errors).toEqual([]);
    expect(r.published.map((p) => p.text)).toEqual(["13.2%"]);
    expect(r.findings.every((f) => f.indicatorId !== "")).toBe(true);
  });

  test("tables carry number formats shaped like their rows, rates as percentages", () => {
    for (const sheet of sampleBook().sheets) {
      for (const t of sheet.tables) {
        if (t.numberFormats) expect(t.numberFormats).toHaveLength(t.headers.length);
        if (t.cellFormats) {
          expect(t.cellFormats).toHaveLength(t.rows.length);
          t.cellFormats.forEach((f) => expect(f).toHaveLength(t.headers.length));
        }
      }
    }
    const targets = sampleBook()
      .sheets.flatMap((s) => s.tables)
      .find((t) => t.name === "PerfTargets");
    const i = targets?.headers.indexOf("Target") ?? -1;
    const m = targets?.headers.indexOf("MeasureType") ?? -1;
    targets?.rows.forEach((r, k) => {
      if (r[m] === "Rate" && typeof r[i] === "number") expect(targets.cellFormats?.[k]?.[i]).toBe("0.0%");
    });
  });
});
