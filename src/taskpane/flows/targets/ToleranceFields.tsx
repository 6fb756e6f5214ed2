/** The form's tolerance group: the tolerance and its type. */
import type { DraftTexts } from "../../model/targetDraft";
import { TOLERANCE_TYPE_OPTIONS } from "./fieldLabels";
import { useTargetsStyles } from "./targets.styles";
import type { FieldRenderers } from "./useFieldRenderers";

export function ToleranceFields(props: { texts: DraftTexts; fields: FieldRenderers }) {
  const s = useTargetsStyles();
  const { texts, fields } = props;
  const rate = texts.MeasureType === "Rate";
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>Tolerance</legend>
      <div className={s.pair}>
        {fields.input("Tolerance", {
          hint:
            texts.ToleranceType === "Absolute"
              ? rate
                ? "In percentage points"
                : "In the measure's unit"
              : "A share of the milestone; blank: the workbook's default",
        })}
        {fields.select("ToleranceType", TOLERANCE_TYPE_OPTIONS)}
      </div>
    </fieldset>
  );
}
