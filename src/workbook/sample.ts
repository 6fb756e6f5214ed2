/** Load the sample into a workbook without PerfCycle tables (first use). */
import { CONTRACT_TABLES, sampleBook } from "../contract";
import { localAddress, parseBox } from "./address";
import { jsonBytes, WriteBatch } from "./batch";
import { toExcel } from "./cells";
import { freeSheetName, WorkbookError, type HostContext } from "./context";
import { foundName, queueDiscovery } from "./tables";

type SampleSheet = ReturnType<typeof sampleBook>["sheets"][number];

/** Queue one sample table: values, the table, then its number formats. */
async function writeSampleTable(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  t: SampleSheet["tables"][number],
): Promise<void> {
  const top = parseBox(t.topLeft);
  const width = t.headers.length;
  const grid = [
    t.headers.map((h) => toExcel(h)),
    ...t.rows.map((row) => Array.from({ length: width }, (_, j) => toExcel(row[j]))),
  ];
  await batch.room(jsonBytes(grid) + 400);
  const address = localAddress(top.row, top.col, grid.length, width);
  sheet.getRange(address).values = grid;
  sheet.tables.add(address, true).name = t.name;
  const formats = t.rows.map((_, i) =>
    Array.from({ length: width }, (_, j) => {
      const f = t.cellFormats?.[i]?.[j] ?? t.numberFormats?.[j] ?? "General";
      return f === "General" ? null : f;
    }),
  );
  if (formats.some((row) => row.some((f) => f !== null))) {
    await batch.room(jsonBytes(formats));
    sheet.getRange(localAddress(top.row + 1, top.col, t.rows.length, width)).numberFormat = formats;
  }
}

export function loadSample(h: HostContext): Promise<void> {
  return h.run(async (context) => {
    const discovered = queueDiscovery(context);
    await context.sync();
    const d = discovered();
    const existing = CONTRACT_TABLES.map((t) => foundName(d, t.name)).filter(
      (n): n is string => n !== undefined,
    );
    if (existing.length > 0) {
      throw new WorkbookError(
        "ALREADY_SET_UP",
        `This workbook already has PerfCycle tables (${existing.join(", ")}); the sample goes into a workbook without them.`,
      );
    }
    const batch = new WriteBatch(context, h.budget);
    const taken = new Set<string>();
    let first: Excel.Worksheet | undefined;
    for (const s of sampleBook().sheets) {
      await batch.room(400);
      const sheet = context.workbook.worksheets.add(freeSheetName(d, taken, s.name));
      first ??= sheet;
      for (const c of s.cells ?? []) {
        await batch.room(jsonBytes(c) + 200);
        const cell = sheet.getRange(c.address);
        cell.values = [[toExcel(c.value)]];
        if (c.numberFormat !== undefined) cell.numberFormat = [[c.numberFormat]];
      }
      for (const t of s.tables) await writeSampleTable(batch, sheet, t);
    }
    first?.activate();
    await batch.finish();
  });
}
