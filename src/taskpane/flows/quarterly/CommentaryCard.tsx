/** One Amber or Red row: its explanation, and its commentary and action to type and save. */
import { Body1, Caption1, Field, Subtitle2, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import type { ReportEntry } from "../../../engine";
import { ActionButton, RagBadge } from "../../components";
import { usePane } from "../../state";
import { useSharedStyles } from "../../styles";

export function CommentaryCard(props: { entry: ReportEntry }) {
  const pane = usePane();
  const s = useSharedStyles();
  const e = props.entry;
  const [commentary, setCommentary] = useState(e.commentary);
  const [action, setAction] = useState(e.action);
  const unchanged = commentary === e.commentary && action === e.action;
  const missing = e.commentary.trim() === "" || e.action.trim() === "";
  const headingId = `cm-${e.row.indicatorId}-${e.row.orgUnit}`.replace(/[^A-Za-z0-9_-]/g, "-");
  const what = `${e.row.indicatorId} (${e.row.orgUnit})`;
  return (
    <article className={s.card} aria-labelledby={headingId}>
      <div className={s.heading}>
        <RagBadge status={e.row.rag} />
        <Subtitle2 as="h3" id={headingId}>
          {e.row.indicatorId} · {e.row.orgUnit}
        </Subtitle2>
      </div>
      <Caption1>{e.indicator}</Caption1>
      <Body1>{e.row.explanation}</Body1>
      {missing ? (
        <Caption1 className={s.error}>
          Needs {e.commentary.trim() === "" ? "commentary" : "an action"}.
        </Caption1>
      ) : null}
      <Field label="Commentary">
        <Textarea value={commentary} onChange={(_ev, d) => setCommentary(d.value)} resize="vertical" />
      </Field>
      <Field label="Action">
        <Textarea value={action} onChange={(_ev, d) => setAction(d.value)} resize="vertical" />
      </Field>
      <div className={s.buttons}>
        <ActionButton
          action={`Saving commentary for ${what}`}
          aria-label={`Save commentary for ${what}`}
          disabled={unchanged}
          onRun={async () => {
            await pane.host.setCommentary(
              e.row.indicatorId,
              e.row.orgUnit,
              e.row.period,
              commentary.trim(),
              action.trim(),
            );
            await pane.reload();
            pane.notify({
              intent: "success",
              title: `Commentary saved for ${what}`,
              text: "It is kept by every refresh; refresh the report to show it on the report sheet.",
            });
          }}
        >
          Save commentary
        </ActionButton>
      </div>
    </article>
  );
}
