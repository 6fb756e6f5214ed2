/**
 * Spans of elements in XML text: where an element starts and ends, its children, and small
 * edits of a start tag. The part-by-part writers (edit.ts, rows.ts, columns.ts) insert or replace
 * exact spans with these, so what PerfCycle does not own stays byte for byte.
 */
import { escapeAttr } from "./xml";

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
