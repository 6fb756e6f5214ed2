/**
 * Writing so co-authors and filters cannot spoil it (issue 9, defects 7 and 8):
 * - rows are added by setting values just below the table, never with TableRowCollection.add
 *   (merge conflicts with co-authors); the table grows over them, calculated columns fill them,
 *   and the user's cells below the table move down instead of being overwritten;
 * - a filtered table gets one range per row, so no figure lands in a hidden row (office-js#224);
 * - the host tells the pane of table changes it did not make, and of the pane shown again.
 */
import { createMemoryExcel, type MemoryExcel } from "../../src/memory-excel";
import { TABLE, type ActualInput } from "../../src/contract";
import { createExcelHost, type ExcelHostOptions, type ExcelWorkbookHost } from "../../src/workbook";
import { PERIOD, syntheticBook, tableHeaders, tableRows } from "./fixtures";

function open(options: Partial<ExcelHostOptions> = {}): { excel: MemoryExcel; host: ExcelWorkbookHost } {
  const excel = createMemoryExcel({ book: syntheticBook(9, { userColumns: true }) });
  return {
    excel,
    host: createExcelHost(excel.run, { user: () => "Jane", now: () => new Date(2026, 10, 25), ...options }),
  };
}

const actual = (id: string, unit: string, period: string, value: number): ActualInput => ({
  indicatorId: id,
  orgUnit: unit,
  period,
  value,
  numerator: null,
  denominator: null,
});

function column(excel: MemoryExcel, table: string, name: string): number {
  return tableHeaders(excel.book, table).indexOf(name);
}

describe("rows added below the table (co-authoring)", () => {
  test("appending actuals never calls TableRowCollection.add; the table grows over the new rows", async () => {
    const { excel, host } = open();
    const before = tableRows(excel.book, TABLE.actuals).length;
    const result = await host.appendActuals([
      actual("IND-00001", "North Cluster", "2015-16 Q3", 7),
      actual("IND-00002", "South Cluster", "2015-16 Q3", 8),
    ]);
    expect(result).toMatchObject({ added: 2 });
    expect(excel.book.apiCalls.get("rows.add") ?? 0).toBe(0);
    const rows = tableRows(excel.book, TABLE.actuals);
    expect(rows.length).toBe(before + 2);
    expect(rows[before]?.[column(excel, TABLE.actuals, "Value")]).toBe(7);
    expect(rows[before + 1]?.[column(excel, TABLE.actuals, "Period")]).toBe("2015-16 Q3");
  });

  test("a calculated column of the user's fills the new rows", async () => {
    const { excel, host } = open();
    const t = excel.book.table(TABLE.actuals);
    if (!t) throw new Error("no actuals");
    excel.book.setCalculatedColumn(t, column(excel, TABLE.actuals, "Checked by"), "=[@Value]*2");
    await host.appendActuals([actual("IND-00001", "North Cluster", "2015-16 Q3", 7)]);
    const last = t.rect.row + t.rect.rowCount - 1;
    const cell = excel.book.cellView(
      t.sheet.name,
      last,
      t.rect.col + column(excel, TABLE.actuals, "Checked by"),
    );
    expect(cell.formula).toBe("=[@Value]*2");
  });

  test("the user's cells just below the table move down; nothing of theirs is overwritten", async () => {
    const { excel, host } = open();
    const t = excel.book.table(TABLE.actuals);
    if (!t) throw new Error("no actuals");
    const below = t.rect.row + t.rect.rowCount + 1; // a blank row, then the user's note
    excel.book.setCellInput(t.sheet.name, below - 1, t.rect.col, "");
    excel.book.setCellInput(t.sheet.name, below, t.rect.col, "Notes for the board");
    await host.appendActuals([
      actual("IND-00001", "North Cluster", "2015-16 Q3", 7),
      actual("IND-00002", "North Cluster", "2015-16 Q3", 8),
      actual("IND-00003", "North Cluster", "2015-16 Q3", 9),
    ]);
    const rows = tableRows(excel.book, TABLE.actuals);
    expect(rows.slice(-3).map((r) => r[column(excel, TABLE.actuals, "Value")])).toEqual([7, 8, 9]);
    let found = -1;
    for (let r = 0; r < below + 10; r++) {
      if (excel.book.cellView(t.sheet.name, r, t.rect.col).value === "Notes for the board") found = r;
    }
    expect(found).toBeGreaterThan(t.rect.row + t.rect.rowCount - 1);
  });
});

describe("a filtered table (office-js#224)", () => {
  test("the in-memory Excel misplaces a multi-row write over hidden rows, as Excel does", () => {
    const { excel } = open();
    const t = excel.book.table(TABLE.actuals);
    if (!t) throw new Error("no actuals");
    excel.book.filterTable(t, column(excel, TABLE.actuals, "OrgUnit"), ["North Cluster"]);
    const body = excel.book.bodyRect(t);
    const hidden = excel.book.sheet(t.sheet.name)?.hiddenRows ?? new Set<number>();
    const firstHidden = Math.min(...hidden);
    expect(firstHidden).toBeGreaterThan(body.row);
    const col = t.rect.col + column(excel, TABLE.actuals, "Value");
    const count = firstHidden - body.row + 2; // visible rows, a hidden one, the next
    const rect = { row: body.row, col, rowCount: count, colCount: 1 };
    const input = Array.from({ length: count }, (_, i) => [100 + i]);
    excel.book.writeCells(t.sheet, rect, input, "values");
    const got = input.map((_, i) => excel.book.cellView(t.sheet.name, body.row + i, col).value);
    expect(got).not.toEqual(input.map((r) => r[0]));
  });

  test("updating figures of filtered rows puts each figure in its own row and keeps the filter", async () => {
    const { excel, host } = open();
    const t = excel.book.table(TABLE.actuals);
    if (!t) throw new Error("no actuals");
    excel.book.filterTable(t, column(excel, TABLE.actuals, "OrgUnit"), ["North Cluster"]);
    const hidden = new Set(excel.book.sheet(t.sheet.name)?.hiddenRows);
    expect(hidden.size).toBeGreaterThan(0);
    const rows = tableRows(excel.book, TABLE.actuals);
    const id = column(excel, TABLE.actuals, "IndicatorId");
    const unit = column(excel, TABLE.actuals, "OrgUnit");
    const period = column(excel, TABLE.actuals, "Period");
    const inputs = rows.map((r, i) => actual(String(r[id]), String(r[unit]), String(r[period]), 1000 + i));
    const result = await host.appendActuals(inputs);
    expect(result.updated).toBe(rows.length);
    const after = tableRows(excel.book, TABLE.actuals);
    after.forEach((r, i) => {
      expect([r[id], r[unit], r[column(excel, TABLE.actuals, "Value")]]).toEqual([
        rows[i]?.[id],
        rows[i]?.[unit],
        1000 + i,
      ]);
    });
    expect(new Set(excel.book.sheet(t.sheet.name)?.hiddenRows)).toEqual(hidden);
  });
});

describe("changes the pane did not make", () => {
  test("the host reports a table edited in the workbook, and stops when unsubscribed", async () => {
    const { excel, host } = open();
    let heard = 0;
    const off = host.subscribe(() => heard++);
    await new Promise((r) => setTimeout(r, 0));
    const t = excel.book.table(TABLE.actuals);
    if (!t) throw new Error("no actuals");
    excel.book.setCellInput(
      t.sheet.name,
      t.rect.row + 1,
      t.rect.col + column(excel, TABLE.actuals, "Commentary"),
      "Late return",
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toBe(1);
    off();
    excel.book.setCellInput(t.sheet.name, t.rect.row + 2, t.rect.col, "x");
    await new Promise((r) => setTimeout(r, 0));
    expect(heard).toBe(1);
  });

  test("the pane shown again is reported through the host", async () => {
    let show: (() => void) | undefined;
    const { host } = open({
      onPaneShown: (l) => {
        show = l;
        return () => (show = undefined);
      },
    });
    let heard = 0;
    const off = host.subscribe(() => heard++);
    show?.();
    expect(heard).toBe(1);
    off();
    expect(show).toBeUndefined();
  });
});

test("the period on a new row is still the canonical label", async () => {
  const { excel, host } = open();
  await host.appendActuals([actual("IND-00001", "North Cluster", PERIOD.replace("-", "/"), 3)]);
  const rows = tableRows(excel.book, TABLE.actuals);
  expect(rows.some((r) => r[column(excel, TABLE.actuals, "Period")] === PERIOD)).toBe(true);
});
