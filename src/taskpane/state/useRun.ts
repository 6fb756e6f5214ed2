/** One long action at a time: a second cannot start while one runs; errors become an error notice. */
import { useCallback, useState } from "react";
import { messageOf } from "./messageOf";
import type { Notice } from "./types";
import type { WorkbookStore } from "./workbookStore";

export function useRun(store: WorkbookStore, notify: (notice: Notice) => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (label: string, action: () => Promise<void>): Promise<boolean> => {
      if (store.busy) return false;
      store.busy = true;
      setBusy(label);
      try {
        await action();
        return true;
      } catch (e) {
        notify({ intent: "error", title: `${label} failed`, text: messageOf(e) });
        return false;
      } finally {
        store.busy = false;
        setBusy(null);
      }
    },
    [store, notify],
  );
  return { busy, run };
}
