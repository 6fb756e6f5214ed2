/**
 * What ships must carry no GPL: walk the runtime dependency tree (package.json "dependencies",
 * recursively, as installed) and check every package's licence expression.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

interface Pkg {
  name: string;
  version: string;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, string>;
}

const PERMISSIVE = [
  "MIT",
  "MIT/X11",
  "Apache-2.0",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "0BSD",
  "BlueOak-1.0.0",
  "Unlicense",
  "Zlib",
  "Python-2.0",
  "CC0-1.0",
];
/** Packages whose package.json omits a licence, checked by hand (their LICENSE file). */
const CHECKED_BY_HAND: Record<string, string> = { buffers: "MIT/X11" }; // its README: "MIT/X11"

function licenceOf(p: Pkg): string {
  if (typeof p.license === "string") return p.license;
  if (p.license && typeof p.license === "object" && "type" in p.license)
    return String((p.license as { type: unknown }).type);
  if (Array.isArray(p.licenses)) return p.licenses.map((l: { type?: string }) => l.type ?? "").join(" OR ");
  return CHECKED_BY_HAND[p.name] ?? "UNKNOWN";
}

/** An SPDX-ish expression is acceptable when some alternative of an OR consists only of permissive licences. */
export function acceptable(expr: string): boolean {
  const clean = expr.replace(/[()]/g, " ").trim();
  return clean
    .split(/\s+OR\s+/)
    .some((alt) => alt.split(/\s+AND\s+/).every((l) => PERMISSIVE.includes(l.trim())));
}

function runtimeTree(root: string): Map<string, Pkg> {
  const seen = new Map<string, Pkg>();
  const visit = (name: string, from: string): void => {
    let dir = from;
    for (;;) {
      const p = join(dir, "node_modules", name, "package.json");
      if (existsSync(p)) {
        if (seen.has(p)) return;
        const pkg = JSON.parse(readFileSync(p, "utf8")) as Pkg;
        seen.set(p, pkg);
        for (const d of Object.keys(pkg.dependencies ?? {})) visit(d, dirname(p));
        return;
      }
      const up = dirname(dir);
      if (up === dir) return;
      dir = up;
    }
  };
  const top = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Pkg;
  for (const d of Object.keys(top.dependencies ?? {})) visit(d, root);
  return seen;
}

describe("licences of what ships", () => {
  it("accepts permissive expressions and dual licences with a permissive choice, refuses GPL alone", () => {
    expect(acceptable("MIT")).toBe(true);
    expect(acceptable("(MIT OR GPL-3.0-or-later)")).toBe(true);
    expect(acceptable("(MIT AND Zlib)")).toBe(true);
    expect(acceptable("GPL-3.0-only")).toBe(false);
    expect(acceptable("MIT AND GPL-2.0")).toBe(false);
    expect(acceptable("UNKNOWN")).toBe(false);
  });

  it("finds no runtime dependency without a permissive licence", () => {
    const tree = runtimeTree(join(__dirname, "..", ".."));
    expect(tree.size).toBeGreaterThan(10);
    const bad = [...tree.values()]
      .filter((p) => !acceptable(licenceOf(p)))
      .map((p) => `${p.name}@${p.version}: ${licenceOf(p)}`);
    expect(bad).toEqual([]);
  });
});
