/**
 * The task pane's shared state: the workbook as last read (a WorkbookStore read through
 * useSyncExternalStore), the quarter being worked on, one long action at a time, and the notice
 * shown after each action.
 */
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import type { WorkbookHost } from "../../contract";
import type { Notice, PaneServices, PaneState, WorkbookData } from "./types";
import { usePeriod } from "./usePeriod";
import { useRun } from "./useRun";
import { WorkbookStore } from "./workbookStore";

const PaneContext = createContext<PaneState | null>(null);

export function usePane(): PaneState {
  const s = useContext(PaneContext);
  if (!s) throw new Error("usePane outside <PaneProvider>");
  return s;
}

const NO_SERVICES: PaneServices = {};

export function PaneProvider(props: {
  host: WorkbookHost;
  services?: PaneServices;
  initial?: WorkbookData | null;
  children: ReactNode;
}) {
  const { host } = props;
  const [initial] = useState(props.initial ?? null);
  const store = useMemo(() => new WorkbookStore(host, initial), [host, initial]);
  const { data, revision, loadError } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, run } = useRun(store, setNotice);
  const { period, setPeriod } = usePeriod(data);
  const services = props.services ?? NO_SERVICES;

  const value = useMemo<PaneState>(
    () => ({
      host,
      services,
      data,
      revision,
      loadError,
      reload: store.reload,
      busy,
      run,
      notice,
      notify: setNotice,
      period,
      setPeriod,
    }),
    [host, services, data, revision, loadError, store, busy, run, notice, period, setPeriod],
  );
  return <PaneContext.Provider value={value}>{props.children}</PaneContext.Provider>;
}
