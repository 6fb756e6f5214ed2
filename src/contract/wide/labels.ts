/**
 * Row labels of a published table: the stable id made from a label, and the rows that are
 * totals, parts of the row above ("of which") or the percentage of the row above.
 *
 * Decisions where the spec is silent (docs/decisions.md, "Tables as councils publish them"):
 * - An id made from a label is its slug: footnote marks read off, accents dropped, `%` as PCT,
 *   `&` as AND, every other run of characters that are not letters or digits one hyphen, in
 *   capitals, at most 48 characters cut at a hyphen ("Escalated to Social Care" →
 *   ESCALATED-TO-SOCIAL-CARE, "Escalation %" → ESCALATION-PCT). The same label always gives the
 *   same id, so a table imported each quarter keeps its ids. A label that is already a code (one
 *   word of letters, digits and `. _ / -`, with one of those marks, and a digit or in capitals:
 *   `EH-EHA`, `1.1`, `NI_117`, not `Re-referrals`) is kept as typed, so it still matches the register's id.
 * - A total row's label starts or ends with "Total" ("Total cases", "City total"). A part row's
 *   starts with "of which", "of whom", "o/w", "which", "including" or "incl." (after any dash
 *   or indent); its id is its parent's id and the slug of the rest ("of which: stepped down"
 *   under EARLY-HELP-CASES → EARLY-HELP-CASES-STEPPED-DOWN), so parts of different rows do
 *   not collide.
 * - A percentage row's label has `%` or the word percent, percentage, proportion or rate.
 */
import { labelWithoutMarks } from "./marks";

const MAX_SLUG = 48;

/** The stable id made from a label. Empty when the label has no letter or digit. */
export function slugId(label: string): string {
  const slug = labelWithoutMarks(label)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/%/g, " PCT ")
    .replace(/&/g, " AND ")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toUpperCase();
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const at = cut.lastIndexOf("-");
  return (at > 8 ? cut.slice(0, at) : slug.slice(0, MAX_SLUG)).replace(/-+$/, "");
}

/** The id a row takes from its label: the label itself when it is a code, else its slug. */
export function idFromLabel(label: string): string {
  const t = label.trim();
  const code = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(t) && (/\d/.test(t) || /^[A-Z0-9._/-]+$/.test(t));
  if (t.length <= 24 && code && /[\d._/-]/.test(t)) return t;
  return slugId(t);
}

export type RowRole = "total" | "part";

const PART = /^[\s\-–—:•·]*(?:of\s+which|of\s+whom|o\/w|which|including|incl\.?)\b[\s:,\-–—]*/i;
const TOTAL = /^[\s\-–—]*(?:grand\s+)?total\b|\btotal[\s:]*$/i;

/** Whether a label is a total or a part ("of which") of the row above; undefined for neither. */
export function rowRole(label: string): RowRole | undefined {
  if (PART.test(label)) return "part";
  if (TOTAL.test(labelWithoutMarks(label))) return "total";
  return undefined;
}

/** A part row's label without its "of which" (`of which: stepped down` → `stepped down`). */
export function partName(label: string): string {
  return label.replace(PART, "").trim();
}

/** A label that names a percentage (`Escalation %`, `Percentage re-referred`, `Escalation rate`). */
export function isPercentLabel(label: string): boolean {
  return /%|\bper\s?cent(age)?\b|\bproportion\b|\brate\b/i.test(label);
}
