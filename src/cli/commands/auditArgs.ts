/**
 * `perfcycle audit`'s arguments read into what the audit needs: the rule and tolerance the report
 * states (read by the engine), the polarity and the columns named by header. Each problem is one
 * line naming the option.
 */
import { AUDIT_ROLES, type AuditRole } from "../../contract";
import {
  parsePolarity,
  parseRagRule,
  parseTolerance,
  parseToleranceType,
  type Polarity,
  type RagRule,
  type ToleranceType,
} from "../../engine";
import { fileArg, text, texts, type Parsed } from "../args";
import { CliError } from "../errors";

export interface AuditArgs {
  readonly path: string;
  readonly sheet: string | undefined;
  readonly table: string | undefined;
  readonly range: string | undefined;
  readonly rule: RagRule;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  readonly polarity: Polarity | null;
  readonly polarityColumn: string | undefined;
  readonly columns: readonly (readonly [AuditRole, string])[];
  readonly json: string | undefined;
  readonly html: string | undefined;
}

const HINT = "(perfcycle audit --help shows the options)";

/** Options that exclude each other, and the two the audit cannot run without. */
function checkGiven(p: Parsed): { rule: string; tolerance: string } {
  if (text(p, "table") !== undefined && text(p, "range") !== undefined)
    throw new CliError("USAGE", `audit: give --table or --range, not both ${HINT}`);
  if (text(p, "polarity") !== undefined && text(p, "polarity-column") !== undefined)
    throw new CliError("USAGE", `audit: give --polarity or --polarity-column, not both ${HINT}`);
  const rule = text(p, "rule");
  if (rule === undefined)
    throw new CliError(
      "USAGE",
      `audit: --rule is needed: the rule the report states (Milestone, ToleranceBand or Forecast) ${HINT}`,
    );
  const tolerance = text(p, "tolerance");
  if (tolerance === undefined)
    throw new CliError(
      "USAGE",
      `audit: --tolerance is needed: the tolerance the report states, e.g. --tolerance 10% ${HINT}`,
    );
  return { rule, tolerance };
}

/** The rule and the tolerance, as the engine reads them. */
function ruleOf(p: Parsed, given: { rule: string; tolerance: string }) {
  const rule = parseRagRule(given.rule);
  if (!rule.ok) throw new CliError("BAD_VALUE", `audit: --rule: ${rule.error.message}`);
  let type: ToleranceType | null = null;
  const typeText = text(p, "tolerance-type");
  if (typeText !== undefined) {
    const t = parseToleranceType(typeText);
    if (!t.ok) throw new CliError("BAD_VALUE", `audit: --tolerance-type: ${t.error.message}`);
    type = t.value;
  }
  const tol = parseTolerance(given.tolerance, type);
  if (!tol.ok) throw new CliError("BAD_VALUE", `audit: --tolerance: ${tol.error.message}`);
  return { rule: rule.value, tolerance: tol.value.tolerance, toleranceType: tol.value.toleranceType };
}

function polarityOf(given: string | undefined): Polarity | null {
  if (given === undefined) return null;
  const p = parsePolarity(given);
  if (!p.ok || p.value === "Neutral")
    throw new CliError(
      "BAD_VALUE",
      `audit: --polarity must be Higher or Lower; got ${JSON.stringify(given)}`,
    );
  return p.value;
}

/** `--column ROLE=HEADER`, each. */
function columnsOf(given: readonly string[]): [AuditRole, string][] {
  const roles = AUDIT_ROLES.map((r) => r.role);
  return given.map((c): [AuditRole, string] => {
    const m = /^\s*([A-Za-z]+)\s*=\s*(.+?)\s*$/.exec(c);
    const role = roles.find((r) => r.toLowerCase() === (m?.[1] ?? "").toLowerCase());
    if (!m || !role)
      throw new CliError(
        "BAD_VALUE",
        `audit: --column ${JSON.stringify(c)} must be ROLE=HEADER, ROLE one of ${roles.join(", ")}`,
      );
    return [role, m[2] ?? ""];
  });
}

/** The audit's arguments from the parsed command line. */
export function auditArgs(p: Parsed): AuditArgs {
  const rule = ruleOf(p, checkGiven(p));
  return {
    path: fileArg(p),
    sheet: text(p, "sheet"),
    table: text(p, "table"),
    range: text(p, "range"),
    ...rule,
    polarity: polarityOf(text(p, "polarity")),
    polarityColumn: text(p, "polarity-column"),
    columns: columnsOf(texts(p, "column")),
    json: text(p, "json"),
    html: text(p, "html"),
  };
}
