/**
 * The HTML report's small pieces of text: escaping, status chips and each kind of figure rounded
 * for reading with the engine's formatters ("–" and "no figure" for a missing one). Shared by
 * the committee report, its trend charts and the audit finding.
 */
export { plural } from "../engine";
import {
  formatDifference,
  formatPercent,
  formatValue,
  RAG_STATUSES,
  type MeasureType,
  type Polarity,
  type RagStatus,
  type ReportEntry,
} from "../engine";

/** Escape text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export const NONE = '<span aria-hidden="true">–</span><span class="sr">no figure</span>';

export function statusClass(s: RagStatus): string {
  return `rag-${s.toLowerCase().replace(/[^a-z]+/g, "-")}`;
}

export function chip(s: RagStatus): string {
  return `<span class="chip ${statusClass(s)}">${esc(s)}</span>`;
}

export function value(mt: MeasureType, x: number | null): string {
  return x === null ? NONE : esc(formatValue(mt, x));
}

export function signed(mt: MeasureType, x: number | null): string {
  if (x === null) return NONE;
  const mag = formatDifference(mt, x);
  if (/^0(\.0)?( points?)?$/.test(mag)) return esc(mag);
  return esc(`${x < 0 ? "−" : "+"}${mag}`);
}

export function share(x: number | null): string {
  return x === null ? NONE : esc(formatPercent(x).replace(/^-/, "−"));
}

export function text(s: string | null | undefined): string {
  return s === null || s === undefined || s.trim() === "" ? NONE : esc(s);
}

export function yesNo(b: boolean | null): string {
  return b === null ? NONE : b ? "Yes" : "No";
}

export function measureText(mt: MeasureType, polarity: Polarity): string {
  const p =
    polarity === "Higher" ? "higher is better" : polarity === "Lower" ? "lower is better" : "monitored";
  return `${mt}, ${p}`;
}

export function dateLong(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" }).format(d);
}

export function indicatorCell(e: ReportEntry): string {
  return `<span class="id">${esc(e.row.indicatorId)}</span> ${esc(e.indicator || e.row.indicatorId)}`;
}

export function ragOrder(s: RagStatus): number {
  return RAG_STATUSES.indexOf(s);
}
