/**
 * The workbook's sheets and their table parts, as the workbook part and the relationships list
 * them (a sheet whose relationship is missing or external is left out).
 */
import { parseRange, type Range } from "../../a1";
import { readRelationships, relKind, type Relationship } from "./opc";
import { elementsNamed, parseXml } from "./xml";
import type { ZipPackage } from "./zip";

export interface BookSheet {
  readonly name: string;
  readonly sheetId: string;
  readonly rId: string;
  /** The sheet's part (as stored in the zip). */
  readonly part: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** A worksheet (not a chart sheet, dialog or macro sheet). */
  readonly worksheet: boolean;
}

export interface BookTable {
  /** The table's name as Excel shows it and formulas use it (displayName, else name). */
  readonly name: string;
  readonly part: string;
  readonly rId: string;
  readonly sheet: BookSheet;
  readonly ref: string;
  readonly range: Range;
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
  readonly columns: readonly string[];
  readonly autoFilterRef: string | undefined;
  /** First and last data rows (1-based; last < first when the table has none). */
  readonly firstDataRow: number;
  readonly lastDataRow: number;
}

/** The sheets the workbook part lists, with their parts and states. */
export function sheetsOf(pkg: ZipPackage, workbookXml: string, wbRels: readonly Relationship[]): BookSheet[] {
  const relById = new Map(wbRels.map((r) => [r.id, r]));
  const sheets: BookSheet[] = [];
  for (const a of elementsNamed(workbookXml, "sheet")) {
    const rId = a["r:id"] ?? Object.entries(a).find(([k]) => /:id$/.test(k))?.[1] ?? "";
    const rel = relById.get(rId);
    if (!rel || rel.external) continue;
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    sheets.push({
      name: a.name ?? "",
      sheetId: a.sheetId ?? "",
      rId,
      part: rel.part,
      state,
      worksheet: relKind(rel.type) === "worksheet" && pkg.has(rel.part),
    });
  }
  return sheets;
}

/** Every table part of the worksheets, in sheet order. */
export function tablesOf(pkg: ZipPackage, sheets: readonly BookSheet[], file: string): BookTable[] {
  const tables: BookTable[] = [];
  for (const sheet of sheets) {
    if (!sheet.worksheet) continue;
    for (const rel of readRelationships(pkg, sheet.part)) {
      if (rel.external || relKind(rel.type) !== "table" || !pkg.has(rel.part)) continue;
      const t = readTablePart(pkg, rel.part, file);
      if (t) tables.push({ ...t, sheet, rId: rel.id, part: rel.part });
    }
  }
  return tables;
}

function count(v: string | undefined, dflt: number): number {
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : dflt;
}

/** A table part: its name, range, header and totals rows and column names. */
function readTablePart(
  pkg: ZipPackage,
  part: string,
  file: string,
): Omit<BookTable, "sheet" | "rId" | "part"> | undefined {
  const data = pkg.read(part);
  if (!data) return undefined;
  let root: Record<string, string> | undefined;
  let autoFilterRef: string | undefined;
  const columns: string[] = [];
  let depth = 0;
  parseXml(
    data,
    {
      open(name, a) {
        depth++;
        if (name === "table" && depth === 1) root = { ...a };
        else if (name === "autoFilter" && depth === 2) autoFilterRef = a.ref;
        else if (name === "tableColumn") columns.push(a.name ?? "");
      },
      close() {
        depth--;
      },
    },
    file,
    part,
  );
  if (!root) return undefined;
  const ref = root.ref ?? "";
  const range = parseRange(ref);
  if (!range) return undefined;
  const headerRowCount = count(root.headerRowCount, 1);
  const totalsRowCount = count(root.totalsRowCount, 0);
  return {
    name: root.displayName ?? root.name ?? "",
    ref,
    range,
    headerRowCount,
    totalsRowCount,
    columns: columns.map((c) =>
      c.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    ),
    autoFilterRef,
    firstDataRow: range.top + (headerRowCount > 0 ? 1 : 0),
    lastDataRow: range.bottom - (totalsRowCount > 0 ? 1 : 0),
  };
}
