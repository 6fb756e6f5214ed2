/** The inside of the pane's dialogs: title, content, then the action buttons. */
import { DialogActions, DialogBody, DialogContent, DialogTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";

export function DialogParts(props: { title: string; children?: ReactNode; actions: ReactNode }) {
  return (
    <DialogBody>
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>{props.children}</DialogContent>
      <DialogActions>{props.actions}</DialogActions>
    </DialogBody>
  );
}
