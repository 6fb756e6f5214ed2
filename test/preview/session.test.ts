/**
 * The preview's session: the sample loaded through the real workbook layer over the in-memory
 * Excel, example PERF formulas computed by the functions' own code, and the workbook kept in
 * local storage (a saved workbook that cannot be read is reported, not used).
 */
import { readRegister, sampleWorkbook } from "../../src/contract";
import { PERF_FUNCTIONS } from "../../src/functions/registry";
import { FUNCTIONS_SHEET, sampleSession } from "../../src/preview/session";
import { loadSaved, save, STORAGE_KEY, type Store } from "../../src/preview/storage";

function memoryStore(): Store & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

test("a new preview workbook holds the sample, read back by the contract as the sample", async () => {
  const s = await sampleSession(() => "Tester");
  const read = readRegister(await s.host.read());
  const sample = readRegister(sampleWorkbook());
  expect(read.errors).toEqual([]);
  expect(read.register?.targets.map((t) => [t.indicatorId, t.orgUnit, t.target])).toEqual(
    sample.register?.targets.map((t) => [t.indicatorId, t.orgUnit, t.target]),
  );
  expect(read.register?.actuals.length).toBe(sample.register?.actuals.length);
  expect(s.excel.book.sheet("Sheet1")).toBeUndefined();
});

test("the example formulas are computed by the PERF functions themselves", async () => {
  const s = await sampleSession(() => "Tester");
  const quarter = PERF_FUNCTIONS.QUARTER?.("30/06/2015") as unknown[][];
  expect(s.excel.book.cellView(FUNCTIONS_SHEET, 3, 2).value).toBe(quarter[0]?.[0]);
  const rate = PERF_FUNCTIONS.RATE?.(31, 274) as unknown[][];
  const view = s.excel.book.cellView(FUNCTIONS_SHEET, 5, 2);
  expect(view.value).toBe(rate[0]?.[0]);
  expect(view.text).toBe("11.3%");
  const typo = s.excel.book.cellView(FUNCTIONS_SHEET, 10, 2);
  expect(typo.value).toBe("#VALUE!");
  expect(s.formulas.message(FUNCTIONS_SHEET, "C11")).toContain("Hihger");
});

test("the workbook comes back from storage as it was saved", async () => {
  const s = await sampleSession(() => "Tester");
  await s.host.refresh("2015-16 Q2", { rerate: false });
  const store = memoryStore();
  expect(save(store, s.excel.book).ok).toBe(true);
  const back = loadSaved(store);
  expect(back.problem).toBeNull();
  const names = (b: typeof s.excel.book): string[] => b.sheetInfos().map((x) => x.name);
  expect(back.book && names(back.book)).toEqual(names(s.excel.book));
  const report = s.excel.book.sheetInfos().find((x) => x.name.startsWith("PerfReport"));
  if (!report || !back.book) throw new Error("report sheet");
  for (let r = 0; r < report.rowCount; r++) {
    for (let c = 0; c < report.colCount; c++) {
      expect(back.book.cellView(report.name, r, c)).toEqual(s.excel.book.cellView(report.name, r, c));
    }
  }
});

test("a saved workbook that cannot be read is reported, and nothing is opened from it", () => {
  const store = memoryStore();
  store.setItem(STORAGE_KEY, '{"format":"something else"}');
  const r = loadSaved(store);
  expect(r.book).toBeNull();
  expect(r.problem).toMatch(/Not a saved PerfCycle preview workbook/);
  expect(loadSaved(memoryStore())).toEqual({ book: null, problem: null });
});
