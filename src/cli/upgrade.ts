/**
 * The schema upgrade as the command carries it out (workbook.md, "Additions (schema version 2)":
 * "An older workbook is upgraded in place on first write"). Every command that writes into a
 * workbook (`import --into`, `import --comparators --into`, `evaluate --xlsx` naming the book
 * itself) plans the contract's `upgradePlan` with its own write and makes both in one
 * part-by-part edit: the optional columns added at the right end of their tables, the new
 * PerfSettings rows, SchemaVersion set to 2. A workbook of a newer schema is refused before
 * anything is written, with the message saying which PerfCycle reads it.
 */
import {
  applyUpgradePlan,
  findTable,
  TABLE,
  upgradePlan,
  type RawCell,
  type RawTable,
  type RawWorkbook,
  type UpgradePlan,
} from "../contract";
import { CliError } from "./errors";
import type { BookTable, XlsxBook } from "./ooxml/book";
import { PackageEdit, StyleAppender } from "./ooxml/edit";
import { addTableSheet, type NewTable } from "./ooxml/newTable";
import { applyRowsPlans, planTableRows, type RowsPlan } from "./ooxml/rows";
import { SharedStrings } from "./ooxml/sharedStrings";

export interface BookUpgrade {
  readonly plan: UpgradePlan;
  /**
   * What the plan is made from: PerfSettings as read, every other table by its columns alone
   * (the table part's names, which Excel keeps equal to the header cells), so a large register is
   * not read just to learn its headers.
   */
  readonly before: RawWorkbook;
  /** The same after the upgrade (columns added, settings rows added, version set). */
  readonly after: RawWorkbook;
}

/** The upgrade a write into `book` makes first; a newer schema is refused (exit 2). */
export function planBookUpgrade(book: XlsxBook): BookUpgrade {
  const settings = book.tableNamed(TABLE.settings);
  const before: RawWorkbook = {
    tables: book.tables.map((t) =>
      t === settings
        ? book.rawTable(t, { formats: false })
        : { name: t.name, headers: [...t.columns], rows: [] },
    ),
  };
  const plan = upgradePlan(before);
  if (plan.problem !== null) throw new CliError("UPGRADE_REFUSED", `${book.path}: ${plan.problem}`);
  return { plan, before, after: applyUpgradePlan(before, plan) };
}

/** The headers the upgrade adds to a table (by its name in the book). */
export function addedColumns(up: BookUpgrade, name: string): readonly string[] {
  return up.plan.columns.find((c) => c.name.toLowerCase() === name.toLowerCase())?.headers ?? [];
}

/** A table as read, with the upgrade's columns added to its headers (rows are padded by the writers). */
export function upgradedHeaders(up: BookUpgrade, table: RawTable): RawTable {
  return { ...table, headers: [...table.headers, ...addedColumns(up, table.name)] };
}

/** A command's own rows for a table, written in the same edit as the upgrade. */
export interface OwnRows {
  /** The table's data rows as read. */
  readonly before: readonly (readonly RawCell[])[];
  /** Its data rows after the command's change, in the upgraded table's columns. */
  readonly rows: readonly (readonly RawCell[])[];
  readonly formatFrom?: (row: number) => number | undefined;
}

export interface UpgradeWrite {
  readonly plans: RowsPlan[];
  /** Tables to create on a sheet of their own (PerfSettings when the book has none). */
  readonly newTables: NewTable[];
}

/**
 * The row plans of the upgrade and a command's own rows (by table name, in the upgraded
 * table's columns), checked: throws before anything is written when a table cannot take them.
 */
export function upgradeWrite(
  book: XlsxBook,
  up: BookUpgrade,
  own: ReadonlyMap<string, OwnRows> = new Map(),
): UpgradeWrite {
  const plans: RowsPlan[] = [];
  const ownKeys = new Map([...own].map(([k, v]) => [k.toLowerCase(), v]));
  for (const table of book.tables) {
    const plan = tablePlan(book, table, up, ownKeys.get(table.name.toLowerCase()));
    if (plan) plans.push(plan);
  }
  book.release();
  const newTables: NewTable[] = [];
  const settings = findTable(up.after, TABLE.settings);
  if (settings && !book.tableNamed(TABLE.settings) && up.plan.needed)
    newTables.push({
      sheetName: TABLE.settings,
      tableName: TABLE.settings,
      headers: settings.headers.map((h) => String(h ?? "")),
      rows: settings.rows,
      widths: [22, 14],
    });
  return { plans, newTables };
}

function tablePlan(
  book: XlsxBook,
  table: BookTable,
  up: BookUpgrade,
  own: OwnRows | undefined,
): RowsPlan | undefined {
  const before = up.before.tables.find((t) => t.name === table.name);
  const after = up.after.tables.find((t) => t.name === table.name);
  if (!before || !after) return undefined;
  const addColumns = addedColumns(up, table.name);
  const rows = own?.rows ?? after.rows;
  if (own === undefined && addColumns.length === 0 && after.rows === before.rows) return undefined;
  return planTableRows(book, table, own?.before ?? before.rows, {
    rows,
    addColumns,
    ...(own?.formatFrom ? { formatFrom: own.formatFrom } : {}),
  });
}

/** The upgrade in words for the command's output ("" when there was none). */
export function upgradeNote(path: string, up: BookUpgrade): string {
  if (!up.plan.needed) return "";
  const what = up.plan.setVersion
    ? `upgraded to schema version ${up.plan.to}`
    : `brought up to schema version ${up.plan.to}`;
  return `${path} ${what}: ${up.plan.describe.join("; ")}\n`;
}

/**
 * The package with the upgrade and a command's write made in one edit: the row plans, the new
 * tables, and whatever else the command adds (`more`, e.g. the report sheet).
 */
export function writeBook(
  book: XlsxBook,
  write: UpgradeWrite,
  more?: (edit: PackageEdit, styles: StyleAppender) => void,
): Buffer {
  const edit = new PackageEdit(book);
  const styles = new StyleAppender(edit);
  const shared = new SharedStrings(edit);
  applyRowsPlans(edit, styles, shared, write.plans);
  for (const t of write.newTables) addTableSheet(edit, styles, shared, t);
  more?.(edit, styles);
  shared.commit();
  styles.commit();
  return edit.write();
}
