/**
 * Hearing of changes the pane did not make: a co-author's edit, the user typing in a table, or
 * the pane shown again after it was hidden (the shared runtime keeps it loaded while hidden).
 * Microsoft's co-authoring guidance: "Implement event handlers to refresh on changes"
 * (https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins).
 *
 * Table changes come from `TableCollection.onChanged` (ExcelApi 1.7), registered in an Excel.run
 * of its own; the handler is removed with the context that added it.
 */
import type { HostContext } from "./context";

interface Registration {
  remove(): void;
  readonly context: { sync(): Promise<void> };
}

/** Call `onChange` on each change to a table and each time the pane is shown; returns the unsubscribe. */
export function subscribe(h: HostContext, onChange: () => void): () => void {
  let stopped = false;
  let registration: Registration | null = null;
  const removeRegistration = (r: Registration): void => {
    r.remove();
    void r.context.sync().catch(() => undefined);
  };
  void h
    .run(async (context) => {
      const r = context.workbook.tables.onChanged.add(async () => {
        if (!stopped) onChange();
      }) as unknown as Registration;
      await context.sync();
      if (stopped) removeRegistration(r);
      else registration = r;
    })
    .catch(() => undefined); // an Excel without table events: the pane re-reads after its own actions only
  const offPane = h.options.onPaneShown?.(() => {
    if (!stopped) onChange();
  });
  return () => {
    stopped = true;
    offPane?.();
    if (registration) removeRegistration(registration);
    registration = null;
  };
}
