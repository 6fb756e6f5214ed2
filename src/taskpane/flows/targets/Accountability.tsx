/** The form's accountability group: owner and data source. */
import { useTargetsStyles } from "./targets.styles";
import type { FieldRenderers } from "./useFieldRenderers";

export function Accountability(props: { fields: FieldRenderers }) {
  const s = useTargetsStyles();
  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>Accountability</legend>
      {props.fields.input("Owner")}
      {props.fields.input("DataSource")}
    </fieldset>
  );
}
