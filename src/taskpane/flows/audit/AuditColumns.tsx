/** The columns the audit reads, each a drop-down (guessed from the header, or chosen), and the polarity of rows without their own. */
import { Field, Select } from "@fluentui/react-components";
import type { Polarity, RagRule } from "../../../engine";
import type { AuditLayout, AuditRange } from "../../../contract";
import { useAuditStyles } from "./audit.styles";
import { rolesFor } from "./model";
import { letterOf } from "./range";
import type { AuditReportState } from "./useAuditReport";

export function AuditColumns(props: {
  range: AuditRange;
  layout: AuditLayout;
  rule: RagRule;
  state: AuditReportState["columns"];
  onChange: () => void;
}) {
  const s = useAuditStyles();
  const { range, layout, state } = props;
  return (
    <div className={s.fields}>
      {rolesFor(props.rule).map((info) => {
        const g = layout.columns.find((c) => c.role === info.role);
        const value = g?.column ?? null;
        return (
          <Field
            key={info.role}
            label={info.name}
            hint={g?.guessed ? (value === null ? "None found" : "Guessed from the header") : "Chosen"}
          >
            <Select
              className={s.select}
              value={value === null ? "" : String(value)}
              onChange={(_e, d) => {
                state.setColumns((c) => ({ ...c, [info.role]: d.value === "" ? null : Number(d.value) }));
                props.onChange();
              }}
            >
              <option value="">(none)</option>
              {layout.headers.map((h, i) => (
                <option key={i} value={String(i)}>
                  {letterOf(range.address, i)}: {h || "(blank header)"}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
      <Field
        label="Polarity of rows without their own"
        hint="Used where there is no polarity column, or its cell is blank"
      >
        <Select
          className={s.select}
          value={state.polarity}
          onChange={(_e, d) => state.setPolarity(d.value as Polarity | "")}
        >
          <option value="">Not given</option>
          <option value="Higher">Higher is better</option>
          <option value="Lower">Lower is better</option>
        </Select>
      </Field>
    </div>
  );
}
