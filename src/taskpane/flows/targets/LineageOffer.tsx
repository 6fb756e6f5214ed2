/**
 * Targets flow: when a new target's id is new but its name is an earlier year's indicator, offer
 * that indicator's id as the row's PreviousId (contract lineageCandidates) — a guess shown for the
 * user to confirm, never applied silently. Confirming records PreviousId with the save, so the
 * direction of travel, the Seasonal profile and Trend suggestions follow the renamed indicator.
 */
import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import { formatFiscalYear, parseFiscalYear, type Register } from "../../../engine";
import { lineageCandidates } from "../../../contract/lineage";
import type { Draft } from "../../model/targetDraft";

const useStyles = makeStyles({
  offer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: "4px" },
});

export function LineageOffer(props: {
  register: Register | null;
  draft: Draft;
  onChoose: (draft: Draft) => void;
}) {
  const s = useStyles();
  const { register, draft } = props;
  const sm = register?.settings.startMonth ?? 4;
  const y = parseFiscalYear(draft.texts.TargetYear, sm);
  const year = y.ok ? y.value : null;
  const candidates = useMemo(
    () =>
      register && draft.editing === null
        ? lineageCandidates(register, draft.texts.IndicatorId, draft.texts.Indicator, year)
        : [],
    [register, draft.editing, draft.texts.IndicatorId, draft.texts.Indicator, year],
  );
  const chosen = draft.extra?.values.PreviousId;
  if (candidates.length === 0) return null;
  const set = (id: string | null): void => {
    const values = { ...(draft.extra?.values ?? {}) };
    if (id === null) delete values.PreviousId;
    else values.PreviousId = id;
    props.onChoose({ ...draft, extra: { forTarget: draft.extra?.forTarget ?? null, values } });
  };
  return (
    <MessageBar intent="info" layout="multiline" aria-live="polite">
      <MessageBarBody className={s.offer}>
        <MessageBarTitle>Is this a renamed indicator?</MessageBarTitle>
        {candidates.map((c) => (
          <div key={c.indicatorId}>
            <Body1 block>
              {c.indicatorId} had the same name
              {c.lastYear !== null ? ` (targets to ${formatFiscalYear(c.lastYear, sm)})` : ""}.
              {chosen === c.indicatorId
                ? ` Its figures will be this indicator's history: PreviousId ${c.indicatorId} is saved with the target.`
                : " If it is the same measure, keep its history by naming it as the previous id."}
            </Body1>
            <div className={s.buttons}>
              {chosen === c.indicatorId ? (
                <Button size="small" onClick={() => set(null)}>
                  Not the same measure
                </Button>
              ) : (
                <Button size="small" appearance="primary" onClick={() => set(c.indicatorId)}>
                  Use {c.indicatorId} as the previous id
                </Button>
              )}
            </div>
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
