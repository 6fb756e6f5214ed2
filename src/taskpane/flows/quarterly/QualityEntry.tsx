/**
 * Quarterly flow: the quality of each figure entered for the quarter (semantics.md, "Data
 * quality"): Validated, Provisional, Estimated, Late or Partial, beside the figure, written to
 * PerfActuals' Quality column (added at the end when absent; Validated is a blank). A figure of
 * any quality but Validated is rated as usual and flagged in every output.
 */
import { Body1, Caption1 } from "@fluentui/react-components";
import { useState } from "react";
import { formatQuarter, QUALITIES, type Quality, type Quarter } from "../../../engine";
import { ActionButton, PaneSection } from "../../components";
import { plural } from "../../format";
import { entryRows, type EntryRow } from "../../model/actuals";
import { usePane } from "../../state";
import { QualityTable, shownFigure } from "./QualityTable";

const CAPTION = (
  <>
    Mark a figure that is not final. It is rated as usual, and the report, the Review and the committee report
    say it is{" "}
    {QUALITIES.filter((q) => q !== "Validated")
      .join(", ")
      .toLowerCase()}
    .
  </>
);

export function QualityEntry(props: { quarter: Quarter }) {
  const pane = usePane();
  const register = pane.data?.read.register ?? null;
  const [chosen, setChosen] = useState<Readonly<Record<string, Quality>>>({});
  if (!register) return null;
  const sm = register.settings.startMonth;
  const period = formatQuarter(props.quarter, sm);
  const rows = entryRows(register, props.quarter).filter((r) => shownFigure(r) !== null);
  const current = (r: EntryRow): Quality => r.existing?.quality ?? "Validated";
  const changed = rows.filter((r) => chosen[r.key] !== undefined && chosen[r.key] !== current(r));
  const setQuality = pane.host.setQuality?.bind(pane.host);
  return (
    <PaneSection id="quality-h" title="Quality of the figures" caption={CAPTION}>
      {rows.length === 0 ? (
        <Body1>No figures for {period} yet: enter them first.</Body1>
      ) : (
        <QualityTable
          rows={rows}
          period={period}
          quality={(r) => chosen[r.key] ?? current(r)}
          onQuality={(r, q) => setChosen((c) => ({ ...c, [r.key]: q }))}
        />
      )}
      {!setQuality ? (
        <Caption1>This host cannot write quality; type it in PerfActuals&apos; Quality column.</Caption1>
      ) : null}
      <div>
        <ActionButton
          action="Saving the quality of the figures"
          disabled={!setQuality || changed.length === 0}
          onRun={async () => {
            if (!setQuality) throw new Error("This host cannot write quality.");
            const r = await setQuality(
              changed.map((row) => ({
                indicatorId: row.indicatorId,
                orgUnit: row.orgUnit,
                period,
                quality: chosen[row.key] ?? "Validated",
              })),
            );
            setChosen({});
            await pane.reload();
            pane.notify({
              intent: r.errors.length > 0 ? "warning" : "success",
              title: "Quality saved",
              text:
                r.errors.length > 0
                  ? r.errors.map((e) => e.message).join(" ")
                  : `${plural(r.changed, "figure")} marked in PerfActuals. Refresh the report to show it.`,
            });
          }}
        >
          Save quality{changed.length > 0 ? ` (${plural(changed.length, "change")})` : ""}
        </ActionButton>
      </div>
    </PaneSection>
  );
}
