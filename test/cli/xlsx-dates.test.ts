/**
 * Dates in .xlsx files read the same in every time zone (run under three zones by
 * `npm run test:tz`): ExcelJS gives date cells as UTC midnights, and a quarter-end date header
 * becomes its quarter whatever the machine's zone.
 */
import { writeFileSync } from "node:fs";
import { Workbook } from "exceljs";
import { loadXlsx, sheetGrid, workbookBuffer } from "../../src/cli/xlsx";
import { run, tempDir } from "./helpers";

jest.setTimeout(30_000);

const dir = tempDir();
afterAll(() => dir.cleanup());

test("a quarter-end date cell reads as that day at UTC midnight", async () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Wide");
  ws.getRow(1).getCell(1).value = new Date(Date.UTC(2015, 5, 30));
  ws.getRow(1).getCell(1).numFmt = "dd/mm/yyyy";
  writeFileSync(dir.file("d.xlsx"), await workbookBuffer(wb));
  const grid = sheetGrid((await loadXlsx(dir.file("d.xlsx"))).workbook.worksheets[0]!).grid;
  expect(grid[0]?.[0]).toEqual(new Date(Date.UTC(2015, 5, 30)));
});

test("date headers import as their quarters in any time zone", async () => {
  const wb = new Workbook();
  const ws = wb.addWorksheet("Wide");
  ws.getRow(1).values = [
    "IndicatorId",
    "OrgUnit",
    new Date(Date.UTC(2015, 5, 30)),
    new Date(Date.UTC(2015, 8, 30)),
    new Date(Date.UTC(2016, 2, 31)),
  ];
  ws.getRow(2).values = ["EH-EHA", "City", 187, 206, 282];
  writeFileSync(dir.file("wide.xlsx"), await workbookBuffer(wb));
  const r = await run(["import", dir.file("wide.xlsx"), "--json", "-"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as { rows: { period: string; value: number }[] };
  expect(json.rows.map((x) => [x.period, x.value])).toEqual([
    ["2015-16 Q1", 187],
    ["2015-16 Q2", 206],
    ["2015-16 Q4", 282],
  ]);
});
