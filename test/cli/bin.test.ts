/**
 * The installed command itself: `node bin/perfcycle.js` over the compiled CLI in lib/ (built by
 * `npm run build:cli`, which `npm install` runs). Skipped, saying so, when lib/ has not been built.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./helpers";

jest.setTimeout(60_000);

const root = join(__dirname, "../..");
const bin = join(root, "bin/perfcycle.js");
const built = existsSync(join(root, "lib/cli/main.js"));
const maybe = built ? test : test.skip;
if (!built)
  console.warn("lib/cli/main.js is not built: run `npm run build:cli` to run the bin/perfcycle.js tests");

const dir = tempDir();
afterAll(() => dir.cleanup());

function perfcycle(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd: dir.path,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("bin/perfcycle.js is an executable node script", () => {
  expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
});

maybe("sample then evaluate --html runs as a command, with exit status 0", () => {
  const s = perfcycle("sample", "s.xlsx");
  expect(s.stderr).toBe("");
  expect(s.status).toBe(0);
  const e = perfcycle("evaluate", "s.xlsx", "--html", "r.html");
  expect(e.status).toBe(0);
  expect(readFileSync(dir.file("r.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
});

maybe("a file that is not there gives one line and exit status 2", () => {
  const r = perfcycle("evaluate", "nothing.xlsx");
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe("perfcycle: nothing.xlsx: no such file\n");
});
