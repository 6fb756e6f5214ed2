/** The small wide tables (indicators down, quarters across) the import tests read and import. */
import { writeFileSync } from "node:fs";
import { Workbook } from "exceljs";
import { workbookBuffer } from "../../src/cli/xlsx";
export const WIDE_CSV = [
  "IndicatorId,Indicator,OrgUnit,2015-16 Q1,30/09/2015,Dec-15",
  'EH-EHA,Early Help Assessments completed,City,187,206,"1,250"',
  'FAM-RESPECT,"Families treated with respect, East",East Cluster,,40/50,awaiting data',
  "CS-ESC,Escalations,City,31/274,18/206,",
  "",
].join("\r\n");

/** A wide .xlsx written by ExcelJS: a notes sheet, then "Wide" with a bad header and an injection. */
export async function wideXlsx(path: string): Promise<void> {
  const wb = new Workbook();
  wb.addWorksheet("Notes").getRow(1).getCell(1).value = "Returns from the clusters";
  const ws = wb.addWorksheet("Wide");
  ws.getRow(1).values = [
    "Code",
    "Measure",
    "Cluster",
    "Q1 2015/16",
    new Date(Date.UTC(2015, 8, 30)),
    "31/12/213",
  ];
  ws.getRow(2).values = ["CC-REACH", "Reach", "North Cluster", "12.4%", 0.2, "n/a"];
  ws.getRow(3).values = ["=cmd|' /C calc'!A0", "Injected", "City", 5, 6, null];
  writeFileSync(path, await workbookBuffer(wb));
}
