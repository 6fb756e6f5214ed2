/** The published percentages that do not match their numerator and denominator. */
import { Body1, Subtitle2 } from "@fluentui/react-components";
import type { AuditResult } from "../../../contract";
import { useSharedStyles } from "../../styles";
import { AuditItem } from "./AuditItem";

export function ArithmeticFindings(props: { result: AuditResult }) {
  const shared = useSharedStyles();
  const { published } = props.result;
  return (
    <>
      <Subtitle2 as="h4">Arithmetic ({published.length})</Subtitle2>
      {published.length === 0 ? (
        <Body1>Every percentage beside its numerator and denominator matches them.</Body1>
      ) : (
        <ul className={shared.plainList} aria-label="Published percentages that do not match their figures">
          {published.map((f) => (
            <AuditItem
              key={f.cell}
              sheet={f.sheet}
              cell={f.cell}
              heading={
                <>
                  &quot;{f.text}&quot; should be {f.expected || "–"} (
                  {f.severity === "error" ? "error" : "warning"})
                </>
              }
              explanation={f.message}
            />
          ))}
        </ul>
      )}
    </>
  );
}
