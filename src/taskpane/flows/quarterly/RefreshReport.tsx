/**
 * Refresh the report sheet for the quarter; a frozen report is kept, and re-rating it is an
 * explicit action with a confirmation.
 */
import { Body1 } from "@fluentui/react-components";
import { useState } from "react";
import { ActionButton, BusyButton, ConfirmDialog, PaneSection } from "../../components";
import { plural } from "../../format";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";
import { useRefreshReport } from "./useRefreshReport";

export function RefreshReport(props: { period: string }) {
  const pane = usePane();
  const s = useSharedStyles();
  const { last, refresh } = useRefreshReport(props.period);
  const [confirm, setConfirm] = useState(false);
  const caption = (
    <>
      Refresh writes the report sheet for {props.period}. Once written, a quarter&apos;s report is frozen:
      refreshing again keeps it, and re-rating it is a separate step.
    </>
  );

  return (
    <PaneSection id="refresh-h" title="Report" caption={caption}>
      <div className={s.buttons}>
        <ActionButton appearance="primary" action="Refreshing the report" onRun={() => refresh(false)}>
          Refresh report
        </ActionButton>
        {last?.snapshot === "kept" ? (
          <BusyButton action="Re-rating the quarter" onClick={() => setConfirm(true)}>
            Re-rate this quarter…
          </BusyButton>
        ) : null}
      </div>
      {last ? (
        <Body1 aria-live="polite">
          {last.snapshot === "kept" ? "Kept" : last.snapshot === "replaced" ? "Re-rated" : "Written"}: sheet
          &quot;{last.sheet}
          &quot;, {plural(last.rows, "row")}.
        </Body1>
      ) : null}
      <ConfirmDialog
        open={confirm}
        title={`Re-rate ${props.period}?`}
        confirm="Re-rate"
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false);
          void pane.run("Re-rating the quarter", () => refresh(true));
        }}
      >
        The report for {props.period} was frozen when it was written. Re-rating replaces it with statuses
        computed from the data as it is now; commentary and actions typed in the workbook are kept.
      </ConfirmDialog>
    </PaneSection>
  );
}
