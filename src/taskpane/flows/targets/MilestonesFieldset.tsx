/** The milestone profile (Custom weights included) and the four quarterly milestones it gives, shown as they change. */
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { figure } from "../../format";
import type { DraftEvaluation, DraftTexts } from "../../model/targetDraft";
import { PROFILE_OPTIONS } from "./fieldLabels";
import { useTargetsStyles } from "./targets.styles";
import type { FieldRenderers } from "./useFieldRenderers";

function MilestoneTable(props: { evaluation: DraftEvaluation }) {
  const s = useTargetsStyles();
  const { evaluation } = props;
  return (
    <Table size="extra-small" aria-label="Quarterly milestones">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Quarter</TableHeaderCell>
          <TableHeaderCell className={s.num}>Weight</TableHeaderCell>
          <TableHeaderCell className={s.num}>Milestone</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {evaluation.milestones.map((m) => (
          <TableRow key={m.quarter}>
            <TableCell>{m.quarter}</TableCell>
            <TableCell className={s.num}>{m.weight === null ? "–" : figure("Rate", m.weight)}</TableCell>
            <TableCell className={s.num}>{figure(evaluation.measureType, m.milestone)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function MilestonesFieldset(props: {
  texts: DraftTexts;
  fields: FieldRenderers;
  evaluation: DraftEvaluation | null;
}) {
  const s = useTargetsStyles();
  const { texts, fields, evaluation } = props;
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>Milestones</legend>
      {fields.select(
        "Profile",
        PROFILE_OPTIONS,
        texts.Profile === "Seasonal"
          ? "Cumulative shares of the baseline year's four quarters (Count only)."
          : texts.Profile === "Custom"
            ? "Cumulative weights W1-W4: non-decreasing, from 0 to 1, W4 = 1."
            : undefined,
      )}
      {texts.Profile === "Custom" ? (
        <div className={s.weights}>
          {fields.input("W1", { placeholder: "0.25" })}
          {fields.input("W2", { placeholder: "0.5" })}
          {fields.input("W3", { placeholder: "0.75" })}
          {fields.input("W4", { placeholder: "1" })}
        </div>
      ) : null}
      <div aria-live="polite">
        {evaluation && evaluation.milestones.length > 0 ? <MilestoneTable evaluation={evaluation} /> : null}
        {evaluation?.milestoneNote ? <Caption1 block>{evaluation.milestoneNote}</Caption1> : null}
      </div>
    </fieldset>
  );
}
