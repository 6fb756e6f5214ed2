/**
 * Editing a package part by part: the parts PerfCycle owns are changed as text (a sheet added to
 * workbook.xml, its relationship, its content type, its title in docProps/app.xml, cell formats
 * appended to styles.xml), new parts are added, and every other zip entry is copied as it is
 * stored. Nothing here parses a part into a model and serialises it again: an edit inserts or
 * replaces exact spans, so what PerfCycle does not own stays byte for byte.
 */
import { CliError } from "../errors";
import type { XlsxBook } from "./book";
import { CONTENT_TYPE, NS, readRelationships, REL, relativeTarget, relKind, relsPartOf } from "./opc";
import { BUILTIN_FORMATS } from "./styles";
import { decodeXml, elementsNamed, escapeAttr, escapeText, tagAttributes } from "./xml";
import { partKey, writeZip } from "./zip";

// ---------------------------------------------------------------------------------------------
// Spans of elements in XML text

export interface ElementSpan {
  /** Index of `<`. */
  readonly start: number;
  /** Index after the element's end (`>` of its close tag, or of a self-closing tag). */
  readonly end: number;
  /** Index after its start tag's `>`. */
  readonly openEnd: number;
  /** Index of `<` of its close tag (= end for a self-closing element). */
  readonly closeStart: number;
  readonly selfClosing: boolean;
  /** The start tag's attributes text. */
  readonly attrs: string;
  /** The qualified name as written (with its prefix). */
  readonly qname: string;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** The first element with this local name at or after `from` (any prefix), with its extent. */
export function findElement(
  xml: string,
  local: string,
  from = 0,
  before = xml.length,
): ElementSpan | undefined {
  TAG.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(xml)) !== null && m.index < before) {
    if (m[1] === "/") continue;
    const qname = m[2] ?? "";
    const name = qname.includes(":") ? qname.slice(qname.indexOf(":") + 1) : qname;
    if (name !== local) continue;
    const start = m.index;
    const openEnd = TAG.lastIndex;
    const attrs = m[3] ?? "";
    if (m[4] === "/")
      return { start, end: openEnd, openEnd, closeStart: openEnd, selfClosing: true, attrs, qname };
    // Find the matching close tag (same qualified name), counting nested ones.
    let depth = 1;
    let n: RegExpExecArray | null;
    while ((n = TAG.exec(xml)) !== null) {
      if ((n[2] ?? "") !== qname) continue;
      if (n[1] === "/") {
        depth--;
        if (depth === 0)
          return {
            start,
            end: TAG.lastIndex,
            openEnd,
            closeStart: n.index,
            selfClosing: false,
            attrs,
            qname,
          };
      } else if (n[4] !== "/") depth++;
    }
    return undefined;
  }
  return undefined;
}

/** The direct children of an element, as spans. */
export function childElements(xml: string, parent: ElementSpan): ElementSpan[] {
  const out: ElementSpan[] = [];
  if (parent.selfClosing) return out;
  let at = parent.openEnd;
  TAG.lastIndex = at;
  for (;;) {
    TAG.lastIndex = at;
    const m = TAG.exec(xml);
    if (!m || m.index >= parent.closeStart || m[1] === "/") break;
    const qname = m[2] ?? "";
    const local = qname.includes(":") ? qname.slice(qname.indexOf(":") + 1) : qname;
    const span = findElement(xml, local, m.index, m.index + 1);
    if (!span) break;
    out.push(span);
    at = span.end;
  }
  return out;
}

/** The namespace prefix of an element's qualified name, with its colon (`x:`), or "". */
export function prefixOf(span: ElementSpan): string {
  return span.qname.includes(":") ? span.qname.slice(0, span.qname.indexOf(":") + 1) : "";
}

/** Set (or add) an attribute in a start tag's text. */
export function setAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  return re.test(attrs)
    ? attrs.replace(re, `$1"${escapeAttr(value)}"`)
    : `${attrs} ${name}="${escapeAttr(value)}"`;
}

/** Insert `children` at the end of an element (expanding a self-closing one) and set attributes. */
export function appendChildren(
  xml: string,
  span: ElementSpan,
  children: string,
  attrs: Record<string, string> = {},
): string {
  let a = span.attrs.replace(/\s+$/, "");
  for (const [k, v] of Object.entries(attrs)) a = setAttr(a, k, v);
  const open = `<${span.qname}${a}>`;
  if (span.selfClosing)
    return `${xml.slice(0, span.start)}${open}${children}</${span.qname}>${xml.slice(span.end)}`;
  return `${xml.slice(0, span.start)}${open}${xml.slice(span.openEnd, span.closeStart)}${children}${xml.slice(span.closeStart)}`;
}

// ---------------------------------------------------------------------------------------------
// The edit

export class PackageEdit {
  private readonly changed = new Map<string, Buffer>();
  private readonly added: { name: string; data: Buffer }[] = [];

  constructor(readonly book: XlsxBook) {}

  /** A part's current text (as edited so far). */
  text(part: string): string | undefined {
    const key = partKey(part);
    const c = this.changed.get(key);
    if (c) return c.toString("utf8");
    const a = this.added.find((x) => partKey(x.name) === key);
    if (a) return a.data.toString("utf8");
    return this.book.pkg.text(part);
  }

  has(part: string): boolean {
    const key = partKey(part);
    return this.book.pkg.has(part) || this.added.some((x) => partKey(x.name) === key);
  }

  set(part: string, data: string | Buffer): void {
    // Edited text is written as UTF-8, so a declaration of another encoding is corrected.
    const buf =
      typeof data === "string"
        ? Buffer.from(
            data.replace(/^(<\?xml[^>]*encoding\s*=\s*)(["'])(?!utf-8["'])[^"']*\2/i, "$1$2UTF-8$2"),
            "utf8",
          )
        : data;
    const key = partKey(part);
    const a = this.added.find((x) => partKey(x.name) === key);
    if (a) a.data = buf;
    else if (this.book.pkg.has(part)) this.changed.set(key, buf);
    else this.added.push({ name: part.replace(/^\/+/, ""), data: buf });
  }

  /** The parts changed or added so far (names as stored). */
  touched(): string[] {
    return [
      ...[...this.changed.keys()].map((k) => this.book.pkg.nameOf(k) ?? k),
      ...this.added.map((a) => a.name),
    ];
  }

  /** A new part name like `xl/worksheets/sheet7.xml` that no part has (in any case). */
  freePartName(folder: string, stem: string, ext: string): string {
    for (let i = 1; ; i++) {
      const name = `${folder}/${stem}${i}.${ext}`;
      if (!this.has(name)) return name;
    }
  }

  /** Add a content-type override for a part. */
  addOverride(part: string, contentType: string): void {
    const ct = this.text("[Content_Types].xml") ?? "";
    const types = findElement(ct, "Types");
    if (!types)
      throw new CliError(
        `${this.book.path}: its [Content_Types].xml has no Types element, so it cannot be written safely`,
      );
    this.set(
      "[Content_Types].xml",
      appendChildren(
        ct,
        types,
        `<${prefixOf(types)}Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`,
      ),
    );
  }

  /** Add a relationship from a source part; returns its new id. */
  addRelationship(source: string, type: string, targetPart: string): string {
    const relsPart = relsPartOf(source);
    let xml = this.text(relsPart);
    if (xml === undefined) {
      xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRelationships}"></Relationships>`;
    }
    const root = findElement(xml, "Relationships");
    if (!root)
      throw new CliError(
        `${this.book.path}: its part ${relsPart} has no Relationships element, so it cannot be written safely`,
      );
    const ids = new Set(childElements(xml, root).map((c) => tagAttributes(c.attrs).Id ?? ""));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(source, targetPart);
    this.set(
      relsPart,
      appendChildren(
        xml,
        root,
        `<${prefixOf(root)}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`,
      ),
    );
    return id;
  }

  /** The new package: untouched entries copied as stored, changed ones deflated anew. */
  write(): Buffer {
    return writeZip(this.book.pkg, { replace: this.changed, add: this.added });
  }
}

// ---------------------------------------------------------------------------------------------
// Styles: cell formats appended to styles.xml

export interface CellStyle {
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** Font colour, `RRGGBB`. */
  readonly color?: string;
  /** Solid fill, `RRGGBB`. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly top?: boolean;
}

const STYLE_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS.spreadsheet}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * Cell formats appended to a workbook's styles.xml (or to a new one when it has none). An
 * identical font, fill, number format or cell format already there is reused, so writing the
 * report again does not grow the part. Existing entries are never changed or renumbered.
 */
export class StyleAppender {
  private xml: string;
  private readonly prefix: string;
  private readonly cache = new Map<string, number>();
  private dirty = false;
  readonly part: string;
  private readonly created: boolean;
  private baseFont = { size: "11", name: "Calibri", family: "2" };

  constructor(private readonly edit: PackageEdit) {
    const book = edit.book;
    const rel = book.workbookRels.find(
      (r) => !r.external && relKind(r.type) === "styles" && book.pkg.has(r.part),
    );
    const folder = book.workbookPart.split("/").slice(0, -1).join("/");
    const fresh = `${folder === "" ? "" : `${folder}/`}styles.xml`;
    this.part = rel?.part ?? (edit.has(fresh) ? edit.freePartName(folder || "xl", "styles", "xml") : fresh);
    this.created = rel === undefined;
    this.xml = (rel ? edit.text(rel.part) : undefined) ?? MINIMAL_STYLES;
    const root = findElement(this.xml, "styleSheet");
    if (!root)
      throw new CliError(
        `${book.path}: its part ${this.part} is not a style sheet, so the report cannot be written safely`,
      );
    this.prefix = prefixOf(root);
    const fonts = findElement(this.xml, "fonts");
    const first = fonts ? childElements(this.xml, fonts)[0] : undefined;
    if (fonts && first) {
      const body = this.xml.slice(first.start, first.end);
      const sz = /<(?:\w+:)?sz\s+val="([^"]*)"/.exec(body)?.[1];
      const name = /<(?:\w+:)?name\s+val="([^"]*)"/.exec(body)?.[1];
      const family = /<(?:\w+:)?family\s+val="([^"]*)"/.exec(body)?.[1];
      this.baseFont = {
        size: sz ?? "11",
        name: name !== undefined ? decodeXml(name) : "Calibri",
        family: family ?? "2",
      };
    }
  }

  private el(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** Make sure a collection exists (inserted in schema order), returning its span. */
  private collection(name: string, seed: string): ElementSpan {
    let span = findElement(this.xml, name);
    if (span) return span;
    const root = findElement(this.xml, "styleSheet");
    if (!root) throw new CliError(`${this.edit.book.path}: its styles part is damaged`);
    const after = STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1);
    const next = childElements(this.xml, root).find((c) => after.includes(c.qname.replace(/^\w+:/, "")));
    const at = next ? next.start : root.selfClosing ? -1 : root.closeStart;
    const children = seed.replace(/<(\/?)(\w)/g, `<$1${this.prefix}$2`);
    const wrapped = `<seed>${seed}</seed>`;
    const seedSpan = findElement(wrapped, "seed");
    const count = seedSpan ? childElements(wrapped, seedSpan).length : 0;
    const element = `<${this.el(name)} count="${count}">${children}</${this.el(name)}>`;
    if (at < 0) {
      this.xml = appendChildren(this.xml, root, element);
    } else this.xml = `${this.xml.slice(0, at)}${element}${this.xml.slice(at)}`;
    span = findElement(this.xml, name);
    if (!span) throw new CliError(`${this.edit.book.path}: its styles part is damaged`);
    return span;
  }

  /** Index of a child equal to `child` in a collection, appending it when none is. */
  private entry(collection: string, child: string, seed: string): number {
    const key = `${collection}|${child}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const span = this.collection(collection, seed);
    const children = childElements(this.xml, span);
    const normal = (s: string): string => s.replace(/<(\/?)\w+:/g, "<$1");
    const i = children.findIndex((c) => normal(this.xml.slice(c.start, c.end)) === child);
    if (i >= 0) {
      this.cache.set(key, i);
      return i;
    }
    this.xml = appendChildren(this.xml, span, child.replace(/<(\/?)(\w)/g, `<$1${this.prefix}$2`), {
      count: String(children.length + 1),
    });
    this.dirty = true;
    this.cache.set(key, children.length);
    return children.length;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined || code === "" || code === "General") return 0;
    for (const [id, c] of Object.entries(BUILTIN_FORMATS)) {
      const n = Number(id);
      if (c === code && (n <= 4 || n === 9 || n === 10 || n === 49)) return n;
    }
    const key = `numFmt|${code}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const span = findElement(this.xml, "numFmts");
    let max = 163;
    if (span) {
      for (const c of childElements(this.xml, span)) {
        const a = tagAttributes(c.attrs);
        const id = Number(a.numFmtId);
        if (a.formatCode === code && Number.isInteger(id)) {
          this.cache.set(key, id);
          return id;
        }
        if (Number.isInteger(id) && id > max) max = id;
      }
    }
    const id = max + 1;
    const s = this.collection("numFmts", "");
    this.xml = appendChildren(
      this.xml,
      s,
      `<${this.el("numFmt")} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`,
      {
        count: String(childElements(this.xml, s).length + 1),
      },
    );
    this.dirty = true;
    this.cache.set(key, id);
    return id;
  }

  /** The cell format index (`s`) of a style. */
  xf(style: CellStyle): number {
    const numFmtId = this.numFmtId(style.numFmt);
    const font =
      style.bold || style.italic || style.size !== undefined || style.color !== undefined
        ? this.entry(
            "fonts",
            `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}<sz val="${style.size ?? this.baseFont.size}"/>${style.color ? `<color rgb="FF${style.color}"/>` : ""}<name val="${escapeAttr(this.baseFont.name)}"/><family val="${this.baseFont.family}"/></font>`,
            `<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>`,
          )
        : 0;
    const fill = style.fill
      ? this.entry(
          "fills",
          `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`,
          `<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`,
        )
      : 0;
    this.collection("borders", `<border><left/><right/><top/><bottom/><diagonal/></border>`);
    const align =
      style.wrap || style.top
        ? `<alignment${style.top ? ' vertical="top"' : ""}${style.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const xf = `<xf numFmtId="${numFmtId}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}${align ? ' applyAlignment="1"' : ""}${align ? `>${align}</xf>` : "/>"}`;
    return this.entry("cellXfs", xf, `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
  }

  /** Write the styles part back (and, for a new one, its relationship and content type). */
  commit(): void {
    if (!this.dirty && !this.created) return;
    this.edit.set(this.part, this.xml);
    if (this.created) {
      this.edit.addRelationship(this.edit.book.workbookPart, REL.styles, this.part);
      this.edit.addOverride(this.part, CONTENT_TYPE.styles);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A worksheet added to (or replacing one of the same name in) the workbook

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
        `${book.path} has a sheet ${JSON.stringify(existing.name)} that is not a worksheet (a chart sheet?); rename it and run again`,
      );
    const rels = readRelationships(book.pkg, existing.part).filter(
      (r) => relKind(r.type) !== "printersettings",
    );
    if (rels.length > 0)
      throw new CliError(
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
