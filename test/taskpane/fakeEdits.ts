/**
 * The fake host's edits of its tables, as the workbook layer makes them: a target saved (agreed
 * and approved ones need a reason and are audited), a row's commentary written.
 */
import { formatQuarter, idKey, parsePeriod, quarterIndex, unitKey } from "../../src/engine";
import { columnsToAdd } from "../../src/contract/addColumns";
import {
  cellText,
  columnIndex,
  TABLE,
  type EditOutcome,
  type RawCell,
  type RawTable,
  type TargetEdit,
} from "../../src/contract";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Table = Omit<Mutable<RawTable>, "rows" | "headers"> & { rows: RawCell[][]; headers: RawCell[] };

export function copyTable(t: RawTable): Table {
  const out: Table = { name: t.name, headers: [...t.headers], rows: t.rows.map((r) => [...r]) };
  if (t.sheet !== undefined) out.sheet = t.sheet;
  if (t.topLeft !== undefined) out.topLeft = t.topLeft;
  if (t.numberFormats !== undefined) out.numberFormats = t.numberFormats.map((r) => [...r]);
  return out;
}

/** Save a target edit in PerfTargets (`t`), auditing a change to an agreed or approved row. */
export function saveTargetEdit(
  t: Table | undefined,
  audit: Table | undefined,
  edit: TargetEdit,
  stamp: { readonly when: string; readonly who: string },
): EditOutcome {
  if (!t)
    return {
      ok: false,
      needsReason: false,
      message: "There is no PerfTargets table: set the workbook up first.",
    };
  // As the Excel host: schema 2 columns the edit writes are added at the right end.
  for (const c of columnsToAdd(TABLE.targets, t.headers, Object.keys(edit.values))) {
    t.headers.push(c);
    for (const r of t.rows) r.push(null);
  }
  const cols = columnIndex(t);
  const pos = (c: string): number => cols.positions.get(c) ?? -1;
  const at = t.rows.findIndex(
    (r) =>
      idKey(cellText(r[pos("IndicatorId")])) === idKey(edit.indicatorId) &&
      unitKey(cellText(r[pos("OrgUnit")])) === unitKey(edit.orgUnit),
  );
  if (at < 0) {
    const row: RawCell[] = t.headers.map(() => null);
    row[pos("IndicatorId")] = edit.indicatorId;
    row[pos("OrgUnit")] = edit.orgUnit;
    for (const [k, v] of Object.entries(edit.values)) if (pos(k) >= 0) row[pos(k)] = v;
    if (cellText(row[pos("Status")]) === "") row[pos("Status")] = "Draft";
    t.rows.push(row);
    return { ok: true, created: true, audited: 0 };
  }
  const row = t.rows[at] as RawCell[];
  const status = cellText(row[pos("Status")]);
  const changed = Object.entries(edit.values).filter(
    ([k, v]) => pos(k) >= 0 && cellText(row[pos(k)]) !== cellText(v),
  );
  const protectedRow = status === "Agreed" || status === "Approved";
  if (protectedRow && changed.length > 0 && (edit.reason ?? "").trim() === "") {
    return {
      ok: false,
      needsReason: true,
      message: `${edit.indicatorId} (${edit.orgUnit}) is ${status}: give a reason for the change.`,
    };
  }
  for (const [k, v] of changed) {
    if (protectedRow && audit) {
      audit.rows.push([
        stamp.when,
        stamp.who,
        edit.indicatorId,
        edit.orgUnit,
        k,
        cellText(row[pos(k)]),
        cellText(v),
        edit.reason ?? "",
      ]);
    }
    row[pos(k)] = v;
  }
  return { ok: true, created: false, audited: protectedRow ? changed.length : 0 };
}

/** Write a row's commentary and action in PerfActuals (`t`), adding the row when the quarter has none. */
export function writeCommentary(
  t: Table,
  sm: number,
  indicatorId: string,
  orgUnit: string,
  period: string,
  commentary: string,
  action: string,
): void {
  const want = parsePeriod(period, { startMonth: sm });
  if (!want.ok) throw new Error(want.error.message);
  const cols = columnIndex(t);
  const pos = (c: string): number => cols.positions.get(c) ?? -1;
  let row = t.rows.find((r) => {
    const p = parsePeriod(r[pos("Period")] ?? null, { startMonth: sm });
    return (
      p.ok &&
      quarterIndex(p.value) === quarterIndex(want.value) &&
      idKey(cellText(r[pos("IndicatorId")])) === idKey(indicatorId) &&
      unitKey(cellText(r[pos("OrgUnit")])) === unitKey(orgUnit)
    );
  });
  if (!row) {
    row = t.headers.map(() => null);
    row[pos("IndicatorId")] = indicatorId;
    row[pos("OrgUnit")] = orgUnit;
    row[pos("Period")] = formatQuarter(want.value, sm);
    t.rows.push(row);
  }
  row[pos("Commentary")] = commentary;
  row[pos("Action")] = action;
}
