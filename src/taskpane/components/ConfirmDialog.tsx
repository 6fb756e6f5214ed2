/** A dialog asking to confirm an action. */
import { Button, Dialog, DialogSurface } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { DialogParts } from "./DialogParts";

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
        <DialogParts
          title={props.title}
          actions={
            <>
              <Button appearance="primary" onClick={props.onConfirm}>
                {props.confirm}
              </Button>
              <Button onClick={props.onCancel}>Cancel</Button>
            </>
          }
        >
          {props.children}
        </DialogParts>
      </DialogSurface>
    </Dialog>
  );
}
