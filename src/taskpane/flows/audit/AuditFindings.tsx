/** The audit's finding: the verdict, the rows that disagree or cannot be rated, the arithmetic, and the export for the board. */
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import { PERFCYCLE_VERSION, type AuditResult } from "../../../contract";
import { auditHtml } from "../../../present";
import { ActionButton } from "../../components";
import { fileName } from "../../format";
import { usePane } from "../../state";
import { useAuditStyles } from "./audit.styles";
import { ArithmeticFindings } from "./ArithmeticFindings";
import { DisagreeingRows } from "./DisagreeingRows";
import { UnratedRows } from "./UnratedRows";
import { verdict } from "./model";

function ExportAudit(props: { result: AuditResult }) {
  const pane = usePane();
  const { result } = props;
  return (
    <div>
      <ActionButton
        action="Exporting the audit"
        onRun={async () => {
          const download = pane.services.download;
          if (!download) throw new Error("This host cannot save files.");
          const html = auditHtml({
            result,
            source: pane.services.workbookName ?? "This workbook",
            generated: pane.services.now?.() ?? new Date(),
            version: PERFCYCLE_VERSION,
          });
          const name = fileName(`PerfCycle audit ${result.sheet}.html`);
          download(html, name, "text/html");
          pane.notify({ intent: "success", title: "Audit exported", text: name });
          await Promise.resolve();
        }}
      >
        Export the finding for the board
      </ActionButton>
    </div>
  );
}

export function AuditFindings(props: { result: AuditResult }) {
  const s = useAuditStyles();
  const { result } = props;
  return (
    <div className={s.fields} aria-live="polite">
      <Subtitle2 as="h3">Finding</Subtitle2>
      <Body1 block className={s.verdict}>
        {verdict(result)}
      </Body1>
      <Caption1 block>
        Rated by the {result.rule === "ToleranceBand" ? "tolerance band" : result.rule.toLowerCase()} rule,{" "}
        {result.toleranceText}
        {result.summary.fromFill > 0
          ? `; ${result.summary.fromFill} status${result.summary.fromFill === 1 ? "" : "es"} read from fill colour`
          : ""}
        .
      </Caption1>
      <DisagreeingRows result={result} />
      <UnratedRows result={result} />
      <ArithmeticFindings result={result} />
      <ExportAudit result={result} />
    </div>
  );
}
