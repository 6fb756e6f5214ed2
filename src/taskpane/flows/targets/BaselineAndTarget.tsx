/** The form's group for the baseline and the target (a rate as a percentage, its baseline also as n/d). */
import type { DraftTexts } from "../../model/targetDraft";
import { useTargetsStyles } from "./targets.styles";
import type { FieldRenderers } from "./useFieldRenderers";

export function BaselineAndTarget(props: { texts: DraftTexts; fields: FieldRenderers }) {
  const s = useTargetsStyles();
  const { fields } = props;
  const rate = props.texts.MeasureType === "Rate";
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>Baseline and target</legend>
      <div className={s.pair}>
        {fields.input("BaselinePeriod", { placeholder: "2014-15", hint: "A year or a quarter" })}
        {fields.input("Baseline", rate ? { hint: "As a percentage, or n/d" } : {})}
      </div>
      <div className={s.pair}>
        {fields.input("TargetYear", { placeholder: "2015-16" })}
        {fields.input("Target", rate ? { hint: "As a percentage" } : {})}
      </div>
    </fieldset>
  );
}
