import { readRegister } from "../../src/contract";
import { book } from "./helpers";

describe("readSettings through readRegister", () => {
  test("settings are read tolerant of spelling; unknown settings are kept", () => {
    const r = readRegister(
      book({
        settings: [
          ["schema version", 1],
          ["Fiscal Year Start Month", "7"],
          ["reporting_period", "2015/16 Q2"],
          ["DefaultTolerance", "10%"],
          ["RAGScheme", "brag"],
          ["RagRule", "Tolerance Band"],
          ["Council", "Northfield"],
        ],
        actuals: [],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.register?.settings).toEqual({
      schemaVersion: 1,
      startMonth: 7,
      reportingPeriod: { fy: 2015, q: 2 },
      defaultTolerance: 0.1,
      scheme: "BRAG",
      rule: "ToleranceBand",
    });
    expect(r.extraSettings).toEqual([{ row: 7, setting: "Council", value: "Northfield" }]);
  });

  test("bad settings are errors naming the row and text; defaults are used", () => {
    const r = readRegister(
      book({
        settings: [
          ["FiscalYearStartMonth", 13],
          ["ReportingPeriod", "Q2"],
          ["RagScheme", "Traffic lights"],
          ["RagRule", "Best"],
          ["DefaultTolerance", "five"],
        ],
        actuals: [],
      }),
    );
    expect(r.errors.map((e) => [e.table, e.row, e.column])).toEqual([
      ["PerfSettings", 1, "Value"],
      ["PerfSettings", 2, "Value"],
      ["PerfSettings", 5, "Value"],
      ["PerfSettings", 3, "Value"],
      ["PerfSettings", 4, "Value"],
    ]);
    const text = r.errors.map((e) => e.message).join("\n");
    for (const t of ["'13'", "'Q2'", "'Traffic lights'", "'Best'", "'five'"]) expect(text).toContain(t);
    expect(r.register?.settings).toMatchObject({
      startMonth: 4,
      reportingPeriod: null,
      scheme: "RAG",
      rule: "Milestone",
      defaultTolerance: 0.05,
    });
  });
});
