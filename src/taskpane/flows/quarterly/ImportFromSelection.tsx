/**
 * Import a wide table (indicators down, quarters across) from the selected range: read it with
 * the contract's import rules, list what was found, then write the figures to PerfActuals.
 */
import { useState } from "react";
import { ActionButton, PaneSection } from "../../components";
import { plural } from "../../format";
import { dryRun, importInputs, importSelection } from "../../model/actuals";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";
import { appendNotice } from "./appendNotice";
import { ImportFindings, type FoundImport } from "./ImportFindings";

const CAPTION = (
  <>
    Select a table as published (indicators down, quarters across, with its header row) in the workbook, then
    read it. Headers may be quarter labels, quarter-end dates or months; cells numbers, 12.4%, 31/274 or
    &quot;awaiting data&quot;.
  </>
);

export function ImportFromSelection() {
  const pane = usePane();
  const s = useSharedStyles();
  const [found, setFound] = useState<FoundImport | null>(null);
  const sm = pane.data?.read.register?.settings.startMonth ?? 4;

  return (
    <PaneSection id="import-h" title="Import a wide table" caption={CAPTION}>
      <div className={s.buttons}>
        <ActionButton
          action="Reading the selected range"
          onRun={async () => {
            const selection = await pane.host.readSelection();
            const result = importSelection(selection, sm);
            const problems =
              pane.data && result.errors.length === 0 ? dryRun(pane.data.book, importInputs(result), sm) : [];
            setFound({ selection, result, problems });
          }}
        >
          Read selected range
        </ActionButton>
        {found ? (
          <ActionButton
            appearance="primary"
            action="Importing the actuals"
            disabled={found.result.errors.length > 0 || found.result.rows.length === 0}
            onRun={async () => {
              const r = await pane.host.appendActuals(importInputs(found.result));
              setFound(null);
              await pane.reload();
              pane.notify(
                appendNotice("Wide table imported", r, "in PerfActuals. Refresh the report to rate them."),
              );
            }}
          >
            Import {plural(found.result.rows.length, "figure")}
          </ActionButton>
        ) : null}
      </div>
      {found ? <ImportFindings found={found} /> : null}
    </PaneSection>
  );
}
