/**
 * Refresh: the report sheet of a quarter, a frozen snapshot. A refresh of a quarter that has a
 * report keeps it ("kept") unless `rerate` is set; the new report is built on a hidden sheet and
 * swapped in by the last operations of the last sync, so a failure leaves the old report.
 */
import { buildReport, formatQuarter, parsePeriod, type Quarter } from "../engine";
import { readRegister, type ContractError, type RefreshResult } from "../contract";
import { reportSheet, type ReportSheet } from "../present";
import { localAddress } from "./address";
import { WriteBatch } from "./batch";
import { asText } from "./cells";
import { WorkbookError, type HostContext } from "./context";
import { CONTRACT_READ, readForWrite } from "./read";
import {
  isProvenance,
  isTempSheet,
  PROVENANCE_PREFIX,
  provenanceText,
  queueSheetView,
  REPORT_HEADER_ROW,
  REPORT_SHEET_PREFIX,
  reportSheetName,
  summaryText,
  tempSheetName,
  writeReport,
} from "./reportSheet";
import { sheetNamed, type Discovery } from "./tables";
import { TableWriter } from "./write";

interface ReportMarker {
  readonly marker: unknown;
  /** Rows and columns from A1 to the last used cell. */
  readonly lastRow: number;
  readonly lastCol: number;
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
        used: sheet.getUsedRange().load("rowCount, rowIndex, columnCount, columnIndex"),
      };
    });
  return () =>
    new Map(
      reports.map((x) => [
        x.name.toLowerCase(),
        {
          marker: x.marker.values[0]?.[0],
          lastRow: x.used.rowIndex + x.used.rowCount,
          lastCol: x.used.columnIndex + x.used.columnCount,
        },
      ]),
    );
}

function quarterToReport(periodText: string, startMonth: number, fallback: Quarter | null): Quarter {
  if (periodText.trim() !== "") {
    const p = parsePeriod(periodText, { startMonth });
    if (!p.ok) throw new WorkbookError("PERIOD_INVALID", `Period to refresh: ${p.error.message}`);
    return p.value;
  }
  if (!fallback)
    throw new WorkbookError(
      "PERIOD_NEEDED",
      "Choose the quarter to report: PerfSettings has no ReportingPeriod.",
    );
  return fallback;
}

export function refresh(
  h: HostContext,
  periodText: string,
  refreshOptions: { readonly rerate: boolean },
): Promise<RefreshResult> {
  return h.run(async (context) => {
    const r = await readForWrite(h, context, CONTRACT_READ, [], (d) => queueReportMarkers(context, d));
    r.upgrade.refuseNewer();
    const read = readRegister({ tables: [...r.tables.values()] });
    if (!read.register) {
      throw new WorkbookError(
        "REGISTER_UNREADABLE",
        read.fatal?.message ?? "This workbook has no PerfTargets table.",
      );
    }
    const settings = read.register.settings;
    const quarter = quarterToReport(periodText, settings.startMonth, settings.reportingPeriod);
    const label = formatQuarter(quarter, settings.startMonth);
    const name = reportSheetName(label);
    const existing = sheetNamed(r.discovery, name);
    const found = r.extra?.get(name.toLowerCase());
    if (existing && !isProvenance(found?.marker)) {
      throw new WorkbookError(
        "SHEET_NOT_REPORT",
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
    const provenance = provenanceText({
      rule: settings.rule,
      scheme: settings.scheme,
      when: h.options.now(),
      who: h.options.user(),
    });
    const lines = { provenance, summary: summaryText(report.summary) };
    const batch = new WriteBatch(context, h.budget);
    // The upgrade's columns and settings go first in the report's own batch (no probe: upgrade.ts).
    const writer = new TableWriter(context, batch);
    r.upgrade.queue(context, batch, writer);
    await writer.flush();
    const sheets = context.workbook.worksheets;
    const temp = tempSheetName(label);
    for (const s of r.discovery.sheets) {
      if (isTempSheet(s.name) && s.name.toLowerCase() === temp.toLowerCase()) {
        batch.small();
        sheets.getItem(s.name).delete(); // left by a refresh that failed
      }
    }
    if (!existing) await createReport(batch, sheets, { temp, name, data, lines, budget: h.budget });
    else if (h.options.isSetSupported?.("ExcelApi", "1.9") ?? true) {
      await rebuildByCopy(batch, sheets, {
        temp,
        name: existing.name,
        data,
        lines,
        budget: h.budget,
        old: found,
      });
    } else {
      await rebuildInPlace(batch, sheets.getItem(existing.name), {
        data,
        lines,
        budget: h.budget,
        old: found,
      });
    }
    await batch.finish();
    const snapshot = existing ? "replaced" : "created";
    return { period: label, rows: data.rows.length, snapshot, sheet: name, errors };
  });
}

interface Build {
  readonly data: ReportSheet;
  readonly lines: { readonly provenance: string; readonly summary: string };
  readonly budget: number;
}

/** A first report: built on a hidden sheet, shown and named in the last operations of the batch. */
async function createReport(
  batch: WriteBatch,
  sheets: Excel.WorksheetCollection,
  b: Build & { readonly temp: string; readonly name: string },
): Promise<void> {
  batch.small();
  const sheet = sheets.add(b.temp);
  sheet.visibility = "Hidden";
  await writeReport(batch, sheet, b.data, b.lines, b.budget);
  batch.small();
  sheet.visibility = "Visible";
  sheet.name = b.name;
  queueSheetView(batch, sheet, b.data); // after it is visible (freeze-hidden-sheet)
  sheet.activate();
}

/**
 * Re-rate (ExcelApi 1.9): the new report is built on a hidden scratch sheet, then copied over
 * the old one's cells by ONE `Range.copyFrom` (values, formats, conditional formats), covering the
 * old report's extent too so no old row is left below. The report sheet itself is never deleted,
 * so formulas, charts and links to it stay valid; a failure before the copy leaves the old report
 * (the scratch sheet stays hidden and the next refresh removes it).
 */
async function rebuildByCopy(
  batch: WriteBatch,
  sheets: Excel.WorksheetCollection,
  b: Build & { readonly temp: string; readonly name: string; readonly old: ReportMarker | undefined },
): Promise<void> {
  batch.small();
  const scratch = sheets.add(b.temp);
  scratch.visibility = "Hidden";
  await writeReport(batch, scratch, b.data, b.lines, b.budget);
  const rows = Math.max(b.old?.lastRow ?? 0, REPORT_HEADER_ROW + 1 + b.data.rows.length);
  const cols = Math.max(b.old?.lastCol ?? 0, b.data.headers.length, 1);
  const extent = localAddress(0, 0, rows, cols);
  batch.small();
  const target = sheets.getItem(b.name);
  target.getRange(extent).copyFrom(scratch.getRange(extent), "All");
  queueSheetView(batch, target, b.data);
  scratch.delete();
  target.activate();
}

/**
 * Re-rate without ExcelApi 1.9 (no copyFrom): the report is rewritten on its own sheet, so links
 * to it stay valid. Excel applies a batch's operations in order, so A2 says the re-rate is under
 * way until the last operation writes the provenance: a failure leaves a report that says so.
 */
async function rebuildInPlace(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  b: Build & { readonly old: ReportMarker | undefined },
): Promise<void> {
  batch.small();
  sheet.getRange("A2").values = [[asText(REBUILDING)]];
  const rows = Math.max(b.old?.lastRow ?? 0, 1);
  const cols = Math.max(b.old?.lastCol ?? 0, 1);
  sheet.getRange(localAddress(REPORT_HEADER_ROW, 0, Math.max(1, rows - REPORT_HEADER_ROW), cols)).clear();
  sheet.getRange("A1:A3").clear();
  await writeReport(batch, sheet, b.data, { ...b.lines, provenance: REBUILDING }, b.budget);
  queueSheetView(batch, sheet, b.data);
  batch.small();
  sheet.getRange("A2").values = [[asText(b.lines.provenance)]];
  sheet.activate();
}

/** A2 while a re-rate without copyFrom is under way (not a provenance line: refresh refuses to keep it). */
const REBUILDING = `${PROVENANCE_PREFIX}(re-rating in progress: if this line stays, the re-rate did not finish; re-rate the quarter again)`;
