/** The form's first group: the indicator and unit (read-only on an edit), the lineage offer, outcome, measure type, polarity and unit. */
import type { Draft } from "../../model/targetDraft";
import { usePane } from "../../state";
import { LineageOffer } from "./LineageOffer";
import { MEASURE_TYPE_OPTIONS, POLARITY_OPTIONS } from "./fieldLabels";
import { useTargetsStyles } from "./targets.styles";
import type { FieldRenderers } from "./useFieldRenderers";

export function WhatIsMeasured(props: {
  draft: Draft;
  fields: FieldRenderers;
  onDraft: (draft: Draft) => void;
}) {
  const pane = usePane();
  const s = useTargetsStyles();
  const { draft, fields } = props;
  const editing = draft.editing;
  const rate = draft.texts.MeasureType === "Rate";
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>What is measured</legend>
      {fields.input("IndicatorId", {
        required: true,
        readOnly: Boolean(editing),
        placeholder: "EH-EHA",
        ...(editing ? { hint: "The ID and unit identify the row; add a new target to change them." } : {}),
      })}
      {fields.input("Indicator", { required: true })}
      {fields.input("OrgUnit", { required: true, readOnly: Boolean(editing), placeholder: "City" })}
      <LineageOffer register={pane.data?.read.register ?? null} draft={draft} onChoose={props.onDraft} />
      {fields.input("Outcome")}
      <div className={s.pair}>
        {fields.select("MeasureType", MEASURE_TYPE_OPTIONS)}
        {fields.select("Polarity", POLARITY_OPTIONS)}
      </div>
      {fields.input("Unit", { placeholder: rate ? "%" : "families" })}
    </fieldset>
  );
}
