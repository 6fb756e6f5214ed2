/** The notice shown after each action, announced politely, with a button to dismiss it. */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { usePane } from "../state";

const useStyles = makeStyles({
  notice: { marginBottom: tokens.spacingVerticalS },
});

export function NoticeBar() {
  const pane = usePane();
  const s = useStyles();
  const n = pane.notice;
  return (
    <div aria-live="polite" className={n ? s.notice : undefined}>
      {n ? (
        <MessageBar intent={n.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{n.title}</MessageBarTitle>
            {n.text ?? null}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss the message"
                onClick={() => pane.notify(null)}
              >
                ✕
              </Button>
            }
          />
        </MessageBar>
      ) : null}
    </div>
  );
}
