/**
 * The Open Packaging Conventions as the command needs them (ECMA-376 Part 2): a part's
 * relationships (`dir/_rels/name.rels`), every target resolved against its source part (relative
 * targets, absolute `/xl/...` targets, `.` and `..` segments, %-escapes, a fragment dropped), part
 * names matched case-insensitively, and the content types ([Content_Types].xml).
 */
import { elementsNamed } from "./xml";
import { type ZipPackage } from "./zip";

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  strictOfficeDocument: "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  theme: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  extendedProperties:
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
} as const;

export const NS = {
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  spreadsheet: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictSpreadsheet: "http://purl.oclc.org/ooxml/spreadsheetml/main",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** The last segment of a relationship type (`.../relationships/worksheet` → `worksheet`), to compare types across the transitional and strict namespaces. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1).toLowerCase();
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The Target as written. */
  readonly target: string;
  readonly external: boolean;
  /** The target part's name, resolved by the OPC rules (no leading slash); "" for an external target. */
  readonly part: string;
}

/** The relationships part of a source part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package: `_rels/.rels`). */
export function relsPartOf(source: string): string {
  const s = source.replace(/^\/+/, "");
  if (s === "") return "_rels/.rels";
  const i = s.lastIndexOf("/");
  return i < 0 ? `_rels/${s}.rels` : `${s.slice(0, i)}/_rels/${s.slice(i + 1)}.rels`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * A relationship's target as a part name, relative to the source part's folder unless it is
 * absolute (`/xl/...`). `..` above the root stays at the root.
 */
export function resolveTarget(source: string, target: string, decode = true): string {
  const noFragment = (target.split("#")[0] ?? "").replace(/\\/g, "/");
  const t = decode ? safeDecode(noFragment) : noFragment;
  const base = source.replace(/^\/+/, "");
  const dir = base.includes("/") ? base.slice(0, base.lastIndexOf("/")) : "";
  const path = t.startsWith("/") ? t.slice(1) : dir === "" ? t : `${dir}/${t}`;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** The path of `part` relative to the folder of `source` (for writing a Target). */
export function relativeTarget(source: string, part: string): string {
  const from = source.replace(/^\/+/, "").split("/").slice(0, -1);
  const to = part.replace(/^\/+/, "").split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i]?.toLowerCase() === to[i]?.toLowerCase()) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** A source part's relationships (none when it has no relationships part). */
export function readRelationships(pkg: ZipPackage, source: string): Relationship[] {
  const xml = pkg.text(relsPartOf(source));
  if (xml === undefined) return [];
  return elementsNamed(xml, "Relationship").map((a) => {
    const target = a.Target ?? "";
    const external = (a.TargetMode ?? "").toLowerCase() === "external";
    const resolved = external ? "" : resolveTarget(source, target);
    // A zip may store a part's name %-escaped or not: the decoded name first, then as written.
    const found = external ? "" : (pkg.nameOf(resolved) ?? pkg.nameOf(resolveTarget(source, target, false)));
    return { id: a.Id ?? "", type: a.Type ?? "", target, external, part: found ?? resolved };
  });
}

export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

export function readContentTypes(pkg: ZipPackage): ContentTypes {
  const xml = pkg.text("[Content_Types].xml") ?? "";
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const a of elementsNamed(xml, "Default"))
    if (a.Extension !== undefined) defaults.set(a.Extension.toLowerCase(), a.ContentType ?? "");
  for (const a of elementsNamed(xml, "Override"))
    if (a.PartName !== undefined)
      overrides.set(a.PartName.replace(/^\/+/, "").toLowerCase(), a.ContentType ?? "");
  return { defaults, overrides };
}

/** A part's content type: its override, else the default for its extension. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const key = part.replace(/^\/+/, "").toLowerCase();
  const o = types.overrides.get(key);
  if (o !== undefined) return o;
  const ext = key.includes(".") ? key.slice(key.lastIndexOf(".") + 1) : "";
  return types.defaults.get(ext);
}
