/** The audit's rows: the statuses that disagree with the rule, and the rows that cannot be rated. */
import { Body1, Caption1, Subtitle2 } from "@fluentui/react-components";
import type { AuditResult } from "../../../contract";
import { RagBadge } from "../../components";
import { useSharedStyles } from "../../styles";
import { useAuditStyles } from "./audit.styles";
import { publishedWords } from "./model";
import { SelectCellButton } from "./SelectCellButton";

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
          <li key={r.cell} className={s.item}>
            <Body1 block>
              <strong>{r.cell}</strong> · {r.label}
            </Body1>
            <span className={s.statuses}>
              Published {r.published ? <RagBadge status={r.published.status} /> : "none"}
              {r.published?.from === "fill" ? <Caption1>(fill {r.published.fill})</Caption1> : null}
              {" · "}by the rule {r.recomputed ? <RagBadge status={r.recomputed} /> : "–"}
            </span>
            <Caption1 block>{r.explanation}</Caption1>
            <SelectCellButton sheet={props.result.sheet} cell={r.cell} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function UnratedRows(props: { result: AuditResult }) {
  const s = useAuditStyles();
  const shared = useSharedStyles();
  const unrated = props.result.rows.filter((r) => r.outcome === "cannot-rate");
  if (unrated.length === 0) return null;
  return (
    <>
      <Subtitle2 as="h4">Rows that cannot be rated ({unrated.length})</Subtitle2>
      <ul className={shared.plainList} aria-label="Rows that cannot be rated">
        {unrated.map((r) => (
          <li key={r.cell} className={s.item}>
            <Body1 block>
              <strong>{r.cell}</strong> · {r.label}: published {publishedWords(r)}
            </Body1>
            <Caption1 block>{r.explanation}</Caption1>
            <SelectCellButton sheet={props.result.sheet} cell={r.cell} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function ArithmeticFindings(props: { result: AuditResult }) {
  const s = useAuditStyles();
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
            <li key={f.cell} className={s.item}>
              <Body1 block>
                <strong>{f.cell}</strong> &quot;{f.text}&quot; should be {f.expected || "–"} (
                {f.severity === "error" ? "error" : "warning"})
              </Body1>
              <Caption1 block>{f.message}</Caption1>
              <SelectCellButton sheet={f.sheet} cell={f.cell} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
