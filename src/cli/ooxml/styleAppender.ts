/**
 * Cell formats appended to a workbook's styles.xml, as a part-by-part edit (see edit.ts): an
 * identical entry already there is reused; existing entries are never changed or renumbered.
 */
import { CliError } from "../errors";
import type { PackageEdit } from "./edit";
import { CONTENT_TYPE, NS, REL, relKind } from "./opc";
import { BUILTIN_FORMATS } from "./styles";
import { appendChildren, childElements, findElement, prefixOf, type ElementSpan } from "./xmlSpan";
import { decodeXml, escapeAttr, tagAttributes } from "./xml";

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
        "UNSAFE_WRITE",
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
    if (!root) throw new CliError("DAMAGED", `${this.edit.book.path}: its styles part is damaged`);
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
    if (!span) throw new CliError("DAMAGED", `${this.edit.book.path}: its styles part is damaged`);
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
