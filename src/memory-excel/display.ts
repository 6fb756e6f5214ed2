/** What the preview's grid shows: conditional formats met, values under their number formats. */
import type { CellValue } from "./entry";
import type { ConditionalRule } from "./sheet";

export function conditionMet(rule: ConditionalRule, value: CellValue): boolean {
  const f = rule.formula1.startsWith("=") ? rule.formula1.slice(1) : rule.formula1;
  const str = /^"(.*)"$/s.exec(f);
  if (str)
    return (
      typeof value === "string" && value.toLowerCase() === (str[1] ?? "").replace(/""/g, '"').toLowerCase()
    );
  const n = Number(f);
  if (f.trim() !== "" && Number.isFinite(n)) return typeof value === "number" && value === n;
  if (/^(true|false)$/i.test(f)) return typeof value === "boolean" && value === (f.toUpperCase() === "TRUE");
  return false;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A value as Excel displays it under a number format: the common codes the workbook uses (en-GB). */
export function displayText(value: CellValue, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fmt = numberFormat.trim();
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(fmt);
  if (fixed) {
    const digits = fixed[2]?.length ?? 0;
    if (fixed[1]) {
      return value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    return value.toFixed(digits);
  }
  if (/^d{1,2}\/m{1,2}\/y{2,4}$/i.test(fmt) || /^yyyy-mm-dd$/i.test(fmt)) {
    const d = new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000);
    const dd = String(d.getUTCDate()).padStart(2, "0");
    const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
    const yyyy = String(d.getUTCFullYear());
    return /^yyyy/i.test(fmt) ? `${yyyy}-${mm}-${dd}` : `${dd}/${mm}/${yyyy}`;
  }
  // General: up to 11 significant digits, as Excel shows in a standard-width column.
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(11)));
}
