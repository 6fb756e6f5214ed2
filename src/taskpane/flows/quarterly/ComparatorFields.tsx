/** What the comparator table is: its indicator, its source, how a single year reads; and a box to paste it into. */
import { Field, Input, Select, Textarea } from "@fluentui/react-components";
import type { TargetRecord } from "../../../engine";
import type { ComparatorFieldState } from "./useComparatorImport";

export function ComparatorFields(props: {
  indicators: readonly TargetRecord[];
  fields: ComparatorFieldState;
}) {
  const f = props.fields;
  return (
    <>
      <Field label="Indicator the table is for">
        <Select value={f.indicator} onChange={(_e, d) => f.setIndicator(d.value)}>
          {props.indicators.map((t) => (
            <option key={t.indicatorId} value={t.indicatorId}>
              {t.indicatorId} {t.indicator}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Source (kept with each row)" hint="e.g. DfE SFR 46/2014">
        <Input value={f.source} onChange={(_e, d) => f.setSource(d.value)} />
      </Field>
      <Field label="A single year such as 2013 is">
        <Select
          value={f.singleYear}
          onChange={(_e, d) => f.setSingleYear(d.value === "ends" ? "ends" : "starts")}
        >
          <option value="starts">the year starting in it (2013-14)</option>
          <option value="ends">the year ending in it (2012-13, academic years)</option>
        </Select>
      </Field>
      <Field
        label="Or paste the table here"
        hint="Copied from a spreadsheet or a web page: one row a line, cells separated by tabs"
      >
        <Textarea value={f.pasted} resize="vertical" onChange={(_e, d) => f.setPasted(d.value)} />
      </Field>
    </>
  );
}
