import { readRegister, sampleWorkbook } from "../../src/contract";
import { reportJson, esc, htmlReport, trendChart } from "../../src/present";
import { buildReport, formatValue, type ReportEntry } from "../../src/engine";

const read = readRegister(sampleWorkbook());
const register = read.register!;
const report = buildReport(register, register.settings.reportingPeriod!, { trend: true });

function entry(id: string, unit = "City"): ReportEntry {
  const e = report.entries.find((x) => x.row.indicatorId === id && x.row.orgUnit === unit);
  if (!e) throw new Error(`no ${id} ${unit}`);
  return e;
}

describe("esc", () => {
  test("escapes the five HTML characters", () => {
    expect(esc(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
  });
});

describe("trendChart", () => {
  test("describes every quarter's figure in words, gaps as 'no figure'", () => {
    const e = entry("CC-ACCESS");
    const svg = trendChart(e, "t");
    const desc = /<desc id="t-d">([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
    for (const p of e.trend) {
      const figure = p.actual === null ? "no figure" : formatValue(e.row.measureType, p.actual);
      expect(desc).toContain(`${p.period} ${esc(figure)}`);
    }
    expect(desc).toContain(`Status in ${e.row.period}: ${e.row.rag}`);
  });

  test("breaks the actual line at a missing quarter instead of joining across it", () => {
    const e = entry("EH-EHA");
    const gap = e.trend.findIndex((p) => p.period === "2014-15 Q4");
    expect(e.trend.filter((p) => p.actual !== null).length).toBeGreaterThanOrEqual(5);
    const gapped: ReportEntry = {
      ...e,
      trend: e.trend.map((p, i) => (i === gap ? { ...p, actual: null } : p)),
    };
    const lines = (svg: string): number => (svg.match(/<polyline class="act"/g) ?? []).length;
    const points = (svg: string): number => (svg.match(/<circle/g) ?? []).length;
    expect(lines(trendChart(e, "a"))).toBe(1);
    expect(lines(trendChart(gapped, "b"))).toBe(2);
    expect(points(trendChart(gapped, "b"))).toBe(points(trendChart(e, "a")) - 1);
  });

  test("says so in text when there is nothing to draw", () => {
    const e = entry("EH-EHA");
    const empty: ReportEntry = { ...e, trend: e.trend.map((p) => ({ ...p, actual: null, milestone: null })) };
    expect(trendChart(empty, "x")).toMatch(/^<p class="nochart">No figures for EH-EHA/);
  });
});

describe("htmlReport", () => {
  const html = htmlReport({
    report,
    errors: reportJson(report, read.errors).errors,
    source: "sample & co.xlsx",
    generated: new Date(Date.UTC(2015, 9, 20)),
    version: "9.9.9",
  });

  test("names the workbook, the rule, the period and when it was produced (en-GB date)", () => {
    expect(html).toContain("Workbook sample &amp; co.xlsx");
    expect(html).toContain("rated by the milestone rule");
    expect(html).toContain("on 20 October 2015");
    expect(html).toContain(`<title>Performance report ${report.period}`);
  });

  test("shows every status's count in the summary, as text", () => {
    const summary = html.slice(html.indexOf('id="summary-h"'), html.indexOf('id="exceptions-h"'));
    for (const [status, n] of Object.entries(report.summary)) {
      expect(summary).toContain(`>${esc(status)}</span></th>`);
      expect(summary).toContain(`<td>${n}</td>`);
    }
  });

  test("lists the exceptions Red first, then Amber, then No data", () => {
    const section = html.slice(html.indexOf('id="exceptions-h"'), html.indexOf('id="trends-h"'));
    const order = [...section.matchAll(/<td><span class="chip rag-([a-z-]+)">/g)].map((m) => m[1]);
    const rank = { red: 0, amber: 1, "no-data": 2 } as Record<string, number>;
    expect(order.length).toBe(report.summary.Red + report.summary.Amber + report.summary["No data"]);
    expect(order.map((s) => rank[s ?? ""])).toEqual([...order.map((s) => rank[s ?? ""])].sort());
  });
});
