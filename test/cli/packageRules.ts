/**
 * Package-level checks for the write tests: which parts changed between two packages, and
 * Excel's own rules on the result (content types for every part, relationships that resolve,
 * unique sheet ids, names and rIds, tables whose ref and autoFilter cover their rows and do not
 * overlap, cell formats that exist).
 */
import { openXlsxBuffer } from "../../src/cli/ooxml/book";
import { childElements, findElement } from "../../src/cli/ooxml/edit";
import { contentTypeOf, readContentTypes, readRelationships } from "../../src/cli/ooxml/opc";
import { parseRange, overlaps } from "../../src/a1";
import { elementsNamed, parseXml } from "../../src/cli/ooxml/xml";
import { unzip } from "./helpers";

export interface PackageDiff {
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

export function packageDiff(before: Buffer, after: Buffer): PackageDiff {
  const a = unzip(before);
  const b = unzip(after);
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [name, data] of a) {
    const other = b.get(name);
    if (!other) removed.push(name);
    else if (!other.equals(data)) changed.push(name);
  }
  const added = [...b.keys()].filter((n) => !a.has(n));
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}

/** Excel's rules on a package; returns the problems found (none: []). */
export function excelRuleProblems(buf: Buffer): string[] {
  const problems: string[] = [];
  const book = openXlsxBuffer(buf, "out.xlsx");
  const pkg = book.pkg;
  const types = readContentTypes(pkg);
  for (const name of pkg.partNames())
    if (contentTypeOf(types, name) === undefined) problems.push(`${name} has no content type`);
  // Relationships of the workbook and of every worksheet resolve, with unique ids.
  for (const source of [book.workbookPart, ...book.sheets.map((s) => s.part)]) {
    const rels = readRelationships(pkg, source);
    const ids = rels.map((r) => r.id);
    if (new Set(ids).size !== ids.length) problems.push(`${source}: duplicate relationship ids`);
    for (const r of rels)
      if (!r.external && !pkg.has(r.part)) problems.push(`${source}: ${r.id} → ${r.part} is missing`);
  }
  const sheetIds = book.sheets.map((s) => s.sheetId);
  if (new Set(sheetIds).size !== sheetIds.length) problems.push(`duplicate sheetId`);
  const names = book.sheets.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`duplicate sheet name`);
  const rIds = book.sheets.map((s) => s.rId);
  if (new Set(rIds).size !== rIds.length) problems.push(`duplicate sheet r:id`);
  if (elementsNamed(book.workbookXml, "sheet").length !== book.sheets.length)
    problems.push(`a sheet without its part`);
  problems.push(...tableProblems(book), ...styleProblems(book));
  return problems;
}

type Book = ReturnType<typeof openXlsxBuffer>;

/** Tables: unique names and ids, ref covering header + rows, autoFilter = ref less the totals row. */
function tableProblems(book: Book): string[] {
  const problems: string[] = [];
  const pkg = book.pkg;
  const tableNames = book.tables.map((t) => t.name.toLowerCase());
  if (new Set(tableNames).size !== tableNames.length) problems.push(`duplicate table name`);
  const tableIds: string[] = [];
  for (const t of book.tables) {
    const xml = pkg.text(t.part) ?? "";
    tableIds.push(elementsNamed(xml, "table")[0]?.id ?? "");
    if (t.autoFilterRef !== undefined) {
      const af = parseRange(t.autoFilterRef);
      const expect = { ...t.range, bottom: t.range.bottom - t.totalsRowCount };
      if (
        !af ||
        af.top !== expect.top ||
        af.bottom !== expect.bottom ||
        af.left !== expect.left ||
        af.right !== expect.right
      )
        problems.push(`${t.name}: autoFilter ${t.autoFilterRef} does not cover ${t.ref}`);
    }
    if (t.columns.length !== t.range.right - t.range.left + 1)
      problems.push(`${t.name}: columns do not match its ref`);
    for (const o of book.tables)
      if (o !== t && o.sheet === t.sheet && overlaps(o.range, t.range))
        problems.push(`${t.name} overlaps ${o.name}`);
  }
  if (new Set(tableIds).size !== tableIds.length) problems.push(`duplicate table id`);
  return problems;
}

/** Styles: counts are right and every cell's format exists. */
function styleProblems(book: Book): string[] {
  const problems: string[] = [];
  const pkg = book.pkg;
  const stylesRel = book.workbookRels.find((r) => r.type.endsWith("/styles"));
  let xfCount = Infinity;
  if (stylesRel) {
    const xml = pkg.text(stylesRel.part) ?? "";
    for (const c of ["numFmts", "fonts", "fills", "borders", "cellXfs"]) {
      const span = findElement(xml, c);
      if (!span) continue;
      const n = childElements(xml, span).length;
      const count = /\bcount="(\d+)"/.exec(span.attrs)?.[1];
      if (count !== undefined && Number(count) !== n)
        problems.push(`styles ${c}: count ${count} but ${n} entries`);
      if (c === "cellXfs") xfCount = n;
    }
  }
  for (const s of book.worksheets()) {
    const data = pkg.read(s.part);
    if (!data) continue;
    parseXml(
      data,
      {
        open(name, a) {
          if (name === "c" && a.s !== undefined && Number(a.s) >= xfCount)
            problems.push(`${s.name}!${a.r ?? "?"}: style ${a.s} does not exist`);
        },
      },
      "out.xlsx",
      s.part,
    );
  }
  return problems;
}
