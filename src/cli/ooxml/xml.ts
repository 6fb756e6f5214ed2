/**
 * XML for the package's parts: a streaming parser (saxes) that reports elements by their local
 * name (any namespace prefix dropped: `x:row` is `row`), fed in slices so a large sheet is never
 * one string; and small helpers for the short parts (relationships, content types) and for
 * writing (escaping).
 */
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import { CliError, messageOf } from "../errors";

export type Attributes = Readonly<Record<string, string>>;

export interface SaxHandlers {
  open?(name: string, attrs: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** The local part of a qualified name (`x:row` → `row`). */
export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** An attribute by its local name (`r:id` and `id` are both found by `id`; an exact name first). */
export function attrLocal(attrs: Attributes, name: string): string | undefined {
  const exact = attrs[name];
  if (exact !== undefined) return exact;
  for (const k of Object.keys(attrs)) if (localName(k) === name && k.includes(":")) return attrs[k];
  return undefined;
}

const SLICE = 1 << 20;

/**
 * Parse a part as XML, calling the handlers with local names. Malformed XML is a one-line
 * CliError naming the file and the part.
 */
export function parseXml(data: Buffer, handlers: SaxHandlers, file: string, part: string): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const { open, close, text } = handlers;
  if (open) parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as Attributes));
  if (close) parser.on("closetag", (tag) => close(localName(tag.name)));
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  let failure: unknown;
  parser.on("error", (e) => {
    failure ??= e;
  });
  try {
    let start = 0;
    let utf16 = false;
    if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) {
      utf16 = true;
      start = 2;
    } else if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
    const decoder = new StringDecoder(utf16 ? "utf16le" : "utf8");
    for (let i = start; i < data.length && failure === undefined; i += SLICE) {
      const chunk = decoder.write(data.subarray(i, Math.min(data.length, i + SLICE)));
      if (chunk) parser.write(chunk);
    }
    if (failure === undefined) {
      const rest = decoder.end();
      if (rest) parser.write(rest);
      parser.close();
    }
  } catch (e) {
    if (e instanceof CliError) throw e;
    failure ??= e;
  }
  if (failure !== undefined) {
    throw new CliError(
      "DAMAGED",
      `${file} is damaged and cannot be read (its part ${part} is not well-formed XML: ${messageOf(failure).slice(0, 160)}); open it in Excel and save it again`,
    );
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (m, g: string) => {
    if (g === "amp") return "&";
    if (g === "lt") return "<";
    if (g === "gt") return ">";
    if (g === "quot") return '"';
    if (g === "apos") return "'";
    const code =
      g.startsWith("#x") || g.startsWith("#X") ? parseInt(g.slice(2), 16) : parseInt(g.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The attributes of a start tag's inside (`name="x" r:id='y'`), decoded. */
export function tagAttributes(inside: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of inside.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const k = m[1];
    if (k !== undefined) out[k] = decodeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

/** Every start tag of elements with this local name (any prefix), as attributes. For small parts. */
export function elementsNamed(xml: string, local: string): Record<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])([^>]*)>`, "g");
  return [...xml.matchAll(re)].map((m) => tagAttributes(m[1] ?? ""));
}

/** Text for an element's content: & < > escaped, and characters XML 1.0 cannot carry dropped. */
export function escapeText(s: string): string {
  return stripInvalid(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for an attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return escapeText(s)
    .replace(/"/g, "&quot;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

function stripInvalid(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

/** OOXML's escape of characters in strings (`_x000D_`), undone. */
export function decodeXstring(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}
