/**
 * docs/functions.md tells the truth: every example formula in its tables is evaluated the way
 * Excel would call the function, and gives the result (and error message) the page shows; every
 * function has the section its help URL points to.
 */
import { readFileSync } from "fs";
import path from "path";
import { isExcelError, type ExcelError } from "../../src/functions/errors";
import { PERF_FUNCTIONS } from "../../src/functions/registry";

const DOC = readFileSync(path.join(__dirname, "../../docs/functions.md"), "utf8");

/** Splits at commas (or `sep`) outside quotes and braces. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "{") depth++;
    else if (!quoted && ch === "}") depth--;
    else if (!quoted && depth === 0 && ch === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** An Excel literal: "text", TRUE/FALSE, a number, an array constant {a,b;c,d}, or nothing. */
function literal(raw: string): unknown {
  const s = raw.trim();
  if (s === "") return null;
  if (s.startsWith('"')) return s.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/.test(s)) return s === "TRUE";
  if (s.startsWith("{")) {
    return splitTop(s.slice(1, -1), ";").map((r) => splitTop(r, ",").map(literal));
  }
  const n = Number(s);
  if (!Number.isFinite(n)) throw new Error(`not a literal: ${s}`);
  return n;
}

interface Example {
  readonly formula: string;
  readonly name: string;
  readonly args: unknown[];
  readonly result: string;
  readonly note: string;
}

const ROW = /^\|\s*`(=PERF\.[^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|$/;

const examples: Example[] = DOC.split("\n").flatMap((line) => {
  const m = ROW.exec(line.trim());
  if (!m) return [];
  const formula = m[1] ?? "";
  const f = /^=PERF\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (!f) throw new Error(`cannot read ${formula}`);
  const args = (f[2] ?? "").trim() === "" ? [] : splitTop(f[2] ?? "", ",").map(literal);
  return [{ formula, name: f[1] ?? "", args, result: m[2] ?? "", note: m[3] ?? "" }];
});

/** Calls a function as Excel does: each argument a matrix, omitted ones null. */
function evaluate(name: string, args: readonly unknown[]): unknown[][] {
  const fn = PERF_FUNCTIONS[name];
  if (!fn) throw new Error(`no function PERF.${name}`);
  const excelArgs = Array.from({ length: Math.max(fn.length, args.length) }, (_, i) => {
    const a = args[i];
    return a === null || a === undefined ? null : Array.isArray(a) ? a : [[a]];
  });
  return fn(...excelArgs) as unknown[][];
}

function expectShown(actual: unknown, shown: unknown, note: string): void {
  if (typeof shown === "string" && shown.startsWith("#")) {
    expect(isExcelError(actual)).toBe(true);
    expect((actual as ExcelError).code).toBe(shown);
    const message = /^"(.*)"$/.exec(note);
    if (message) expect((actual as ExcelError).message).toBe(message[1]);
    return;
  }
  if (typeof shown === "number") {
    expect(typeof actual).toBe("number");
    const decimals = (String(shown).split(".")[1] ?? "").length;
    expect(Math.abs((actual as number) - shown)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
    return;
  }
  expect(actual).toEqual(shown);
}

describe("docs/functions.md", () => {
  it("has examples for every function", () => {
    const covered = new Set(examples.map((e) => e.name));
    expect([...covered].sort()).toEqual(Object.keys(PERF_FUNCTIONS).sort());
  });

  it.each(examples.map((e) => [e.formula, e] as const))("%s gives what the page shows", (_f, e) => {
    const out = evaluate(e.name, e.args);
    const shown = e.result.startsWith("#") ? e.result : literal(e.result);
    if (Array.isArray(shown)) {
      const rows = shown as unknown[][];
      expect(out).toHaveLength(rows.length);
      rows.forEach((r, i) => {
        expect(out[i]).toHaveLength(r.length);
        r.forEach((v, j) => expectShown(out[i]?.[j], v, ""));
      });
    } else {
      expect(out).toHaveLength(1);
      expect(out[0]).toHaveLength(1);
      expectShown(out[0]?.[0], shown, e.note);
    }
  });

  it("has a section for each function, the target of its help URL, listed in the summary table", () => {
    for (const name of Object.keys(PERF_FUNCTIONS)) {
      expect(DOC).toMatch(new RegExp(`^## PERF\\.${name}$`, "m"));
      expect(DOC).toContain(`(#perf${name.toLowerCase()})`);
    }
  });
});
