/**
 * Every error the Excel layer raises for the user carries a code from its catalogue
 * (src/workbook/errorCodes.ts); the pane decides on the code, and the message is unchanged.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createMemoryExcel, MemoryWorkbook } from "../../src/memory-excel";
import { createExcelHost, WorkbookError } from "../../src/workbook";
import { WORKBOOK_CODES } from "../../src/workbook/errorCodes";
import { readRegister } from "../../src/contract";
import { PERIOD, syntheticBook } from "./fixtures";

const WORKBOOK_SRC = join(__dirname, "../../src/workbook");
const CLASSES = ["WorkbookError", "AuditRangeError", "ReportDialogError"];

/**
 * Each `new XError(` of the layer's three classes, and each call of the report dialog's `fail` and
 * `refuse` (which build a ReportDialogError), with the first argument it is given. The helpers'
 * own `new ReportDialogError(code, …)` pass their parameter, typed as a catalogued code.
 */
function throwSites(): { file: string; first: string }[] {
  const pattern = new RegExp(`(?:new (?:${CLASSES.join("|")})|\\bfail|\\brefuse)\\(\\s*([^,)]*)`, "g");
  return readdirSync(WORKBOOK_SRC)
    .filter((name) => name.endsWith(".ts"))
    .flatMap((name) =>
      [...readFileSync(join(WORKBOOK_SRC, name), "utf8").matchAll(pattern)].map((m) => ({
        file: name,
        first: (m[1] ?? "").trim(),
      })),
    )
    .filter((s) => !/^code(?:: WorkbookCode)?$/.test(s.first));
}

const NOW = new Date(2026, 10, 25, 14, 5);
const host = (book: MemoryWorkbook): ReturnType<typeof createExcelHost> =>
  createExcelHost(createMemoryExcel({ book }).run, { user: () => "Jane Smith", now: () => NOW });

describe("the Excel layer's error codes", () => {
  test("every throw site gives a code literal from the catalogue", () => {
    const sites = throwSites();
    expect(sites.length).toBeGreaterThan(25);
    const uncatalogued = sites.filter(
      (s) => !/^"[A-Z_]+"$/.test(s.first) || !(s.first.slice(1, -1) in WORKBOOK_CODES),
    );
    expect(uncatalogued).toEqual([]);
  });

  test("every catalogued code is raised somewhere", () => {
    const used = new Set(throwSites().map((s) => s.first.slice(1, -1)));
    expect(Object.keys(WORKBOOK_CODES).filter((c) => !used.has(c))).toEqual([]);
  });

  test("no PerfTargets table: the pane's fatal code, and refresh refuses with its message", async () => {
    const h = host(MemoryWorkbook.blank());
    const read = readRegister(await h.read());
    expect(read.fatal?.code).toBe("TARGETS_TABLE_MISSING");
    const thrown = await h.refresh(PERIOD, { rerate: false }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(WorkbookError);
    expect(thrown).toMatchObject({ code: "REGISTER_UNREADABLE", message: read.fatal?.message });
  });

  test("a period that does not parse: PERIOD_INVALID, quoting it", async () => {
    const thrown = await host(syntheticBook(3))
      .refresh("Q5 2015", { rerate: false })
      .catch((e: unknown) => e);
    expect(thrown).toMatchObject({ code: "PERIOD_INVALID", message: expect.stringMatching(/Q5 2015/) });
  });

  test("a sheet of the user's with the report's name: SHEET_NOT_REPORT, the sheet kept", async () => {
    const book = syntheticBook(3);
    book.addSheet(`PerfReport ${PERIOD}`);
    book.setCellInput(`PerfReport ${PERIOD}`, 1, 0, "my own notes");
    const thrown = await host(book)
      .refresh(PERIOD, { rerate: true })
      .catch((e: unknown) => e);
    expect(thrown).toMatchObject({ code: "SHEET_NOT_REPORT" });
    expect(book.cellView(`PerfReport ${PERIOD}`, 1, 0).value).toBe("my own notes");
  });
});
