/**
 * The published-figure check over every sheet of the workbook (hidden ones too), or over the
 * selected range: each finding names its sheet and cell, and its button selects the cell.
 */
import { useState } from "react";
import { checkSheets, scanPublished } from "../../../contract";
import { ActionButton, PaneSection } from "../../components";
import { selectionAddress } from "../../model/actuals";
import { usePane } from "../../state";
import { PublishedFindings, type CheckedFigures } from "./PublishedFindings";
import { useReviewStyles } from "./review.styles";

const CAPTION =
  "Every percentage printed beside its numerator and denominator, under its n/d row, or in text such as 31 of 274 (11.3%) is recomputed at the precision it was published with, on every sheet of the workbook, hidden sheets included (or only in the selected range).";

export function PublishedCheck() {
  const pane = usePane();
  const s = useReviewStyles();
  const [checked, setChecked] = useState<CheckedFigures | null>(null);
  return (
    <PaneSection id="published-h" title="Published-figure check" caption={CAPTION}>
      <div className={s.buttons}>
        <ActionButton
          appearance="primary"
          action="Checking the published figures on every sheet"
          onRun={async () => {
            const sheets = await pane.host.readSheets();
            setChecked({
              where: "Every sheet",
              sheets: sheets.length,
              hidden: sheets.filter((x) => x.hidden === true).map((x) => x.name),
              partial: sheets.flatMap((x) =>
                x.unreadRows !== undefined ? [{ name: x.name, rows: x.unreadRows }] : [],
              ),
              findings: checkSheets(sheets),
            });
          }}
        >
          Check every sheet
        </ActionButton>
        <ActionButton
          action="Checking the published figures"
          onRun={async () => {
            const sel = await pane.host.readSelection();
            setChecked({
              where: selectionAddress(sel),
              sheets: 1,
              hidden: [],
              partial: [],
              findings: scanPublished(sel.sheet, sel.values, undefined, sel.address),
            });
          }}
        >
          Check selected range
        </ActionButton>
      </div>
      {checked ? <PublishedFindings checked={checked} /> : null}
    </PaneSection>
  );
}
