/** One exception: its status, explanation, direction of travel, forecast, commentary and action. */
import { Body1, Caption1, mergeClasses, Subtitle2 } from "@fluentui/react-components";
import type { ReportEntry } from "../../../engine";
import { RagBadge } from "../../components";
import { figure } from "../../format";
import { useSharedStyles } from "../../styles";
import { useReviewStyles } from "./review.styles";

function dot(e: ReportEntry): string {
  const p = e.row.dotPrevious ?? "no figure";
  const y = e.row.dotYearAgo ?? "no figure";
  return `${p} on last quarter; ${y} on a year ago`;
}

function forecastText(e: ReportEntry): string {
  if (e.row.forecast === null) return "no forecast";
  const on =
    e.row.onTrack === null
      ? ""
      : e.row.onTrack
        ? " (on track for the target)"
        : " (not on track for the target)";
  return `${figure(e.row.measureType, e.row.forecast)} at year end${on}`;
}

export function ExceptionCard(props: { entry: ReportEntry }) {
  const s = useReviewStyles();
  const shared = useSharedStyles();
  const e = props.entry;
  return (
    <li className={mergeClasses(shared.card, s.tight)}>
      <div className={shared.heading}>
        <RagBadge status={e.row.rag} />
        <Subtitle2 as="h3">
          {e.row.indicatorId} · {e.row.orgUnit}
        </Subtitle2>
      </div>
      <Caption1>{e.indicator}</Caption1>
      <Body1>{e.row.explanation}</Body1>
      <dl className={s.facts}>
        <dt className={s.dt}>Direction</dt>
        <dd className={s.dd}>{dot(e)}</dd>
        <dt className={s.dt}>Forecast</dt>
        <dd className={s.dd}>{forecastText(e)}</dd>
        <dt className={s.dt}>Commentary</dt>
        <dd className={s.dd}>{e.commentary || <span className={shared.error}>none yet</span>}</dd>
        <dt className={s.dt}>Action</dt>
        <dd className={s.dd}>{e.action || <span className={shared.error}>none yet</span>}</dd>
      </dl>
    </li>
  );
}
