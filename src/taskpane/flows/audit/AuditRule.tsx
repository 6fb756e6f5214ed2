/** The rule and the tolerance the report states: a preset as councils word them, or typed with its type. */
import { Field, Input, Select } from "@fluentui/react-components";
import { RAG_RULES, TOLERANCE_PRESETS, type RagRule, type ToleranceType } from "../../../engine";
import { useAuditStyles } from "./audit.styles";
import { CUSTOM } from "./model";
import type { AuditReportState } from "./useAuditReport";

const RULE_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  Milestone: ["Milestone", "Green on or better than the target; Amber within the tolerance"],
  ToleranceBand: ["Tolerance band", "Green within the tolerance; Amber beyond it but improved on last year"],
  Forecast: ["Forecast", "Green on or better than the target; Amber when the year-end forecast meets it"],
};

function CustomTolerance(props: { state: AuditReportState["rule"] }) {
  const s = useAuditStyles();
  const { customText, tolerance, customType } = props.state;
  const invalid = customText !== "" && !tolerance.ok;
  return (
    <>
      <Field
        label="Tolerance, as the report words it"
        hint='For example "within 3 percentage points" or 12.5%'
        validationState={invalid ? "error" : "none"}
        validationMessage={!tolerance.ok && invalid ? tolerance.error.message : null}
      >
        <Input value={customText} onChange={(_e, d) => props.state.setCustomText(d.value)} />
      </Field>
      <Field label="Tolerance type">
        <Select
          className={s.select}
          value={customType}
          onChange={(_e, d) => props.state.setCustomType(d.value as ToleranceType | "")}
        >
          <option value="">From the words (a share of the target unless in points)</option>
          <option value="Relative">Relative: a share of the target</option>
          <option value="Absolute">Absolute: in the figure&apos;s own unit</option>
        </Select>
      </Field>
    </>
  );
}

export function AuditRule(props: { state: AuditReportState["rule"]; onChange: () => void }) {
  const s = useAuditStyles();
  const { state } = props;
  return (
    <div className={s.fields}>
      <Field label="RAG rule the report states" hint={RULE_LABELS[state.rule]?.[1] ?? ""}>
        <Select
          className={s.select}
          value={state.rule}
          onChange={(_e, d) => {
            state.setRule(d.value as RagRule);
            props.onChange();
          }}
        >
          {RAG_RULES.map((r) => (
            <option key={r} value={r}>
              {RULE_LABELS[r]?.[0] ?? r}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Tolerance the report states">
        <Select
          className={s.select}
          value={state.preset}
          onChange={(_e, d) => {
            state.setPreset(d.value);
            props.onChange();
          }}
        >
          {TOLERANCE_PRESETS.map((p, i) => (
            <option key={p.label} value={String(i)}>
              {p.label}
            </option>
          ))}
          <option value={CUSTOM}>Another tolerance…</option>
        </Select>
      </Field>
      {state.preset === CUSTOM ? <CustomTolerance state={state} /> : null}
    </div>
  );
}
