/** The multi-year plan the target belongs to: each year's target, typed or on the line to the final one. */
import { Subtitle2 } from "@fluentui/react-components";
import { formatFiscalYear, type MeasureType, type PlanYear } from "../../../engine";
import { figure } from "../../format";
import { useTargetsStyles } from "./targets.styles";

export function PlanList(props: { plan: readonly PlanYear[]; measureType: MeasureType; startMonth: number }) {
  const s = useTargetsStyles();
  if (props.plan.length === 0) return null;
  return (
    <div>
      <Subtitle2 as="h3">Multi-year plan</Subtitle2>
      <ol className={s.milestones} aria-label="Multi-year plan: the target of each year">
        {props.plan.map((p) => (
          <li key={p.year}>
            {formatFiscalYear(p.year, props.startMonth)}: {figure(props.measureType, p.target)}
            {p.typed ? " (typed)" : " (on the line to the final target)"}
          </li>
        ))}
      </ol>
    </div>
  );
}
