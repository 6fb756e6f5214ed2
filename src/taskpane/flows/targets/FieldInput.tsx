import { Field, Input } from "@fluentui/react-components";
import { memo } from "react";
import { defined } from "../../format";
import { LABELS } from "./fieldLabels";
import type { FieldProps } from "./FieldProps";

/** One text field of the form; re-renders only when its own props change. */
export const FieldInput = memo(function FieldInput(
  props: FieldProps & {
    readonly unit: string | undefined;
    readonly required?: boolean | undefined;
    readonly readOnly?: boolean | undefined;
    readonly placeholder?: string | undefined;
  },
) {
  const { field: f, error: err, unit, onValue, register } = props;
  return (
    <Field
      label={LABELS[f]}
      validationState={err ? "error" : "none"}
      {...defined({ hint: props.hint, required: props.required, validationMessage: err })}
    >
      <Input
        ref={(el) => register(f, el)}
        value={props.value}
        {...defined({
          readOnly: props.readOnly,
          placeholder: props.placeholder,
          contentAfter: unit ? <span aria-hidden>{unit}</span> : undefined,
          "aria-description": unit === "%" ? "per cent" : unit === "points" ? "percentage points" : undefined,
        })}
        onChange={(_e, d) => onValue(f, d.value)}
      />
    </Field>
  );
});
