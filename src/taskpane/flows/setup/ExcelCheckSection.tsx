/**
 * Set up → "Check this Excel": runs the real-Excel check (src/workbook/excelCheck, the same checks
 * as the Script Lab snippet docs/real-excel-check.yaml) on scratch sheets, and shows PASS or FAIL
 * per behaviour with what was seen, under the Excel build and platform it ran on. In the browser
 * preview it runs against the in-memory Excel, where every check passes.
 */
import { Badge, Body1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import {
  formatCheckReport,
  runExcelChecks,
  EXCEL_CHECKS,
  type CheckHost,
  type CheckReport,
  type CheckResult,
  type CheckRun,
} from "../../../workbook/excelCheck";
import { ActionButton, PaneSection } from "../../components";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";

/** What the pane needs to run the check: Excel.run (or the in-memory Excel's) and which Excel. */
export interface ExcelCheckService {
  readonly run: CheckRun;
  readonly host: CheckHost;
}

const useStyles = makeStyles({
  item: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
});

function hostLine(host: CheckHost): string {
  return `${host.application}${host.platform ? ` (${host.platform})` : ""}${host.build ? `, build ${host.build}` : ""}`;
}

export function ExcelCheckSection(props: { service: ExcelCheckService }) {
  const pane = usePane();
  const s = useStyles();
  const shared = useSharedStyles();
  const { service } = props;
  const [done, setDone] = useState<readonly CheckResult[]>([]);
  const [report, setReport] = useState<CheckReport | null>(null);
  const shown = report?.results ?? done;
  return (
    <PaneSection
      id="setup-check"
      title="Check this Excel"
      spacing="below"
      caption={
        <>
          Before a quarter&apos;s run, check that this Excel behaves as PerfCycle expects:{" "}
          {EXCEL_CHECKS.length} checks on scratch sheets that are deleted afterwards (about a minute; your
          sheets are not touched). The same check runs in Script Lab (docs/real-excel-check.md).
        </>
      }
    >
      <div>
        <ActionButton
          action="Checking this Excel"
          onRun={async () => {
            setReport(null);
            setDone([]);
            const r = await runExcelChecks(service.run, {
              host: service.host,
              onResult: (one) => setDone((prev) => [...prev, one]),
            });
            setReport(r);
            pane.notify({
              intent: r.failed === 0 ? "success" : "warning",
              title:
                r.failed === 0
                  ? "This Excel passed every check"
                  : `${r.failed} of ${r.results.length} checks failed`,
              text: formatCheckReport(r)[0] ?? "",
            });
          }}
        >
          Check this Excel
        </ActionButton>
      </div>
      {shown.length > 0 ? (
        <>
          <Body1 role="status">
            {report
              ? `${hostLine(report.host)}: ${report.passed} passed, ${report.failed} failed.`
              : `${hostLine(service.host)}: ${shown.length} of ${EXCEL_CHECKS.length} checks done…`}
          </Body1>
          <ul className={shared.plainList} aria-label="Check results">
            {shown.map((r) => (
              <li key={r.id} className={s.item}>
                <Badge appearance="filled" color={r.pass ? "success" : "danger"}>
                  {r.pass ? "PASS" : "FAIL"}
                </Badge>
                <Body1>
                  <strong>{r.id}</strong>: {r.saw}.{r.pass ? null : ` Expected: ${r.expected}`}
                </Body1>
              </li>
            ))}
          </ul>
          {report && report.leftover.length > 0 ? (
            <Body1>Delete these scratch sheets by hand: {report.leftover.join(", ")}.</Body1>
          ) : null}
        </>
      ) : null}
    </PaneSection>
  );
}
