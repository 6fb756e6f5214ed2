/**
 * The target form's state: the draft, its live checks and problems, and saving it (a target
 * already Agreed or Approved asks for a reason first: useTargetSave).
 */
import { useState } from "react";
import { editValues, hasEdits, type Draft } from "../../model/targetDraft";
import { usePane } from "../../state";
import { draftProblems } from "./draftProblems";
import { useDraftEvaluation } from "./useDraftEvaluation";
import { useFieldRenderers } from "./useFieldRenderers";
import { useTargetSave } from "./useTargetSave";

/** The workbook's text of a key cell of the row edited (the ID or the unit). */
function cellText(v: unknown): string {
  return v === null ? "" : String(v);
}

export function useTargetForm(initial: Draft, onClose: () => void) {
  const pane = usePane();
  const [draft, setDraft] = useState<Draft>(initial);
  const evaluation = useDraftEvaluation(draft);
  const { save, dialog } = useTargetSave();
  const fields = useFieldRenderers(draft, setDraft, evaluation);
  const { texts, editing } = draft;
  const keyMissing = texts.IndicatorId.trim() === "" || texts.OrgUnit.trim() === "";
  const what = `${texts.IndicatorId.trim()} (${texts.OrgUnit.trim()})`;

  const onSave = (): void => {
    save(
      {
        edit: {
          indicatorId: editing ? cellText(editing.cells.IndicatorId) : texts.IndicatorId.trim(),
          orgUnit: editing ? cellText(editing.cells.OrgUnit) : texts.OrgUnit.trim(),
          values: editValues(draft),
        },
        label: `Saving ${what}`,
        what: `Target ${what}`,
        onSaved: onClose,
      },
      editing?.status ?? null,
    );
  };
  const canSave = hasEdits(draft) && !keyMissing;
  const submit = (): void => {
    if (canSave && pane.busy === null) onSave();
  };

  return {
    draft,
    setDraft,
    evaluation,
    problems: draftProblems(evaluation),
    fields,
    dialog,
    canSave,
    saveAction: `Saving ${what}`,
    submit,
  };
}
