/**
 * Refresh: the report sheet of a quarter, a frozen snapshot. A refresh of a quarter that has a
 * report keeps it ("kept") unless `rerate` is set; the new report is built on a hidden sheet and
 * swapped in by the last operations of the last sync, so a failure leaves the old report.
 */
import { buildReport, formatQuarter, parsePeriod, type Quarter } from "../engine";
import { readRegister, reportSheet, type ContractError, type RefreshResult } from "../contract";
import { WriteBatch } from "./batch";
import { WorkbookError, type HostContext } from "./context";
import { CONTRACT_READ, readTables } from "./read";
import {
  isProvenance,
  isTempSheet,
  provenanceText,
  REPORT_HEADER_ROW,
  REPORT_SHEET_PREFIX,
  reportSheetName,
  summaryText,
  tempSheetName,
  writeReport,
} from "./reportSheet";
import { sheetNamed, type Discovery } from "./tables";

interface ReportMarker {
  readonly marker: unknown;
  readonly lastRow: number;
}

/** Queue the existing reports' marker cells (A2) and used rows, read with the layouts. */
function queueReportMarkers(context: Excel.RequestContext, d: Discovery): () => Map<string, ReportMarker> {
  const reports = d.sheets
    .filter((s) => s.name.startsWith(REPORT_SHEET_PREFIX))
    .map((s) => {
      const sheet = context.workbook.worksheets.getItem(s.name);
      return {
        name: s.name,
        marker: sheet.getRange("A2").load("values"),
        used: sheet.getUsedRange(true).load("rowCount, rowIndex"),
      };
    });
  return () =>
    new Map(
      reports.map((x) => [
        x.name.toLowerCase(),
        { marker: x.marker.values[0]?.[0], lastRow: x.used.rowIndex + x.used.rowCount },
      ]),
    );
}

function quarterToReport(periodText: string, startMonth: number, fallback: Quarter | null): Quarter {
  if (periodText.trim() !== "") {
    const p = parsePeriod(periodText, { startMonth });
    if (!p.ok) throw new WorkbookError(`Period to refresh: ${p.error.message}`);
    return p.value;
  }
  if (!fallback)
    throw new WorkbookError("Choose the quarter to report: PerfSettings has no ReportingPeriod.");
  return fallback;
}

export function refresh(
  h: HostContext,
  periodText: string,
  refreshOptions: { readonly rerate: boolean },
): Promise<RefreshResult> {
  return h.run(async (context) => {
    const r = await readTables(h, context, CONTRACT_READ, [], (d) => queueReportMarkers(context, d));
    const read = readRegister({ tables: [...r.tables.values()] });
    if (!read.register) {
      throw new WorkbookError(read.fatal?.message ?? "This workbook has no PerfTargets table.");
    }
    const settings = read.register.settings;
    const quarter = quarterToReport(periodText, settings.startMonth, settings.reportingPeriod);
    const label = formatQuarter(quarter, settings.startMonth);
    const name = reportSheetName(label);
    const existing = sheetNamed(r.discovery, name);
    const found = r.extra?.get(name.toLowerCase());
    if (existing && !isProvenance(found?.marker)) {
      throw new WorkbookError(
        `The sheet '${existing.name}' is not a PerfCycle report (its A2 is not "Rated by PerfCycle…"), so PerfCycle will not replace it: rename it, then refresh.`,
      );
    }
    const errors: ContractError[] = [...read.errors];
    if (existing && !refreshOptions.rerate) {
      const rows = Math.max(0, (found?.lastRow ?? 0) - (REPORT_HEADER_ROW + 1));
      return { period: label, rows, snapshot: "kept", sheet: existing.name, errors };
    }
    const report = buildReport(read.register, quarter);
    errors.push(...report.errors);
    const data = reportSheet(report);
    const batch = new WriteBatch(context, h.budget);
    const sheets = context.workbook.worksheets;
    const temp = tempSheetName(label);
    for (const s of r.discovery.sheets) {
      if (isTempSheet(s.name) && s.name.toLowerCase() === temp.toLowerCase()) {
        batch.small();
        sheets.getItem(s.name).delete(); // left by a refresh that failed
      }
    }
    batch.small();
    const sheet = sheets.add(temp);
    sheet.visibility = "Hidden";
    const provenance = provenanceText({
      rule: settings.rule,
      scheme: settings.scheme,
      when: h.options.now(),
      who: h.options.user(),
    });
    await writeReport(batch, sheet, data, { provenance, summary: summaryText(report.summary) }, h.budget);
    // The swap: the last operations of the last sync.
    batch.small();
    sheet.visibility = "Visible";
    if (existing) sheets.getItem(existing.name).delete();
    sheet.name = name;
    if (existing) sheet.position = existing.position;
    sheet.activate();
    await batch.finish();
    const snapshot = existing ? "replaced" : "created";
    return { period: label, rows: data.rows.length, snapshot, sheet: name, errors };
  });
}
