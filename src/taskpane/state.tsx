/**
 * The task pane's shared state: the workbook as last read (raw tables and the contract's
 * reading of them), the quarter being worked on, one long action at a time (a second cannot
 * start while one runs), and the notice shown after each action.
 *
 * The pane stays loaded while hidden (shared runtime) and co-authors edit the same tables, so
 * it re-reads the workbook when the host says something changed (`host.subscribe`: a table
 * changed, the pane shown again), debounced, and never while an action runs (the action re-reads
 * when it ends). Such a re-read refreshes what the pane shows but does not reset forms, so
 * nothing being typed is lost.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { formatQuarter, parsePeriod } from "../engine";
import type { UserName } from "./user";
import { readRegister, type RawWorkbook, type ReadResult, type WorkbookHost } from "../contract";
import type { ReportExporter } from "./exportReport";
import type { ExcelCheckService } from "./flows/ExcelCheckSection";

export interface WorkbookData {
  readonly book: RawWorkbook;
  readonly read: ReadResult;
}

export type NoticeIntent = "success" | "info" | "warning" | "error";

export interface Notice {
  readonly intent: NoticeIntent;
  readonly title: string;
  readonly text?: string;
}

/** Services the pane uses beside the workbook (injected, so tests and the preview can replace them). */
export interface PaneServices {
  /** Offer a file to the user (the committee report). */
  readonly download?: (content: string, fileName: string, mimeType: string) => void;
  /** How the committee report reaches the user on this host (default: `download`). */
  readonly exportReport?: ReportExporter;
  /** Set up → "Check this Excel": the run to check and which Excel it is. */
  readonly excelCheck?: ExcelCheckService;
  readonly now?: () => Date;
  /** The workbook's name, for the report's heading. */
  readonly workbookName?: string;
  /** Who is working, as the audit log records it (asked for in Set up). */
  readonly user?: UserName;
}

export interface PaneState {
  readonly host: WorkbookHost;
  readonly services: PaneServices;
  readonly data: WorkbookData | null;
  /** Increases each time the workbook is read again (forms reset their texts on it). */
  readonly version: number;
  readonly loadError: string | null;
  /** Read the workbook again (after every write); `quiet` keeps forms as they are (version unchanged). */
  reload(options?: { readonly quiet?: boolean }): Promise<WorkbookData | null>;
  /** The label of the long action running, or null. */
  readonly busy: string | null;
  /** Run a long action unless one is running; errors become an error notice. Resolves true when it ran to the end. */
  run(label: string, action: () => Promise<void>): Promise<boolean>;
  readonly notice: Notice | null;
  notify(notice: Notice | null): void;
  /** The quarter worked on (canonical label), or null before the workbook has one. */
  readonly period: string | null;
  setPeriod(period: string): void;
}

const PaneContext = createContext<PaneState | null>(null);

export function usePane(): PaneState {
  const s = useContext(PaneContext);
  if (!s) throw new Error("usePane outside <PaneProvider>");
  return s;
}

export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === "object" && e !== null && "message" in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

/** Wait this long after the last change before re-reading (a paste raises many events). */
export const CHANGE_DEBOUNCE_MS = 400;

export function readData(book: RawWorkbook): WorkbookData {
  return { book, read: readRegister(book) };
}

export function PaneProvider(props: {
  host: WorkbookHost;
  services?: PaneServices;
  initial?: WorkbookData | null;
  children: ReactNode;
}) {
  const { host } = props;
  const [data, setData] = useState<WorkbookData | null>(props.initial ?? null);
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const running = useRef(false);

  const reload = useCallback(
    async (options: { readonly quiet?: boolean } = {}): Promise<WorkbookData | null> => {
      try {
        const d = readData(await host.read());
        setData(d);
        if (options.quiet !== true) setVersion((v) => v + 1);
        setLoadError(null);
        return d;
      } catch (e) {
        setLoadError(messageOf(e));
        return null;
      }
    },
    [host],
  );

  // Re-read on changes the pane did not make (debounced; skipped while an action runs).
  useEffect(() => {
    if (!host.subscribe) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = host.subscribe(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (!running.current) void reload({ quiet: true });
      }, CHANGE_DEBOUNCE_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      off();
    };
  }, [host, reload]);

  const run = useCallback(async (label: string, action: () => Promise<void>): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(label);
    try {
      await action();
      return true;
    } catch (e) {
      setNotice({ intent: "error", title: `${label} failed`, text: messageOf(e) });
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const settings = data?.read.register?.settings;
  const defaultPeriod = settings?.reportingPeriod
    ? formatQuarter(settings.reportingPeriod, settings.startMonth)
    : null;
  let period = chosen ?? defaultPeriod;
  if (period !== null && settings) {
    const p = parsePeriod(period, { startMonth: settings.startMonth });
    period = p.ok ? formatQuarter(p.value, settings.startMonth) : defaultPeriod;
  }

  const value = useMemo<PaneState>(
    () => ({
      host,
      services: props.services ?? {},
      data,
      version,
      loadError,
      reload,
      busy,
      run,
      notice,
      notify: setNotice,
      period,
      setPeriod: setChosen,
    }),
    [host, props.services, data, version, loadError, reload, busy, run, notice, period],
  );
  return <PaneContext.Provider value={value}>{props.children}</PaneContext.Provider>;
}
