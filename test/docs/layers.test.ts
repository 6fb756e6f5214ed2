/**
 * The README's layer table and the lint's allow-list are one rule: eslint.config.mjs reads
 * docs/layers.json, and this test checks that the README's "may import" column says the same.
 */
import { readFileSync } from "fs";
import { join } from "path";

const root = join(__dirname, "..", "..");
const layers = JSON.parse(readFileSync(join(root, "docs", "layers.json"), "utf8")) as Record<
  string,
  string[]
>;

/** The README's table rows: folder and its "may import" cell. */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const rows = new Map<string, string>();
  for (const line of readme.split("\n")) {
    const m = /^\|\s*`src\/([a-z0-9-]+)`\s*\|[^|]*\|\s*([^|]+?)\s*\|\s*$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) rows.set(m[1], m[2]);
  }
  return rows;
}

/** "engine, contract" → ["contract", "engine"]; "nothing else"/"nothing" → []; "all of the above" → every earlier layer. */
function allowed(cell: string, earlier: readonly string[]): string[] {
  if (/^nothing/.test(cell)) return [];
  if (/^all of the above/.test(cell)) return [...earlier].sort();
  return cell
    .split(",")
    .map((s) => s.trim())
    .sort();
}

describe("the lint's layer allow-list", () => {
  const table = readmeTable();

  it("names the same folders as the README's table", () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(layers).sort());
  });

  it("allows each folder exactly what the README's 'may import' column says", () => {
    const earlier: string[] = [];
    for (const [folder, cell] of table) {
      expect({ folder, imports: allowed(cell, earlier) }).toEqual({
        folder,
        imports: [...(layers[folder] ?? [])].sort(),
      });
      earlier.push(folder);
    }
  });

  it("keeps the engine importing nothing and the in-memory Excel only the A1 module", () => {
    expect(layers["engine"]).toEqual([]);
    expect(layers["memory-excel"]).toEqual(["a1"]);
  });
});
