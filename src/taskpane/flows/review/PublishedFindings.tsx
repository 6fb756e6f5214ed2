/** What the published-figure check found: where it looked, sheets it could not read whole, and each finding selecting its cell. */
import { Body1 } from "@fluentui/react-components";
import { sheetAddress, type PublishedFinding } from "../../../contract";
import { ActionButton, ProblemList } from "../../components";
import { plural } from "../../format";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";

export interface CheckedFigures {
  /** What was checked: "every sheet" or the selection's address. */
  readonly where: string;
  readonly sheets: number;
  readonly hidden: readonly string[];
  /** Sheets whose used range was too big to read whole: the rows left unread. */
  readonly partial: readonly { readonly name: string; readonly rows: number }[];
  readonly findings: readonly PublishedFinding[];
}

function FindingList(props: { findings: readonly PublishedFinding[] }) {
  const pane = usePane();
  const s = useSharedStyles();
  return (
    <ProblemList
      label="Published-figure findings"
      items={props.findings.map((f, i) => ({
        key: `pf${i}`,
        text: (
          <>
            <span className={f.severity === "error" ? s.error : s.warning}>
              {f.severity === "error" ? "Error" : "Warning"}
            </span>{" "}
            {sheetAddress(f.sheet, f.cell)} &quot;{f.text}&quot;: {f.message}
          </>
        ),
        action: (
          <ActionButton
            size="small"
            appearance="subtle"
            action={`Selecting ${sheetAddress(f.sheet, f.cell)}`}
            aria-label={`Select cell: ${sheetAddress(f.sheet, f.cell)}`}
            onRun={() => pane.host.selectCell(f.sheet, f.cell)}
          >
            Select cell
          </ActionButton>
        ),
      }))}
    />
  );
}

export function PublishedFindings(props: { checked: CheckedFigures }) {
  const s = useSharedStyles();
  const { checked } = props;
  return (
    <div aria-live="polite">
      <Body1 block>
        {checked.where}
        {checked.where === "Every sheet"
          ? ` (${plural(checked.sheets, "sheet")}${checked.hidden.length > 0 ? `, hidden ones too: ${checked.hidden.join(", ")}` : ""})`
          : ""}
        :{" "}
        {checked.findings.length === 0
          ? "every published percentage found matches its numerator and denominator."
          : `${plural(checked.findings.length, "figure")} to correct.`}
      </Body1>
      {checked.partial.map((p) => (
        <Body1 block key={p.name} className={s.warning}>
          {p.name}: its used range is too large to read whole, so its last {plural(p.rows, "row")} were not
          checked; select them and use Check selected range.
        </Body1>
      ))}
      <FindingList findings={checked.findings} />
    </div>
  );
}
