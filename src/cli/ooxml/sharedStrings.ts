/**
 * Strings added to a workbook's shared strings part, as a part-by-part edit (see edit.ts): a
 * string already there is reused, a new one is appended, and the part's counts are kept right.
 * Used where the file's own cells are shared strings (a table's header row, which Excel writes
 * so), so what PerfCycle adds looks like what the producer wrote.
 */
import type { PackageEdit } from "./edit";
import { relKind } from "./opc";
import { appendChildren, findElement, setAttr } from "./xmlSpan";
import { escapeText, tagAttributes } from "./xml";

export class SharedStrings {
  private readonly part: string | undefined;
  private readonly existing: readonly string[];
  private readonly added: string[] = [];
  private uses = 0;

  constructor(private readonly edit: PackageEdit) {
    const book = edit.book;
    const rel = book.workbookRels.find(
      (r) => !r.external && relKind(r.type) === "sharedstrings" && book.pkg.has(r.part),
    );
    this.part = rel?.part;
    this.existing = rel ? book.sharedStrings() : [];
  }

  /** Whether the workbook has a shared strings part to add to. */
  get available(): boolean {
    return this.part !== undefined;
  }

  /** The index of `text` (reused, or appended); undefined when the book has no shared strings. */
  index(text: string): number | undefined {
    if (this.part === undefined) return undefined;
    this.uses++;
    const at = this.existing.indexOf(text);
    if (at >= 0) return at;
    const mine = this.added.indexOf(text);
    if (mine >= 0) return this.existing.length + mine;
    this.added.push(text);
    return this.existing.length + this.added.length - 1;
  }

  /** Write the part back with the new strings and its counts (only when a string was used). */
  commit(): void {
    if (this.part === undefined || this.uses === 0) return;
    const xml = this.edit.text(this.part) ?? "";
    const sst = findElement(xml, "sst");
    if (!sst) return;
    const p = sst.qname.includes(":") ? sst.qname.slice(0, sst.qname.indexOf(":") + 1) : "";
    const a = tagAttributes(sst.attrs);
    const counts: Record<string, string> = {};
    if (a.count !== undefined && /^\d+$/.test(a.count)) counts.count = String(Number(a.count) + this.uses);
    if (a.uniqueCount !== undefined && /^\d+$/.test(a.uniqueCount))
      counts.uniqueCount = String(Number(a.uniqueCount) + this.added.length);
    const items = this.added
      .map((t) => `<${p}si><${p}t xml:space="preserve">${escapeText(t)}</${p}t></${p}si>`)
      .join("");
    let out = appendChildren(xml, sst, items);
    const root = findElement(out, "sst");
    if (root) {
      let attrs = root.attrs;
      for (const [k, v] of Object.entries(counts)) attrs = setAttr(attrs, k, v);
      out = `${out.slice(0, root.start)}<${root.qname}${attrs}>${out.slice(root.openEnd)}`;
    }
    this.edit.set(this.part, out);
  }
}
