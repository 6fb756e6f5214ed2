/**
 * A small RFC 4180 CSV reader for `perfcycle import`: quoted fields with "" escapes, commas
 * and line breaks inside quotes, CRLF or LF, a UTF-8 byte-order mark. The delimiter is the
 * comma unless the first line has more semicolons or tabs (as some European exports do).
 * Bytes that are not UTF-8 are read as Windows-1252 (Excel's "CSV" on Windows).
 * Cells are text (blank is null): the contract parses numbers, percentages and fractions.
 */
import type { RawCell } from "../contract";
import { CliError } from "./errors";

// Windows-1252 bytes 0x80-0x9F (Node 20's TextDecoder reads them as Latin-1 control characters).
const CP1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeText(buf: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    text = buf.toString("latin1").replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] ?? c);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const unquoted = first.replace(/"[^"]*"/g, "");
  const count = (ch: string): number => unquoted.split(ch).length - 1;
  const comma = count(",");
  const semi = count(";");
  const tab = count("\t");
  if (tab > comma && tab >= semi) return "\t";
  if (semi > comma) return ";";
  return ",";
}

/** Parse CSV text into rows of cells. Throws a one-line CliError for an unclosed quote or too many rows. */
export function parseCsv(text: string, file: string, maxRows = Number.MAX_SAFE_INTEGER): RawCell[][] {
  const delim = detectDelimiter(text);
  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let field = "";
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let quoteLine = 1;
  const endField = (): void => {
    row.push(!quoted && field.trim() === "" ? null : field);
    field = "";
    quoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > maxRows) {
      throw new CliError(
        "TOO_LARGE",
        `${file} is refused: it has more than ${maxRows.toLocaleString("en-GB")} rows, more than the command reads`,
      );
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      inQuotes = true;
      quoted = true;
      quoteLine = line;
      field = "";
    } else if (ch === delim) endField();
    else if (ch === "\r" && text[i + 1] === "\n") {
      // CRLF: the LF ends the row.
    } else if (ch === "\n" || ch === "\r") {
      line++;
      endRow();
    } else field += ch;
  }
  if (inQuotes)
    throw new CliError(
      "CSV_MALFORMED",
      `${file} line ${quoteLine}: a quoted field is not closed (a " is missing)`,
    );
  if (field !== "" || quoted || row.length > 0) endRow();
  // Drop trailing blank lines; make rows rectangular.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === null)) rows.pop();
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const r of rows) while (r.length < width) r.push(null);
  return rows;
}
