/**
 * Safety checks on an .xlsx file before ExcelJS sees it: an .xlsx is a zip package, and a file
 * that is not one, is encrypted, damaged, unpacks to far more than it holds (a zip bomb) or
 * has a sheet with more rows than the command handles is refused with a one-line message.
 *
 * The zip's central directory (./ooxml/zipDirectory) gives every part's declared size, checked
 * here against the limits; then every part is unpacked with its declared size as a hard cap, so
 * a directory that lies about sizes cannot blow up memory either. Rows are counted on the
 * unpacked sheet XML.
 */
import { CliError } from "./errors";
import { DEFAULT_LIMITS, MiB, type PackageLimits } from "./limits";
import { LOCAL_SIG, readZipDirectory, unpackEntry, type ZipEntry } from "./ooxml/zipDirectory";

export interface SheetPart {
  /** The sheet's name as the workbook lists it. */
  readonly name: string;
  /** The part holding it, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
  readonly rows: number;
}

/** A table part as written in the file (ExcelJS misreads an absent headerRowCount as 0: this is the truth). */
export interface TablePart {
  readonly name: string;
  readonly ref: string;
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
}

export interface PackageInfo {
  readonly entries: readonly ZipEntry[];
  readonly sheets: readonly SheetPart[];
  readonly tables: readonly TablePart[];
  /** Content ExcelJS does not keep when it writes the workbook back (charts, pivot tables, macros…), by kind. */
  readonly unkept: readonly string[];
  /** Settings ExcelJS does not keep (add-in pane settings, printer settings): worth a note, not a refusal. */
  readonly settingsLost: readonly string[];
}

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const mb = (n: number): string => `${Math.round((n / MiB) * 10) / 10} MB`;

/** Parts that a load-and-save through ExcelJS would lose, by what a user would call them. */
const UNKEPT_PARTS: readonly (readonly [RegExp, string])[] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/chartsheets\//, "chart sheets"],
  [/^xl\/pivot(Tables|Cache)\//, "pivot tables"],
  [/^xl\/slicers?(Caches)?\//, "slicers"],
  [/^xl\/timelines?(Caches)?\//, "timelines"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/externalLinks\//, "links to other workbooks"],
  [/^xl\/(queryTables\/|connections\.xml$)/, "data connections"],
  [/^xl\/model\//, "a data model"],
  [/^xl\/(activeX|ctrlProps|embeddings)\//, "controls or embedded objects"],
  [/^xl\/threadedComments\//, "threaded comments"],
  [/^xl\/richData\//, "linked data types or pictures in cells"],
  [/^customXml\//, "custom XML data (e.g. SharePoint properties)"],
];

/** Settings a save through ExcelJS loses: noted, not refused. */
const LOST_SETTINGS: readonly (readonly [RegExp, string])[] = [
  [/^xl\/webextensions\//, "add-in task pane settings"],
  [/^xl\/printerSettings\//, "printer settings"],
];

/** Content inside kept parts that ExcelJS drops: sparklines in a sheet, shapes and charts in a drawing. */
const SPARKLINES = Buffer.from("sparklineGroup");
const SHAPES = [
  Buffer.from("<xdr:sp>"),
  Buffer.from("<xdr:sp "),
  Buffer.from("<xdr:graphicFrame"),
  Buffer.from("<xdr:cxnSp"),
];

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, g: string) => {
    const k = g.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return undefined;
  return decodeXml(m[2] ?? m[3] ?? "");
}

/** Count `<row` elements (with or without a namespace prefix) in a sheet's XML. */
export function countRows(xml: Buffer, stopAfter = Number.MAX_SAFE_INTEGER): number {
  const head = xml.toString("utf8", 0, Math.min(xml.length, 4096));
  const prefix = /<([A-Za-z_][\w.-]*):worksheet[\s>]/.exec(head)?.[1];
  const needle = Buffer.from(prefix ? `<${prefix}:row` : "<row");
  let n = 0;
  let i = xml.indexOf(needle);
  while (i >= 0) {
    const next = xml[i + needle.length];
    // space, tab, CR, LF, '>' or '/': the element itself, not <rowBreaks> and the like.
    if (next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a || next === 0x3e || next === 0x2f) {
      n++;
      if (n > stopAfter) return n;
    }
    i = xml.indexOf(needle, i + needle.length);
  }
  return n;
}

function resolvePart(target: string): string {
  // Targets in xl/_rels/workbook.xml.rels are relative to xl/ (or absolute from the root).
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/**
 * The checks on a package's bytes alone: not empty, not an old or encrypted Office file, a zip
 * whose directory is sound, no part encrypted, sizes and compression ratios within the limits
 * (from the directory: nothing is unpacked). Returns the directory's entries.
 */
export function checkPackageBytes(
  buf: Buffer,
  file: string,
  limits: PackageLimits = DEFAULT_LIMITS,
): ZipEntry[] {
  if (buf.length === 0) throw new CliError("NOT_XLSX", `${file} is empty (0 bytes), not an Excel workbook`);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(CFB_SIGNATURE)) {
    // Office's encrypted packages are compound files with an EncryptionInfo stream (UTF-16 name).
    if (buf.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      throw new CliError(
        "ENCRYPTED",
        `${file} is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook) and save a copy`,
      );
    }
    throw new CliError(
      "NOT_XLSX",
      `${file} is an Excel 97-2003 (.xls) or other older Office file, not an .xlsx; save it as .xlsx in Excel`,
    );
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_SIG) {
    throw new CliError("NOT_XLSX", `${file} is not an Excel workbook (.xlsx): it is not a zip package`);
  }
  const entries = readZipDirectory(buf, file, limits);
  let total = 0;
  for (const e of entries) {
    if ((e.flags & 1) === 1) {
      throw new CliError(
        "ENCRYPTED",
        `${file} is password-protected (its parts are encrypted); save a copy without a password`,
      );
    }
    total += e.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new CliError(
        "TOO_LARGE",
        `${file} is refused: its parts unpack to more than ${mb(limits.maxTotalBytes)} (a zip bomb, or a workbook too large to read)`,
      );
    }
    if (
      e.uncompressedSize > limits.ratioFloorBytes &&
      e.uncompressedSize > e.compressedSize * limits.maxRatio
    ) {
      throw new CliError(
        "TOO_LARGE",
        `${file} is refused: its part ${e.name} unpacks ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times larger than it is stored (${mb(e.uncompressedSize)}), which is how a zip bomb looks`,
      );
    }
  }
  return entries;
}

/**
 * Check an .xlsx file's bytes: a zip package holding a workbook, not encrypted, not damaged,
 * within the limits. Throws a one-line CliError otherwise.
 */
export function inspectXlsx(buf: Buffer, file: string, limits: PackageLimits = DEFAULT_LIMITS): PackageInfo {
  const entries = checkPackageBytes(buf, file, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) {
    throw new CliError(
      "NOT_XLSX",
      `${file} is a zip file but not an Excel workbook (it has no xl/workbook.xml)`,
    );
  }

  // Every part unpacks within its declared size; sheets are mapped to names and their rows counted.
  const unpacked = new Map<string, Buffer>();
  const sheetParts = new Set<string>();
  const tables: TablePart[] = [];
  const unkeptContent = new Set<string>();
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    const data = unpackEntry(buf, e, file);
    if (/^xl\/tables\/[^/]+\.xml$/.test(e.name)) {
      const tag =
        /<(?:\w+:)?table\b([^>]*)>/.exec(data.toString("utf8", 0, Math.min(data.length, 8192)))?.[1] ?? "";
      const count = (name: string, dflt: number): number => {
        const v = attr(tag, name);
        return v === undefined || !/^\d+$/.test(v) ? dflt : Number(v);
      };
      tables.push({
        name: attr(tag, "name") ?? "",
        ref: attr(tag, "ref") ?? "",
        headerRowCount: count("headerRowCount", 1),
        totalsRowCount: count("totalsRowCount", 0),
      });
    }
    if (e.name === "xl/workbook.xml" || e.name === "xl/_rels/workbook.xml.rels") unpacked.set(e.name, data);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      sheetParts.add(e.name);
      unpacked.set(e.name, data);
      if (data.includes(SPARKLINES)) unkeptContent.add("sparklines");
    }
    if (/^xl\/drawings\/[^/]+\.xml$/.test(e.name) && SHAPES.some((s) => data.includes(s))) {
      unkeptContent.add("shapes, text boxes or charts in drawings");
    }
  }
  const rels = new Map<string, string>();
  const relsXml = unpacked.get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "";
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1] ?? "", "Id");
    const target = attr(m[1] ?? "", "Target");
    if (id !== undefined && target !== undefined) rels.set(id, resolvePart(target));
  }
  const sheets: SheetPart[] = [];
  const wbXml = unpacked.get("xl/workbook.xml")?.toString("utf8") ?? "";
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const tag = m[1] ?? "";
    const name = attr(tag, "name") ?? "";
    const rid = attr(tag, "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const part = rid !== undefined ? rels.get(rid) : undefined;
    if (part === undefined || !sheetParts.has(part)) continue;
    const xml = unpacked.get(part);
    const rows = xml ? countRows(xml, limits.maxRows) : 0;
    if (rows > limits.maxRows) {
      throw new CliError(
        "TOO_LARGE",
        `${file} is refused: sheet ${JSON.stringify(name)} has more than ${limits.maxRows.toLocaleString("en-GB")} rows, more than the command reads; split the data or filter it in Excel`,
      );
    }
    sheets.push({ name, part, rows });
  }
  const unkept = new Set<string>(unkeptContent);
  const settingsLost = new Set<string>();
  for (const e of entries) {
    for (const [re, kind] of UNKEPT_PARTS) if (re.test(e.name)) unkept.add(kind);
    for (const [re, kind] of LOST_SETTINGS) if (re.test(e.name)) settingsLost.add(kind);
  }
  return { entries, sheets, tables, unkept: [...unkept], settingsLost: [...settingsLost] };
}
