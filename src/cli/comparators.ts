/**
 * `perfcycle import --comparators TABLE.xlsx|TABLE.csv --indicator ID --into BOOK.xlsx`: a
 * national or statistical-neighbour table as DfE and OHID publish them (authorities down, years
 * across, footnote marks and suppressed cells) read by the contract (comparatorImport.ts) into
 * BOOK's PerfComparators table, created on a sheet of its own when BOOK has none. Rows the user
 * typed are never overwritten (comparatorMerge.ts); the schema upgrade is made in the same
 * write (upgrade.ts). BOOK is not changed when the table has errors.
 *
 * Exit status: 0 written (or nothing to add); 1 the table has errors (listed, BOOK unchanged);
 * 2 the command cannot run (usage, unreadable file, an indicator BOOK does not have, a newer
 * schema, a table that cannot take the rows).
 */
import { basename, resolve } from "node:path";
import { COMPARATORS_OPTIONS, parseOptions, text } from "./args";
import { cellText, columnIndex, readSettings, TABLE, type RawCell, type RawTable } from "../contract";
import {
  COMPARATOR_TABLE_HEADERS,
  importComparators,
  type ComparatorImport,
} from "../contract/comparatorImport";
import { labelWithoutMarks, readMarks } from "../contract/wide/marks";
import { idKey, parseMeasureType, type MeasureType } from "../engine";
import { mergeComparators, type ComparatorMerge } from "./comparatorMerge";
import { CliError } from "./errors";
import { checkOutputPath, writeAtomic } from "./files";
import { limitsOf, type CliIo } from "./io";
import { tableSheet } from "./inputs";
import { colLetters } from "./ooxml/a1";
import { openXlsx, type XlsxBook } from "./ooxml/book";
import { planBookUpgrade, upgradeNote, upgradeWrite, writeBook, type BookUpgrade } from "./upgrade";

export const COMPARATORS_USAGE = `Usage: perfcycle import --comparators TABLE.xlsx|TABLE.csv --indicator ID --into BOOK.xlsx
         [--sheet NAME] [--source TEXT] [--years starts|ends] [--values auto|percent|fraction] [--json F]

Read a comparator table as DfE and OHID publish them (authorities down the first column, years
across: 2013, 2013-14 or 2014/15; England, regions, statistical neighbours' average and each
neighbour by name; suppressed cells such as c, x, : and .. are no figure) into BOOK's
PerfComparators table (created on a sheet of its own when BOOK has none). Rows already in the
table are never overwritten: a different figure there is reported, not replaced.
  --indicator ID  the IndicatorId the figures are for (its MeasureType reads them)
  --sheet NAME    the sheet to read (default: the first sheet with data; .xlsx only)
  --source TEXT   the Source written on each row (default: the table's file name)
  --years starts  a single year 2013 is 2013-14 (default); "ends": 2012-13 (academic years)
  --values auto   for a rate, plain numbers above 1 make the table percentages (default);
                  "percent" or "fraction" to say which
  --json F        write { rows, errors, notes, added, same, conflicts } to F ("-" for standard output)
Exit status 1 when the table has errors (BOOK is then not changed); 2 when the command cannot run.
`;

/** Whether an import command line is the comparator import. */
export function wantsComparators(args: readonly string[]): boolean {
  return args.some((a) => a === "--comparators" || a.startsWith("--comparators="));
}

interface Options {
  readonly table: string;
  readonly into: string;
  readonly indicator: string;
  readonly sheet: string | undefined;
  readonly source: string | undefined;
  readonly years: "starts" | "ends";
  readonly values: "auto" | "percent" | "fraction";
  readonly json: string | undefined;
}

function choice<T extends string>(name: string, v: string | undefined, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  const hit = allowed.find((a) => a === v.trim().toLowerCase());
  if (!hit)
    throw new CliError(
      "BAD_VALUE",
      `import: --${name} takes ${allowed.join(" or ")}, not ${JSON.stringify(v)}`,
    );
  return hit;
}

/** The options, checked; undefined for --help. */
function options(args: readonly string[]): Options | undefined {
  const parsed = parseOptions("import --comparators", COMPARATORS_OPTIONS, args, 0);
  if (parsed.help) return undefined;
  const v = {
    comparators: text(parsed, "comparators"),
    indicator: text(parsed, "indicator"),
    into: text(parsed, "into"),
    sheet: text(parsed, "sheet"),
    source: text(parsed, "source"),
    years: text(parsed, "years"),
    values: text(parsed, "values"),
    json: text(parsed, "json"),
  };
  const need = (k: "comparators" | "into" | "indicator"): string => {
    const x = v[k];
    if (x === undefined)
      throw new CliError(
        "USAGE",
        `import --comparators: --${k} is needed (perfcycle import --comparators --help)`,
      );
    return x;
  };
  const out: Options = {
    table: need("comparators"),
    into: need("into"),
    indicator: need("indicator"),
    sheet: v.sheet,
    source: v.source,
    years: choice("years", v.years, ["starts", "ends"] as const, "starts"),
    values: choice("values", v.values, ["auto", "percent", "fraction"] as const, "auto"),
    json: v.json,
  };
  if (resolve(out.table) === resolve(out.into))
    throw new CliError("USAGE", `import: --into must name the PerfCycle workbook, not the comparator table`);
  return out;
}

/**
 * The grid with footnote marks read off (`48.0*`, `65.0 (p)`, `2015 [r]`, `Kirklees¹`), as the
 * wide import reads them, each named in a note so nothing is dropped without a word.
 */
function withoutMarks(grid: readonly (readonly RawCell[])[]): { grid: RawCell[][]; notes: string[] } {
  const notes: string[] = [];
  const out = grid.map((row, r) =>
    row.map((cell, c) => {
      if (typeof cell !== "string") return cell;
      const bare = c === 0 ? labelWithoutMarks(cell) : readMarks(cell).cell;
      if (bare !== cell && String(bare).trim() !== cell.trim())
        notes.push(`${colLetters(c + 1)}${r + 1} ${JSON.stringify(cell)} read as ${JSON.stringify(bare)}`);
      return bare;
    }),
  );
  return { grid: out, notes };
}

/** The indicator as BOOK spells it, and its measure type, from PerfTargets. */
function indicatorOf(book: XlsxBook, o: Options): { id: string; measureType: MeasureType | null } {
  const table = book.tableNamed(TABLE.targets);
  const targets = table ? book.rawTable(table, { formats: false }) : undefined;
  if (!targets)
    throw new CliError(
      "TABLE_MISSING",
      `${o.into} has no ${TABLE.targets} table, so --indicator cannot be checked`,
    );
  const cols = columnIndex(targets).positions;
  const idCol = cols.get("IndicatorId");
  const mtCol = cols.get("MeasureType");
  const rows = targets.rows.filter(
    (r) => idCol !== undefined && idKey(cellText(r[idCol] ?? null)) === idKey(o.indicator),
  );
  const first = rows[0];
  if (!first || idCol === undefined) {
    const ids = [
      ...new Set(targets.rows.map((r) => cellText(r[idCol ?? 0] ?? null)).filter((x) => x !== "")),
    ];
    throw new CliError(
      "INDICATOR_UNKNOWN",
      `${o.into} has no indicator ${JSON.stringify(o.indicator)} in ${TABLE.targets} (its indicators: ${ids.slice(0, 12).join(", ") || "none"}${ids.length > 12 ? ", …" : ""})`,
    );
  }
  const mt = mtCol === undefined ? undefined : parseMeasureType(cellText(first[mtCol] ?? null));
  return { id: cellText(first[idCol] ?? null), measureType: mt?.ok ? mt.value : null };
}

/** The merge into BOOK's PerfComparators, and the write that carries it out (with the upgrade). */
function planWrite(
  target: XlsxBook,
  up: BookUpgrade,
  imported: ComparatorImport,
  measureType: MeasureType | null,
): { merge: ComparatorMerge; buffer: Buffer | undefined; created: string | undefined } {
  const book = target.tableNamed(TABLE.comparators);
  const raw = book ? target.rawTable(book, { formats: false }) : undefined;
  if (!book || !raw) {
    const empty: RawTable = { name: TABLE.comparators, headers: [...COMPARATOR_TABLE_HEADERS], rows: [] };
    const merge = mergeComparators(empty, imported.rows, () => "");
    if (merge.added === 0) return { merge, buffer: undefined, created: undefined };
    const write = upgradeWrite(target, up);
    const valueFormat = measureType === "Rate" ? "0.0%" : undefined;
    write.newTables.push({
      sheetName: TABLE.comparators,
      tableName: TABLE.comparators,
      headers: COMPARATOR_TABLE_HEADERS,
      rows: merge.rows,
      formats: COMPARATOR_TABLE_HEADERS.map((h) => (h === "Value" ? valueFormat : undefined)),
      widths: [14, 10, 28, 10, 10, 12, 12, 36],
    });
    return { merge, buffer: writeBook(target, write), created: TABLE.comparators };
  }
  const cellOf = (r: number, c: number): string =>
    `${book.sheet.name}!${colLetters(book.range.left + c)}${book.firstDataRow + r}`;
  const merge = mergeComparators(raw, imported.rows, cellOf);
  if (merge.added === 0) return { merge, buffer: undefined, created: undefined };
  const last = raw.rows.length - 1;
  const own = new Map([
    [book.name, { before: raw.rows, rows: merge.rows, formatFrom: () => (last >= 0 ? last : undefined) }],
  ]);
  return { merge, buffer: writeBook(target, upgradeWrite(target, up, own)), created: undefined };
}

function report(
  o: Options,
  imported: ComparatorImport,
  merge: ComparatorMerge | undefined,
  note: string,
): string {
  const lines = [
    `Read ${imported.rows.length} comparator figure${imported.rows.length === 1 ? "" : "s"} for ${o.indicator} from ${basename(o.table)}.`,
  ];
  for (const n of imported.notes) lines.push(`  ${n}`);
  for (const e of imported.errors)
    lines.push(`Error ${e.cell}: ${e.message}${e.text ? ` (found ${JSON.stringify(e.text)})` : ""}`);
  if (imported.errors.length > 0)
    lines.push(
      `${o.into} was not changed: the table has ${imported.errors.length} error${imported.errors.length === 1 ? "" : "s"}; correct them and import again`,
    );
  if (merge) {
    for (const c of merge.conflicts)
      lines.push(
        `Kept ${c.cell} as typed: ${c.comparator} ${c.period} is ${JSON.stringify(cellText(c.kept))} in the workbook and ${c.imported} in the table`,
      );
    lines.push(
      `${o.into}: ${merge.added} row${merge.added === 1 ? "" : "s"} added to ${TABLE.comparators}${merge.same > 0 ? `, ${merge.same} already there` : ""}${merge.conflicts.length > 0 ? `, ${merge.conflicts.length} kept as typed` : ""}${merge.added === 0 ? " (nothing to add; the file was not rewritten)" : ""}`,
    );
  }
  return `${lines.join("\n")}\n${note}`;
}

export async function comparatorsCommand(args: readonly string[], io: CliIo): Promise<number> {
  // `import --comparators --help` (the option then has no value): the usage, not a parse error.
  const o = args.includes("--help") || args.includes("-h") ? undefined : options(args);
  if (!o) {
    io.stdout(COMPARATORS_USAGE);
    return 0;
  }
  if (o.json !== undefined && o.json !== "-") await checkOutputPath(o.json, "--json");
  const target = await openXlsx(o.into, limitsOf(io));
  const up = planBookUpgrade(target);
  const { id, measureType } = indicatorOf(target, o);
  const marked = withoutMarks((await tableSheet(o.table, o.sheet, io)).grid);
  const read = importComparators(marked.grid, {
    indicatorId: id,
    measureType,
    startMonth: readSettings(up.before).settings.startMonth,
    source: o.source ?? basename(o.table),
    singleYear: o.years,
    valuesAs: o.values,
  });
  const marks = marked.notes.length > 0 ? [`Footnote marks read off: ${marked.notes.join("; ")}`] : [];
  const imported: ComparatorImport = { ...read, notes: [...read.notes, ...marks] };
  let merge: ComparatorMerge | undefined;
  let note = "";
  if (imported.errors.length === 0) {
    const planned = planWrite(target, up, imported, measureType);
    merge = planned.merge;
    if (planned.buffer) {
      await writeAtomic(o.into, planned.buffer);
      note = `${planned.created ? `${o.into}: ${TABLE.comparators} created on a sheet of its own\n` : ""}${upgradeNote(o.into, up)}`;
    }
  }
  if (o.json !== undefined) {
    const out = {
      rows: imported.rows,
      errors: imported.errors,
      notes: imported.notes,
      added: merge?.added ?? 0,
      same: merge?.same ?? 0,
      conflicts: merge?.conflicts ?? [],
    };
    const text = `${JSON.stringify(out, null, 2)}\n`;
    if (o.json === "-") io.stdout(text);
    else await writeAtomic(o.json, text);
  }
  const text = report(o, imported, merge, note);
  if (o.json === "-") io.stderr(text);
  else io.stdout(text);
  return imported.errors.length > 0 ? 1 : 0;
}
