/** `perfcycle import WIDE.xlsx|WIDE.csv`: a wide table read into the long PerfActuals form. */
import {
  IMPORT_JSON_KEYS,
  IMPORT_JSON_OPTIONAL_KEYS,
  importWide,
  issueJson,
  type ImportedRow,
} from "../../contract";
import { DEFAULT_START_MONTH, plural } from "../../engine";
import { fileArg, text, type Parsed } from "../args";
import { CliError } from "../errors";
import { tableSheet } from "../inputs";
import { checkOutputs, emitJson, samePath, styleOf, type CliIo } from "../io";
import type { XlsxBook } from "../ooxml/book";
import { importText } from "../terminal";
import { COMPARATORS_USAGE } from "../comparators";
import { writeInto } from "../into";
import { openInto } from "./importInto";

export const IMPORT_USAGE = `Usage: perfcycle import WIDE.xlsx|WIDE.csv [--sheet NAME] [--json F] [--into BOOK.xlsx]

Read a wide table (indicators down, quarters across) into the long PerfActuals form. Headers:
period labels (2015-16 Q1), quarter-end dates or month labels (Jun-15); cells: numbers,
12.4%, 31/274, 1,242, blanks and placeholders (awaiting data, n/a, -, tbc).
  --sheet NAME  the sheet to read (default: the first sheet with data; .xlsx only)
  --json F      write { rows, errors, warnings } to F ("-" for standard output)
  --into BOOK   add the rows to BOOK's PerfActuals table (matching rows are updated; quality
                marks go to its Quality column, added at the table's end when missing; a
                version 1 BOOK is upgraded to schema 2 in the same write; nothing else in BOOK
                changes). BOOK is not changed when the import has errors.
Quarters are read with BOOK's fiscal year start (default April).

${COMPARATORS_USAGE}`;

function importRowJson(r: ImportedRow): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const k of IMPORT_JSON_KEYS) o[k] = r[k];
  // quality, role and partOf only where they apply (decisions.md, "Tables as councils publish them").
  for (const k of IMPORT_JSON_OPTIONAL_KEYS) if (r[k] !== undefined) o[k] = r[k];
  return o;
}

export async function importCommand(p: Parsed, io: CliIo): Promise<number> {
  const path = fileArg(p);
  const jsonOut = text(p, "json");
  const into = text(p, "into");
  await checkOutputs([["--json", jsonOut]]);

  // The book first: its fiscal year start reads the quarters, and a book that cannot take the
  // rows is refused before anything is done.
  let target: XlsxBook | undefined;
  let startMonth = DEFAULT_START_MONTH;
  if (into !== undefined) {
    if (samePath(into, path))
      throw new CliError(
        "USAGE",
        `import: --into must name the PerfCycle workbook, not the file being imported`,
      );
    ({ target, startMonth } = await openInto(into, io));
  }

  const wide = await tableSheet(path, text(p, "sheet"), io);
  const result = importWide(wide.sheet, wide.grid, {
    startMonth,
    origin: "A1",
    ...(wide.merges ? { merges: wide.merges } : {}),
    ...(wide.formats ? { formats: wide.formats } : {}),
  });
  const out = {
    rows: result.rows.map(importRowJson),
    errors: result.errors.map(issueJson),
    warnings: result.warnings.map(issueJson),
  };

  let note = "";
  if (target && into !== undefined) {
    note =
      result.errors.length > 0
        ? `${into} was not changed: the import has ${plural(result.errors.length, "error")}; correct them and import again\n`
        : await writeInto(target, into, result.rows, startMonth);
  }
  if (jsonOut !== undefined) await emitJson(io, jsonOut, out);
  if (jsonOut !== "-")
    io.stdout(
      importText(result.rows, result.errors, result.warnings, styleOf(io)) + (note ? `\n${note}` : ""),
    );
  else if (note) io.stderr(`perfcycle: ${note}`);
  return result.errors.length > 0 ? 1 : 0;
}
