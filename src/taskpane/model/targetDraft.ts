/**
 * The target form's data: a draft of one PerfTargets row as the user types it, turned into cells,
 * and evaluated live by the contract's reader and the engine: the cell problems of the row
 * (named by column, quoting the text), the SMART findings (engine targetFindings and the
 * duplicate and roll-up checks of smartFindings), and the four quarterly milestones of the profile
 * (engine targetMilestones, so Seasonal and rolled-up baselines come out exactly as the report will
 * rate them). The workbook is indexed once (`draftIndex`); a keystroke reads the draft's indicator
 * only.
 */
import {
  buildHierarchy,
  formatQuarter,
  idKey,
  smartFindings,
  targetFindings,
  targetMilestones,
  unitKey,
  weightFor,
  type Finding,
  type MeasureType,
  type QuarterNumber,
  type TargetRecord,
  type TargetStatus,
} from "../../engine";
import {
  cellText,
  findTable,
  matchHeader,
  OPTIONAL_TARGET_COLUMNS,
  readRegister,
  TABLE,
  TARGET_COLUMNS,
  type ContractError,
  type RawCell,
  type RawTable,
  type RawWorkbook,
} from "../../contract";
import { numberCell, numberText, textOf, type NumberField } from "./cells";

/** The fields of the form: every PerfTargets column but Status (moved with its own buttons). */
export const FORM_FIELDS = TARGET_COLUMNS.filter((c) => c !== "Status");
export type FormField = (typeof FORM_FIELDS)[number];
export type DraftTexts = Record<FormField, string>;

const KNOWN = [...TARGET_COLUMNS, ...OPTIONAL_TARGET_COLUMNS];

export interface Draft {
  readonly texts: DraftTexts;
  /**
   * Schema 2 cells chosen with a suggestion (TargetMethod, TargetRationale) or a lineage offer
   * (PreviousId), written with the save while the Target is still the one they were chosen with
   * (`forTarget`; any Target when null). Typing another target drops the method, never silently keeps it.
   */
  readonly extra?: { readonly forTarget: string | null; readonly values: Readonly<Record<string, RawCell>> };
  /** The row being edited: its 1-based data row, status and cells as read; null for a new target. */
  readonly editing: {
    readonly row: number;
    readonly status: TargetStatus;
    readonly texts: DraftTexts;
    readonly cells: Readonly<Record<FormField, RawCell>>;
  } | null;
}

export function emptyTexts(): DraftTexts {
  const t = {} as DraftTexts;
  for (const f of FORM_FIELDS) t[f] = "";
  return t;
}

/** How a numeric field of the form is typed, given the measure and tolerance types chosen. */
export function fieldKind(field: FormField, texts: DraftTexts): NumberField | "text" {
  const rate = texts.MeasureType === "Rate";
  switch (field) {
    case "Baseline":
    case "Target":
      return rate ? "percent" : "plain";
    case "Tolerance":
      // Relative: a share of the milestone (5%); Absolute: in the stored unit, a rate in points (2 = 0.02).
      return texts.ToleranceType === "Absolute" && !rate ? "plain" : "percent";
    case "W1":
    case "W2":
    case "W3":
    case "W4":
      return "plain";
    default:
      return "text";
  }
}

/** A new target's draft, with the defaults a performance officer starts from. */
export function newDraft(defaults: Partial<DraftTexts> = {}): Draft {
  return {
    texts: { ...emptyTexts(), MeasureType: "Count", Polarity: "Higher", Profile: "Linear", ...defaults },
    editing: null,
  };
}

/** The draft of an existing PerfTargets row (1-based data row). */
export function draftOfRow(table: RawTable, row: number, status: TargetStatus): Draft | null {
  const cells = table.rows[row - 1];
  if (!cells) return null;
  const byField = {} as Record<FormField, RawCell>;
  for (const f of FORM_FIELDS) byField[f] = null;
  table.headers.forEach((h, i) => {
    const name = matchHeader(h, FORM_FIELDS);
    if (name !== undefined) byField[name] = cells[i] ?? null;
  });
  const texts = emptyTexts();
  for (const f of FORM_FIELDS) {
    if (f === "MeasureType" || f === "Polarity" || f === "Profile" || f === "ToleranceType") {
      texts[f] = cellText(byField[f]);
    } else texts[f] = textOf(byField[f]);
  }
  for (const f of FORM_FIELDS) {
    const kind = fieldKind(f, texts);
    if (kind !== "text") texts[f] = numberText(byField[f], kind);
  }
  return { texts, editing: { row, status, texts: { ...texts }, cells: byField } };
}

/** The cell a field writes: what was read when the field is unchanged, else the typed text read as a cell. */
export function cellOf(draft: Draft, field: FormField): RawCell {
  const texts = draft.texts;
  if (draft.editing && draft.editing.texts[field] === texts[field]) return draft.editing.cells[field];
  const kind = fieldKind(field, texts);
  if (kind === "text") {
    const t = texts[field].trim();
    return t === "" ? null : t;
  }
  return numberCell(texts[field], kind);
}

/** The extra cells the save writes (see Draft.extra): none once the Target has been retyped. */
export function extraValues(draft: Draft): Readonly<Record<string, RawCell>> {
  const x = draft.extra;
  if (!x) return {};
  return x.forTarget === null || x.forTarget === draft.texts.Target ? x.values : {};
}

/** Whether a save has anything to write: a changed field or an extra cell. */
export function hasEdits(draft: Draft): boolean {
  return changedFields(draft).length > 0 || Object.keys(extraValues(draft)).length > 0;
}

/** Fields whose text differs from the row as read (every filled field for a new target). */
export function changedFields(draft: Draft): FormField[] {
  const editing = draft.editing;
  if (editing) return FORM_FIELDS.filter((f) => editing.texts[f] !== draft.texts[f]);
  return FORM_FIELDS.filter((f) => draft.texts[f].trim() !== "");
}

/** The values a save writes: the changed fields' cells (a new target is Draft). */
export function editValues(draft: Draft): Record<string, RawCell> {
  const values: Record<string, RawCell> = { ...extraValues(draft) };
  for (const f of changedFields(draft)) values[f] = cellOf(draft, f);
  if (!draft.editing) values.Status = "Draft";
  return values;
}

export interface MilestoneRow {
  readonly quarter: string;
  /** Cumulative weight Wq of the profile (null for Seasonal, which comes from the baseline year). */
  readonly weight: number | null;
  readonly milestone: number | null;
}

export interface DraftEvaluation {
  /** The row as the reader reads it (null when it cannot be read at all). */
  readonly target: TargetRecord | null;
  readonly measureType: MeasureType | null;
  /** Problems in the row's cells, each naming the column and quoting the text. */
  readonly cellErrors: readonly ContractError[];
  readonly findings: readonly Finding[];
  readonly milestones: readonly MilestoneRow[];
  /** Why milestones cannot be shown (the engine's message), when they cannot. */
  readonly milestoneNote: string | null;
}

export function rowFor(
  headers: readonly RawCell[],
  draft: Draft,
  base: readonly RawCell[] | undefined,
): RawCell[] {
  return headers.map((h, i) => {
    const name = matchHeader(h, FORM_FIELDS);
    if (name !== undefined) return cellOf(draft, name);
    if (matchHeader(h, KNOWN) === "Status") return draft.editing?.status ?? "Draft";
    return base?.[i] ?? null;
  });
}

/**
 * What evaluating a draft needs from its workbook, indexed once per workbook read (not per
 * keystroke): the targets table, its rows by indicator id, the settings and units tables, and the
 * actuals of each indicator. A draft is then read with only the rows of its own indicator around
 * it (at their own row numbers, the other rows left out as blank), which is all the row's cell
 * checks, the duplicate check (S-ID) and the roll-up check (M-RATE) look at: the same cell errors
 * and findings as reading the whole register, at the cost of one indicator.
 */
export interface DraftIndex {
  readonly targets: RawTable | undefined;
  readonly headers: readonly RawCell[];
  /** 0-based row indexes of PerfTargets by idKey of IndicatorId. */
  readonly targetRowsById: ReadonlyMap<string, readonly number[]>;
  /** PerfSettings and PerfUnits, as read. */
  readonly shared: readonly RawTable[];
  /** PerfActuals restricted to one indicator, by idKey, built on first use. */
  actualsOf(id: string): RawTable | undefined;
}

const NO_ROWS: readonly number[] = [];
/** A row the reader skips as blank (the rows of other indicators). */
const BLANK_ROW: readonly RawCell[] = [];

export function draftIndex(book: RawWorkbook): DraftIndex {
  const targets = findTable(book, TABLE.targets);
  const headers: readonly RawCell[] = targets?.headers ?? TARGET_COLUMNS;
  const idOf = (t: RawTable): number =>
    t.headers.findIndex((h) => matchHeader(h, ["IndicatorId"]) !== undefined);
  const targetRowsById = new Map<string, number[]>();
  if (targets) {
    const col = idOf(targets);
    targets.rows.forEach((r, i) => {
      const k = idKey(cellText(r[col] ?? null));
      const list = targetRowsById.get(k);
      if (list) list.push(i);
      else targetRowsById.set(k, [i]);
    });
  }
  const shared: RawTable[] = [];
  let actuals: RawTable | undefined;
  for (const t of book.tables) {
    if (t === targets) continue;
    if (findTable({ tables: [t] }, TABLE.actuals)) actuals = t;
    else if (findTable({ tables: [t] }, TABLE.settings) || findTable({ tables: [t] }, TABLE.units))
      shared.push(t);
  }
  let actualsById: Map<string, RawCell[][]> | null = null;
  const actualsOf = (id: string): RawTable | undefined => {
    if (!actuals) return undefined;
    if (actualsById === null) {
      const byId = new Map<string, RawCell[][]>();
      const col = idOf(actuals);
      for (const r of actuals.rows) {
        const k = idKey(cellText(r[col] ?? null));
        const list = byId.get(k);
        if (list) list.push(r as RawCell[]);
        else byId.set(k, [r as RawCell[]]);
      }
      actualsById = byId;
    }
    return { ...actuals, rows: actualsById.get(id) ?? [] };
  };
  return { targets, headers, targetRowsById, shared, actualsOf };
}

/** Evaluate a draft against the workbook it belongs to (see the module comment). */
export function evaluateDraft(book: RawWorkbook | DraftIndex, draft: Draft): DraftEvaluation {
  const index = "tables" in book ? draftIndex(book) : book;
  const { targets, headers } = index;
  const all = targets?.rows ?? [];
  const editingRow = draft.editing?.row ?? null;
  const row = rowFor(headers, draft, editingRow === null ? undefined : all[editingRow - 1]);
  const id = idKey(draft.texts.IndicatorId);
  // The targets table with only this indicator's rows (at their own places) and the draft's row.
  const rows: (readonly RawCell[])[] = new Array<readonly RawCell[]>(all.length).fill(BLANK_ROW);
  for (const i of index.targetRowsById.get(id) ?? NO_ROWS) rows[i] = all[i] ?? BLANK_ROW;
  let draftRow: number;
  if (editingRow !== null && editingRow <= all.length) {
    rows[editingRow - 1] = row;
    draftRow = editingRow;
  } else {
    rows.push(row);
    draftRow = rows.length;
  }
  const tables: RawTable[] = [...index.shared];
  const actuals = index.actualsOf(id);
  if (actuals) tables.push(actuals);
  tables.push({ ...(targets ?? { name: TABLE.targets }), headers, rows });
  const read = readRegister({ tables });
  const none: DraftEvaluation = {
    target: null,
    measureType: null,
    cellErrors: read.fatal ? [read.fatal] : [],
    findings: [],
    milestones: [],
    milestoneNote: null,
  };
  const register = read.register;
  if (!register) return none;
  const target = register.targets.find((t) => t.row === draftRow) ?? null;
  const cellErrors = read.errors.filter((e) => e.table === TABLE.targets && e.row === draftRow);
  if (!target) return { ...none, cellErrors };

  const sm = register.settings.startMonth;
  const h = buildHierarchy(register.units.map((u) => ({ orgUnit: u.orgUnit, parent: u.parent })));
  const same = (f: Finding): boolean =>
    idKey(f.indicatorId) === idKey(target.indicatorId) && unitKey(f.orgUnit) === unitKey(target.orgUnit);
  const own = targetFindings(target, sm);
  const wide = h.ok
    ? smartFindings(register, h.value).filter((f) => same(f) && (f.code === "S-ID" || f.code === "M-RATE"))
    : [];
  const seen = new Set<string>();
  const findings = [...own, ...wide].filter((f) => {
    const k = `${f.code}|${f.field}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  const milestones: MilestoneRow[] = [];
  let milestoneNote: string | null = null;
  const mt = target.measureType;
  if (mt === null) milestoneNote = "Choose a measure type to see the milestones.";
  else if (target.targetYear === null) milestoneNote = "Give the target year to see the milestones.";
  else if (target.target === null) milestoneNote = "Give the target to see the milestones.";
  else {
    const fy = target.targetYear;
    const worked = targetMilestones(register, target);
    if (worked.problem !== null)
      milestoneNote = `${target.indicatorId} (${target.orgUnit}): ${worked.problem}`;
    for (const q of [1, 2, 3, 4] as const satisfies readonly QuarterNumber[]) {
      milestones.push({
        quarter: formatQuarter({ fy, q }, sm),
        weight: worked.weights ? weightFor(worked.weights, q) : null,
        milestone: worked.milestones[q - 1] ?? null,
      });
    }
  }
  return { target, measureType: mt, cellErrors, findings, milestones, milestoneNote };
}
