#!/usr/bin/env node
// @ts-check
/*
 * Exports of src/** that nothing else uses, found with the TypeScript API: every export of every
 * source file is looked up against every identifier in src, test, bench and scripts (through
 * import aliases; re-export lines do not count as a use). One line an export:
 *
 *   src/engine/confidence.ts  CONFIDENCE_LEVELS  unused           (used nowhere)
 *   src/contract/a1.ts        toA1               own module only  (used only where it is declared)
 *
 * Tests and index files are not listed; an export used only by tests is not listed either.
 * `run` in src/cli/main.ts is used by bin/perfcycle.js (JavaScript, not read here).
 * Types that name a public function's inputs or results are listed as "own module only" but may
 * rightly stay exported. It reads files only.
 *
 *   node scripts/dead-exports.js [repoDir]
 */
"use strict";

const path = require("path");
const ts = require("typescript");

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Symbol | undefined} s
 */
function resolveAlias(checker, s) {
  let out = s;
  while (out && out.flags & ts.SymbolFlags.Alias) {
    try {
      out = checker.getAliasedSymbol(out);
    } catch {
      break;
    }
  }
  return out;
}

/** @param {ts.Identifier} n */
function isDeclarationName(n) {
  const p = n.parent;
  return (
    (ts.isFunctionDeclaration(p) ||
      ts.isVariableDeclaration(p) ||
      ts.isInterfaceDeclaration(p) ||
      ts.isTypeAliasDeclaration(p) ||
      ts.isClassDeclaration(p) ||
      ts.isEnumDeclaration(p)) &&
    p.name === n
  );
}

/** @param {ts.Identifier} n */
function isReexport(n) {
  const p = n.parent;
  return ts.isExportSpecifier(p) && p.parent.parent.moduleSpecifier !== undefined;
}

/**
 * @param {string} root
 * @returns {{ file: string, name: string, use: "unused" | "own module only" }[]}
 */
function deadExports(root) {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    },
  );
  if (!config) throw new Error(`no tsconfig.json in ${root}`);
  const extra = ["bench", "scripts"].flatMap((d) => ts.sys.readDirectory(path.join(root, d), [".ts"]));
  const program = ts.createProgram([...config.fileNames, ...extra], config.options);
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((f) => !f.fileName.includes("node_modules"));
  /** @type {Map<ts.Symbol, Set<string>>} */
  const uses = new Map();
  for (const f of files) {
    /** @param {ts.Node} n */
    const visit = (n) => {
      if (ts.isIdentifier(n) && !isReexport(n) && !isDeclarationName(n)) {
        const s = resolveAlias(checker, checker.getSymbolAtLocation(n));
        if (s) uses.set(s, (uses.get(s) ?? new Set()).add(f.fileName));
      }
      ts.forEachChild(n, visit);
    };
    visit(f);
  }
  /** @type {{ file: string, name: string, use: "unused" | "own module only" }[]} */
  const out = [];
  for (const f of files) {
    const rel = path.relative(root, f.fileName);
    if (!rel.startsWith("src/") || /\.test\.tsx?$/.test(rel) || rel.endsWith("index.ts")) continue;
    const module = checker.getSymbolAtLocation(f);
    if (!module) continue;
    for (const e of checker.getExportsOfModule(module)) {
      const s = resolveAlias(checker, e);
      if (!s || s.declarations?.[0]?.getSourceFile() !== f) continue;
      const where = uses.get(s) ?? new Set();
      const elsewhere = [...where].filter((x) => x !== f.fileName);
      if (elsewhere.length === 0)
        out.push({ file: rel, name: e.name, use: where.size === 0 ? "unused" : "own module only" });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

module.exports = { deadExports };

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? ".");
  for (const d of deadExports(root)) process.stdout.write(`${d.file}\t${d.name}\t${d.use}\n`);
}
