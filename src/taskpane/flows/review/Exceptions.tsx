/** The exceptions of the quarter: Red, then Amber, then No data. */
import { Body1 } from "@fluentui/react-components";
import type { RagStatus, Report } from "../../../engine";
import { PaneSection } from "../../components";
import { ExceptionCard } from "./ExceptionCard";
import { useReviewStyles } from "./review.styles";

const EXCEPTIONS: readonly RagStatus[] = ["Red", "Amber", "No data"];

export function Exceptions(props: { report: Report }) {
  const s = useReviewStyles();
  const exceptions = [...props.report.entries]
    .filter((e) => EXCEPTIONS.includes(e.row.rag))
    .sort((a, b) => EXCEPTIONS.indexOf(a.row.rag) - EXCEPTIONS.indexOf(b.row.rag));
  return (
    <PaneSection id="exceptions-h" title={<>Exceptions ({exceptions.length})</>}>
      {exceptions.length === 0 ? (
        <Body1>No indicator is Red, Amber or without data.</Body1>
      ) : (
        <ul className={s.list} aria-label="Exceptions">
          {exceptions.map((e) => (
            <ExceptionCard key={`${e.row.indicatorId}|${e.row.orgUnit}`} entry={e} />
          ))}
        </ul>
      )}
    </PaneSection>
  );
}
