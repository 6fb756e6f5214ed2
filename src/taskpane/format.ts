/**
 * Presentation only: figures rounded for reading with the engine's formatters, en-GB dates.
 * Nothing here computes a domain rule.
 */
export { plural } from "../engine";
import { formatValue, type MeasureType } from "../engine";

export const NO_FIGURE = "–";

export function figure(measureType: MeasureType | null, x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_FIGURE;
  return formatValue(measureType ?? "Count", x);
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** An ISO timestamp as en-GB date and time (`14/10/2015, 10:30`); other text as it is. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  return /^\d{4}-\d{2}-\d{2}/.test(iso) && !Number.isNaN(d.getTime()) ? DATE_TIME.format(d) : iso;
}

/** A file name safe on every system: `PerfCycle report 2015-16 Q2.html`. */
export function fileName(text: string): string {
  return text.replace(/[\\/:*?"<>|]+/g, "-");
}

/** A finding's severity as a word (the colour beside it is never the only signal). */
export function severityLabel(f: { readonly severity: "error" | "warning" }): string {
  return f.severity === "error" ? "Error" : "Warning";
}

/**
 * The defined entries of an object, typed as optional properties: spreads optional props into
 * components under exactOptionalPropertyTypes (`{...defined({ hint })}`).
 */
export function defined<T extends Record<string, unknown>>(
  o: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
