/**
 * Actuals for the quarter: type a figure per indicator or paste a block copied from a
 * spreadsheet; problems are listed as they are typed, and Save writes the figures to PerfActuals.
 */
import { Body1 } from "@fluentui/react-components";
import type { Quarter } from "../../../engine";
import { ActionButton, PaneSection, ProblemList } from "../../components";
import { parseEntries, type ParsedEntries } from "../../model/actuals";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";
import { appendNotice } from "./appendNotice";
import { EntryTable } from "./EntryTable";
import { useEntryGrid } from "./useEntryGrid";

const CAPTION =
  "Type a figure per indicator, or paste cells copied from a spreadsheet into the first cell (values down, or value, numerator and denominator across). A rate is a percentage (11.3), or its numerator and denominator.";

function EntryProblems(props: { parsed: ParsedEntries }) {
  const s = useSharedStyles();
  return (
    <ProblemList
      label="Problems in the figures typed"
      items={[
        ...props.parsed.errors.map((e, i) => ({
          key: `e${i}`,
          text: (
            <>
              <span className={s.error}>Error</span> {e.indicatorId} ({e.orgUnit}), {e.column}: {e.message}
            </>
          ),
        })),
        ...props.parsed.warnings.map((w, i) => ({
          key: `w${i}`,
          text: (
            <>
              Note: {w.indicatorId} ({w.orgUnit}), {w.column}: {w.message}
            </>
          ),
        })),
      ]}
    />
  );
}

export function EntryGrid(props: { quarter: Quarter; period: string }) {
  const pane = usePane();
  const s = useSharedStyles();
  const { rows, texts, parsed, set, onPaste } = useEntryGrid(props.quarter, props.period);
  const changed = parsed.inputs.length + parsed.errors.length;
  const title = <>Actuals for {props.period}</>;

  if (rows.length === 0) {
    return (
      <PaneSection id="entry-h" title={title}>
        <Body1>No targets are set for this quarter&apos;s year. Add targets first (Targets).</Body1>
      </PaneSection>
    );
  }

  return (
    <PaneSection id="entry-h" title={title} caption={CAPTION}>
      <EntryTable rows={rows} texts={texts} period={props.period} onText={set} onPaste={onPaste} />
      <EntryProblems parsed={parsed} />
      <div className={s.buttons}>
        <ActionButton
          appearance="primary"
          action="Saving the actuals"
          disabled={parsed.inputs.length === 0 || parsed.errors.length > 0}
          onRun={async () => {
            const p = parseEntries(rows, texts, props.period);
            if (p.errors.length > 0) return;
            const r = await pane.host.appendActuals(p.inputs);
            await pane.reload();
            pane.notify(
              appendNotice(
                "Actuals saved",
                r,
                `in PerfActuals for ${props.period}. Refresh the report to rate them.`,
              ),
            );
          }}
        >
          Save actuals{changed > 0 ? ` (${parsed.inputs.length})` : ""}
        </ActionButton>
      </div>
    </PaneSection>
  );
}
