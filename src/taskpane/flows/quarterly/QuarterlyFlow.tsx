/**
 * Flow 3, Quarterly update: choose the quarter; type or paste the actuals into a small grid, or
 * import a wide table from the selected range (the contract's import rules, errors listing the
 * cell and its text); refresh the report sheet (a frozen report is kept; re-rating is an explicit
 * action with a confirmation); and commentary and action for every Amber and Red row.
 */
import { Body1 } from "@fluentui/react-components";
import { parsePeriod } from "../../../engine";
import { QuarterPicker } from "../../components";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";
import { Commentary } from "./Commentary";
import { ComparatorImport } from "./ComparatorImport";
import { EntryGrid } from "./EntryGrid";
import { ImportFromSelection } from "./ImportFromSelection";
import { QualityEntry } from "./QualityEntry";
import { RefreshReport } from "./RefreshReport";

export function QuarterlyFlow() {
  const pane = usePane();
  const s = useSharedStyles();
  const register = pane.data?.read.register ?? null;
  if (!register || !pane.data) {
    return <Body1>Set the workbook up first (Set up), or load the sample workbook.</Body1>;
  }
  const sm = register.settings.startMonth;
  const parsed = pane.period === null ? null : parsePeriod(pane.period, { startMonth: sm });
  const quarter = parsed && parsed.ok ? parsed.value : null;
  // Forms start afresh on another quarter and after each read of the workbook that is not quiet.
  const revision = `${pane.period ?? ""}#${pane.revision}`;
  return (
    <div>
      <QuarterPicker hint="Actuals, the report and commentary are for this quarter." />
      {quarter === null || pane.period === null ? (
        <Body1>Choose the quarter to update.</Body1>
      ) : (
        <>
          <EntryGrid key={revision} quarter={quarter} period={pane.period} />
          <ImportFromSelection key={`import#${pane.period}`} />
          <QualityEntry key={`q#${revision}`} quarter={quarter} />
          <ComparatorImport />
          <RefreshReport period={pane.period} />
          <Commentary key={`c#${revision}`} quarter={quarter} />
        </>
      )}
      <div className={s.section} />
    </div>
  );
}
