/**
 * readRegister: the workbook's tables → the engine's Register, through the schema upgrade, the
 * settings, the targets, the units and the actuals, with every problem as a ContractError.
 */
import {
  MESSAGES,
  placed,
  type ActualRecord,
  type LocatedCode,
  type ComparatorRecord,
  type Register,
  type UnitRecord,
} from "../../engine";
import type { ContractError, RawWorkbook } from "../raw";
import {
  CURRENT_SCHEMA_VERSION,
  OLDEST_READ_VERSION,
  TABLE,
  UPGRADES,
  type TableName,
  type UpgradeStep,
} from "../schema";
import { readActuals } from "./actuals";
import { readComparators } from "./comparators";
import { readSettings, schemaVersionOf, type ExtraSetting } from "./settings";
import { columnIndex, findTable, TableReader, type ColumnIndex } from "./tables";
import { readTargets } from "./targets";
import { readUnits } from "./units";
import { newerVersionMessage, upgradeBook } from "./upgrade";

export interface ReadResult {
  /** Null only with a fatal problem. */
  readonly register: Register | null;
  readonly errors: ContractError[];
  readonly fatal: ContractError | null;
  /** The workbook as read: upgraded to the current schema when it was older (write it back in place). */
  readonly book: RawWorkbook;
  readonly schema: { readonly found: number; readonly current: number; readonly upgraded: readonly string[] };
  /** Each contract table's columns, including the unknown ones every writer must keep. */
  readonly columns: Readonly<Partial<Record<TableName, ColumnIndex>>>;
  /** Settings PerfCycle does not know, kept. */
  readonly extraSettings: readonly ExtraSetting[];
}

export interface ReadOptions {
  /** Upgrade steps (default: this PerfCycle's UPGRADES). */
  readonly upgrades?: readonly UpgradeStep[];
}

type Versioned =
  | { readonly ok: true; readonly book: RawWorkbook; readonly upgraded: readonly string[] }
  | { readonly ok: false; readonly fatal: ContractError };

/** The workbook at the current schema version: upgraded when older, refused when newer. */
function atCurrentVersion(
  input: RawWorkbook,
  version: ReturnType<typeof schemaVersionOf>,
  options: ReadOptions,
): Versioned {
  const fatal = (code: LocatedCode, place: string, detail: string): Versioned => ({
    ok: false,
    fatal: { code, table: TABLE.settings, row: version.row, column: "Value", ...placed(place, detail) },
  });
  if (version.version > CURRENT_SCHEMA_VERSION) {
    const where = `${TABLE.settings}${version.row === null ? "" : ` row ${version.row}`}`;
    return fatal("SCHEMA_NEWER", `${where}, SchemaVersion`, newerVersionMessage(input, version.version));
  }
  if (version.version >= OLDEST_READ_VERSION) return { ok: true, book: input, upgraded: [] };
  const u = upgradeBook(input, version.version, options.upgrades ?? UPGRADES, OLDEST_READ_VERSION);
  if (u.problem !== null) return fatal("SCHEMA_UPGRADE", `${TABLE.settings}, SchemaVersion`, u.problem);
  return { ok: true, book: u.book, upgraded: u.applied };
}

/** A table's reader, with its missing and repeated columns reported. */
function tableReader(book: RawWorkbook, name: string, errors: ContractError[]): TableReader | null {
  const table = findTable(book, name);
  if (!table) return null;
  const r = new TableReader(table, errors);
  r.reportMissing();
  return r;
}

/**
 * Read the workbook into the engine's Register. `register` is null only with a fatal problem:
 * no PerfTargets table, or a schema version newer than this PerfCycle reads (or one it cannot
 * upgrade). Every other problem is an error and the rest of the workbook is still read.
 *
 * @example
 * const { register, errors } = readRegister(book); // errors name table, row and column
 */
export function readRegister(input: RawWorkbook, options: ReadOptions = {}): ReadResult {
  const errors: ContractError[] = [];
  const version = schemaVersionOf(input);
  const fatalResult = (fatal: ContractError): ReadResult => ({
    register: null,
    errors: [...errors, fatal],
    fatal,
    book: input,
    schema: { found: version.version, current: CURRENT_SCHEMA_VERSION, upgraded: [] },
    columns: {},
    extraSettings: [],
  });
  const v = atCurrentVersion(input, version, options);
  if (!v.ok) return fatalResult(v.fatal);
  const { book, upgraded } = v;
  const targetsTable = findTable(book, TABLE.targets);
  if (!targetsTable) {
    return fatalResult({
      code: "TARGETS_TABLE_MISSING",
      table: TABLE.targets,
      row: null,
      column: null,
      message: MESSAGES.targetsTableMissing(
        TABLE.targets,
        book.tables.map((t) => t.name),
      ),
    });
  }
  const s = readSettings(book);
  errors.push(...s.errors);
  const columns: Partial<Record<TableName, ColumnIndex>> = {};
  if (s.columns) columns.PerfSettings = s.columns;
  const targetsReader = new TableReader(targetsTable, errors);
  targetsReader.reportMissing();
  columns.PerfTargets = targetsReader.columns;
  const targets = readTargets(targetsReader, s.settings);
  let units: UnitRecord[] = [];
  const unitsReader = tableReader(book, TABLE.units, errors);
  if (unitsReader) {
    columns.PerfUnits = unitsReader.columns;
    units = readUnits(unitsReader);
  }
  let actuals: ActualRecord[] = [];
  const actualsReader = tableReader(book, TABLE.actuals, errors);
  if (actualsReader) {
    columns.PerfActuals = actualsReader.columns;
    if (actualsReader.has("Period") && actualsReader.has("IndicatorId"))
      actuals = readActuals(actualsReader, s.settings, targets, units);
  }
  const comparatorsReader = tableReader(book, TABLE.comparators, errors);
  let comparators: ComparatorRecord[] | null = null;
  if (comparatorsReader) {
    columns.PerfComparators = comparatorsReader.columns;
    if (comparatorsReader.columns.missing.length === 0)
      comparators = readComparators(comparatorsReader, s.settings);
  }
  const auditTable = findTable(book, TABLE.audit);
  if (auditTable) columns.PerfAudit = columnIndex(auditTable);
  return {
    register: { settings: s.settings, targets, actuals, units, ...(comparators ? { comparators } : {}) },
    errors,
    fatal: null,
    book,
    schema: { found: version.version, current: CURRENT_SCHEMA_VERSION, upgraded },
    columns,
    extraSettings: s.extra,
  };
}
