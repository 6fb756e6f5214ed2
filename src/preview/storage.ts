/**
 * The preview keeps its workbook in this browser's local storage, so a reload finds it as it
 * was; "Reset to sample" starts again from the sample.
 */
import { MemoryWorkbook } from "../memory-excel";

export const STORAGE_KEY = "perfcycle.preview.workbook.v1";

export type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function browserStore(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The saved workbook, null when there is none; a saved workbook that cannot be read is reported, not used. */
export function loadSaved(store: Store | null): { book: MemoryWorkbook | null; problem: string | null } {
  const text = store?.getItem(STORAGE_KEY) ?? null;
  if (text === null) return { book: null, problem: null };
  try {
    return { book: MemoryWorkbook.fromJSON(text), problem: null };
  } catch (e) {
    return { book: null, problem: e instanceof Error ? e.message : String(e) };
  }
}

/** Save the workbook; false (with the reason) when the browser refuses (storage full or off). */
export function save(store: Store | null, book: MemoryWorkbook): { ok: boolean; problem: string | null } {
  if (!store) return { ok: false, problem: "This browser does not allow local storage" };
  try {
    store.setItem(STORAGE_KEY, book.serialise());
    return { ok: true, problem: null };
  } catch (e) {
    return { ok: false, problem: e instanceof Error ? e.message : String(e) };
  }
}

export function clearSaved(store: Store | null): void {
  try {
    store?.removeItem(STORAGE_KEY);
  } catch {
    // nothing saved to clear
  }
}
