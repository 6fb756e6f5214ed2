/**
 * The schema upgrade in Excel (workbook.md, "Additions (schema version 2)": "An older workbook is
 * upgraded in place on first write"). Every action that writes reads through `readForWrite`
 * (read.ts), which adds what the upgrade needs to the reads the action makes anyway:
 *   - PerfSettings' rows (the version and the settings present) and the header rows of
 *     PerfTargets and PerfActuals, in the action's layout and body syncs;
 *   - a probe, queued into the body sync: the cells just right of each table that may get
 *     columns (a user's cells there would be moved by `TableColumnCollection.add`), and the rows
 *     just below PerfSettings with its last row's formats (so new setting rows need no probe).
 * The action then calls `queue` before its own first write: the plan's columns (and those the
 * write itself needs) are added at the right end of their tables, and SchemaVersion and the new
 * settings written, in the action's own syncs, never an extra one. A workbook already upgraded
 * gets an empty plan; a newer one is refused before anything is queued.
 */
import {
  cellText,
  matchHeader,
  settingsEdits,
  TABLE,
  TABLE_COLUMNS,
  UPGRADE_COLUMNS,
  upgradePlan,
  V2_SETTINGS,
  withColumns,
  type RawCell,
  type RawTable,
  type TableName,
  type UpgradePlan,
} from "../contract";
import { MAX_COLUMNS as SHEET_COLUMNS } from "../a1";
import { localAddress } from "./address";
import type { WriteBatch } from "./batch";
import { trailingBlanks, WorkbookError } from "./context";
import { bodyRows, foundName, type Discovery, type TableLayout } from "./tables";
import type { KnownBelow, TableWriter } from "./write";

/** The cells just right of a table, from its header row to its last row. */
interface RightOf {
  readonly layout: TableLayout;
  /** Formulas (a value is its own formula; blank is ""). */
  readonly formulas: readonly (readonly unknown[])[];
}

export interface UpgradeProbe {
  /** The tables whose cells to the right were looked at (those that may get columns). */
  readonly probed: ReadonlySet<string>;
  readonly right: ReadonlyMap<string, RightOf>;
  /** Just below PerfSettings (for the rows the upgrade appends); null with a totals row. */
  readonly settingsBelow: KnownBelow | null;
}

/** A table's columns in the contract's order: required, optional, then the upgrade's. */
function contractOrder(contract: string): string[] {
  const spec = TABLE_COLUMNS[contract as TableName] as
    { readonly required: readonly string[]; readonly optional: readonly string[] } | undefined;
  return [
    ...new Set([
      ...(spec?.required ?? []),
      ...(spec?.optional ?? []),
      ...(UPGRADE_COLUMNS[contract as TableName] ?? []),
    ]),
  ];
}

/** Optional columns an action may add beyond the upgrade's, by table (a target's PlanEndYear…). */
export type MayAdd = Readonly<Record<string, readonly string[]>>;

/**
 * Columns a write may add to a table that it lacks: the required ones (set-up, commentary), the
 * upgrade's, and those the action says it may add. Only such tables are probed.
 */
function addable(contract: string, headers: readonly RawCell[], mayAdd: MayAdd): string[] {
  const have = headers.map((h) => cellText(h));
  const spec = TABLE_COLUMNS[contract as TableName] as { readonly required: readonly string[] } | undefined;
  const wanted = [
    ...(spec?.required ?? []),
    ...(UPGRADE_COLUMNS[contract as TableName] ?? []),
    ...(mayAdd[contract] ?? []),
  ];
  return contractOrder(contract).filter(
    (c) => matchHeader(c, wanted) !== undefined && matchHeader(c, have) === undefined,
  );
}

/** Rows the upgrade may append to PerfSettings: SchemaVersion and the schema 2 settings. */
const SETTINGS_ROOM = 1 + V2_SETTINGS.length;

/** The last used column (0-based) of each table's sheet, by contract name; -1 for an empty sheet. */
export type UsedRight = ReadonlyMap<string, number>;

/** Queue (with the layouts) the used range of each present table's sheet; call after the sync. */
export function queueUsedRight(
  context: Excel.RequestContext,
  d: Discovery,
  names: readonly string[],
): () => UsedRight {
  const loads = names.flatMap((contract) => {
    const name = foundName(d, contract);
    if (name === undefined) return [];
    const used = context.workbook.tables
      .getItem(name)
      .worksheet.getUsedRangeOrNullObject(true)
      .load("columnIndex, columnCount");
    return [{ contract, used }];
  });
  return () =>
    new Map(
      loads.map(({ contract, used }) => [
        contract,
        used.isNullObject ? -1 : used.columnIndex + used.columnCount - 1,
      ]),
    );
}

/**
 * Queue the probe (after the layouts are known, before the body sync that carries it); call the
 * result after that sync. `queued` says whether anything was queued.
 */
export function queueUpgradeProbe(
  context: Excel.RequestContext,
  layouts: ReadonlyMap<string, TableLayout>,
  usedRight: UsedRight,
  mayAdd: MayAdd = {},
): { readonly queued: boolean; readonly read: () => UpgradeProbe } {
  const right: { contract: string; layout: TableLayout; range: Excel.Range }[] = [];
  const probed = new Set<string>();
  for (const [contract, l] of layouts) {
    const adds = addable(contract, l.headers, mayAdd);
    if (adds.length === 0) continue;
    probed.add(contract);
    // Adding a column moves the cells right of the table in its rows (`TableColumnCollection.add`
    // inserts), so every cell from there to the sheet's last used column is probed.
    const first = l.col + l.colCount;
    const last = usedRight.get(contract) ?? first + adds.length - 1;
    const k = Math.min(last - first + 1, SHEET_COLUMNS - first);
    if (k <= 0) continue;
    const rows = 1 + l.bodyRows + (l.totalsRow ? 1 : 0);
    const range = context.workbook.worksheets
      .getItem(l.sheet)
      .getRange(localAddress(l.headerRow, l.col + l.colCount, rows, k))
      .load("formulas");
    right.push({ contract, layout: l, range });
  }
  const s = layouts.get(TABLE.settings);
  const below =
    s && !s.totalsRow && s.bodyRows > 0
      ? {
          cells: context.workbook.worksheets
            .getItem(s.sheet)
            .getRange(localAddress(s.headerRow + 1 + s.bodyRows, s.col, SETTINGS_ROOM, s.colCount))
            .load("values"),
          formats: bodyRows(context, s.name, s.bodyRows - 1, 1, s.colCount).load("numberFormat"),
        }
      : null;
  return {
    queued: right.length > 0 || below !== null,
    read: () => ({
      probed,
      right: new Map(right.map((x) => [x.contract, { layout: x.layout, formulas: x.range.formulas }])),
      settingsBelow: below
        ? {
            count: SETTINGS_ROOM,
            formats: (below.formats.numberFormat as unknown[][])[0],
            taken: (below.cells.values as unknown[][]).map((r) => r.some((v) => v !== "" && v !== null)),
          }
        : null,
    }),
  };
}

/** The header and the rows of a table in a raw book for the plan (headers only when not read). */
function planBook(
  tables: ReadonlyMap<string, RawTable>,
  layouts: ReadonlyMap<string, TableLayout>,
): RawTable[] {
  return [TABLE.settings, TABLE.targets, TABLE.actuals].flatMap((name) => {
    const t = tables.get(name);
    if (t) return [t];
    const l = layouts.get(name);
    return l ? [{ name: l.name, headers: l.headers, rows: [] }] : [];
  });
}

/** The upgrade of one action: its plan, the tables as they will be, and the writes to queue. */
export class Upgrade {
  readonly plan: UpgradePlan;
  private readonly extra = new Map<string, string[]>();
  private readonly grown = new Map<string, { table: RawTable | undefined; layout: TableLayout }>();

  constructor(
    private readonly tables: ReadonlyMap<string, RawTable>,
    private readonly layouts: ReadonlyMap<string, TableLayout>,
    private readonly probe: UpgradeProbe,
  ) {
    this.plan = upgradePlan({ tables: planBook(tables, layouts) });
  }

  /** A newer workbook's refusal (which PerfCycle reads it), else null. */
  get refusal(): string | null {
    return this.plan.problem;
  }

  /** Throw the refusal of a newer workbook (before anything is queued). */
  refuseNewer(): void {
    if (this.plan.problem !== null) throw new WorkbookError("UPGRADE_REFUSED", this.plan.problem);
  }

  /** Columns the action's write needs in a table (those it lacks are added with the plan's). */
  need(contract: string, headers: readonly string[]): void {
    const have = [
      ...(this.layouts.get(contract)?.headers ?? []).map((h) => cellText(h)),
      ...this.added(contract),
    ];
    const more = headers.filter((h) => matchHeader(h, have) === undefined);
    if (more.length === 0) return;
    this.extra.set(contract, [...(this.extra.get(contract) ?? []), ...more]);
    this.grown.delete(contract);
  }

  /** The headers added at the right end of a table, in order. */
  added(contract: string): string[] {
    const fromPlan = this.plan.columns.find((c) => c.table === contract)?.headers ?? [];
    const order = contractOrder(contract);
    const rank = (h: string): number => {
      const i = order.indexOf(h);
      return i < 0 ? order.length : i;
    };
    return [...fromPlan, ...(this.extra.get(contract) ?? [])].sort((a, b) => rank(a) - rank(b));
  }

  private grow(contract: string): { table: RawTable | undefined; layout: TableLayout } | undefined {
    const l = this.layouts.get(contract);
    if (!l) return undefined;
    const cached = this.grown.get(contract);
    if (cached) return cached;
    const add = this.added(contract);
    const t = this.tables.get(contract);
    const out = {
      table: t ? withColumns(t, add) : undefined,
      layout:
        add.length === 0 ? l : { ...l, headers: [...l.headers, ...add], colCount: l.colCount + add.length },
    };
    this.grown.set(contract, out);
    return out;
  }

  /** A table's layout once the columns are added (the same object on every call). */
  layout(contract: string): TableLayout | undefined {
    return this.grow(contract)?.layout;
  }

  /** A table's rows once the columns are added (blank in them). */
  table(contract: string): RawTable | undefined {
    return this.grow(contract)?.table;
  }

  /**
   * Queue the upgrade: first the refusals (nothing queued), then the columns at the right end of
   * their tables, then (unless the action writes PerfSettings itself) SchemaVersion and the new
   * settings on `writer`, whose flush carries them with the action's own writes.
   */
  queue(
    context: Excel.RequestContext,
    batch: WriteBatch,
    writer: TableWriter,
    options: { readonly settings?: boolean } = {},
  ): void {
    this.refuseNewer();
    const adds = [...this.layouts.keys()].flatMap((contract) => {
      const headers = this.added(contract);
      return headers.length > 0 ? [{ contract, headers }] : [];
    });
    for (const a of adds) this.refuseBlocked(a.contract, a.headers.length);
    for (const a of adds) {
      const l = this.layouts.get(a.contract);
      if (!l) continue;
      for (const header of a.headers) {
        batch.small();
        context.workbook.tables.getItem(l.name).columns.add(undefined, undefined, header);
      }
    }
    if (options.settings !== false) this.queueSettings(writer);
  }

  /** The rows of PerfSettings after the upgrade's edits (for an action that writes settings itself). */
  settingsEdits(): ReturnType<typeof settingsEdits> {
    const t = this.tables.get(TABLE.settings);
    return t ? settingsEdits(t, this.plan) : null;
  }

  private queueSettings(writer: TableWriter): void {
    const l = this.layouts.get(TABLE.settings);
    const t = this.tables.get(TABLE.settings);
    const edits = this.settingsEdits();
    if (!l || !t || !edits) return;
    writer.change(l, t.rows, edits.rows, edits.changed);
    writer.append(l, trailingBlanks(t.rows), edits.added, this.probe.settingsBelow ?? undefined);
  }

  /**
   * Refuse when a cell of the user's is right of the table in its rows (adding columns would move
   * it; named with its sheet), or the columns would run off the sheet.
   */
  private refuseBlocked(contract: string, count: number): void {
    const l = this.layouts.get(contract);
    if (!l) return;
    const names = this.added(contract).join(", ");
    const where = `the right end of ${l.name} (sheet '${l.sheet}')`;
    if (l.col + l.colCount + count > SHEET_COLUMNS) {
      throw new WorkbookError(
        "IN_THE_WAY",
        `PerfCycle needs to add ${names} at ${where}, but the table reaches the sheet's last column. Nothing was written.`,
      );
    }
    // A column no probe looked for is a mistake in the action (its readForWrite's `mayAdd`).
    if (!this.probe.probed.has(contract))
      throw new Error(`${l.name} was not probed for the columns ${names}: pass them to readForWrite`);
    const right = this.probe.right.get(contract);
    for (const [i, row] of (right?.formulas ?? []).entries()) {
      for (const [j, v] of row.entries()) {
        if (v === "" || v === null || v === undefined) continue;
        const cell = localAddress(l.headerRow + i, l.col + l.colCount + j);
        throw new WorkbookError(
          "IN_THE_WAY",
          `PerfCycle needs to add ${names} at ${where}, but '${l.sheet}'!${cell} holds "${String(v)}", which adding them would move. Move the cells right of the table in its rows (or the table) elsewhere, then try again. Nothing was written.`,
        );
      }
    }
  }
}
