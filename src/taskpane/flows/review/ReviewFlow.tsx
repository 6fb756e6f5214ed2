/**
 * Flow 4, Review: the quarter's summary counts, the exceptions (Red, Amber, No data) with the
 * one-line explanation, direction of travel and forecast, a trend chart per indicator, the data
 * errors (each selecting its cell), the published-figure check over every sheet (or the selected
 * range), each finding selecting its cell, the
 * audit log, and the committee report exported as the CLI's single-file HTML report.
 * Everything shown is the engine's report (buildReport) and the contract's checks.
 */
import { Body1 } from "@fluentui/react-components";
import { useMemo } from "react";
import { buildReport, parsePeriod } from "../../../engine";
import { reportJson } from "../../../present";
import { QuarterPicker } from "../../components";
import { usePane } from "../../state";
import { AuditReport } from "../audit/AuditReport";
import { AuditLog } from "./AuditLog";
import { CommitteeReport } from "./CommitteeReport";
import { DataErrors } from "./DataErrors";
import { EvidencePanel } from "./EvidencePanel";
import { Exceptions } from "./Exceptions";
import { PublishedCheck } from "./PublishedCheck";
import { Summary } from "./Summary";
import { Trends } from "./Trends";
import { useAuditLog } from "./useAuditLog";

export function ReviewFlow() {
  const pane = usePane();
  const register = pane.data?.read.register ?? null;
  const sm = register?.settings.startMonth ?? 4;
  const parsed = pane.period === null ? null : parsePeriod(pane.period, { startMonth: sm });
  const quarter = parsed && parsed.ok ? parsed.value : null;
  const report = useMemo(
    () => (register && quarter ? buildReport(register, quarter, { trend: true }) : null),
    [register, quarter],
  );
  const audit = useAuditLog();

  if (!register || !pane.data) {
    return (
      <div>
        <Body1>
          Set the workbook up first (Set up), or load the sample workbook, to review its targets. The
          published-figure check below works on any workbook, and so does the audit.
        </Body1>
        <PublishedCheck />
        <AuditReport />
      </div>
    );
  }
  const errors = report ? reportJson(report, pane.data.read.errors).errors : pane.data.read.errors;

  return (
    <div>
      <QuarterPicker />
      {report === null ? (
        <Body1>Choose a quarter to review.</Body1>
      ) : (
        <>
          <Summary report={report} />
          <Exceptions report={report} />
          <EvidencePanel report={report} />
          <Trends report={report} />
          <CommitteeReport report={report} errors={errors} />
        </>
      )}
      <DataErrors errors={errors} />
      <PublishedCheck />
      <AuditReport />
      <AuditLog audit={audit} />
    </div>
  );
}
