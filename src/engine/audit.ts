/**
 * Auditing a report made by hand (semantics.md, "Auditing a report made by hand"): the domain
 * rules of reading what a council published and rating it again by its own stated rule.
 *
 * - A published status from its text (`Red`, `R`, `Amber`, `A`, `Green`, `G`, `Blue`, `B` and the
 *   other status names, case-insensitive) or, where the cell has no text, from its fill colour,
 *   by hue to the nearest of red, amber, green and blue (white, grey and black are no colour).
 * - Polarity from the phrases councils write ("higher is better", "smaller is better",
 *   "good performance is low").
 * - The tolerance as councils word it ("Amber within 10% of the target" → Relative 0.10,
 *   "within 2 percentage points" → Absolute 0.02).
 * - The status recomputed with ragStatus and explained with explain, and whether the published
 *   one agrees.
 *
 * The thresholds are in docs/decisions.md ("Auditing a report made by hand").
 */
import { explain } from "./explain";
import { formatShare } from "./format";
import {
  RAG_RULES,
  RAG_SCHEMES,
  type Polarity,
  type RagRule,
  type RagScheme,
  type ToleranceType,
} from "./measures";
import { directionOfTravel } from "./progress";
import { ragStatus, RAG_STATUSES, type RagResult, type RagStatus } from "./rag";
import { err, isFiniteNumber, ok, quote, type Result } from "./result";

// ---------------------------------------------------------------------------------------------
// Published status: text

/** What a status cell says. */
export type PublishedText =
  | { readonly kind: "blank" }
  | { readonly kind: "status"; readonly status: RagStatus }
  | { readonly kind: "unreadable"; readonly text: string };

const LETTERS: Readonly<Record<string, RagStatus>> = {
  r: "Red",
  a: "Amber",
  g: "Green",
  b: "Blue",
};

/**
 * A status as typed: `Red`/`R`, `Amber`/`A`, `Green`/`G`, `Blue`/`B`, or one of the other status
 * names (`No data`, `Not due`, `No target`, `Monitor`), case- and space-insensitive, with a full
 * stop or surrounding spaces allowed. Anything else is unreadable (never guessed).
 *
 * @example
 * parseStatusText(" g ") // => { kind: "status", status: "Green" }
 * parseStatusText("Purple") // => { kind: "unreadable", text: "Purple" }
 */
export function parseStatusText(input: unknown): PublishedText {
  if (input === null || input === undefined) return { kind: "blank" };
  if (typeof input !== "string") {
    return typeof input === "number" || typeof input === "boolean"
      ? { kind: "unreadable", text: String(input) }
      : { kind: "unreadable", text: quote(input).slice(1, -1) };
  }
  const text = input.replace(/\u00a0/g, " ").trim();
  if (text === "") return { kind: "blank" };
  const key = text
    .replace(/\.$/, "")
    .replace(/[\s_-]+/g, "")
    .toLowerCase();
  const letter = LETTERS[key];
  if (letter) return { kind: "status", status: letter };
  const named = RAG_STATUSES.find((s) => s.replace(/\s+/g, "").toLowerCase() === key);
  if (named) return { kind: "status", status: named };
  return { kind: "unreadable", text };
}

// ---------------------------------------------------------------------------------------------
// Polarity phrases

const HIGHER_WORDS = new Set([
  "higher",
  "high",
  "bigger",
  "big",
  "larger",
  "large",
  "greater",
  "more",
  "increase",
  "increasing",
  "increased",
  "up",
  "maximise",
  "maximize",
  "above",
  "↑",
]);
const LOWER_WORDS = new Set([
  "lower",
  "low",
  "smaller",
  "small",
  "less",
  "fewer",
  "decrease",
  "decreasing",
  "decreased",
  "reduce",
  "reduced",
  "reduction",
  "down",
  "minimise",
  "minimize",
  "below",
  "↓",
]);
const NEUTRAL_WORDS = new Set(["neutral", "monitor", "monitored", "monitoring", "none", "context"]);
/** Words that turn the phrase round: "high is bad" means lower is better. */
const WORSE_WORDS = new Set(["bad", "worse", "poor", "poorer", "worst"]);

/**
 * Polarity from a phrase: `Higher`/`Lower`/`Neutral`, "higher is better", "high is good",
 * "smaller is better", "good performance is low", "aim to reduce", "↑", "high is bad"… A phrase
 * naming both directions, or neither, is an error quoting it (never guessed).
 *
 * @example
 * parsePolarityPhrase("Lower is better") // => { ok: true, value: "Lower" }
 */
export function parsePolarityPhrase(input: unknown): Result<Polarity> {
  const text = typeof input === "string" ? input.replace(/\u00a0/g, " ").trim() : "";
  if (text === "") return err("POLARITY", `Polarity is blank`);
  const words = text
    .toLowerCase()
    .replace(/([↑↓])/g, " $1 ")
    .split(/[^a-z↑↓]+/)
    .filter((w) => w !== "");
  const higher = words.some((w) => HIGHER_WORDS.has(w));
  const lower = words.some((w) => LOWER_WORDS.has(w));
  const flipped = words.some((w) => WORSE_WORDS.has(w));
  if (higher !== lower) {
    const h = higher !== flipped;
    return ok(h ? "Higher" : "Lower");
  }
  if (!higher && words.some((w) => NEUTRAL_WORDS.has(w))) return ok("Neutral");
  return err(
    "POLARITY",
    `Polarity ${quote(text)} is not understood: write Higher or Lower (or "higher is better", "lower is better")`,
  );
}

// ---------------------------------------------------------------------------------------------
// Tolerance as councils word it

export interface ToleranceSetting {
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
}

export interface TolerancePreset extends ToleranceSetting {
  /** As a council words it, e.g. "Amber within 10% of the target". */
  readonly label: string;
}

/** The wordings seen in published reports (the pane offers these, plus a custom tolerance). */
export const TOLERANCE_PRESETS: readonly TolerancePreset[] = [
  { label: "Amber within 5% of the target", tolerance: 0.05, toleranceType: "Relative" },
  { label: "Amber within 10% of the target", tolerance: 0.1, toleranceType: "Relative" },
  { label: "Amber within 15% of the target", tolerance: 0.15, toleranceType: "Relative" },
  { label: "Amber within 20% of the target", tolerance: 0.2, toleranceType: "Relative" },
  { label: "Amber within 1 percentage point of the target", tolerance: 0.01, toleranceType: "Absolute" },
  { label: "Amber within 2 percentage points of the target", tolerance: 0.02, toleranceType: "Absolute" },
  { label: "Amber within 5 percentage points of the target", tolerance: 0.05, toleranceType: "Absolute" },
];

/**
 * A tolerance in words: "Amber within 10% of the target", "… within 2 percentage points …".
 *
 * @example
 * toleranceWords({ tolerance: 0.1, toleranceType: "Relative" }) // => "Amber within 10% of the target"
 */
export function toleranceWords(setting: ToleranceSetting, measure: "Rate" | "Level" = "Rate"): string {
  const { tolerance: t, toleranceType } = setting;
  if (toleranceType === "Relative") return `Amber within ${formatShare(t)} of the target`;
  if (measure === "Level") return `Amber within ${String(t)} of the target`;
  const points = formatShare(t).replace("%", "");
  return `Amber within ${points} percentage point${points === "1" ? "" : "s"} of the target`;
}

const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const RE_POINTS = new RegExp(
  String.raw`${NUM}\s*(?:%\s*)?(?:percentage\s+points?|percent(?:age)?\s+points?|pp|ppts?|points?|pts?)\b`,
  "i",
);
const RE_PERCENT = new RegExp(String.raw`${NUM}\s*(?:%|per\s*cent|percent)`, "i");
const RE_PLAIN = new RegExp(String.raw`^${NUM}$`);
const RE_ANY_NUMBER = new RegExp(NUM);

/**
 * A tolerance as typed on the command line or as a report states it: `10%`, `0.1`,
 * `2pp`, `2 percentage points`, "Amber within 10% of the target", "within 5 of the milestone"
 * (a number with no % or points in a phrase is in the value's own unit: Absolute).
 * `type`, when given, must not contradict the text (`2pp` is Absolute).
 *
 * @example
 * parseTolerance("10%") // => { ok: true, value: { tolerance: 0.1, toleranceType: "Relative" } }
 */
export function parseTolerance(input: unknown, type?: ToleranceType | null): Result<ToleranceSetting> {
  const raw = typeof input === "number" ? String(input) : typeof input === "string" ? input : "";
  const text = raw.replace(/\u00a0/g, " ").trim();
  if (text === "") return err("TOLERANCE", "The tolerance is blank: give it as 10% or 2 percentage points");
  const conflict = (said: ToleranceType): Result<ToleranceSetting> =>
    err(
      "TOLERANCE",
      `The tolerance ${quote(text)} is ${said === "Absolute" ? "in percentage points (Absolute)" : "a share of the target (Relative)"}, but the tolerance type given is ${type ?? ""}`,
    );
  const points = RE_POINTS.exec(text);
  if (points) {
    if (type === "Relative") return conflict("Absolute");
    return ok({ tolerance: Number(points[1]) / 100, toleranceType: "Absolute" });
  }
  const pct = RE_PERCENT.exec(text);
  if (pct) {
    // "10%" with type Absolute is 10 percentage points: a rate is stored as a fraction, so 0.10 either way.
    return ok({ tolerance: Number(`${pct[1] ?? "0"}e-2`), toleranceType: type ?? "Relative" });
  }
  if (RE_PLAIN.test(text)) {
    const t = Number(text);
    const tt = type ?? "Relative";
    if (tt === "Relative" && t > 1)
      return err(
        "TOLERANCE",
        `A relative tolerance of ${quote(text)} would be ${formatShare(t)} of the target: write it as ${text}% (or give the tolerance type Absolute)`,
      );
    return ok({ tolerance: t, toleranceType: tt });
  }
  const any = /[a-z]/i.test(text) ? RE_ANY_NUMBER.exec(text) : null;
  if (any) {
    if (type === "Relative") return conflict("Absolute");
    return ok({ tolerance: Number(any[1]), toleranceType: "Absolute" });
  }
  return err(
    "TOLERANCE",
    `The tolerance ${quote(text)} is not understood: give it as 10% or 2 percentage points`,
  );
}

// ---------------------------------------------------------------------------------------------
// Recomputing a row's status

export interface AuditRateInput {
  /** The actual as read (a rate as a fraction). */
  readonly actual: number | null;
  /** The figure the report compares with: the milestone, or the target where it has no milestone. */
  readonly milestone: number | null;
  /** The annual target, when the report gives one beside a milestone (for Blue and the Forecast rule). */
  readonly target?: number | null;
  readonly polarity: Polarity;
  readonly rule: RagRule;
  readonly tolerance: number;
  readonly toleranceType: ToleranceType;
  readonly scheme: RagScheme;
  /** How to show the figures: a rate as a percentage, else a number. */
  readonly measure: "Rate" | "Level";
  /** ToleranceBand: the same quarter a year earlier, when the report gives it. */
  readonly yearAgo?: number | null;
  /** Forecast rule: the year-end forecast, when the report gives it. */
  readonly forecast?: number | null;
}

export interface AuditRating {
  readonly rag: RagResult;
  readonly status: RagStatus;
  readonly explanation: string;
}

/**
 * The status the report's own rule gives the row, and its explanation (ragStatus and explain).
 *
 * @example
 * rateAuditRow({ actual: 0.41, milestone: 0.45, polarity: "Higher", rule: "Milestone", tolerance: 0.1, toleranceType: "Relative", scheme: "RAG", measure: "Rate" }).value.status // => "Amber"
 */
export function rateAuditRow(input: AuditRateInput): Result<AuditRating> {
  if (!RAG_RULES.includes(input.rule)) return err("RAG_RULE", `RAG rule ${quote(input.rule)} is not known`);
  if (!RAG_SCHEMES.includes(input.scheme)) return err("RAG_SCHEME", `RAG scheme ${quote(input.scheme)}`);
  const dotYearAgo =
    input.yearAgo === null || input.yearAgo === undefined || !isFiniteNumber(input.actual)
      ? null
      : directionOfTravel(input.actual, input.yearAgo, input.polarity);
  const r = ragStatus({
    actual: input.actual,
    milestone: input.milestone,
    polarity: input.polarity,
    tolerance: input.tolerance,
    toleranceType: input.toleranceType,
    target: input.target ?? null,
    scheme: input.scheme,
    rule: input.rule,
    dotYearAgo,
    forecast: input.forecast ?? null,
  });
  if (!r.ok) return r;
  const explanation = explain({
    rag: r.value,
    measureType: input.measure,
    polarity: input.polarity,
    actual: input.actual,
    milestone: input.milestone,
    target: input.target ?? null,
    tolerance: input.tolerance,
    toleranceType: input.toleranceType,
    forecast: input.forecast ?? null,
    dotYearAgo,
    yearAgoActual: input.yearAgo ?? null,
    period: "the period reported",
  });
  return ok({ rag: r.value, status: r.value.status, explanation });
}

/**
 * Does the published status agree with the recomputed one? Equal names agree. Where the report
 * has no annual target beside its milestone, Blue ("target met") cannot be told from Green, so a
 * published Blue agrees with a recomputed Green.
 *
 * @example
 * statusesAgree("Blue", "Green", { blueIsGreen: true }) // => true
 */
export function statusesAgree(
  published: RagStatus,
  recomputed: RagStatus,
  options: { readonly blueIsGreen: boolean },
): boolean {
  if (published === recomputed) return true;
  return options.blueIsGreen && published === "Blue" && recomputed === "Green";
}
