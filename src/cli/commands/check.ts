/** `perfcycle check BOOK.xlsx|TABLE.csv`: the published figures and the register's findings. */
import { basename } from "node:path";
import { checkBook, readRegister, TABLE, type RawWorkbook, type SheetGrid } from "../../contract";
import { fileArg, text, type Parsed } from "../args";
import { CliError } from "../errors";
import { csvGrid, isCsv } from "../inputs";
import { checkOutputs, emitJson, limitsOf, styleOf, type CliIo } from "../io";
import { openXlsx } from "../ooxml/book";
import { checkText } from "../terminal";

export const CHECK_USAGE = `Usage: perfcycle check BOOK.xlsx|TABLE.csv [--json F]

Check a workbook, any workbook: the published-figure check over every sheet, hidden ones too
(percentages beside their numerator and denominator, n/d cells, a percentage row under its n/d
row, 31 of 274 (11.3%) in text), each naming sheet and cell; and, where the book has a target
register (a PerfTargets table), its SMART findings and data errors (each naming table, row,
column and the text found). A book without a register is checked all the same, and says so.
  --json F     write { findings, errors, published, register, sheets } to F ("-" for standard output)
Exit status 1 when there is an error (a data error, a finding or a published figure of
severity "error"); warnings alone, and no register, give 0.
`;

/** Every sheet of a book (hidden ones too), or the one table of a CSV file, as the contract's SheetGrids. */
async function checkGrids(path: string, io: CliIo): Promise<{ raw: RawWorkbook; sheets: SheetGrid[] }> {
  if (isCsv(path)) {
    const csv = await csvGrid(path, io);
    return { raw: { tables: [] }, sheets: [{ name: csv.sheet, grid: csv.grid }] };
  }
  const xlsx = await openXlsx(path, limitsOf(io));
  const raw = xlsx.rawWorkbook({ formats: false });
  const sheets = xlsx.grids();
  xlsx.release();
  return { raw, sheets };
}

/** What was checked: the sheets (naming the hidden ones) and, without a register, why no findings. */
function checkedText(
  path: string,
  raw: RawWorkbook,
  sheets: readonly SheetGrid[],
  register: boolean,
): string {
  const hidden = sheets.filter((s) => s.hidden === true).map((s) => JSON.stringify(s.name));
  const lines = [
    `Checked ${sheets.length} sheet${sheets.length === 1 ? "" : "s"} of ${basename(path)}${hidden.length > 0 ? `, hidden ones too (${hidden.join(", ")})` : ""}.`,
  ];
  if (!register) {
    const tables = raw.tables.map((t) => t.name);
    lines.push(
      `No target register: ${basename(path)} has no ${TABLE.targets} table${tables.length > 0 ? ` (tables found: ${tables.join(", ")})` : ""}, so there are no SMART findings; only the published figures are checked.`,
    );
  }
  return lines.join("\n");
}

/**
 * `check` works on any .xlsx or .csv: the published-figure check over every sheet, hidden ones
 * too; the SMART findings and data errors where the book has a register (a PerfTargets table),
 * and a line saying so where it has none. No register is not an error: exit 0 unless a finding
 * or an error has severity "error" (then 1); 2 only when the file cannot be read at all or its
 * schema is newer than this PerfCycle.
 */
export async function checkCommand(p: Parsed, io: CliIo): Promise<number> {
  const path = fileArg(p);
  const jsonOut = text(p, "json");
  await checkOutputs([["--json", jsonOut]]);
  const { raw, sheets } = await checkGrids(path, io);
  const read = readRegister(raw);
  if (read.fatal && read.fatal.table !== TABLE.targets)
    throw new CliError("CONTRACT", `${path}: ${read.fatal.message}`);
  const result = checkBook(read.book, sheets);
  const out = {
    findings: result.findings,
    errors: result.errors,
    published: result.published,
    register: result.register,
    sheets: sheets.map((s) => ({ name: s.name, hidden: s.hidden === true })),
  };
  if (jsonOut !== undefined) await emitJson(io, jsonOut, out);
  if (jsonOut !== "-") {
    const style = styleOf(io);
    io.stdout(
      `${checkedText(path, raw, sheets, result.register)}\n\n${checkText(out.findings, out.errors, out.published, style, { register: result.register })}`,
    );
  }
  const bad =
    out.errors.length > 0 ||
    out.findings.some((f) => f.severity === "error") ||
    out.published.some((f) => f.severity === "error");
  return bad ? 1 : 0;
}
