/**
 * The workbook as the pane last read it, as an external store for `useSyncExternalStore`: the
 * raw tables and the contract's reading of them, a revision that forms reset their texts on, and
 * the error of the last read.
 *
 * The pane stays loaded while hidden (shared runtime) and co-authors edit the same tables, so
 * while anything subscribes the store listens to the host's change events (`host.subscribe`: a
 * table changed, the pane shown again) and reads the workbook again, debounced, never while an
 * action runs (the action re-reads when it ends). Such a re-read is quiet: it refreshes what the
 * pane shows but not the revision, so nothing being typed is lost.
 */
import { readRegister, type RawWorkbook, type WorkbookHost } from "../../contract";
import { messageOf } from "./messageOf";
import type { ReloadOptions, WorkbookData } from "./types";

/** Wait this long after the last change before re-reading (a paste raises many events). */
export const CHANGE_DEBOUNCE_MS = 400;

export function readData(book: RawWorkbook): WorkbookData {
  return { book, read: readRegister(book) };
}

export interface WorkbookSnapshot {
  readonly data: WorkbookData | null;
  readonly revision: number;
  readonly loadError: string | null;
}

export class WorkbookStore {
  private snapshot: WorkbookSnapshot;
  private readonly listeners = new Set<() => void>();
  private stopListening: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** True while an action runs: changes are then left for the action's own re-read. */
  busy = false;

  constructor(
    private readonly host: WorkbookHost,
    initial: WorkbookData | null,
  ) {
    this.snapshot = { data: initial, revision: 0, loadError: null };
  }

  readonly getSnapshot = (): WorkbookSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.listen();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  };

  /** Read the workbook again; a quiet read keeps the revision (forms keep their texts). */
  readonly reload = async (options: ReloadOptions = {}): Promise<WorkbookData | null> => {
    try {
      const data = readData(await this.host.read());
      const revision = this.snapshot.revision + (options.quiet === true ? 0 : 1);
      this.set({ data, revision, loadError: null });
      return data;
    } catch (e) {
      this.set({ ...this.snapshot, loadError: messageOf(e) });
      return null;
    }
  };

  private set(next: WorkbookSnapshot): void {
    this.snapshot = next;
    for (const l of [...this.listeners]) l();
  }

  private listen(): void {
    if (!this.host.subscribe) return;
    this.stopListening = this.host.subscribe(() => {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        if (!this.busy) void this.reload({ quiet: true });
      }, CHANGE_DEBOUNCE_MS);
    });
  }

  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopListening?.();
    this.stopListening = null;
  }
}
