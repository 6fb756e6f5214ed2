/**
 * Review: the evidence behind each status — the compared figure's confidence interval and the
 * small-base flag, the figure's data quality (a roll-up names the unit it comes from), and each
 * comparator (England, region, neighbours, the peer group) with the gap, Better / Similar / Worse
 * and the quartile among peers. Everything shown is the engine's report row; nothing is computed.
 */
import { Body1, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { ComparatorResult, MeasureType, Report, ReportEntry } from "../../../engine";
import { formatDifference } from "../../../engine";
import { PaneSection } from "../../components";
import { figure, plural } from "../../format";
import { useSharedStyles } from "../../styles";
import { useReviewStyles } from "./review.styles";

const useStyles = makeStyles({
  flag: {
    display: "inline-block",
    marginLeft: tokens.spacingHorizontalXS,
    padding: "0 4px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  notFinal: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  comparators: { margin: 0, paddingLeft: "16px" },
});

/** Whether a row has anything to show here. */
export function hasEvidence(e: ReportEntry): boolean {
  const r = e.row;
  return (
    r.confidenceLow !== null ||
    r.smallBase ||
    (r.quality !== null && r.quality !== "Validated") ||
    r.comparators.length > 0
  );
}

function gapText(mt: MeasureType, gap: number | null): string {
  if (gap === null) return "";
  const mag = formatDifference(mt, gap);
  if (/^0(\.0)?( points?)?$/.test(mag)) return ", level with it";
  return `, ${mag} ${gap > 0 ? "better" : "worse"}`;
}

/** One comparator in words: "England 60.0%: Worse, 4.6 points worse". */
export function comparatorText(mt: MeasureType, c: ComparatorResult): string {
  const value = c.value === null ? "" : ` ${figure(mt, c.value)}`;
  const status = c.status === null ? "" : `: ${c.status}`;
  const quartile = c.quartile === null ? "" : `, quartile ${c.quartile} of 4 (1 is best)`;
  return `${c.comparator}${value}${status}${gapText(mt, c.gap)}${quartile}`;
}

function Evidence(props: { entry: ReportEntry }) {
  const s = { ...useReviewStyles(), ...useStyles() };
  const shared = useSharedStyles();
  const e = props.entry;
  const r = e.row;
  const mt = r.measureType;
  const interval =
    r.confidenceLow === null || r.confidenceHigh === null
      ? "none (a rate needs its numerator and denominator; a level has none)"
      : `${figure(mt, r.confidenceLow)} to ${figure(mt, r.confidenceHigh)}`;
  const quality = r.quality === null ? "no figure" : r.quality === "Validated" ? "Validated" : r.quality;
  const from = e.qualityUnit && e.qualityUnit !== r.orgUnit ? ` (from ${e.qualityUnit})` : "";
  return (
    <li
      className={mergeClasses(shared.card, s.tight)}
      aria-label={`${r.indicatorId} · ${r.orgUnit}: confidence, quality and comparators`}
    >
      <Subtitle2 as="h3">
        {r.indicatorId} · {r.orgUnit}
      </Subtitle2>
      <Caption1>{e.indicator}</Caption1>
      <dl className={s.facts}>
        <dt className={s.dt}>Actual</dt>
        <dd className={s.dd}>{figure(mt, r.actual)}</dd>
        <dt className={s.dt}>Interval</dt>
        <dd className={s.dd}>
          {interval}
          {r.smallBase ? <span className={s.flag}>small base</span> : null}
        </dd>
        <dt className={s.dt}>Quality</dt>
        <dd className={s.dd}>
          {r.quality !== null && r.quality !== "Validated" ? (
            <span className={s.notFinal}>
              {quality}
              {from}: not final
            </span>
          ) : (
            quality
          )}
        </dd>
        <dt className={s.dt}>Comparators</dt>
        <dd className={s.dd}>
          {r.comparators.length === 0 ? (
            "none for this period"
          ) : (
            <ul className={s.comparators} aria-label={`Comparators of ${r.indicatorId} · ${r.orgUnit}`}>
              {r.comparators.map((c) => (
                <li key={c.comparator}>{comparatorText(mt, c)}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </li>
  );
}

/** The Review flow's section "Confidence, quality and comparators". */
export function EvidencePanel(props: { report: Report }) {
  const s = { ...useReviewStyles(), ...useStyles() };
  const rows = props.report.entries.filter(hasEvidence);
  const notFinal = props.report.entries.filter(
    (e) => e.row.quality !== null && e.row.quality !== "Validated",
  ).length;
  return (
    <PaneSection
      id="evidence-h"
      title="Confidence, quality and comparators"
      caption={
        notFinal === 0
          ? "Every figure this quarter is validated."
          : `${plural(notFinal, "figure")} not validated: rated as usual, but not final.`
      }
    >
      {rows.length === 0 ? (
        <Body1>No figure has an interval, a quality flag or a comparator this quarter.</Body1>
      ) : (
        <ul className={s.list} aria-label="Confidence, quality and comparators">
          {rows.map((e) => (
            <Evidence key={`${e.row.indicatorId}|${e.row.orgUnit}`} entry={e} />
          ))}
        </ul>
      )}
    </PaneSection>
  );
}
