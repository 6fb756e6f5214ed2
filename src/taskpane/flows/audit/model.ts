/**
 * The audit flow's choices and words: which roles to offer for the rule, the tolerance chosen
 * (a preset as councils word it, or typed), and the result in a sentence. Pure, for tests.
 */
import { plural } from "../../../engine";
import {
  parseTolerance,
  TOLERANCE_PRESETS,
  type RagRule,
  type Result,
  type ToleranceSetting,
  type ToleranceType,
} from "../../../engine";
import { AUDIT_ROLES, type AuditResult, type AuditRoleInfo, type AuditRow } from "../../../contract";

export const CUSTOM = "custom";

/** The roles to map for a rule: the year-ago figure only for the tolerance band rule, the forecast only for the forecast rule. */
export function rolesFor(rule: RagRule): readonly AuditRoleInfo[] {
  return AUDIT_ROLES.filter(
    (r) =>
      (r.role !== "yearAgo" || rule === "ToleranceBand") && (r.role !== "forecast" || rule === "Forecast"),
  );
}

/** The tolerance chosen: a preset (by index) or the custom text with its type. */
export function chosenTolerance(
  preset: string,
  customText: string,
  customType: ToleranceType | "",
): Result<ToleranceSetting> {
  if (preset !== CUSTOM) {
    const p = TOLERANCE_PRESETS[Number(preset)];
    if (p) return { ok: true, value: { tolerance: p.tolerance, toleranceType: p.toleranceType } };
  }
  return parseTolerance(customText, customType === "" ? null : customType);
}

/** "7 of 10 rows agree with the report's rule; 2 do not; 1 cannot be rated." */
export function verdict(r: AuditResult): string {
  const s = r.summary;
  if (s.rows === 0) return "No rows with figures were found below the header row.";
  const parts = [`${s.agree} of ${plural(s.rows, "row agrees", "rows agree")} with the report's rule`];
  parts.push(s.disagree === 0 ? "none disagrees" : `${s.disagree} ${s.disagree === 1 ? "does" : "do"} not`);
  if (s.cannotRate > 0) parts.push(`${s.cannotRate} cannot be rated`);
  const arithmetic =
    r.published.length === 0
      ? ""
      : ` ${plural(r.published.length, "published percentage does", "published percentages do")} not match ${r.published.length === 1 ? "its" : "their"} numerator and denominator.`;
  return `${parts.join("; ")}.${arithmetic}`;
}

/** How the published status was read: "Green (fill #00B050)", "Green (typed "G")". */
export function publishedWords(row: AuditRow): string {
  const p = row.published;
  if (!p) return "none";
  if (p.from === "fill") return `${p.status} (fill ${p.fill ?? ""})`;
  return p.text !== null && p.text !== p.status ? `${p.status} (typed "${p.text}")` : p.status;
}
