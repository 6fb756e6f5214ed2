/** Commentary and action for every Amber and Red row of the quarter's report. */
import { Body1, Caption1 } from "@fluentui/react-components";
import { useMemo } from "react";
import { buildReport, type Quarter } from "../../../engine";
import { PaneSection } from "../../components";
import { usePane } from "../../state";
import { CommentaryCard } from "./CommentaryCard";

export function Commentary(props: { quarter: Quarter }) {
  const pane = usePane();
  const register = pane.data?.read.register;
  const entries = useMemo(
    () =>
      register
        ? buildReport(register, props.quarter).entries.filter(
            (e) => e.row.rag === "Red" || e.row.rag === "Amber",
          )
        : [],
    [register, props.quarter],
  );
  return (
    <PaneSection id="commentary-h" title={<>Commentary for Amber and Red ({entries.length})</>}>
      {entries.length === 0 ? (
        <Body1>No indicator is Amber or Red in this quarter.</Body1>
      ) : (
        <>
          <Caption1>Say why each one is off track and what is being done about it.</Caption1>
          {entries.map((e) => (
            <CommentaryCard key={`${e.row.indicatorId}|${e.row.orgUnit}`} entry={e} />
          ))}
        </>
      )}
    </PaneSection>
  );
}
