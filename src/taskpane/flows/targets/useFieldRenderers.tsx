/**
 * The target form's field renderers: `input(field)` and `select(field, options)` give each field
 * its text, its error (from the draft's checks), its unit and the form's stable callbacks, so a
 * keystroke re-renders only the field typed in (FieldInput and FieldSelect are memoised).
 */
import { useCallback, useRef, type Dispatch, type SetStateAction } from "react";
import { fieldKind, type Draft, type DraftEvaluation, type FormField } from "../../model/targetDraft";
import { FieldInput } from "./FieldInput";
import { short, type SelectOption } from "./fieldLabels";
import { FieldSelect } from "./FieldSelect";

export interface InputOptions {
  readonly hint?: string;
  readonly required?: boolean;
  readonly readOnly?: boolean;
  readonly placeholder?: string;
}

export function useFieldRenderers(
  draft: Draft,
  setDraft: Dispatch<SetStateAction<Draft>>,
  evaluation: DraftEvaluation | null,
) {
  const inputs = useRef<Partial<Record<FormField, HTMLInputElement | HTMLSelectElement | null>>>({});
  const texts = draft.texts;
  const set = useCallback(
    (f: FormField, value: string): void => setDraft((d) => ({ ...d, texts: { ...d.texts, [f]: value } })),
    [setDraft],
  );
  const register = useCallback((f: FormField, el: HTMLInputElement | HTMLSelectElement | null): void => {
    inputs.current[f] = el;
  }, []);
  const errorOf = (f: FormField): string | undefined => {
    const e = evaluation?.cellErrors.find((c) => c.column === f);
    return e ? short(e) : undefined;
  };
  const after = (f: FormField): string | undefined => {
    const k = fieldKind(f, texts);
    if (k !== "percent") return undefined;
    return f === "Tolerance" && texts.ToleranceType === "Absolute" ? "points" : "%";
  };

  const input = (f: FormField, opts: InputOptions = {}) => (
    <FieldInput
      field={f}
      value={texts[f]}
      error={errorOf(f)}
      unit={after(f)}
      hint={opts.hint}
      required={opts.required}
      readOnly={opts.readOnly}
      placeholder={opts.placeholder}
      onValue={set}
      register={register}
    />
  );
  const select = (f: FormField, options: readonly SelectOption[], hint?: string) => (
    <FieldSelect
      field={f}
      value={texts[f]}
      error={errorOf(f)}
      hint={hint}
      options={options}
      onValue={set}
      register={register}
    />
  );
  return { input, select, inputs };
}

export type FieldRenderers = ReturnType<typeof useFieldRenderers>;
