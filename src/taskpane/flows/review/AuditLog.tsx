/** The audit log of changes to agreed targets, newest first: when, who, what changed and why. */
import { Body1, Caption1 } from "@fluentui/react-components";
import type { AuditEntry } from "../../../contract";
import { PaneSection } from "../../components";
import { dateTime } from "../../format";
import { useReviewStyles } from "./review.styles";

export function AuditLog(props: { audit: readonly AuditEntry[] | null }) {
  const s = useReviewStyles();
  const { audit } = props;
  return (
    <PaneSection id="audit-h" title={<>Audit log{audit ? ` (${audit.length})` : ""}</>}>
      {audit === null ? (
        <Caption1>Reading the audit log…</Caption1>
      ) : audit.length === 0 ? (
        <Body1>No changes to agreed targets yet.</Body1>
      ) : (
        <ol className={s.list} aria-label="Audit log of changes to agreed targets, newest first">
          {[...audit].reverse().map((a, i) => (
            <li key={`${a.when}-${i}`} className={s.auditItem}>
              <Caption1 block>
                <time dateTime={a.when}>{dateTime(a.when)}</time> · {a.who}
              </Caption1>
              <Body1 block>
                <strong>
                  {a.indicatorId} ({a.orgUnit})
                </strong>{" "}
                {a.field}: {a.oldValue || "(blank)"} → {a.newValue || "(blank)"}
              </Body1>
              <Caption1 block>Reason: {a.reason || "(none given)"}</Caption1>
            </li>
          ))}
        </ol>
      )}
    </PaneSection>
  );
}
