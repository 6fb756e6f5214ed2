/**
 * The target form's evaluation reads only the draft's indicator around it (an index built once per
 * workbook), and must show exactly what reading the whole register shows: the same cell errors,
 * findings and milestones. The oracle below is the evaluation as it was, reading everything.
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
  type QuarterNumber,
} from "../../src/engine";
import {
  cellText,
  findTable,
  matchHeader,
  readRegister,
  sampleWorkbook,
  TABLE,
  TARGET_COLUMNS,
  type RawCell,
  type RawTable,
  type RawWorkbook,
} from "../../src/contract";
import {
  draftIndex,
  draftOfRow,
  evaluateDraft,
  newDraft,
  rowFor,
  type Draft,
  type DraftEvaluation,
  type MilestoneRow,
} from "../../src/taskpane/model/targetDraft";

/** The evaluation as it was before the index: the whole register read on each keystroke (the oracle). */
function wholeRegisterEvaluation(book: RawWorkbook, draft: Draft): DraftEvaluation {
  const targets = findTable(book, TABLE.targets);
  const headers: readonly RawCell[] = targets?.headers ?? TARGET_COLUMNS;
  const rows = [...(targets?.rows ?? [])];
  const editingRow = draft.editing?.row ?? null;
  const row = rowFor(headers, draft, editingRow === null ? undefined : rows[editingRow - 1]);
  let draftRow: number;
  if (editingRow !== null && editingRow <= rows.length) {
    rows[editingRow - 1] = row;
    draftRow = editingRow;
  } else {
    rows.push(row);
    draftRow = rows.length;
  }
  const id = idKey(draft.texts.IndicatorId);
  const tables: RawTable[] = [];
  for (const t of book.tables) {
    if (t === targets) continue;
    if (findTable({ tables: [t] }, TABLE.actuals)) {
      const idCol = t.headers.findIndex((h) => matchHeader(h, ["IndicatorId"]) !== undefined);
      tables.push({ ...t, rows: t.rows.filter((r) => idKey(cellText(r[idCol] ?? null)) === id) });
    } else if (findTable({ tables: [t] }, TABLE.settings) || findTable({ tables: [t] }, TABLE.units)) {
      tables.push(t);
    }
  }
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

/** The sample, with its first target copied `n` times under new ids, and a duplicate of row 1. */
function bigBook(n: number): RawWorkbook {
  const book = sampleWorkbook();
  return {
    ...book,
    tables: book.tables.map((t) => {
      if (!findTable({ tables: [t] }, TABLE.targets)) return t;
      const idCol = t.headers.findIndex((h) => matchHeader(h, ["IndicatorId"]) !== undefined);
      const first = t.rows[0] ?? [];
      const extra = Array.from({ length: n }, (_, i) => {
        const r = [...first];
        r[idCol] = `BIG-${i}`;
        return r;
      });
      return { ...t, rows: [...t.rows, ...extra, [...first]] };
    }),
  };
}

function statusOf(book: RawWorkbook, row: number): "Draft" | "Agreed" | "Approved" {
  const t = findTable(book, TABLE.targets);
  const col = t?.headers.findIndex((h) => matchHeader(h, ["Status"]) !== undefined) ?? -1;
  const v = cellText(t?.rows[row - 1]?.[col] ?? null);
  return v === "Agreed" || v === "Approved" ? v : "Draft";
}

function editDraft(book: RawWorkbook, row: number, changes: Partial<Draft["texts"]>): Draft {
  const t = findTable(book, TABLE.targets);
  if (!t) throw new Error("no targets");
  const d = draftOfRow(t, row, statusOf(book, row));
  if (!d) throw new Error(`no row ${row}`);
  return { ...d, texts: { ...d.texts, ...changes } };
}

const book = bigBook(300);
const index = draftIndex(book);
const rowCount = findTable(book, TABLE.targets)?.rows.length ?? 0;

const drafts: [string, Draft][] = [
  ["a new target, blank", newDraft()],
  [
    "a new target for an existing id and unit (a duplicate)",
    editNew({ IndicatorId: "CS-ESC", OrgUnit: "City", TargetYear: "2015-16", MeasureType: "Rate" }),
  ],
  [
    "a new target with cells the reader refuses",
    editNew({
      IndicatorId: "NEW-1",
      Baseline: "lots",
      Target: "12,5",
      TargetYear: "2015/6",
      MeasureType: "Sum",
    }),
  ],
  ["the first row unchanged", editDraft(book, 1, {})],
  ["the first row with a bad tolerance", editDraft(book, 1, { Tolerance: "five" })],
  ["the last row, a duplicate of the first", editDraft(book, rowCount, {})],
  ["a copied row given a new id", editDraft(book, 40, { IndicatorId: "CC-REACH" })],
  ["a rolled-up rate edited", editDraft(book, 2, { Target: "0.7" })],
];

function editNew(texts: Partial<Draft["texts"]>): Draft {
  const d = newDraft();
  return { ...d, texts: { ...d.texts, ...texts } };
}

describe("the target form reads only the draft's indicator", () => {
  it.each(drafts)("and shows what the whole register shows: %s", (_name, draft) => {
    const expected = wholeRegisterEvaluation(book, draft);
    expect(evaluateDraft(index, draft)).toEqual(expected);
    expect(evaluateDraft(book, draft)).toEqual(expected);
  });

  it("finds cell errors and duplicates to compare (the cases are not all clean)", () => {
    const all = drafts.map(([, d]) => evaluateDraft(index, d));
    expect(all.some((e) => e.cellErrors.length > 0)).toBe(true);
    expect(all.some((e) => e.findings.some((f) => f.code === "S-ID"))).toBe(true);
  });
});
