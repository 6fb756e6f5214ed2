/**
 * Reading the contract's tables in one action: discovery, layouts, then bodies (tables.ts), and
 * the `read` and `readAudit` actions built on it.
 */
import { readAudit, TABLE, type AuditEntry, type RawTable, type RawWorkbook } from "../contract";
import { trailingBlanks, type HostContext } from "./context";
import { queueUpgradeProbe, queueUsedRight, Upgrade, type MayAdd, type UsedRight } from "./upgrade";
import {
  foundName,
  queueDiscovery,
  queueLayouts,
  readBodies,
  type Discovery,
  type TableLayout,
} from "./tables";

// PerfComparators (schema 2, optional) is read with the others so the pane and the report sheet compare.
export const CONTRACT_READ = [
  TABLE.settings,
  TABLE.targets,
  TABLE.actuals,
  TABLE.units,
  TABLE.comparators,
] as const;

export interface Read {
  readonly discovery: Discovery;
  readonly layouts: ReadonlyMap<string, TableLayout>;
  readonly tables: ReadonlyMap<string, RawTable>;
}

interface Present {
  readonly contract: string;
  readonly actual: string;
}

function present(discovery: Discovery, list: readonly string[]): Present[] {
  return list.flatMap((contract) => {
    const actual = foundName(discovery, contract);
    return actual === undefined ? [] : [{ contract, actual }];
  });
}

/**
 * Discovery, layouts and bodies of the named contract tables that exist (3 syncs; 2 when none
 * has rows to read). `layoutOnly` tables get their layout but no rows. `extra` may queue more
 * loads into the layout sync, knowing what discovery found.
 */
export async function readTables<T = void, P = undefined>(
  h: HostContext,
  context: Excel.RequestContext,
  names: readonly string[],
  layoutOnly: readonly string[] = [],
  extra?: (d: Discovery) => () => T,
  probe?: (
    layouts: ReadonlyMap<string, TableLayout>,
    extra: T | undefined,
  ) => { queued: boolean; read: () => P },
): Promise<Read & { extra: T | undefined; probe: P | undefined }> {
  const discovered = queueDiscovery(context);
  await context.sync();
  const discovery = discovered();
  const withRows = present(discovery, names);
  const headerOnly = present(discovery, layoutOnly);
  const all = [...withRows, ...headerOnly];
  const layoutsQueued = queueLayouts(
    context,
    all.map((t) => t.actual),
  );
  const extraQueued = extra?.(discovery);
  if (all.length > 0 || extraQueued) await context.sync();
  const list = all.length > 0 ? layoutsQueued() : [];
  const layouts = new Map<string, TableLayout>();
  all.forEach((t, i) => {
    const l = list[i];
    if (l) layouts.set(t.contract, l);
  });
  // Tables wanted for their layout only still get their rows read when they have just one (an
  // empty Excel table keeps one blank row, which an append fills rather than leaving a gap).
  const reading = all.filter((t) => {
    const l = layouts.get(t.contract);
    return l !== undefined && (withRows.includes(t) || l.bodyRows === 1);
  });
  // A probe knowing the layouts rides in the body sync (or gets one of its own when there is none).
  const extraValue = extraQueued?.();
  let probed = probe?.(layouts, extraValue);
  let synced = false;
  let refused = false;
  const raw = await readBodies(
    context,
    reading.flatMap((t) => {
      const l = layouts.get(t.contract);
      return l ? [l] : [];
    }),
    {
      budget: h.budget,
      bytesPerCell: h.bytesPerCell,
      onSync: () => (synced = true),
      onRefused: () => (refused = true),
    },
  );
  // A refused body sync lost the probe's loads with it: queued again, in one sync of its own.
  if (probed && refused) probed = probe?.(layouts, extraValue);
  if (probed?.queued && (!synced || refused)) await context.sync();
  const tables = new Map<string, RawTable>();
  reading.forEach((t, i) => {
    const r = raw[i];
    if (r) tables.set(t.contract, r);
  });
  for (const t of headerOnly) {
    const l = layouts.get(t.contract);
    if (l && !tables.has(t.contract))
      tables.set(t.contract, { name: l.name, headers: l.headers, rows: [], sheet: l.sheet });
  }
  return { discovery, layouts, tables, extra: extraValue, probe: probed?.read() };
}

/** What a writing action reads: its tables, and what the schema upgrade needs (upgrade.ts). */
export type WriteRead<T> = Read & { readonly extra: T | undefined; readonly upgrade: Upgrade };

/**
 * `readTables` for an action that writes: PerfSettings' rows and the layouts of PerfTargets and
 * PerfActuals are read too, and the upgrade's probe rides in the body sync, so the action can
 * queue the upgrade before its first write without a sync of its own. `mayAdd` names the
 * optional columns beyond the upgrade's that the action may add (the probe looks for them too).
 */
export async function readForWrite<T = void>(
  h: HostContext,
  context: Excel.RequestContext,
  names: readonly string[],
  layoutOnly: readonly string[] = [],
  extra?: (d: Discovery) => () => T,
  mayAdd: MayAdd = {},
): Promise<WriteRead<T>> {
  const withRows = names.includes(TABLE.settings) ? names : [...names, TABLE.settings];
  const headers = [TABLE.targets, TABLE.actuals].filter((n) => !withRows.includes(n));
  const layoutOnlyAll = [...layoutOnly, ...headers.filter((n) => !layoutOnly.includes(n))];
  // With the layouts: how far right each table's sheet is used (upgrade.ts, the probe's extent).
  const both = (d: Discovery): (() => { user: T | undefined; used: UsedRight }) => {
    const user = extra?.(d);
    const used = queueUsedRight(context, d, [...withRows, ...layoutOnlyAll]);
    return () => ({ user: user?.(), used: used() });
  };
  const r = await readTables(h, context, withRows, layoutOnlyAll, both, (layouts, x) =>
    queueUpgradeProbe(context, layouts, x?.used ?? new Map(), mayAdd),
  );
  const probe = r.probe ?? { probed: new Set<string>(), right: new Map(), settingsBelow: null };
  return { ...r, extra: r.extra?.user, upgrade: new Upgrade(r.tables, r.layouts, probe) };
}

/** Every contract table; trailing blank rows (an empty Excel table keeps one) are left out. */
export function read(h: HostContext): Promise<RawWorkbook> {
  return h.run(async (context) => {
    const r = await readTables(h, context, [...CONTRACT_READ, TABLE.audit]);
    return {
      tables: [...r.tables.values()].map((t) => ({
        ...t,
        rows: t.rows.slice(0, t.rows.length - trailingBlanks(t.rows)),
      })),
    };
  });
}

export function readAuditLog(h: HostContext): Promise<readonly AuditEntry[]> {
  return h.run(async (context) => {
    const r = await readTables(h, context, [TABLE.audit]);
    const t = r.tables.get(TABLE.audit);
    return t ? readAudit({ tables: [t] }) : [];
  });
}
