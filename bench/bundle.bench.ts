/**
 * Bundle sizes of the production build against the goals: dist/functions.js minified
 * (goal ≤ 150 KB: Excel loads it for the custom functions) and dist/taskpane.js gzipped (goal ≤
 * 500 KB). The baseline measured in the same run is React DOM's own production bundle, so the
 * figures also read as "how many React DOMs" the pane costs.
 *
 *   npm run bench -- bundle                 (builds dist/ first when it is missing)
 *   BENCH_BUILD=1 npm run bench -- bundle   (always rebuilds)
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build, DIST, ROOT } from "./dist";

const KB = 1024;

interface Measured {
  readonly name: string;
  readonly bytes: number;
  readonly gzip: number;
}

function measure(file: string): Measured {
  const data = readFileSync(file);
  return { name: file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

function kb(n: number): string {
  return `${(n / KB).toFixed(1)} KB`;
}

export async function run(): Promise<void> {
  const files = ["functions.js", "taskpane.js", "preview.js"].map((f) => join(DIST, f));
  if (process.env.BENCH_BUILD === "1" || files.some((f) => !existsSync(f))) build();
  const [functions, taskpane, preview] = files.map(measure) as [Measured, Measured, Measured];
  const reactDomDir = join(require.resolve("react-dom/package.json", { paths: [ROOT] }), "..");
  const reactDom = measure(join(reactDomDir, "cjs", "react-dom.production.min.js"));
  const built = new Date(statSync(files[1] ?? "").mtimeMs).toISOString().replace("T", " ").slice(0, 16);

  const rows: [string, string, string, string, string][] = [
    ["bundle", "size", "goal", "size / goal", "× React DOM (same measure)"],
    [
      "functions.js (minified)",
      kb(functions.bytes),
      "≤ 150 KB",
      (functions.bytes / (150 * KB)).toFixed(2),
      (functions.bytes / reactDom.bytes).toFixed(2),
    ],
    [
      "taskpane.js (gzip)",
      kb(taskpane.gzip),
      "≤ 500 KB",
      (taskpane.gzip / (500 * KB)).toFixed(2),
      (taskpane.gzip / reactDom.gzip).toFixed(2),
    ],
    ["taskpane.js (minified)", kb(taskpane.bytes), "", "", (taskpane.bytes / reactDom.bytes).toFixed(2)],
    [
      "preview.js (gzip, not shipped to Excel)",
      kb(preview.gzip),
      "",
      "",
      (preview.gzip / reactDom.gzip).toFixed(2),
    ],
    [
      "baseline: react-dom production (minified / gzip)",
      `${kb(reactDom.bytes)} / ${kb(reactDom.gzip)}`,
      "",
      "",
      "1.00",
    ],
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  "));
  console.log(`dist/ built ${built} UTC; gzip level 9`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const syntax = require("../scripts/check-syntax.js") as {
    checkSyntax: (dir: string, ecma: number, files?: string[]) => string[];
    buildEcmaVersion: () => number;
  };
  const ecma = syntax.buildEcmaVersion();
  const problems = syntax.checkSyntax(DIST, ecma, ["functions.js", "taskpane.js"]);
  console.log(
    problems.length === 0
      ? `functions.js and taskpane.js parse as ES${ecma} (the oldest supported webview; both lowered, node_modules included)`
      : `NOT ES${ecma}: ${problems.join("; ")}`,
  );
  const ok = functions.bytes <= 150 * KB && taskpane.gzip <= 500 * KB && problems.length === 0;
  console.log(ok ? "bundle goals: met" : "bundle goals: NOT met");
}
