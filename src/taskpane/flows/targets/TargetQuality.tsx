/** The target-quality (SMART) findings of the unit shown, each selecting its cell. */
import { Body1 } from "@fluentui/react-components";
import type { Finding } from "../../../engine";
import { TABLE } from "../../../contract";
import { ActionButton, PaneSection } from "../../components";
import { severityLabel } from "../../format";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";

export function TargetQuality(props: {
  findings: readonly Finding[];
  unitWords: string;
  rowOf: (f: Finding) => number | undefined;
}) {
  const pane = usePane();
  const s = useSharedStyles();
  return (
    <PaneSection id="quality-h" title="Target quality (SMART)">
      {props.findings.length === 0 ? (
        <Body1>No findings: every target{props.unitWords} is specific, measurable and owned.</Body1>
      ) : (
        <ul className={s.findings} aria-label="Target quality findings">
          {props.findings.map((f, i) => {
            const row = props.rowOf(f);
            return (
              <li key={`${f.code}-${f.indicatorId}-${f.orgUnit}-${f.field}-${i}`}>
                <span className={f.severity === "error" ? s.error : s.warning}>{severityLabel(f)}</span>{" "}
                {f.code}: {f.message}{" "}
                {row !== undefined ? (
                  <ActionButton
                    size="small"
                    appearance="subtle"
                    action={`Selecting ${f.field} of ${f.indicatorId}`}
                    aria-label={`Select cell: ${f.field} of ${f.indicatorId} (${f.orgUnit})`}
                    onRun={() => pane.host.select(TABLE.targets, row, f.field)}
                  >
                    Select cell
                  </ActionButton>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </PaneSection>
  );
}
