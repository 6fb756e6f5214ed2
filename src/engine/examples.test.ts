/**
 * The `@example` of every public engine function runs here, so the documentation cannot rot.
 *
 * An example is JavaScript with the engine's exports in scope. A line `expr // => value` says
 * what `expr` gives: `value` is a JavaScript literal; an object in it names only the keys that
 * matter (the rest are not checked), and a number is the result rounded to the places written
 * (`0.5525` for 0.552538…). Other lines are set-up and run as written.
 */
import { readFileSync } from "fs";
import { join } from "path";
import ts from "typescript";
import * as engine from "./index";

/** Modules the index re-exports, in its order. */
const MODULES = [
  ...readFileSync(join(__dirname, "index.ts"), "utf8").matchAll(/export \* from "\.\/(\w+)";/g),
].map((m) => m[1] ?? "");

interface PublicFunction {
  readonly module: string;
  readonly name: string;
  readonly examples: readonly string[];
}

function isExported(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export) !== 0;
}

function examplesOf(node: ts.Node): string[] {
  return ts
    .getJSDocTags(node)
    .filter((t) => t.tagName.text === "example")
    .map((t) => ts.getTextOfJSDocComment(t.comment) ?? "");
}

function publicFunctions(module: string): PublicFunction[] {
  const file = join(__dirname, `${module}.ts`);
  const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const out: PublicFunction[] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && isExported(st) && st.body) {
      out.push({ module, name: st.name.text, examples: examplesOf(st) });
    } else if (ts.isVariableStatement(st) && isExported(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          out.push({ module, name: d.name.text, examples: examplesOf(st) });
      }
    }
  }
  return out;
}

const FUNCTIONS = MODULES.flatMap(publicFunctions);

/** Decimal places a number is written with (`0.5525` → 4). */
function places(x: number): number {
  const s = String(x);
  if (/e-/.test(s)) return Number(s.split("e-")[1] ?? 0) + (s.split(".")[1]?.split("e")[0]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

/** Where `actual` departs from `expected` (see the module comment), or null when it does not. */
function mismatch(actual: unknown, expected: unknown, at = "result"): string | null {
  if (typeof expected === "number" && typeof actual === "number") {
    const allowance = 0.5 * 10 ** -places(expected) + 1e-12;
    return Math.abs(actual - expected) <= allowance ? null : `${at}: ${actual} is not ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${at}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i], `${at}[${i}]`);
      if (m !== null) return m;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object")
      return `${at}: ${JSON.stringify(actual)} is not an object`;
    for (const [k, v] of Object.entries(expected)) {
      const m = mismatch((actual as Record<string, unknown>)[k], v, `${at}.${k}`);
      if (m !== null) return m;
    }
    return null;
  }
  return Object.is(actual, expected)
    ? null
    : `${at}: ${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`;
}

/** Run one example: every `// =>` line checked, in order. */
function run(example: string): string[] {
  const checks: { expr: string; expected: string }[] = [];
  const body = example
    .split("\n")
    .map((line) => {
      const i = line.indexOf("// =>");
      if (i < 0) return line;
      checks.push({ expr: line.slice(0, i).trim(), expected: line.slice(i + 5).trim() });
      return `__check(${checks.length - 1}, (${line.slice(0, i).trim()}));`;
    })
    .join("\n");
  const problems: string[] = [];
  const seen = new Set<number>();
  const check = (i: number, actual: unknown): void => {
    seen.add(i);
    const c = checks[i];
    if (!c) return;
    const expected: unknown = new Function(`return (${c.expected});`)();
    const m = mismatch(actual, expected);
    if (m !== null) problems.push(`${c.expr}: ${m}`);
  };
  const names = Object.keys(engine);
  new Function("__check", ...names, body)(check, ...names.map((n) => (engine as Record<string, unknown>)[n]));
  if (checks.length === 0) problems.push("the example says what nothing gives (no `// =>` line)");
  checks.forEach((c, i) => {
    if (!seen.has(i)) problems.push(`${c.expr}: never ran`);
  });
  return problems;
}

const withExamples = FUNCTIONS.filter((f) => f.examples.length > 0).map(
  (f) => [`${f.module}.${f.name}`, f] as const,
);

test("the engine's modules are found and have public functions", () => {
  expect(MODULES.length).toBeGreaterThan(10);
  expect(FUNCTIONS.map((f) => f.name)).toContain("buildReport");
});

test("every public engine function has an @example", () => {
  const missing = FUNCTIONS.filter((f) => f.examples.length === 0).map((f) => `${f.module}.${f.name}`);
  expect(missing).toEqual([]);
});

test.each(withExamples)("the example of %s gives what it says", (_name, f) => {
  for (const ex of f.examples) expect(run(ex)).toEqual([]);
});

test("a wrong example fails", () => {
  expect(run('formatFiscalYear(2015) // => "2016-17"')).toHaveLength(1);
  expect(run("wilsonInterval(65, 100) // => { ok: true, value: { lower: 0.55 } }")).toEqual([]);
  expect(run("wilsonInterval(65, 100) // => { ok: true, value: { lower: 0.56 } }")).toHaveLength(1);
});
