/**
 * The Suggest panel's reading of the draft: the engine's suggestions for its indicator, unit and
 * year, the multi-year plan it belongs to, the suggestion chosen, and choosing one (which fills
 * the Target and records TargetMethod and TargetRationale with the save).
 */
import { useMemo } from "react";
import {
  idKey,
  planOf,
  suggestTargets,
  unitKey,
  type MeasureType,
  type Register,
  type Suggestion,
} from "../../../engine";
import { figure } from "../../format";
import type { Draft } from "../../model/targetDraft";
import { yearOf } from "./suggestionTrend";

export function useSuggestions(register: Register | null, draft: Draft, onChoose: (draft: Draft) => void) {
  const sm = register?.settings.startMonth ?? 4;
  const id = draft.texts.IndicatorId.trim();
  const unit = draft.texts.OrgUnit.trim();
  const year = yearOf(draft, sm);
  const suggestions = useMemo(
    () => (register && id !== "" && year !== null ? suggestTargets(register, id, unit, year) : null),
    [register, id, unit, year],
  );
  const record = register?.targets.find(
    (t) => idKey(t.indicatorId) === idKey(id) && unitKey(t.orgUnit) === unitKey(unit),
  );
  const mt: MeasureType = record?.measureType ?? (draft.texts.MeasureType as MeasureType);
  const plan = useMemo(() => {
    if (!register || !record) return [];
    const group = register.targets.filter(
      (t) => idKey(t.indicatorId) === idKey(id) && unitKey(t.orgUnit) === unitKey(unit),
    );
    const owner = group.find(
      (t) =>
        (t.planEndYear ?? null) !== null &&
        year !== null &&
        (t.targetYear ?? 0) <= year &&
        year <= (t.planEndYear ?? 0),
    );
    return owner ? planOf(owner, group) : [];
  }, [register, record, id, unit, year]);
  const chosen = draft.extra?.forTarget === draft.texts.Target ? draft.extra.values.TargetMethod : undefined;
  const choose = (x: Suggestion): void => {
    // The target as shown (58.5 for 58.5%): what a person would type, and what the board reads.
    const target = figure(mt, x.target).replace(/[%,]/g, "");
    onChoose({
      ...draft,
      texts: { ...draft.texts, Target: target },
      extra: {
        forTarget: target,
        values: { ...(draft.extra?.values ?? {}), TargetMethod: x.label, TargetRationale: x.rationale },
      },
    });
  };
  return { sm, id, suggestions, measureType: mt, plan, chosen, choose };
}
