/** The settings' fields: fiscal year start, reporting period, status scheme, RAG rule and default tolerance. */
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { monthName, RAG_RULES, type RagRule } from "../../../engine";
import { defined } from "../../format";
import type { SettingsFormState } from "./useSettingsForm";

const RULE_TEXT: Readonly<Record<RagRule, string>> = {
  Milestone: "Milestone: Green on or better than the milestone, Amber within tolerance, else Red.",
  ToleranceBand:
    "Tolerance band: Green within tolerance of the milestone; beyond it, Amber if improved or maintained on the same quarter last year, else Red.",
  Forecast:
    "Forecast: Green on or better than the milestone; Amber if the year-end forecast still meets the target, else Red.",
  Confidence:
    "Confidence: Green on or better than the milestone; Red only when the whole confidence interval misses it, else Amber.",
};

export function SettingsFields(props: { form: SettingsFormState }) {
  const { values: v, set, errors, canonical } = props.form;
  return (
    <>
      <Field label="Fiscal year starts in" hint="UK public bodies start in April.">
        <Select value={String(v.startMonth)} onChange={(_e, d) => set.setStartMonth(Number(d.value))}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <option key={m} value={m}>
              {monthName(m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Reporting period"
        required
        validationState={errors.periodError ? "error" : "success"}
        validationMessage={errors.periodError ?? `Reads as ${canonical ?? ""}`}
      >
        <Input value={v.period} onChange={(_e, d) => set.setPeriod(d.value)} placeholder="2015-16 Q2" />
      </Field>
      <Field label="Status scheme">
        <RadioGroup value={v.scheme} onChange={(_e, d) => set.setScheme(d.value === "BRAG" ? "BRAG" : "RAG")}>
          <Radio value="RAG" label="RAG: Red, Amber, Green" />
          <Radio value="BRAG" label="BRAG: also Blue when the annual target is already met" />
        </RadioGroup>
      </Field>
      <Field label="RAG rule" hint={RULE_TEXT[v.rule]}>
        <Select
          value={v.rule}
          onChange={(_e, d) => set.setRule(RAG_RULES.find((r) => r === d.value) ?? "Milestone")}
        >
          {RAG_RULES.map((r) => (
            <option key={r} value={r}>
              {r === "ToleranceBand" ? "Tolerance band" : r}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Default tolerance (%)"
        hint="A share of the milestone, for indicators with no tolerance of their own."
        validationState={errors.tolError ? "error" : "none"}
        {...defined({ validationMessage: errors.tolError })}
      >
        <Input
          value={v.tolerance}
          onChange={(_e, d) => set.setTolerance(d.value)}
          contentAfter="%"
          inputMode="decimal"
        />
      </Field>
    </>
  );
}
