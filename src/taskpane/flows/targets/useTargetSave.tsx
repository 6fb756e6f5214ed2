/**
 * Saving a target edit: a target already Agreed or Approved asks for a reason first (a dialog),
 * and the host's answer "needs a reason" opens the same dialog; the save then goes to the audit
 * log with the reason. Returns the save function and the dialog to render.
 */
import { useState } from "react";
import { isProtectedStatus, type TargetStatus } from "../../../engine";
import type { TargetEdit } from "../../../contract";
import { ReasonDialog } from "../../components";
import { plural } from "../../format";
import { usePane } from "../../state";

export interface PendingSave {
  readonly edit: TargetEdit;
  readonly label: string;
  readonly what: string;
  readonly onSaved?: () => void;
}

export function isProtected(status: TargetStatus | null | undefined): boolean {
  return isProtectedStatus(status);
}

export function useTargetSave() {
  const pane = usePane();
  const [pending, setPending] = useState<PendingSave | null>(null);

  const write = async (p: PendingSave, reason: string | undefined): Promise<void> => {
    const edit: TargetEdit = reason === undefined ? p.edit : { ...p.edit, reason };
    const outcome = await pane.host.saveTarget(edit);
    if (!outcome.ok) {
      if (outcome.needsReason && reason === undefined) {
        setPending(p);
        return;
      }
      pane.notify({ intent: "error", title: `${p.what} was not saved`, text: outcome.message });
      return;
    }
    setPending(null);
    await pane.reload();
    pane.notify({
      intent: "success",
      title: `${p.what} saved`,
      ...(outcome.audited > 0
        ? { text: `${plural(outcome.audited, "change")} recorded in the audit log.` }
        : {}),
    });
    p.onSaved?.();
  };

  /** Save, asking for a reason first when the target's status is known to be protected. */
  const save = (p: PendingSave, status: TargetStatus | null): void => {
    if (isProtected(status)) {
      setPending(p);
      return;
    }
    void pane.run(p.label, () => write(p, undefined));
  };

  const dialog = (
    <ReasonDialog
      open={pending !== null}
      title={pending ? `Why change ${pending.what}?` : "Reason for the change"}
      onCancel={() => setPending(null)}
      onSave={(reason) => {
        const p = pending;
        setPending(null);
        if (p) void pane.run(p.label, () => write(p, reason));
      }}
    />
  );
  return { save, dialog };
}
