/** The quarter's summary: how many indicators by unit, by which rule, and the count of each status. */
import { RAG_STATUSES, type Report } from "../../../engine";
import { PaneSection, RagBadge } from "../../components";
import { plural } from "../../format";
import { useReviewStyles } from "./review.styles";

export function Summary(props: { report: Report }) {
  const s = useReviewStyles();
  const { report } = props;
  const caption = (
    <>
      {plural(report.entries.length, "indicator")} by unit, rated by the{" "}
      {report.ragRule === "ToleranceBand" ? "tolerance band" : report.ragRule.toLowerCase()} rule.
    </>
  );
  return (
    <PaneSection id="summary-h" title={<>Summary for {report.period}</>} caption={caption}>
      <ul className={s.counts} aria-label={`Number of indicators by status, ${report.period}`}>
        {RAG_STATUSES.map((st) => (
          <li key={st} className={s.count}>
            <span className={s.number}>{report.summary[st]}</span>
            <RagBadge status={st} />
          </li>
        ))}
      </ul>
    </PaneSection>
  );
}
