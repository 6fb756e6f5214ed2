/** Asks why an agreed or approved target changes; the reason goes to the audit log. */
import { Button, Dialog, DialogSurface, Field, Textarea } from "@fluentui/react-components";
import { useId, useState, type ReactNode } from "react";
import { DialogParts } from "./DialogParts";

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
          <DialogParts
            title={props.title}
            actions={
              <>
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
              </>
            }
          >
            <p id={`${id}-why`}>
              This target has been agreed, so the change is recorded in the audit log with who made it, when,
              the old and new values and your reason.
            </p>
            {props.children}
            <Field label="Reason for the change" required hint="Required: it is written to the audit log.">
              <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} resize="vertical" />
            </Field>
          </DialogParts>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
