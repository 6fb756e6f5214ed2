/** The production build the bundle and pane benches measure (bench/index.ts runs only *.bench.ts). */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");
export const DIST = join(ROOT, "dist");

/** `npm run build` into dist/. */
export function build(): void {
  console.log("building dist/ (npm run build) ...");
  const r = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (r.status !== 0) throw new Error("npm run build failed");
}
