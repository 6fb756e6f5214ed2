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
import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useMemo } from "react";
import {
  formatFiscalYear,
  formatQuarter,
  idKey,
  parseFiscalYear,
  planOf,
  suggestTargets,
  unitKey,
  type MeasureType,
  type Register,
  type Suggestion,
  type Suggestions,
  type TrendPoint,
} from "../../../engine";
import { chartComparator, trendGeometry } from "../../../present";
import { figure } from "../../format";
import type { Draft } from "../../model/targetDraft";

const W = 260;
const H = 96;
const PAD = { left: 40, right: 6, top: 8, bottom: 18 };

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
  },
  chosen: { border: `2px solid ${tokens.colorBrandStroke1}` },
  head: { display: "flex", justifyContent: "space-between", alignItems: "center", columnGap: "8px" },
  milestones: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
  svg: { width: "100%", maxWidth: `${W}px`, height: "auto", display: "block" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "9px" },
  history: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  path: { fill: "none", stroke: tokens.colorPaletteGreenForeground1, strokeWidth: 2, strokeDasharray: "4 2" },
  comparator: { stroke: tokens.colorPalettePurpleForeground2, strokeWidth: 1.2, strokeDasharray: "2 2" },
  dot: { fill: tokens.colorBrandForeground1 },
});

/** The year the form is setting, else the year after the last figure. */
function yearOf(draft: Draft, startMonth: number): number | null {
  const y = parseFiscalYear(draft.texts.TargetYear, startMonth);
  return y.ok ? y.value : null;
}

/** The figures a suggestion's chart draws: yearly figures (Q4), then the year's milestones. */
export function suggestionTrend(s: Suggestions, pick: Suggestion, startMonth: number): TrendPoint[] {
  const points: TrendPoint[] = s.history.map((h) => ({
    period: formatQuarter({ fy: h.year, q: 4 }, startMonth),
    actual: h.value,
    milestone: null,
  }));
  const last = s.history[s.history.length - 1];
  // The path starts at the baseline, at the last year's end (or just before the year).
  if (s.baseline !== null) {
    if (last && last.year === s.year - 1 && points.length > 0) {
      const p = points[points.length - 1];
      if (p) points[points.length - 1] = { ...p, milestone: s.baseline };
    } else
      points.push({
        period: formatQuarter({ fy: s.year - 1, q: 4 }, startMonth),
        actual: null,
        milestone: s.baseline,
      });
  }
  pick.milestones.forEach((m, i) =>
    points.push({
      period: formatQuarter({ fy: s.year, q: (i + 1) as 1 | 2 | 3 | 4 }, startMonth),
      actual: null,
      milestone: m,
    }),
  );
  return points;
}

function SuggestionChart(props: {
  suggestions: Suggestions;
  pick: Suggestion;
  measureType: MeasureType;
  comparator: { readonly name: string; readonly value: number } | null;
  startMonth: number;
}) {
  const s = useStyles();
  const id = useId();
  const { suggestions, pick, measureType: mt, comparator } = props;
  const trend = suggestionTrend(suggestions, pick, props.startMonth);
  const g = trendGeometry(
    trend,
    mt,
    { width: W, height: H, pad: PAD },
    { comparator: comparator?.value ?? null },
  );
  if (g === null) return null;
  const hist = suggestions.history.map(
    (h) => `${formatFiscalYear(h.year, props.startMonth)} ${figure(mt, h.value)}`,
  );
  const desc = [
    hist.length > 0 ? `Yearly figures: ${hist.join("; ")}.` : "No yearly figures.",
    suggestions.baseline === null ? "" : `Baseline ${figure(mt, suggestions.baseline)}.`,
    comparator ? `${comparator.name} ${figure(mt, comparator.value)}.` : "",
    `Suggested path: ${pick.milestones.map((m, i) => `Q${i + 1} ${figure(mt, m)}`).join(", ")}.`,
  ]
    .filter((x) => x !== "")
    .join(" ");
  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{`${pick.label}: the path to ${figure(mt, pick.target)}`}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <line className={s.axis} x1={PAD.left} y1={g.axisY} x2={W - PAD.right} y2={g.axisY} />
      <text className={s.label} x={PAD.left - 3} y={PAD.top + 4} textAnchor="end">
        {figure(mt, g.hi)}
      </text>
      <text className={s.label} x={PAD.left - 3} y={g.axisY + 3} textAnchor="end">
        {figure(mt, g.lo)}
      </text>
      {g.comparatorY !== null && comparator ? (
        <>
          <line
            className={s.comparator}
            x1={PAD.left}
            y1={g.comparatorY}
            x2={W - PAD.right}
            y2={g.comparatorY}
          />
          <text className={s.label} x={PAD.left + 2} y={g.comparatorY - 2}>
            {comparator.name}
          </text>
        </>
      ) : null}
      {g.actualRuns.map((r) => (
        <polyline key={`a${r}`} className={s.history} points={r} />
      ))}
      {g.milestoneRuns.map((r) => (
        <polyline key={`m${r}`} className={s.path} points={r} />
      ))}
      {g.actual.map((p, i) =>
        p === null ? null : <circle key={`p${i}`} className={s.dot} cx={p[0]} cy={p[1]} r={2.5} />,
      )}
      <text className={s.label} x={PAD.left} y={H - 4}>
        {g.years[0] ?? ""}
      </text>
      <text className={s.label} x={W - PAD.right} y={H - 4} textAnchor="end">
        {formatFiscalYear(suggestions.year, props.startMonth)}
      </text>
    </svg>
  );
}

/** The register's comparator for the chart: England (else a region or an average), latest first. */
function comparatorFor(register: Register, indicatorId: string, year: number) {
  const rows = (register.comparators ?? [])
    .filter((c) => idKey(c.indicatorId) === idKey(indicatorId) && c.period.fy < year)
    .sort((a, b) => b.period.fy - a.period.fy);
  return chartComparator(rows.map((c) => ({ comparator: c.comparator, kind: c.kind, value: c.value })));
}

export function SuggestPanel(props: {
  register: Register | null;
  draft: Draft;
  onChoose: (draft: Draft) => void;
}) {
  const s = useStyles();
  const { register, draft } = props;
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
    props.onChoose({
      ...draft,
      texts: { ...draft.texts, Target: target },
      extra: {
        forTarget: target,
        values: { ...(draft.extra?.values ?? {}), TargetMethod: x.label, TargetRationale: x.rationale },
      },
    });
  };

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
              <li
                key={x.label}
                className={chosen === x.label ? `${s.card} ${s.chosen}` : s.card}
                aria-label={`${x.label}: ${figure(mt, x.target)}`}
              >
                <div className={s.head}>
                  <Subtitle2 as="h3">
                    {x.label}: {figure(mt, x.target)}
                  </Subtitle2>
                  <Button
                    size="small"
                    appearance={chosen === x.label ? "primary" : "secondary"}
                    aria-pressed={chosen === x.label}
                    aria-label={`${chosen === x.label ? "Chosen" : "Use this"}: ${x.label}, ${figure(mt, x.target)}`}
                    onClick={() => choose(x)}
                  >
                    {chosen === x.label ? "Chosen" : "Use this"}
                  </Button>
                </div>
                <Body1>{x.rationale}</Body1>
                <p className={s.milestones}>
                  Milestones: {x.milestones.map((m, i) => `Q${i + 1} ${figure(mt, m)}`).join(" · ")}
                </p>
                {register ? (
                  <SuggestionChart
                    suggestions={suggestions}
                    pick={x}
                    measureType={mt}
                    comparator={comparatorFor(register, id, suggestions.year)}
                    startMonth={sm}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.length > 0 ? (
        <div>
          <Subtitle2 as="h3">Multi-year plan</Subtitle2>
          <ol className={s.milestones} aria-label="Multi-year plan: the target of each year">
            {plan.map((p) => (
              <li key={p.year}>
                {formatFiscalYear(p.year, sm)}: {figure(mt, p.target)}
                {p.typed ? " (typed)" : " (on the line to the final target)"}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </fieldset>
  );
}
