/**
 * The committee report: the CLI's single-file HTML report, delivered as this host can (a
 * download, an add-in window, or the report sheet to print).
 */
import { Body1 } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Report } from "../../../engine";
import type { ContractError } from "../../../contract";
import { ActionButton, PaneSection } from "../../components";
import { chooseReportDelivery, committeeReport, createReportExporter } from "../../exportReport";
import { fileName } from "../../format";
import { usePane } from "../../state";

const CAPTION =
  "One HTML file for the board: summary, exceptions with commentary and actions, a trend chart per indicator, data errors and target-quality findings. It prints on A4.";

function useExporter() {
  const { exportReport, download } = usePane().services;
  return useMemo(
    () =>
      exportReport ??
      createReportExporter(chooseReportDelivery({ platform: null, dialogApi: "none" }), { download }),
    [exportReport, download],
  );
}

export function CommitteeReport(props: { report: Report; errors: readonly ContractError[] }) {
  const pane = usePane();
  const exporter = useExporter();
  const { report } = props;
  return (
    <PaneSection id="export-h" title="Committee report" caption={CAPTION}>
      <Body1 id="export-how">{exporter.explanation}</Body1>
      {exporter.delivery === "sheet" ? null : (
        <div>
          <ActionButton
            appearance="primary"
            aria-describedby="export-how"
            action="Exporting the committee report"
            onRun={async () => {
              const now = pane.services.now?.() ?? new Date();
              const html = committeeReport(
                report,
                props.errors,
                pane.services.workbookName ?? "This workbook",
                now,
              );
              const name = fileName(`PerfCycle report ${report.period}.html`);
              const text = await exporter.deliver(html, name);
              pane.notify({ intent: "success", title: "Committee report exported", text });
            }}
          >
            {exporter.delivery === "dialog" ? "Open committee report" : "Export committee report"}
          </ActionButton>
        </div>
      )}
    </PaneSection>
  );
}
