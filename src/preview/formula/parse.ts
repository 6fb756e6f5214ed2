/**
 * The preview's formula language: what a user types to call the PERF functions in a cell.
 *
 *   =PERF.MILESTONE("Count", , 780, 2)          literals, omitted arguments
 *   =PERF.RAG(B4, C4, "Lower", 5%)              cell references, percentages
 *   =PERF.RATE(Actuals!E2, 'My sheet'!$F$2)     references to other sheets, absolute or not
 *   =PERF.WEIGHT("Custom", 2, W1:W4)            ranges
 *   =PERF.RAG(PERF.RATE(31, 274), 0.1, "Lower") nested calls
 *   =PERF.WEIGHT("Custom", 2, {0.2, 0.45, 0.8, 1})  array constants (`,` across, `;` down)
 *   =A1, =-A1                                   a reference, a negation
 *
 * Anything else (arithmetic, other functions) is not parsed: the cell shows #NAME? with the reason.
 */
import { parseRect, type Rect } from "../../memory-excel";

export type Literal = number | string | boolean;

export type Expr =
  | { readonly kind: "literal"; readonly value: Literal }
  | { readonly kind: "omitted" }
  | { readonly kind: "array"; readonly rows: readonly (readonly Literal[])[] }
  | { readonly kind: "ref"; readonly sheet: string | null; readonly rect: Rect; readonly text: string }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: "negate"; readonly operand: Expr }
  | { readonly kind: "percent"; readonly operand: Expr };

export class FormulaSyntaxError extends Error {
  override readonly name = "FormulaSyntaxError";
}

type Token =
  | { readonly t: "num"; readonly v: number }
  | { readonly t: "str"; readonly v: string }
  | { readonly t: "name"; readonly v: string }
  | { readonly t: "ref"; readonly sheet: string | null; readonly v: string }
  | { readonly t: "punct"; readonly v: "(" | ")" | "," | ";" | "{" | "}" | "-" | "+" | "%" };

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const RE_REF_LOCAL = new RegExp(`^(${CELL})(?::(${CELL}))?`);
const RE_SHEET_PLAIN = /^([A-Za-z_][A-Za-z0-9_.]*)!/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const rest = (): string => text.slice(i);
  while (i < text.length) {
    const c = text[i] ?? "";
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new FormulaSyntaxError("A text in quotes is not closed");
        const ch = text[i] ?? "";
        if (ch === '"') {
          if (text[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += ch;
        i++;
      }
      out.push({ t: "str", v: s });
      continue;
    }
    // A sheet-qualified reference: 'My sheet'!A1 or Sheet1!A1:B2.
    let sheet: string | null = null;
    let j = i;
    if (c === "'") {
      const m = /^'((?:[^']|'')+)'!/.exec(rest());
      if (!m)
        throw new FormulaSyntaxError(
          "A quoted sheet name must be followed by ! and a cell, e.g. 'My sheet'!A1",
        );
      sheet = (m[1] ?? "").replace(/''/g, "'");
      j = i + m[0].length;
    } else {
      const m = RE_SHEET_PLAIN.exec(rest());
      if (m) {
        sheet = m[1] ?? null;
        j = i + m[0].length;
      }
    }
    const refMatch = RE_REF_LOCAL.exec(text.slice(j));
    const after = text[j + (refMatch?.[0].length ?? 0)] ?? "";
    if (refMatch && !/[A-Za-z0-9_.(]/.test(after)) {
      out.push({ t: "ref", sheet, v: refMatch[0] });
      i = j + refMatch[0].length;
      continue;
    }
    if (sheet !== null)
      throw new FormulaSyntaxError(`After ${sheet}! a cell or range is expected, e.g. ${sheet}!A1`);
    const num = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(rest());
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest());
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    if ("(),;{}-+%".includes(c)) {
      out.push({ t: "punct", v: c as "(" });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`The character ${c} is not understood here`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isPunct(v: string): boolean {
    const t = this.peek();
    return t?.t === "punct" && t.v === v;
  }

  private expect(v: string): void {
    if (!this.isPunct(v)) {
      const t = this.peek();
      throw new FormulaSyntaxError(`Expected ${v}${t ? ` but found ${describe(t)}` : " at the end"}`);
    }
    this.i++;
  }

  parseAll(): Expr {
    const e = this.expr();
    const t = this.peek();
    if (t)
      throw new FormulaSyntaxError(
        `Unexpected ${describe(t)}: only PERF functions, cells and values can be used`,
      );
    return e;
  }

  private expr(): Expr {
    if (this.isPunct("-")) {
      this.i++;
      return { kind: "negate", operand: this.expr() };
    }
    if (this.isPunct("+")) {
      this.i++;
      return this.expr();
    }
    let e = this.primary();
    while (this.isPunct("%")) {
      this.i++;
      e = { kind: "percent", operand: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    if (!t) throw new FormulaSyntaxError("The formula ends too early");
    this.i++;
    switch (t.t) {
      case "num":
        return { kind: "literal", value: t.v };
      case "str":
        return { kind: "literal", value: t.v };
      case "ref": {
        const rect = parseRect(t.v);
        if (!rect) throw new FormulaSyntaxError(`${t.v} is not a cell or range`);
        return { kind: "ref", sheet: t.sheet, rect, text: t.sheet === null ? t.v : `${t.sheet}!${t.v}` };
      }
      case "name": {
        const upper = t.v.toUpperCase();
        if (!this.isPunct("(")) {
          if (upper === "TRUE" || upper === "FALSE") return { kind: "literal", value: upper === "TRUE" };
          throw new FormulaSyntaxError(`${t.v} is not a cell, a value or a function call`);
        }
        this.i++;
        const args: Expr[] = [];
        if (this.isPunct(")")) {
          this.i++;
          return { kind: "call", name: upper, args };
        }
        for (;;) {
          if (this.isPunct(",") || this.isPunct(")")) args.push({ kind: "omitted" });
          else args.push(this.expr());
          if (this.isPunct(",")) {
            this.i++;
            continue;
          }
          this.expect(")");
          return { kind: "call", name: upper, args };
        }
      }
      case "punct":
        if (t.v === "(") {
          const e = this.expr();
          this.expect(")");
          return e;
        }
        if (t.v === "{") return this.array();
        throw new FormulaSyntaxError(`Unexpected ${describe(t)}`);
    }
  }

  private array(): Expr {
    const rows: Literal[][] = [[]];
    for (;;) {
      let sign = 1;
      if (this.isPunct("-")) {
        this.i++;
        sign = -1;
      }
      const t = this.peek();
      this.i++;
      let v: Literal;
      if (t?.t === "num") v = sign * t.v;
      else if (t?.t === "str" && sign === 1) v = t.v;
      else if (t?.t === "name" && /^(TRUE|FALSE)$/i.test(t.v) && sign === 1) v = t.v.toUpperCase() === "TRUE";
      else
        throw new FormulaSyntaxError(
          "An array constant holds numbers, texts or TRUE/FALSE, e.g. {0.2, 0.45, 0.8, 1}",
        );
      if (this.isPunct("%")) {
        this.i++;
        if (typeof v !== "number") throw new FormulaSyntaxError("% follows a number");
        v = v / 100;
      }
      rows[rows.length - 1]?.push(v);
      if (this.isPunct(",")) {
        this.i++;
        continue;
      }
      if (this.isPunct(";")) {
        this.i++;
        rows.push([]);
        continue;
      }
      this.expect("}");
      const width = rows[0]?.length ?? 0;
      if (rows.some((r) => r.length !== width))
        throw new FormulaSyntaxError("Every row of an array constant needs the same number of values");
      return { kind: "array", rows };
    }
  }
}

function describe(t: Token): string {
  switch (t.t) {
    case "num":
      return `the number ${t.v}`;
    case "str":
      return `the text "${t.v}"`;
    case "name":
      return t.v;
    case "ref":
      return t.v;
    case "punct":
      return t.v;
  }
}

/** Parse a formula (with or without its leading `=`). Throws FormulaSyntaxError with a plain-English reason. */
export function parseFormula(formula: string): Expr {
  const text = formula.trim().replace(/^=/, "");
  if (text.trim() === "") throw new FormulaSyntaxError("The formula is empty");
  return new Parser(tokenize(text)).parseAll();
}
