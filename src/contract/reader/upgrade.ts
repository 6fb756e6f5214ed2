/**
 * The schema upgrade: setting SchemaVersion, upgrading an older workbook step by step, and the
 * message refusing a newer one (saying which PerfCycle reads it).
 */
import {
  PERFCYCLE_VERSION,
  CURRENT_SCHEMA_VERSION,
  matchHeader,
  SCHEMA_READ_BY,
  TABLE,
  UPGRADES,
  type UpgradeStep,
} from "../schema";
import type { RawCell, RawWorkbook } from "../raw";
import { cellText, columnIndex, findTable, isBlankCell } from "./tables";

/** Set (or add) the SchemaVersion setting of a raw workbook. */
export function withSchemaVersion(book: RawWorkbook, version: number): RawWorkbook {
  const table = findTable(book, TABLE.settings);
  if (!table) {
    return {
      tables: [
        ...book.tables,
        { name: TABLE.settings, headers: ["Setting", "Value"], rows: [["SchemaVersion", version]] },
      ],
    };
  }
  const cols = columnIndex(table);
  const si = cols.positions.get("Setting");
  const vi = cols.positions.get("Value");
  if (si === undefined || vi === undefined) return book;
  let found = false;
  const rows = table.rows.map((r) => {
    if (!found && matchHeader(cellText(r[si]), ["SchemaVersion"])) {
      found = true;
      const copy = [...r];
      copy[vi] = version;
      return copy;
    }
    return r;
  });
  if (!found) {
    const row: RawCell[] = table.headers.map(() => null);
    row[si] = "SchemaVersion";
    row[vi] = version;
    rows.unshift(row);
  }
  return { tables: book.tables.map((t) => (t === table ? { ...table, rows } : t)) };
}

export interface UpgradeResult {
  readonly book: RawWorkbook;
  /** What each applied step changed. */
  readonly applied: readonly string[];
  /** Set when there is no way from the workbook's version to the current one. */
  readonly problem: string | null;
}

/** Upgrade a workbook of an older schema version step by step to the current one. */
export function upgradeBook(
  book: RawWorkbook,
  from: number,
  steps: readonly UpgradeStep[] = UPGRADES,
  to: number = CURRENT_SCHEMA_VERSION,
): UpgradeResult {
  let current = book;
  const applied: string[] = [];
  for (let v = from; v < to; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) {
      return {
        book,
        applied: [],
        problem: `this workbook is schema version ${from} and PerfCycle ${PERFCYCLE_VERSION} has no upgrade from version ${v} to ${v + 1}; it reads schema version ${to}`,
      };
    }
    current = step.upgrade(current);
    applied.push(`${v} → ${v + 1}: ${step.describe}`);
  }
  return { book: applied.length > 0 ? withSchemaVersion(current, to) : current, applied, problem: null };
}

export function newerVersionMessage(book: RawWorkbook, version: number): string {
  const reads = SCHEMA_READ_BY[version];
  const settings = findTable(book, TABLE.settings);
  let writer = "";
  if (settings) {
    const cols = columnIndex(settings);
    const si = cols.positions.get("Setting");
    const vi = cols.positions.get("Value");
    const row = settings.rows.find(
      (r) => si !== undefined && matchHeader(cellText(r[si]), ["PerfCycleVersion"]),
    );
    if (row && vi !== undefined && !isBlankCell(row[vi])) writer = cellText(row[vi]);
  }
  const which =
    reads !== undefined
      ? `PerfCycle ${reads} or later`
      : writer !== ""
        ? `PerfCycle ${writer} (which wrote it) or later`
        : `a PerfCycle newer than ${PERFCYCLE_VERSION} (the version that wrote it, or a later one)`;
  return `this workbook uses schema version ${version}, but this PerfCycle (${PERFCYCLE_VERSION}) reads schema version ${CURRENT_SCHEMA_VERSION} and older. Open it with ${which}; nothing was changed`;
}
