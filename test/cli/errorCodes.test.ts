/**
 * Every error the command raises carries a code from its catalogue (src/cli/errorCodes.ts), and
 * the code is what a caller decides on; the stderr line stays the message the user has always read.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "../../src/cli/errors";
import { CLI_CODES } from "../../src/cli/errorCodes";
import { dispatch, type CliIo } from "../../src/cli/main";
import { run, tempDir } from "./helpers";

const CLI_SRC = join(__dirname, "../../src/cli");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

/** Each `new CliError(` in the command's source, with the first argument it is given. */
function throwSites(): { file: string; first: string }[] {
  return sources(CLI_SRC).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/new CliError\(\s*([^,)]*)/g)].map((m) => ({
      file,
      first: (m[1] ?? "").trim(),
    })),
  );
}

const quiet: CliIo = { stdout: () => undefined, stderr: () => undefined, isTTY: false, columns: 80, env: {} };

describe("the command's error codes", () => {
  test("every CliError is raised with a code literal from the catalogue", () => {
    const sites = throwSites();
    expect(sites.length).toBeGreaterThan(100);
    const uncatalogued = sites.filter(
      (s) => !/^"[A-Z_]+"$/.test(s.first) || !(s.first.slice(1, -1) in CLI_CODES),
    );
    expect(uncatalogued).toEqual([]);
  });

  test("every catalogued code is raised somewhere and says when it arises", () => {
    const used = new Set(throwSites().map((s) => s.first.slice(1, -1)));
    for (const [code, when] of Object.entries(CLI_CODES)) {
      expect(used.has(code)).toBe(true);
      expect(when.length).toBeGreaterThan(10);
    }
  });

  test("perfcycle evaluate missing.xlsx: FILE_MISSING, exit 2, the same one stderr line", async () => {
    await expect(dispatch(["evaluate", "missing.xlsx"], quiet)).rejects.toMatchObject({
      code: "FILE_MISSING",
      exitCode: 2,
    });
    const r = await run(["evaluate", "missing.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("perfcycle: missing.xlsx: no such file\n");
  });

  test("a file that is not a zip package: NOT_XLSX", async () => {
    const dir = tempDir();
    try {
      const file = dir.file("notes.xlsx");
      writeFileSync(file, "these are notes, not a workbook");
      const thrown = await dispatch(["check", file], quiet).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(CliError);
      expect(thrown).toMatchObject({ code: "NOT_XLSX", exitCode: 2 });
      const r = await run(["check", file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`perfcycle: ${(thrown as CliError).message}\n`);
    } finally {
      dir.cleanup();
    }
  });

  test("an unknown command: USAGE", async () => {
    await expect(dispatch(["evalute", "a.xlsx"], quiet)).rejects.toMatchObject({ code: "USAGE" });
  });
});
