/**
 * Editing a target row and auditing changes to agreed targets, for any host to write back.
 * A change to a target whose Status is Agreed or Approved needs a reason, and each changed
 * field becomes a PerfAudit row. Only the cells named in the edit change; the user's own
 * columns and the other cells are kept.
 *
 * Decisions where the spec is silent (docs/decisions.md):
 * - The row is matched by indicator id and unit; when several rows match (several target
 *   years) and the edit gives a TargetYear, the row of that year is used, else the first.
 * - Whether a change needs a reason is decided by the Status the row had before the edit, so
 *   agreeing a Draft target is not audited, and moving an Agreed target back to Draft is.
 * - The edited row is read back with the contract's reader; its problems come back as errors
 *   naming the table, row and column (the host decides whether to write).
 */
import { idKey, isProtectedStatus, matchName, TARGET_STATUSES, unitKey } from "../engine";
import type { AuditEntry, EditOutcome, TargetEdit } from "./host";
import type { ContractError, RawCell, RawTable } from "./raw";
import { cellText, columnIndex, readRegister, findTable, type ColumnIndex } from "./read";
import {
  AUDIT_COLUMNS,
  matchHeader,
  OPTIONAL_TARGET_COLUMNS,
  TABLE,
  TARGET_COLUMNS,
  V2_TARGET_COLUMNS,
} from "./schema";

export interface TargetEditResult {
  readonly outcome: EditOutcome;
  /** The whole table's new data rows (unchanged when the edit is refused). */
  readonly rows: RawCell[][];
  /** 1-based data row edited or added; null when refused. */
  readonly row: number | null;
  readonly audit: AuditEntry[];
  /** Problems in the edited row, read back with the contract's reader. */
  readonly errors: ContractError[];
}

/** Whether a cell reads as the value to write: the same text as the user reads it (dates by their time). */
function readsAs(a: RawCell | undefined, b: RawCell): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return cellText(a ?? null) === cellText(b);
}

type Refuse = (message: string, needsReason?: boolean) => TargetEditResult;

interface Change {
  readonly column: string;
  readonly index: number;
  readonly value: RawCell;
}

/** The edit's cells, each matched to its column; a name that is not a column of the table refuses the edit. */
function changesOf(edit: TargetEdit, cols: ColumnIndex, refuse: Refuse): Change[] | TargetEditResult {
  const known = [...TARGET_COLUMNS, ...OPTIONAL_TARGET_COLUMNS];
  const changes: Change[] = [];
  for (const [name, value] of Object.entries(edit.values)) {
    const column = matchHeader(name, known);
    if (column === undefined) return refuse(`${name} is not a column of ${TABLE.targets}`);
    const index = cols.positions.get(column);
    if (index === undefined)
      return refuse(
        (V2_TARGET_COLUMNS as readonly string[]).includes(column)
          ? `${TABLE.targets} has no ${column} column yet: upgrade the workbook to schema 2 first (upgradePlan adds ${column} at the end of the table), then write ${cellText(value)}`
          : `${TABLE.targets} has no ${column} column to write ${cellText(value)} into`,
      );
    changes.push({ column, index, value });
  }
  return changes;
}

/** The 0-based row the edit is for: the indicator and unit's, of the edit's TargetYear when several match. */
function rowOf(
  table: RawTable,
  edit: TargetEdit,
  cols: ColumnIndex,
  changes: readonly Change[],
): number | undefined {
  const idCol = cols.positions.get("IndicatorId") ?? -1;
  const unitCol = cols.positions.get("OrgUnit") ?? -1;
  const matches: number[] = [];
  table.rows.forEach((r, i) => {
    if (
      idKey(cellText(r[idCol] ?? null)) === idKey(edit.indicatorId) &&
      unitKey(cellText(r[unitCol] ?? null)) === unitKey(edit.orgUnit)
    ) {
      matches.push(i);
    }
  });
  const yearCol = cols.positions.get("TargetYear");
  const year = changes.find((c) => c.column === "TargetYear")?.value;
  return matches.length > 1 && year !== undefined && yearCol !== undefined
    ? (matches.find((i) => readsAs(table.rows[i]?.[yearCol], year)) ?? matches[0])
    : matches[0];
}

/** A new row: the id, the unit, the edit's cells, and Status Draft when the edit gives none. */
function newRow(edit: TargetEdit, cols: ColumnIndex, width: number, changes: readonly Change[]): RawCell[] {
  const row: RawCell[] = Array.from({ length: width }, () => null);
  row[cols.positions.get("IndicatorId") ?? 0] = edit.indicatorId.trim();
  row[cols.positions.get("OrgUnit") ?? 0] = edit.orgUnit.trim();
  for (const c of changes) row[c.index] = c.value;
  const statusCol = cols.positions.get("Status");
  if (statusCol !== undefined && (row[statusCol] === null || row[statusCol] === "")) row[statusCol] = "Draft";
  return row;
}

/**
 * Change an existing row in place: a protected target (engine isProtectedStatus, by the Status
 * before the edit) needs a reason, and each changed cell becomes an audit entry. Returns the
 * entries, or the refusal.
 */
function changeRow(
  row: RawCell[],
  edit: TargetEdit,
  cols: ColumnIndex,
  changes: readonly Change[],
  context: { readonly who: string; readonly when: string; readonly refuse: Refuse },
): AuditEntry[] | TargetEditResult {
  const statusCol = cols.positions.get("Status");
  const status =
    statusCol === undefined ? undefined : matchName(cellText(row[statusCol] ?? null), TARGET_STATUSES);
  const changed = changes.filter((c) => !readsAs(row[c.index], c.value));
  const agreed = isProtectedStatus(status);
  const reason = edit.reason?.trim() ?? "";
  if (agreed && changed.length > 0 && reason === "") {
    return context.refuse(
      `${edit.indicatorId} (${edit.orgUnit}) is ${status}: give a reason for changing ${changed.map((c) => c.column).join(", ")}; it is kept in the audit log`,
      true,
    );
  }
  const audit: AuditEntry[] = [];
  const idCol = cols.positions.get("IndicatorId") ?? -1;
  const unitCol = cols.positions.get("OrgUnit") ?? -1;
  for (const c of changed) {
    if (agreed) {
      audit.push({
        when: context.when,
        who: context.who,
        indicatorId: cellText(row[idCol] ?? null),
        orgUnit: cellText(row[unitCol] ?? null),
        field: c.column,
        oldValue: cellText(row[c.index] ?? null),
        newValue: cellText(c.value),
        reason,
      });
    }
    row[c.index] = c.value;
  }
  return audit;
}

/** The edited row's problems: the table read back with the workbook's fiscal year start. */
function rowErrors(table: RawTable, rows: RawCell[][], index: number, startMonth: number): ContractError[] {
  const probe = readRegister({
    tables: [
      { name: TABLE.settings, headers: ["Setting", "Value"], rows: [["FiscalYearStartMonth", startMonth]] },
      { ...table, name: TABLE.targets, rows },
    ],
  });
  return probe.errors.filter((e) => e.table === TABLE.targets && e.row === index + 1);
}

/** Apply a target edit to the PerfTargets table (see the module comment). */
export function applyTargetEdit(
  table: RawTable,
  edit: TargetEdit,
  context: { readonly who: string; readonly when: string; readonly startMonth: number },
): TargetEditResult {
  const cols = columnIndex(table, { required: TARGET_COLUMNS, optional: OPTIONAL_TARGET_COLUMNS });
  const copy = (): RawCell[][] => table.rows.map((r) => [...r]);
  const refuse: Refuse = (message, needsReason = false) => ({
    outcome: { ok: false, needsReason, message },
    rows: copy(),
    row: null,
    audit: [],
    errors: [],
  });
  const changes = changesOf(edit, cols, refuse);
  if (!Array.isArray(changes)) return changes;
  if (!cols.positions.has("IndicatorId") || !cols.positions.has("OrgUnit"))
    return refuse(`${TABLE.targets} needs IndicatorId and OrgUnit columns`);
  if (edit.indicatorId.trim() === "") return refuse("A target needs an indicator id");
  const at = rowOf(table, edit, cols, changes);
  const rows = copy();
  const width = table.headers.length;
  let index: number;
  let audit: AuditEntry[] = [];
  if (at === undefined) {
    rows.push(newRow(edit, cols, width, changes));
    index = rows.length - 1;
  } else {
    index = at;
    const row = rows[at] ?? [];
    while (row.length < width) row.push(null);
    const changed = changeRow(row, edit, cols, changes, { ...context, refuse });
    if (!Array.isArray(changed)) return changed;
    audit = changed;
  }
  const errors = rowErrors(table, rows, index, context.startMonth);
  return {
    outcome: { ok: true, created: at === undefined, audited: audit.length },
    rows,
    row: index + 1,
    audit,
    errors,
  };
}

/** An audit entry as a PerfAudit row (AUDIT_COLUMNS order). */
export function auditRow(entry: AuditEntry): RawCell[] {
  return [
    entry.when,
    entry.who,
    entry.indicatorId,
    entry.orgUnit,
    entry.field,
    entry.oldValue,
    entry.newValue,
    entry.reason,
  ];
}

/** The audit log of a workbook, oldest first as written. */
export function readAudit(book: { readonly tables: readonly RawTable[] }): AuditEntry[] {
  const table = findTable(book, TABLE.audit);
  if (!table) return [];
  const cols = columnIndex(table, { required: AUDIT_COLUMNS });
  const get = (r: readonly RawCell[], c: string): string => {
    const i = cols.positions.get(c);
    if (i === undefined) return "";
    const v = r[i] ?? null;
    return v instanceof Date ? v.toISOString() : cellText(v);
  };
  return table.rows
    .filter((r) => r.some((c) => cellText(c) !== ""))
    .map((r) => ({
      when: get(r, "When"),
      who: get(r, "Who"),
      indicatorId: get(r, "IndicatorId"),
      orgUnit: get(r, "OrgUnit"),
      field: get(r, "Field"),
      oldValue: get(r, "OldValue"),
      newValue: get(r, "NewValue"),
      reason: get(r, "Reason"),
    }));
}
