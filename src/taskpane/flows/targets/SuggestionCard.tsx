/** One suggested target: its method and figure, a button to use it, its rationale, milestones and chart. */
import { Body1, Button, Subtitle2 } from "@fluentui/react-components";
import type { MeasureType, Register, Suggestion, Suggestions } from "../../../engine";
import { figure } from "../../format";
import { comparatorFor } from "./suggestionTrend";
import { SuggestionChart } from "./SuggestionChart";
import { useTargetsStyles } from "./targets.styles";

export function SuggestionCard(props: {
  register: Register | null;
  indicatorId: string;
  suggestions: Suggestions;
  pick: Suggestion;
  measureType: MeasureType;
  chosen: boolean;
  startMonth: number;
  onChoose: () => void;
}) {
  const s = useTargetsStyles();
  const { pick: x, measureType: mt, chosen, register } = props;
  return (
    <li
      className={chosen ? `${s.card} ${s.chosen}` : s.card}
      aria-label={`${x.label}: ${figure(mt, x.target)}`}
    >
      <div className={s.head}>
        <Subtitle2 as="h3">
          {x.label}: {figure(mt, x.target)}
        </Subtitle2>
        <Button
          size="small"
          appearance={chosen ? "primary" : "secondary"}
          aria-pressed={chosen}
          aria-label={`${chosen ? "Chosen" : "Use this"}: ${x.label}, ${figure(mt, x.target)}`}
          onClick={props.onChoose}
        >
          {chosen ? "Chosen" : "Use this"}
        </Button>
      </div>
      <Body1>{x.rationale}</Body1>
      <p className={s.milestones}>
        Milestones: {x.milestones.map((m, i) => `Q${i + 1} ${figure(mt, m)}`).join(" · ")}
      </p>
      {register ? (
        <SuggestionChart
          suggestions={props.suggestions}
          pick={x}
          measureType={mt}
          comparator={comparatorFor(register, props.indicatorId, props.suggestions.year)}
          startMonth={props.startMonth}
        />
      ) : null}
    </li>
  );
}
