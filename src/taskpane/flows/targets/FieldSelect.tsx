import { Field, Select } from "@fluentui/react-components";
import { memo } from "react";
import { defined } from "../../format";
import { LABELS, type SelectOption } from "./fieldLabels";
import type { FieldProps } from "./FieldProps";

/** One choice of the form; re-renders only when its own props change. */
export const FieldSelect = memo(function FieldSelect(
  props: FieldProps & { readonly options: readonly SelectOption[] },
) {
  const { field: f, error: err, value, onValue, register } = props;
  return (
    <Field
      label={LABELS[f]}
      validationState={err ? "error" : "none"}
      {...defined({ hint: props.hint, validationMessage: err })}
    >
      <Select ref={(el) => register(f, el)} value={value} onChange={(_e, d) => onValue(f, d.value)}>
        {props.options.some((o) => o.value === value) ? null : (
          <option value={value}>{value || "(not set)"}</option>
        )}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
});
