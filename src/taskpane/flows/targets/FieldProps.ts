/** What each field of the target form is given (FieldInput, FieldSelect). */
import type { FormField } from "../../model/targetDraft";

export interface FieldProps {
  readonly field: FormField;
  readonly value: string;
  readonly error: string | undefined;
  readonly hint?: string | undefined;
  readonly onValue: (f: FormField, value: string) => void;
  readonly register: (f: FormField, el: HTMLInputElement | HTMLSelectElement | null) => void;
}
