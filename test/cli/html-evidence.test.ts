/**
 * The committee report shows the evidence behind each status: the confidence interval as a
 * whisker on the trend chart, England as a line on it, the figures not validated, and each
 * row's interval, quality and comparators — over the xlsxwriter workbook of the seed figures.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run, tempDir } from "./helpers";

const BOOK = join(__dirname, "../fixtures/targets/seed-targets.xlsx");

async function html(period: string): Promise<string> {
  const dir = tempDir();
  try {
    const out = dir.file("r.html");
    const r = await run(["evaluate", BOOK, "--period", period, "--html", out]);
    expect(r.code).toBe(0);
    return readFileSync(out, "utf8");
  } finally {
    dir.cleanup();
  }
}

function chartOf(doc: string, id: string): string {
  const at = doc.indexOf(`<span class="id">${id}</span>`, doc.indexOf('id="trends-h"'));
  return doc.slice(at, doc.indexOf("</svg>", at));
}

describe("committee report: confidence, quality and comparators", () => {
  it("draws reach's intervals as whiskers on every quarter of its chart and says the period's in the description", async () => {
    const doc = await html("2015-16 Q1");
    const chart = chartOf(doc, "REACH");
    // A whisker and its two caps on each of the three quarters with counts (not only the last).
    expect(chart.match(/<line class="ci"/g)).toHaveLength(9);
    // 578 of 1030 at 95%: Wilson 53.1%–59.1%.
    expect(chart).toMatch(/Interval in 2015-16 Q1: 53\.1% to 59\.1%/);
  });

  it("draws England's figure as a line on each chart that has one", async () => {
    const doc = await html("2014-15 Q4");
    const gld = chartOf(doc, "GLD");
    expect(gld).toContain('<line class="cmp"');
    expect(gld).toContain("England 60.0%");
    expect(gld).toContain("England: 60.0%.");
  });

  it("lists the figures that are not validated, with their quality", async () => {
    const doc = await html("2015-16 Q1");
    const section = doc.slice(
      doc.indexOf('id="quality-h"'),
      doc.indexOf("</section>", doc.indexOf('id="quality-h"')),
    );
    expect(section).toContain("Figures not validated");
    expect(section).toContain("Children&#39;s centre reach");
    expect(section).toContain("<strong>Provisional</strong>");
    // Validated figures are not listed.
    expect(await html("2014-15 Q4")).not.toContain('id="quality-h"');
  });

  it("shows each row's comparators with Better/Similar/Worse and the peer group", async () => {
    const doc = await html("2015-16 Q1");
    const evidence = doc.slice(
      doc.indexOf('id="evidence-h"'),
      doc.indexOf("</section>", doc.indexOf('id="evidence-h"')),
    );
    // Reach 56.1% (578 of 1030, 53.1%–59.1%) against England's 53.0% (5,300 of 10,000, about
    // 52.0%–54.0%): 3.1 points better, but the intervals overlap, so Similar.
    expect(evidence).toMatch(/England 53\.0%: <strong>Similar<\/strong>, gap \+3\.1 points/);
    expect(evidence).toContain("53.1%–59.1%");
  });
});
