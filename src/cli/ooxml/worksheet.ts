/**
 * A worksheet added to (or replacing one of the same name in) the workbook, as a part-by-part
 * edit (see edit.ts): its part, its `<sheet>` in workbook.xml, its relationship, its content type
 * and its title in docProps/app.xml.
 */
import { CliError } from "../errors";
import type { PackageEdit } from "./edit";
import { CONTENT_TYPE, NS, readRelationships, REL, relKind } from "./opc";
import { appendChildren, childElements, findElement, prefixOf, setAttr, type ElementSpan } from "./xmlSpan";
import { decodeXml, elementsNamed, escapeAttr, escapeText, tagAttributes } from "./xml";

const WORKSHEET_HEADINGS = new Set(
  [
    "worksheets",
    "sheets",
    "arbeitsblätter",
    "feuilles de calcul",
    "hojas de cálculo",
    "fogli di lavoro",
    "werkbladen",
    "planilhas",
    "листы",
    "ワークシート",
  ].map((s) => s.toLowerCase()),
);

/**
 * Put a worksheet part named `name` in the workbook: replace the part of the existing sheet of
 * that name (a report this command wrote before; refused when it has parts of its own, such as a
 * chart or a table), or add a new sheet at the end: its part, its `<sheet>` in workbook.xml, its
 * relationship, its content type and its title in docProps/app.xml.
 */
export function putWorksheet(
  edit: PackageEdit,
  name: string,
  xml: string,
): { part: string; replaced: boolean } {
  const book = edit.book;
  const existing = book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    if (!existing.worksheet)
      throw new CliError(
        "IN_THE_WAY",
        `${book.path} has a sheet ${JSON.stringify(existing.name)} that is not a worksheet (a chart sheet?); rename it and run again`,
      );
    const rels = readRelationships(book.pkg, existing.part).filter(
      (r) => relKind(r.type) !== "printersettings",
    );
    if (rels.length > 0)
      throw new CliError(
        "IN_THE_WAY",
        `${book.path}: the sheet ${JSON.stringify(existing.name)} has parts of its own (${[...new Set(rels.map((r) => relKind(r.type)))].join(", ")}), so PerfCycle does not replace it; rename that sheet to keep it and run again`,
      );
    edit.set(existing.part, xml);
    return { part: existing.part, replaced: true };
  }
  const wbPart = book.workbookPart;
  const wbXml = edit.text(wbPart) ?? "";
  const sheetsEl = findElement(wbXml, "sheets");
  if (!sheetsEl)
    throw new CliError(
      "UNSAFE_WRITE",
      `${book.path}: its workbook part has no list of sheets, so it cannot be written safely`,
    );
  const firstWs = book.sheets.find((s) => s.worksheet);
  const folder = firstWs ? firstWs.part.split("/").slice(0, -1).join("/") : "xl/worksheets";
  const part = edit.freePartName(folder, "sheet", "xml");
  edit.set(part, xml);
  edit.addOverride(part, CONTENT_TYPE.worksheet);
  const rId = edit.addRelationship(wbPart, REL.worksheet, part);
  const ids = elementsNamed(wbXml, "sheet")
    .map((a) => Number(a.sheetId))
    .filter((n) => Number.isInteger(n));
  const sheetId = Math.max(0, ...ids) + 1;
  // The relationships prefix declared on the element itself: producers bind it on the root, on
  // each <sheet> (openpyxl) or under another name, and a local declaration is right in every case.
  const idAttr = `xmlns:r="${NS.relationships}" r:id="${rId}"`;
  edit.set(
    wbPart,
    appendChildren(
      wbXml,
      sheetsEl,
      `<${prefixOf(sheetsEl)}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${idAttr}/>`,
    ),
  );
  addAppTitle(edit, name);
  return { part, replaced: false };
}

/** docProps/app.xml: the new sheet's title after the other worksheets', and their count. Left alone when its lists cannot be read. */
function addAppTitle(edit: PackageEdit, name: string): void {
  const book = edit.book;
  const rel = readRelationships(book.pkg, "").find(
    (r) => r.type === REL.extendedProperties && book.pkg.has(r.part),
  );
  if (!rel) return;
  const xml = edit.text(rel.part);
  if (xml === undefined) return;
  const pairs = findElement(xml, "HeadingPairs");
  const titles = findElement(xml, "TitlesOfParts");
  if (!pairs || !titles) return;
  const pairVector = findElement(xml, "vector", pairs.openEnd, pairs.closeStart);
  const titleVector = findElement(xml, "vector", titles.openEnd, titles.closeStart);
  if (!pairVector || !titleVector) return;
  const variants = childElements(xml, pairVector);
  let offset = 0;
  let target: { count: ElementSpan; value: number; titleIndex: number } | undefined;
  const worksheets = book.sheets.filter((s) => s.worksheet).length;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = variants[i];
    const count = variants[i + 1];
    if (!label || !count) break;
    const labelText = decodeXml(xml.slice(label.openEnd, label.closeStart).replace(/<[^>]*>/g, ""))
      .trim()
      .toLowerCase();
    const countEl = findElement(xml, "i4", count.openEnd, count.closeStart);
    const value = countEl ? Number(xml.slice(countEl.openEnd, countEl.closeStart).trim()) : NaN;
    if (!countEl || !Number.isInteger(value)) return;
    if (WORKSHEET_HEADINGS.has(labelText) || (i === 0 && value === worksheets)) {
      target = { count: countEl, value, titleIndex: offset + value };
      break;
    }
    offset += value;
  }
  if (!target) return;
  const lpstrs = childElements(xml, titleVector);
  const size = Number(tagAttributes(titleVector.attrs).size);
  if (!Number.isInteger(size) || size !== lpstrs.length || target.titleIndex > lpstrs.length) return;
  const vt = prefixOf(titleVector);
  const insertAt =
    target.titleIndex === 0
      ? titleVector.openEnd
      : (lpstrs[target.titleIndex - 1]?.end ?? titleVector.openEnd);
  // Three edits, applied from the end of the text backwards so earlier offsets stay valid
  // (producers write HeadingPairs before TitlesOfParts, or after: ClosedXML).
  const c = target.count;
  const edits: [number, number, string][] = [
    [insertAt, insertAt, `<${vt}lpstr>${escapeText(name)}</${vt}lpstr>`],
    [
      titleVector.start,
      titleVector.openEnd,
      `<${titleVector.qname}${setAttr(titleVector.attrs, "size", String(size + 1))}>`,
    ],
    [c.openEnd, c.closeStart, String(target.value + 1)],
  ];
  let out = xml;
  for (const [from, to, text] of edits.sort((a, b) => b[0] - a[0]))
    out = `${out.slice(0, from)}${text}${out.slice(to)}`;
  edit.set(rel.part, out);
}
