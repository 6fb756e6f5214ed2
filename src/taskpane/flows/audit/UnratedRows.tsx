/** The rows the report's rule cannot rate, with how their published status was read. */
import { Subtitle2 } from "@fluentui/react-components";
import type { AuditResult } from "../../../contract";
import { useSharedStyles } from "../../styles";
import { AuditItem } from "./AuditItem";
import { publishedWords } from "./model";

export function UnratedRows(props: { result: AuditResult }) {
  const shared = useSharedStyles();
  const unrated = props.result.rows.filter((r) => r.outcome === "cannot-rate");
  if (unrated.length === 0) return null;
  return (
    <>
      <Subtitle2 as="h4">Rows that cannot be rated ({unrated.length})</Subtitle2>
      <ul className={shared.plainList} aria-label="Rows that cannot be rated">
        {unrated.map((r) => (
          <AuditItem
            key={r.cell}
            sheet={props.result.sheet}
            cell={r.cell}
            heading={
              <>
                · {r.label}: published {publishedWords(r)}
              </>
            }
            explanation={r.explanation}
          />
        ))}
      </ul>
    </>
  );
}
