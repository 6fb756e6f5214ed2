/** The rows whose published status differs from the one the report's rule gives. */
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { AuditResult } from "../../../contract";
import { RagBadge } from "../../components";
import { useSharedStyles } from "../../styles";
import { useAuditStyles } from "./audit.styles";
import { AuditItem } from "./AuditItem";

export function DisagreeingRows(props: { result: AuditResult }) {
  const s = useAuditStyles();
  const shared = useSharedStyles();
  const disagree = props.result.rows.filter((r) => r.outcome === "disagrees");
  return (
    <>
      <Subtitle2 as="h4">Statuses that disagree ({disagree.length})</Subtitle2>
      {disagree.length === 0 ? <Body1>None.</Body1> : null}
      <ul className={shared.plainList} aria-label="Statuses that disagree with the report's rule">
        {disagree.map((r) => (
          <AuditItem
            key={r.cell}
            sheet={props.result.sheet}
            cell={r.cell}
            heading={<>· {r.label}</>}
            explanation={r.explanation}
          >
            <span className={s.statuses}>
              Published {r.published ? <RagBadge status={r.published.status} /> : "none"}
              {r.published?.from === "fill" ? <Caption1>(fill {r.published.fill})</Caption1> : null}
              {" · "}by the rule {r.recomputed ? <RagBadge status={r.recomputed} /> : "–"}
            </span>
          </AuditItem>
        ))}
      </ul>
    </>
  );
}
