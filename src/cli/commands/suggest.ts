/**
 * `perfcycle suggest BOOK.xlsx --indicator ID [--unit U] [--year 2016-17] [--json OUT.json]`
 * (workbook.md, "Additions (schema version 2)"): every target method that applies to an
 * indicator, with its target, its quarterly milestones and its rationale. Nothing is written
 * into the workbook: a suggestion is the user's to choose (semantics.md, "Setting targets").
 *
 * Exit status: 0 when there is at least one suggestion and the workbook read cleanly; 1 when the
 * workbook has data errors or nothing can be suggested (the output says why, and the JSON is
 * still written); 2 when the command cannot run (usage, an unreadable file, an indicator, unit
 * or year that is not in the workbook).
 *
 * Choices (docs/decisions.md, "Suggest, comparators and confidence in the interface"):
 * - `--unit` may be left out when the indicator has target rows for one unit only.
 * - `--year` defaults to the year of the indicator's latest target row without a target (the row
 *   waiting to be set), else the year after its latest target row.
 */
import { TABLE, type ContractError } from "../../contract";
import {
  formatFiscalYear,
  formatValue,
  idKey,
  parseFiscalYear,
  suggestTargets,
  unitKey,
  type MeasureType,
  type Register,
  type Suggestions,
  type TargetRecord,
} from "../../engine";
import { fileArg, text, type Parsed } from "../args";
import { CliError } from "../errors";
import { readBook } from "../inputs";
import { checkOutputs, emitJson, type CliIo } from "../io";

export const SUGGEST_USAGE = `Usage: perfcycle suggest BOOK.xlsx --indicator ID [--unit U] [--year 2016-17] [--json F]

Suggest a target for one indicator: every method that applies (Hold, Trend, Stretch, CloseGap,
Quartile), each with its target, its quarterly milestones under the indicator's profile and the
reason in a sentence. Nothing is written into BOOK: choose a target in the task pane or type it
into PerfTargets, with the method in TargetMethod and the reason in TargetRationale.
  --indicator ID  the IndicatorId (required)
  --unit U        the OrgUnit (needed when the indicator has targets for several units)
  --year Y        the year to set, e.g. 2016-17 (default: the indicator's latest year without a
                  target, else the year after its latest target)
  --json F        write the suggestions as JSON to F ("-" for standard output)
Exit status 1 when nothing can be suggested or the workbook has data errors; 2 when the
command cannot run (including an indicator, unit or year the workbook does not have).
`;

/** The suggestions as the JSON output gives them: years as labels too, figures unrounded. */
export interface SuggestJson {
  readonly indicatorId: string;
  readonly indicator: string;
  readonly orgUnit: string;
  readonly measureType: MeasureType | null;
  readonly year: string;
  readonly baseline: number | null;
  readonly history: readonly { readonly year: string; readonly value: number }[];
  readonly suggestions: readonly {
    readonly method: string;
    readonly label: string;
    readonly target: number;
    readonly milestones: readonly (number | null)[];
    readonly rationale: string;
  }[];
  readonly problem: string | null;
  /** The workbook's data errors, each naming table, row and column. */
  readonly errors: readonly ContractError[];
}

function rowsOf(register: Register, indicatorId: string): TargetRecord[] {
  return register.targets.filter((t) => idKey(t.indicatorId) === idKey(indicatorId));
}

/** The unit: as given (matched as the register matches units), else the only one. */
function unitOf(rows: readonly TargetRecord[], indicatorId: string, given: string | undefined): string {
  const units = [...new Map(rows.map((t) => [unitKey(t.orgUnit), t.orgUnit])).values()];
  if (given !== undefined) {
    const found = units.find((u) => unitKey(u) === unitKey(given));
    if (found === undefined)
      throw new CliError(
        "INDICATOR_UNKNOWN",
        `suggest: ${indicatorId} has no target row for the unit ${JSON.stringify(given)} (its units: ${units.map((u) => JSON.stringify(u)).join(", ")})`,
      );
    return found;
  }
  if (units.length === 1) return units[0] ?? "";
  throw new CliError(
    "UNIT_NEEDED",
    `suggest: ${indicatorId} has targets for ${units.length} units; choose one with --unit (${units.map((u) => JSON.stringify(u)).join(", ")})`,
  );
}

/** The year to set: as given, else the latest row waiting for a target, else the next year. */
function yearOf(rows: readonly TargetRecord[], given: string | undefined, startMonth: number): number {
  if (given !== undefined) {
    const y = parseFiscalYear(given, startMonth);
    if (!y.ok)
      throw new CliError("BAD_VALUE", `suggest: --year ${JSON.stringify(given)}: ${y.error.message}`);
    return y.value;
  }
  const years = rows.map((t) => t.targetYear).filter((y): y is number => y !== null);
  const waiting = rows
    .filter((t) => t.targetYear !== null && t.target === null)
    .map((t) => t.targetYear ?? 0);
  if (waiting.length > 0) return Math.max(...waiting);
  if (years.length > 0) return Math.max(...years) + 1;
  throw new CliError(
    "YEAR_NEEDED",
    `suggest: the indicator's target rows give no TargetYear: give the year with --year`,
  );
}

/** The suggestions of a register for the command's arguments (also used by the tests). */
export function suggestFor(
  register: Register,
  indicatorId: string,
  unit: string | undefined,
  year: string | undefined,
): { readonly suggestions: Suggestions; readonly record: TargetRecord } {
  const rows = rowsOf(register, indicatorId);
  if (rows.length === 0) {
    const ids = [...new Set(register.targets.map((t) => t.indicatorId))];
    throw new CliError(
      "INDICATOR_UNKNOWN",
      `suggest: ${JSON.stringify(indicatorId)} is not an IndicatorId in ${TABLE.targets} (it has ${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", …" : ""})`,
    );
  }
  const u = unitOf(rows, indicatorId, unit);
  const y = yearOf(
    rows.filter((t) => unitKey(t.orgUnit) === unitKey(u)),
    year,
    register.settings.startMonth,
  );
  const record = rows.find((t) => unitKey(t.orgUnit) === unitKey(u)) ?? rows[0];
  if (!record) throw new CliError("INDICATOR_UNKNOWN", `suggest: ${indicatorId} has no target row`);
  return { suggestions: suggestTargets(register, record.indicatorId, u, y), record };
}

export function suggestJson(
  s: Suggestions,
  record: TargetRecord,
  startMonth: number,
  errors: readonly ContractError[],
): SuggestJson {
  const fy = (y: number): string => formatFiscalYear(y, startMonth);
  return {
    indicatorId: s.indicatorId,
    indicator: record.indicator,
    orgUnit: s.orgUnit,
    measureType: record.measureType,
    year: fy(s.year),
    baseline: s.baseline,
    history: s.history.map((h) => ({ year: fy(h.year), value: h.value })),
    suggestions: s.suggestions.map((x) => ({
      method: x.method,
      label: x.label,
      target: x.target,
      milestones: x.milestones,
      rationale: x.rationale,
    })),
    problem: s.problem,
    errors,
  };
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + " ".repeat(n - s.length));

/** The terminal text: the indicator, its baseline and history, then one block a method. */
export function suggestText(j: SuggestJson): string {
  const mt: MeasureType = j.measureType ?? "Level";
  const v = (x: number | null): string => (x === null ? "-" : formatValue(mt, x));
  const lines: string[] = [];
  lines.push(`${j.indicatorId} ${j.indicator} (${j.orgUnit}): targets for ${j.year}`);
  lines.push(`Baseline ${v(j.baseline)}`);
  if (j.history.length > 0)
    lines.push(`Yearly figures: ${j.history.map((h) => `${h.year} ${v(h.value)}`).join(", ")}`);
  lines.push("");
  if (j.suggestions.length === 0) {
    lines.push(`Nothing to suggest: ${j.problem ?? "no method applies"}`);
  } else {
    const width = Math.max(8, ...j.suggestions.map((s) => s.label.length)) + 2;
    lines.push(
      `${pad("Method", width)}${pad("Target", 9)}${["Q1", "Q2", "Q3", "Q4"].map((q) => pad(q, 9)).join("")}`.trimEnd(),
    );
    for (const s of j.suggestions) {
      lines.push(
        `${pad(s.label, width)}${pad(v(s.target), 9)}${s.milestones.map((m) => pad(v(m), 9)).join("")}`.trimEnd(),
      );
      lines.push(`${" ".repeat(2)}${s.rationale}`);
    }
  }
  for (const e of j.errors) lines.push(`Error: ${e.message}`);
  return `${lines.join("\n")}\n`;
}

/** The `suggest` command. */
export async function suggestCommand(p: Parsed, io: CliIo): Promise<number> {
  const indicator = text(p, "indicator");
  if (indicator === undefined)
    throw new CliError(
      "USAGE",
      `suggest: --indicator ID is required (perfcycle suggest --help shows the usage)`,
    );
  const jsonOut = text(p, "json");
  await checkOutputs([["--json", jsonOut]]);

  const { read, register } = await readBook(fileArg(p), io);
  const { suggestions, record } = suggestFor(register, indicator, text(p, "unit"), text(p, "year"));
  const out = suggestJson(suggestions, record, register.settings.startMonth, read.errors);
  if (jsonOut !== undefined) await emitJson(io, jsonOut, out);
  if (jsonOut !== "-") {
    io.stdout(suggestText(out));
    if (jsonOut !== undefined) io.stdout(`Wrote ${jsonOut}\n`);
  }
  return out.suggestions.length === 0 || out.errors.length > 0 ? 1 : 0;
}
