import { execFileSync } from "node:child_process";
import { createReadStream, lstatSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { CliError } from "../../src/cli/errors";
import { readInput, writeAtomic } from "../../src/cli/files";
import { filesIn, tempDir } from "./helpers";

const dir = tempDir();
afterAll(() => dir.cleanup());

describe("writeAtomic", () => {
  test("writes a new file whole and leaves no temporary file", async () => {
    await writeAtomic(dir.file("a.json"), "{}\n");
    expect(readFileSync(dir.file("a.json"), "utf8")).toBe("{}\n");
    expect(filesIn(dir.path).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("replaces the file a symbolic link points to and keeps the link", async () => {
    writeFileSync(dir.file("real.html"), "old");
    symlinkSync(dir.file("real.html"), dir.file("link.html"));
    await writeAtomic(dir.file("link.html"), "new");
    expect(lstatSync(dir.file("link.html")).isSymbolicLink()).toBe(true);
    expect(readFileSync(dir.file("real.html"), "utf8")).toBe("new");
  });

  test("writes into a pipe rather than renaming over it (as for /dev/stdout)", async () => {
    const fifo = dir.file("pipe");
    execFileSync("mkfifo", [fifo]);
    const chunks: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      const s = createReadStream(fifo);
      s.on("data", (c) => chunks.push(Buffer.from(c)));
      s.on("end", resolve);
      s.on("error", reject);
    });
    await writeAtomic(fifo, "through the pipe");
    await reading;
    expect(Buffer.concat(chunks).toString()).toBe("through the pipe");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  test("a folder that does not exist is a one-line CliError", async () => {
    await expect(writeAtomic(dir.file("none/x.json"), "x")).rejects.toThrow(CliError);
    await expect(writeAtomic(dir.file("none/x.json"), "x")).rejects.toThrow(
      /cannot write .*x\.json: no such file or folder/,
    );
  });
});

describe("readInput", () => {
  test("names a missing file and a folder in one line", async () => {
    await expect(readInput(dir.file("nothing.xlsx"))).rejects.toThrow(/nothing\.xlsx: no such file$/);
    await expect(readInput(dir.path)).rejects.toThrow(/is a folder, not a file/);
  });
});
