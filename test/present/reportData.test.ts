import { readFileSync } from "fs";
import { join } from "path";
import { readRegister, sampleWorkbook, type ContractError } from "../../src/contract";
import { RAG_COLOURS, reportJson, reportSheet, REPORT_COLUMNS } from "../../src/present";
import { buildReport, RAG_STATUSES, type Register } from "../../src/engine";
import { actual, book, target } from "../contract/helpers";

/** The report JSON example of the spec (docs/spec/workbook.md). */
function specExample(): Record<string, unknown> {
  const md = readFileSync(join(__dirname, "../../docs/spec/workbook.md"), "utf8");
  const block = /## Report JSON[\s\S]*?```json\n([\s\S]*?)```/.exec(md)?.[1];
  if (!block) throw new Error("no report JSON example in the spec");
  return JSON.parse(block) as Record<string, unknown>;
}

/** The keys schema 2 adds to each report row: the backticked names of "Report rows add ...". */
function specRowAdditions(): string[] {
  const md = readFileSync(join(__dirname, "../../docs/spec/workbook.md"), "utf8");
  const line = /^- Report rows add ([\s\S]*?)(?=\n- )/m.exec(md)?.[1] ?? "";
  const names = [...line.split(":")[0]!.matchAll(/`(\w+)`/g)].map((m) => m[1] ?? "");
  if (names.length === 0) throw new Error("no schema 2 row additions in the spec");
  return names;
}

function keysOf(x: unknown): string[] {
  return Object.keys(x as object);
}

function evaluate(reg: Register | null, period = { fy: 2015, q: 2 as const }) {
  if (!reg) throw new Error("no register");
  return buildReport(reg, period);
}

describe("reportJson", () => {
  const spec = specExample();
  const read = readRegister(
    book({
      targets: [target({ Owner: "" }), target({ IndicatorId: "EH-ZERO", Target: 0, Baseline: 0 })],
      actuals: [
        actual(),
        actual({ Period: "2015-16 Q2", Value: 206 }),
        actual({ IndicatorId: "EH-ZERO", Value: 3 }),
        actual({ IndicatorId: "EH-ZERO", Period: "2015-16 Q2", Value: 2 }),
        actual({ Period: "bad" }),
      ],
    }),
  );
  const report = evaluate(read.register);
  const json = reportJson(report, read.errors);

  test("the top-level keys are the spec's, in order, plus ragRule after period", () => {
    // ragRule and quality (the summary per quality) are PerfCycle's documented additions.
    expect(keysOf(json).filter((k) => k !== "ragRule" && k !== "quality")).toEqual(keysOf(spec));
    expect(keysOf(json).indexOf("ragRule")).toBe(keysOf(json).indexOf("period") + 1);
    expect(json.ragRule).toBe("Milestone");
  });

  test("row keys are exactly the spec's, in order", () => {
    const specRow = (spec["rows"] as unknown[])[0];
    expect(json.rows.length).toBeGreaterThan(0);
    const additions = specRowAdditions();
    expect(additions).toEqual([
      "confidenceLow",
      "confidenceHigh",
      "smallBase",
      "quality",
      "previousId",
      "comparators",
    ]);
    for (const row of json.rows) expect(keysOf(row)).toEqual([...keysOf(specRow), ...additions]);
  });

  test("summary has all eight statuses in the spec's order", () => {
    expect(keysOf(json.summary)).toEqual(keysOf(spec["summary"]));
    expect(keysOf(json.summary)).toEqual([...RAG_STATUSES]);
  });

  test("findings and errors have the spec's keys; read errors come first", () => {
    expect(json.findings.length).toBeGreaterThan(0);
    for (const f of json.findings) expect(keysOf(f)).toEqual(keysOf((spec["findings"] as unknown[])[0]));
    expect(json.errors.length).toBeGreaterThan(0);
    // The spec's keys, then `code` (docs/decisions.md, "Errors that carry codes").
    for (const e of json.errors)
      expect(keysOf(e)).toEqual([...keysOf((spec["errors"] as unknown[])[0]), "code"]);
    // The reader's error as the JSON carries it: its `detail` (the message without its place)
    // is for the hosts, not a key of the report JSON.
    const { detail: _detail, ...firstRead } = read.errors[0] ?? { detail: undefined };
    expect(json.errors[0]).toEqual(firstRead);
  });

  test("an undefined figure is null, never NaN", () => {
    const zero = json.rows.find((r) => r.indicatorId === "EH-ZERO");
    expect(zero?.milestone).toBe(0);
    expect(zero?.variancePct).toBeNull();
    expect(zero?.distanceTravelled).toBeNull();
    expect(JSON.stringify(json)).not.toMatch(/NaN|Infinity/);
  });

  test("a repeated error is listed once", () => {
    const e: ContractError = {
      code: "NOT_A_NUMBER",
      table: "PerfActuals",
      row: 1,
      column: "Value",
      message: "x",
    };
    const twice = reportJson({ ...report, errors: [e] }, [e]);
    expect(twice.errors.filter((x) => x.message === "x")).toHaveLength(1);
  });

  test("numbers are unrounded", () => {
    const r = readRegister(sampleWorkbook());
    const j = reportJson(evaluate(r.register));
    const reach = j.rows.find((x) => x.indicatorId === "CC-REACH" && x.orgUnit === "City");
    expect(reach?.actual).toBe(4762 / 11066);
  });
});

describe("reportSheet", () => {
  const report = evaluate(readRegister(sampleWorkbook()).register);
  const sheet = reportSheet(report);

  test("one row per entry, cells and formats shaped like the headers", () => {
    expect(sheet.headers).toEqual(REPORT_COLUMNS.map((c) => c.header));
    expect(sheet.rows).toHaveLength(report.entries.length);
    for (const r of sheet.rows) expect(r).toHaveLength(sheet.headers.length);
    expect(sheet.cellFormats).toHaveLength(sheet.rows.length);
    expect(sheet.numberFormats).toHaveLength(sheet.headers.length);
    expect(sheet.title).toContain(report.period);
  });

  test("the RAG column holds each row's status", () => {
    sheet.rows.forEach((r, i) => expect(r[sheet.ragColumn]).toBe(report.entries[i]?.row.rag));
  });

  test("rate figures are formatted as percentages, counts as numbers", () => {
    const actualCol = sheet.headers.indexOf("Actual");
    report.entries.forEach((e, i) => {
      const f = sheet.cellFormats[i]?.[actualCol];
      if (e.row.measureType === "Rate") expect(f).toBe("0.0%");
      else expect(f).toMatch(/^#,##0/);
    });
    expect(sheet.numberFormats[sheet.headers.indexOf("Variance %")]).toBe("0.0%");
  });

  test("commentary and actions travel with the rows", () => {
    const col = sheet.headers.indexOf("Commentary");
    const withNotes = report.entries.filter((e) => e.commentary !== "");
    expect(withNotes.length).toBeGreaterThan(0);
    const texts = sheet.rows.map((r) => r[col]);
    for (const e of withNotes) expect(texts).toContain(e.commentary);
  });
});

describe("RAG_COLOURS", () => {
  const luminance = (hex: string): number => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const l = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (l[0] ?? 0) + 0.7152 * (l[1] ?? 0) + 0.0722 * (l[2] ?? 0);
  };
  const contrast = (a: string, b: string): number => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return ((x ?? 0) + 0.05) / ((y ?? 0) + 0.05);
  };

  test.each(RAG_STATUSES.map((s) => [s]))("%s has readable text (contrast at least 4.5:1)", (status) => {
    const c = RAG_COLOURS[status];
    expect(c.fill).toMatch(/^#[0-9A-F]{6}$/);
    expect(c.font).toMatch(/^#[0-9A-F]{6}$/);
    expect(contrast(c.fill, c.font)).toBeGreaterThanOrEqual(4.5);
  });

  test("the statuses have distinct fills", () => {
    const fills = RAG_STATUSES.map((s) => RAG_COLOURS[s].fill);
    expect(new Set(fills).size).toBe(fills.length);
  });
});
