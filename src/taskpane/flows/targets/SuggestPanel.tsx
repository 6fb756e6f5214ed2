/**
 * Targets flow: the "Suggest" panel of the target form. For the indicator and unit being edited,
 * every target method that applies (engine suggestTargets: Hold, Trend, Stretch, CloseGap,
 * Quartile), each with its target, its quarterly milestones under the row's profile, a small chart
 * (the yearly figures, the baseline, England or another comparator, and the suggested path) and
 * the rationale in a sentence. Choosing one fills the form's Target and records TargetMethod and
 * TargetRationale with the save; the user can still type any target (which drops the method).
 * When the row belongs to a multi-year plan, the whole plan's path is listed too (engine planOf).
 * Nothing is computed here: suggestions, milestones and plans are the engine's.
 */
import { Body1, Caption1 } from "@fluentui/react-components";
import { formatFiscalYear, type Register } from "../../../engine";
import { figure } from "../../format";
import type { Draft } from "../../model/targetDraft";
import { PlanList } from "./PlanList";
import { SuggestionCard } from "./SuggestionCard";
import { useTargetsStyles } from "./targets.styles";
import { useSuggestions } from "./useSuggestions";

export function SuggestPanel(props: {
  register: Register | null;
  draft: Draft;
  onChoose: (draft: Draft) => void;
}) {
  const s = useTargetsStyles();
  const { register } = props;
  const {
    sm,
    id,
    suggestions,
    measureType: mt,
    plan,
    chosen,
    choose,
  } = useSuggestions(register, props.draft, props.onChoose);

  return (
    <fieldset className={s.group}>
      <legend className={s.legend}>Suggest a target</legend>
      {suggestions === null ? (
        <Caption1>Give the indicator ID, the unit and the target year to see suggested targets.</Caption1>
      ) : suggestions.suggestions.length === 0 ? (
        <Body1>Nothing to suggest: {suggestions.problem ?? "no method applies"}.</Body1>
      ) : (
        <>
          <Caption1>
            Every method that applies to {suggestions.indicatorId} ({suggestions.orgUnit}) for{" "}
            {formatFiscalYear(suggestions.year, sm)}, from a baseline of {figure(mt, suggestions.baseline)}.
            Choose one to fill the target and keep its reason with it, or type your own.
          </Caption1>
          <ul className={s.list} aria-label="Suggested targets">
            {suggestions.suggestions.map((x) => (
              <SuggestionCard
                key={x.label}
                register={register}
                indicatorId={id}
                suggestions={suggestions}
                pick={x}
                measureType={mt}
                chosen={chosen === x.label}
                startMonth={sm}
                onChoose={() => choose(x)}
              />
            ))}
          </ul>
        </>
      )}
      <PlanList plan={plan} measureType={mt} startMonth={sm} />
    </fieldset>
  );
}
