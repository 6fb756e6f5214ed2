/**
 * Small pieces shared by the flows: the RAG status as text on its colour, a button that runs a
 * long action (spinner while it runs; every action button is disabled until it ends), dialogs
 * asking for a confirmation or a reason, the notice bar, and a list of problems.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useId, useState, type ReactElement, type ReactNode } from "react";
import type { RagStatus } from "../engine";
import { RAG_COLOURS } from "../present";
import { defined } from "./format";
import { usePane } from "./state";

const useStyles = makeStyles({
  rag: {
    display: "inline-block",
    padding: "1px 6px",
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  problems: {
    margin: 0,
    paddingLeft: "18px",
    display: "flex",
    flexDirection: "column",
    rowGap: "4px",
  },
  notice: { marginBottom: tokens.spacingVerticalS },
});

/** The status written as text on its RAG colour (the colour is never the only signal). */
export function RagBadge(props: { status: RagStatus }) {
  const s = useStyles();
  const c = RAG_COLOURS[props.status];
  return (
    <span className={s.rag} style={{ backgroundColor: c.fill, color: c.font }} data-rag={props.status}>
      {props.status}
    </span>
  );
}

/**
 * A button that runs a long action through the pane: shows a spinner while its action runs and is
 * disabled (still focusable) while any action runs, so an action cannot be started twice.
 */
/** The button props the pane's buttons use. */
export interface PaneButtonProps {
  readonly appearance?: "secondary" | "primary" | "outline" | "subtle" | "transparent";
  readonly size?: "small" | "medium" | "large";
  readonly icon?: ReactElement;
  readonly title?: string;
  readonly "aria-label"?: string;
  readonly type?: "button" | "submit";
  readonly className?: string;
  readonly children?: ReactNode;
  readonly disabled?: boolean;
}

function PaneButton(props: PaneButtonProps & { action: string; onClick?: () => void }) {
  const pane = usePane();
  const mine = pane.busy === props.action;
  return (
    <Button
      disabledFocusable={Boolean(props.disabled) || pane.busy !== null}
      {...defined({
        appearance: props.appearance,
        size: props.size,
        title: props.title,
        "aria-label": props["aria-label"],
        type: props.type,
        className: props.className,
        onClick: props.onClick,
        icon: mine ? <Spinner size="extra-tiny" aria-hidden /> : props.icon,
        "aria-busy": mine || undefined,
      })}
    >
      {props.children}
    </Button>
  );
}

/**
 * A button that runs a long action through the pane: shows a spinner while its action runs and is
 * disabled (still focusable) while any action runs, so an action cannot be started twice.
 */
export function ActionButton(
  props: PaneButtonProps & {
    /** The action's name, shown in the progress text and in an error notice. */
    action: string;
    onRun: () => Promise<void>;
    /** Called after the action ran to the end. */
    onDone?: () => void;
  },
) {
  const pane = usePane();
  const { onRun, onDone, ...rest } = props;
  return (
    <PaneButton
      {...rest}
      onClick={() => {
        void pane.run(props.action, onRun).then((ok) => {
          if (ok) onDone?.();
        });
      }}
    />
  );
}

/** A button for an action that runs through the pane by other means (e.g. after a dialog): spinner and disabling as ActionButton. */
export function BusyButton(props: PaneButtonProps & { action: string; onClick?: () => void }) {
  return <PaneButton {...props} />;
}

/** The progress of the action running, announced politely. */
export function Progress() {
  const pane = usePane();
  return (
    <div role="status" aria-live="polite">
      {pane.busy !== null ? <Spinner size="tiny" labelPosition="after" label={`${pane.busy}…`} /> : null}
    </div>
  );
}

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

/** A list of problems, each with an optional button (e.g. to select its cell). */
export function ProblemList(props: {
  label: string;
  items: readonly { key: string; text: ReactNode; action?: ReactNode }[];
}) {
  const s = useStyles();
  if (props.items.length === 0) return null;
  return (
    <ul className={s.problems} aria-label={props.label}>
      {props.items.map((i) => (
        <li key={i.key}>
          {i.text} {i.action ?? null}
        </li>
      ))}
    </ul>
  );
}

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={props.open}
      onOpenChange={(_e, d) => (d.open ? undefined : props.onCancel())}
      modalType="alert"
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {props.confirm}
            </Button>
            <Button onClick={props.onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Asks why an agreed or approved target changes; the reason goes to the audit log. */
export function ReasonDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  onSave: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const id = useId();
  const blank = reason.trim() === "";
  return (
    <Dialog
      open={props.open}
      onOpenChange={(_e, d) => {
        if (!d.open) {
          setReason("");
          props.onCancel();
        }
      }}
    >
      <DialogSurface aria-describedby={`${id}-why`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (blank) return;
            const r = reason.trim();
            setReason("");
            props.onSave(r);
          }}
        >
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent>
              <p id={`${id}-why`}>
                This target has been agreed, so the change is recorded in the audit log with who made it,
                when, the old and new values and your reason.
              </p>
              {props.children}
              <Field label="Reason for the change" required hint="Required: it is written to the audit log.">
                <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} resize="vertical" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabledFocusable={blank}>
                Save with this reason
              </Button>
              <Button
                onClick={() => {
                  setReason("");
                  props.onCancel();
                }}
              >
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
