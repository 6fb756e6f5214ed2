/** The quarter worked on, shared by Quarterly update and Review. */
import { Field, Select } from "@fluentui/react-components";
import { formatQuarter } from "../../engine";
import { defined } from "../format";
import { quarterChoices } from "../model/actuals";
import { usePane } from "../state";

export function QuarterPicker(props: { hint?: string }) {
  const pane = usePane();
  const register = pane.data?.read.register;
  if (!register) return null;
  const choices = quarterChoices(register);
  const rp = register.settings.reportingPeriod;
  const reporting = rp ? formatQuarter(rp, register.settings.startMonth) : null;
  const period = pane.period ?? "";
  if (period !== "" && !choices.includes(period)) choices.push(period);
  return (
    <Field label="Quarter" {...defined({ hint: props.hint })}>
      <Select value={period} onChange={(_e, d) => pane.setPeriod(d.value)} disabled={pane.busy !== null}>
        {period === "" ? <option value="">Choose a quarter</option> : null}
        {choices.map((q) => (
          <option key={q} value={q}>
            {q}
            {q === reporting ? " (reporting period)" : ""}
          </option>
        ))}
      </Select>
    </Field>
  );
}
