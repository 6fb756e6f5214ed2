/**
 * Editing a package part by part: the parts PerfCycle owns are changed as text (a sheet added to
 * workbook.xml, its relationship, its content type, its title in docProps/app.xml, cell formats
 * appended to styles.xml), new parts are added, and every other zip entry is copied as it is
 * stored. Nothing here parses a part into a model and serialises it again: an edit inserts or
 * replaces exact spans, so what PerfCycle does not own stays byte for byte.
 */
import { CliError } from "../errors";
import type { XlsxBook } from "./book";
import { NS, relativeTarget, relsPartOf } from "./opc";
import { appendChildren, childElements, findElement, prefixOf } from "./xmlSpan";
import { escapeAttr, tagAttributes } from "./xml";
import { partKey, writeZip } from "./zip";

// The span helpers, the styles appender and the worksheet writer live in their own modules;
// they are re-exported here, where the writers have always found them.
export { appendChildren, childElements, findElement, prefixOf, setAttr, type ElementSpan } from "./xmlSpan";
export { StyleAppender, type CellStyle } from "./styleAppender";
export { putWorksheet } from "./worksheet";

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
        "UNSAFE_WRITE",
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
        "UNSAFE_WRITE",
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
