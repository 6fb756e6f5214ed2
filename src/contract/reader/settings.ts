/**
 * PerfSettings: the known settings by name (unknown ones kept), the schema version, and the
 * typed Settings with a clear error, naming the row, for each value that cannot be read.
 */
import {
  DEFAULT_SETTINGS,
  parseConfidenceLevel,
  parseOptionalNumber,
  parsePeriod,
  parseRagRule,
  parseRagScheme,
  quote,
  validStartMonth,
  type LocatedCode,
  type Quarter,
  type Result,
  type Settings,
} from "../../engine";
import type { ContractError, RawCell, RawWorkbook } from "../raw";
import { CURRENT_SCHEMA_VERSION, matchHeader, SETTING_NAMES, TABLE, type SettingName } from "../schema";
import { cellText, findTable, isBlankCell, TableReader, type ColumnIndex } from "./tables";

export interface ExtraSetting {
  /** 1-based data row in PerfSettings. */
  readonly row: number;
  readonly setting: string;
  readonly value: RawCell;
}

export interface SettingsRead {
  readonly settings: Settings;
  readonly errors: ContractError[];
  /** Settings PerfCycle does not know: kept, never dropped. */
  readonly extra: readonly ExtraSetting[];
  /** The data row of each known setting found. */
  readonly rows: Readonly<Partial<Record<SettingName, number>>>;
  readonly columns: ColumnIndex | null;
}

export function settingRows(reader: TableReader): {
  known: Map<SettingName, { n: number; value: RawCell }>;
  extra: ExtraSetting[];
} {
  const known = new Map<SettingName, { n: number; value: RawCell }>();
  const extra: ExtraSetting[] = [];
  for (const { n, cells } of reader.rows()) {
    const raw = reader.text(cells, "Setting");
    const name = matchHeader(raw, SETTING_NAMES);
    const value = reader.cell(cells, "Value");
    if (name === undefined) extra.push({ row: n, setting: raw, value });
    else if (known.has(name)) {
      reader.error(
        n,
        "Setting",
        "SETTING_REPEATED",
        `${quote(raw)} is set twice (also on row ${known.get(name)?.n ?? "?"}); the first is used`,
      );
    } else known.set(name, { n, value });
  }
  return { known, extra };
}

/** The workbook's schema version: missing or blank is 1. */
export function schemaVersionOf(book: RawWorkbook): {
  version: number;
  row: number | null;
  error: ContractError | null;
} {
  const table = findTable(book, TABLE.settings);
  if (!table) return { version: 1, row: null, error: null };
  const errors: ContractError[] = [];
  const reader = new TableReader(table, errors);
  const found = settingRows(reader).known.get("SchemaVersion");
  if (!found || isBlankCell(found.value)) return { version: 1, row: found?.n ?? null, error: null };
  const v = parseOptionalNumber(found.value);
  if (!v.ok || v.value === null || !Number.isInteger(v.value) || v.value < 0) {
    reader.error(
      found.n,
      "Value",
      "SCHEMA_VERSION",
      `SchemaVersion must be a whole number such as ${CURRENT_SCHEMA_VERSION}; got ${quote(cellText(found.value))}. Read as version ${CURRENT_SCHEMA_VERSION}`,
    );
    return { version: CURRENT_SCHEMA_VERSION, row: found.n, error: errors[0] ?? null };
  }
  return { version: v.value, row: found.n, error: null };
}

/** SmallBase: a whole number of 1 or more; else an error, and 30 is used. */
function readSmallBase(s: SettingValues): number | undefined {
  const sb = s.value("SmallBase");
  if (!sb) return undefined;
  const n = parseOptionalNumber(sb.value);
  if (n.ok && n.value !== null && Number.isInteger(n.value) && n.value >= 1) return n.value;
  s.bad(
    "SmallBase",
    sb.n,
    "SETTING_VALUE",
    `write a whole number of cases such as 30; got ${quote(cellText(sb.value))}; 30 is used`,
  );
  return undefined;
}

/** DotSignificance: Yes or No (TRUE/FALSE too); else an error, and No is used. */
function readYesNo(s: SettingValues, name: SettingName): boolean | undefined {
  const f = s.value(name);
  if (!f) return undefined;
  if (typeof f.value === "boolean") return f.value;
  const t = cellText(f.value).toLowerCase();
  if (t === "yes" || t === "true" || t === "y") return true;
  if (t === "no" || t === "false" || t === "n") return false;
  s.bad(name, f.n, "SETTING_VALUE", `write Yes or No; got ${quote(cellText(f.value))}; No is used`);
  return undefined;
}

/** Schema 2's settings, each only when the workbook gives it (the engine has the defaults). */
function readV2Settings(
  s: SettingValues,
): Pick<Settings, "confidenceLevel" | "smallBase" | "dotSignificance"> {
  const out: { confidenceLevel?: 95 | 99.8; smallBase?: number; dotSignificance?: boolean } = {};
  const cl = s.value("ConfidenceLevel");
  if (cl) {
    const r = parseConfidenceLevel(cl.value);
    if (r.ok) out.confidenceLevel = r.value;
    else s.bad("ConfidenceLevel", cl.n, r.error.code, `${r.error.message}; 95 is used`);
  }
  const sb = readSmallBase(s);
  if (sb !== undefined) out.smallBase = sb;
  const ds = readYesNo(s, "DotSignificance");
  if (ds !== undefined) out.dotSignificance = ds;
  return out;
}

/** Read PerfSettings (after any upgrade). Unknown settings are kept in `extra`. */

/** A known setting's non-blank value and its row, and a way to report a bad value. */
interface SettingValues {
  value(name: SettingName): { n: number; value: RawCell } | undefined;
  bad(name: SettingName, n: number, code: LocatedCode, message: string): void;
}

function readStartMonth(s: SettingValues): number {
  const sm = s.value("FiscalYearStartMonth");
  if (!sm) return DEFAULT_SETTINGS.startMonth;
  const n = parseOptionalNumber(sm.value);
  const v = n.ok ? validStartMonth(n.value) : n;
  if (v.ok) return v.value;
  s.bad("FiscalYearStartMonth", sm.n, v.error.code, `${v.error.message}. April (4) is used`);
  return DEFAULT_SETTINGS.startMonth;
}

function readReportingPeriod(s: SettingValues, startMonth: number): Quarter | null {
  const rp = s.value("ReportingPeriod");
  if (!rp) return null;
  const p = parsePeriod(rp.value, { startMonth });
  if (p.ok) return p.value;
  s.bad("ReportingPeriod", rp.n, p.error.code, p.error.message);
  return null;
}

function readDefaultTolerance(s: SettingValues): number {
  const dt = s.value("DefaultTolerance");
  if (!dt) return DEFAULT_SETTINGS.defaultTolerance;
  const n = parseOptionalNumber(dt.value);
  if (!n.ok) s.bad("DefaultTolerance", dt.n, n.error.code, `${n.error.message}; 5% is used`);
  else if (n.value !== null && n.value < 0) {
    s.bad(
      "DefaultTolerance",
      dt.n,
      "TOLERANCE_NEGATIVE",
      `the tolerance cannot be negative; got ${quote(cellText(dt.value))}; 5% is used`,
    );
  } else if (n.value !== null) return n.value;
  return DEFAULT_SETTINGS.defaultTolerance;
}

/** A setting from a closed list of names, parsed by the engine; the default when bad. */
function readNamed<T extends string>(
  s: SettingValues,
  name: SettingName,
  parse: (text: string) => Result<T>,
  fallback: T,
): T {
  const found = s.value(name);
  if (!found) return fallback;
  const r = parse(cellText(found.value));
  if (r.ok) return r.value;
  s.bad(name, found.n, r.error.code, `${r.error.message}; ${fallback} is used`);
  return fallback;
}

/** Read PerfSettings (after any upgrade). Unknown settings are kept in `extra`. */
export function readSettings(book: RawWorkbook): SettingsRead {
  const errors: ContractError[] = [];
  const table = findTable(book, TABLE.settings);
  // No PerfSettings: the defaults, and schema 1 (a missing SchemaVersion is 1).
  if (!table)
    return {
      settings: { ...DEFAULT_SETTINGS, schemaVersion: 1 },
      errors,
      extra: [],
      rows: {},
      columns: null,
    };
  const reader = new TableReader(table, errors);
  reader.reportMissing();
  const { known, extra } = settingRows(reader);
  const rows: Partial<Record<SettingName, number>> = {};
  for (const [k, v] of known) rows[k] = v.n;
  const s: SettingValues = {
    value: (name) => {
      const f = known.get(name);
      return f && !isBlankCell(f.value) ? f : undefined;
    },
    bad: (name, n, code, message) => reader.error(n, "Value", code, `${name}: ${message}`),
  };
  const version = schemaVersionOf(book);
  if (version.error) errors.push(version.error);
  const startMonth = readStartMonth(s);
  const settings: Settings = {
    schemaVersion: Math.min(version.version, CURRENT_SCHEMA_VERSION),
    startMonth,
    reportingPeriod: readReportingPeriod(s, startMonth),
    defaultTolerance: readDefaultTolerance(s),
    scheme: readNamed(s, "RagScheme", parseRagScheme, DEFAULT_SETTINGS.scheme),
    rule: readNamed(s, "RagRule", parseRagRule, DEFAULT_SETTINGS.rule),
    ...readV2Settings(s),
  };
  return { settings, errors, extra, rows, columns: reader.columns };
}
