/** The draft's problems, listed live: each selects its cell (an edit) or goes to its field (a new target). */
import { Button, Subtitle2 } from "@fluentui/react-components";
import type { MutableRefObject } from "react";
import { TABLE } from "../../../contract";
import { ActionButton } from "../../components";
import { plural, severityLabel } from "../../format";
import type { Draft, FormField } from "../../model/targetDraft";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";
import type { DraftProblem } from "./draftProblems";
import { LABELS } from "./fieldLabels";

type Inputs = MutableRefObject<Partial<Record<FormField, HTMLInputElement | HTMLSelectElement | null>>>;

function GoTo(props: { problem: DraftProblem; editing: Draft["editing"]; inputs: Inputs }) {
  const pane = usePane();
  const { problem: p, editing, inputs } = props;
  const field = p.field as FormField;
  if (editing)
    return (
      <ActionButton
        size="small"
        appearance="subtle"
        action={`Selecting ${p.field}`}
        aria-label={`Select cell: ${p.field}`}
        onRun={async () => {
          inputs.current[field]?.focus();
          await pane.host.select(TABLE.targets, editing.row, p.field);
        }}
      >
        Select cell
      </ActionButton>
    );
  return inputs.current[field] ? (
    <Button size="small" appearance="subtle" onClick={() => inputs.current[field]?.focus()}>
      Go to {LABELS[field] ?? p.field}
    </Button>
  ) : null;
}

export function DraftProblems(props: {
  problems: readonly DraftProblem[];
  editing: Draft["editing"];
  inputs: Inputs;
}) {
  const s = useSharedStyles();
  const { problems } = props;
  return (
    <section aria-labelledby="tf-problems" aria-live="polite">
      <Subtitle2 as="h3" id="tf-problems">
        {problems.length === 0 ? "No problems found" : `${plural(problems.length, "problem")} found`}
      </Subtitle2>
      {problems.length > 0 ? (
        <ul className={s.findings} aria-label="Problems in this target">
          {problems.map((p) => (
            <li key={p.key}>
              <span className={p.severity === "error" ? s.error : s.warning}>{severityLabel(p)}</span>{" "}
              {p.code}: {p.message} <GoTo problem={p} editing={props.editing} inputs={props.inputs} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
