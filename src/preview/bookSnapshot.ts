/**
 * The in-memory workbook as an external store for `useSyncExternalStore`: a snapshot object per
 * change (`{ book, version }`), so whatever is computed from the workbook can depend on the
 * snapshot and be computed again exactly when the workbook changed.
 */
import { useCallback, useSyncExternalStore } from "react";
import type { MemoryWorkbook } from "../memory-excel";

export interface BookSnapshot {
  readonly book: MemoryWorkbook;
  /** Counts the workbook's change notifications. */
  readonly version: number;
}

const snapshots = new WeakMap<MemoryWorkbook, BookSnapshot>();

/**
 * Start counting a workbook's changes (idempotent; the count lives as long as the workbook). Call
 * it when the workbook is opened, so the count's listener runs before any view's.
 */
export function trackVersions(book: MemoryWorkbook): BookSnapshot {
  const known = snapshots.get(book);
  if (known) return known;
  const first: BookSnapshot = { book, version: 1 };
  snapshots.set(book, first);
  book.subscribe(() => snapshots.set(book, { book, version: (snapshots.get(book)?.version ?? 0) + 1 }));
  return first;
}

/** The workbook's latest snapshot; the component re-renders on each change. */
export function useBookSnapshot(book: MemoryWorkbook): BookSnapshot {
  const subscribe = useCallback((listener: () => void) => book.subscribe(listener), [book]);
  const getSnapshot = useCallback(() => snapshots.get(book) ?? trackVersions(book), [book]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
