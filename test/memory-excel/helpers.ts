/** What the in-memory Excel tests share: a fake Excel over a workbook, and the error a batch rejects with. */
import { createMemoryExcel, MemoryWorkbook, type MemoryExcel } from "../../src/memory-excel";

export function excelWith(book = MemoryWorkbook.blank()): MemoryExcel {
  return createMemoryExcel({ book });
}

export async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected a rejection");
}
