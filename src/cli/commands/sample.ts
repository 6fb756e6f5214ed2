/** `perfcycle sample OUT.xlsx`: write the sample workbook (workbook.md, "Command line"). */
import { sampleBook } from "../../contract";
import { fileArg, type Parsed } from "../args";
import { CliError } from "../errors";
import { readInput, writeAtomic } from "../files";
import { checkOutputs, type CliIo } from "../io";
import { readZipDirectory, unpackEntry, type ZipEntry } from "../ooxml/zipDirectory";

export const SAMPLE_USAGE = `Usage: perfcycle sample OUT.xlsx

Write the sample workbook: a city's early help and children's centre indicators (counts,
levels and rates; higher, lower and neutral), three clusters and the City, the 2014-15 baseline
year and 2015-16 Q1-Q2 with gaps and commentary, in the tables PerfSettings, PerfTargets,
PerfActuals, PerfUnits and PerfAudit, and a "Published" sheet for the published-figure check.
An existing file is replaced only when it is an unchanged PerfCycle sample.
`;

const SAMPLE_CREATOR = "PerfCycle sample";

/** The package's part names, core properties (its times) aside. */
const partNames = (es: readonly ZipEntry[]): string[] =>
  es
    .map((e) => e.name)
    .filter((n) => n !== "docProps/core.xml" && !n.endsWith("/"))
    .sort();

/** Written by `sample` and last saved by it (or by nobody): its core properties say so. */
function writtenBySample(buf: Buffer, entries: readonly ZipEntry[], path: string): boolean {
  const entry = entries.find((e) => e.name === "docProps/core.xml");
  if (!entry) return false;
  const xml = unpackEntry(buf, entry, path).toString("utf8");
  const creator = /<dc:creator>([^<]*)<\/dc:creator>/.exec(xml)?.[1] ?? "";
  const modifiedBy = /<cp:lastModifiedBy>([^<]*)<\/cp:lastModifiedBy>/.exec(xml)?.[1] ?? "";
  return creator === SAMPLE_CREATOR && (modifiedBy === "" || modifiedBy === SAMPLE_CREATOR);
}

/**
 * An existing file may be replaced only when it is an unchanged PerfCycle sample: written by
 * `sample` (its creator and last author say so) and, apart from docProps/core.xml (its times),
 * part for part the sample about to be written. The part-by-part writers leave the author as it
 * was, so a report sheet or imported rows make the file a changed one.
 */
async function replaceableSample(path: string, fresh: Buffer): Promise<boolean> {
  let buf: Buffer;
  try {
    buf = await readInput(path);
  } catch {
    return false;
  }
  try {
    const entries = readZipDirectory(buf, path);
    if (!writtenBySample(buf, entries, path)) return false;
    const freshEntries = readZipDirectory(fresh, "sample");
    if (partNames(entries).join("\n") !== partNames(freshEntries).join("\n")) return false;
    return partNames(entries).every((name) => {
      const a = entries.find((e) => e.name === name);
      const b = freshEntries.find((e) => e.name === name);
      return (
        a !== undefined &&
        b !== undefined &&
        unpackEntry(buf, a, path).equals(unpackEntry(fresh, b, "sample"))
      );
    });
  } catch {
    return false;
  }
}

const exists = (path: string): Promise<boolean> =>
  readInput(path).then(
    () => true,
    () => false,
  );

export async function sampleCommand(p: Parsed, io: CliIo): Promise<number> {
  const out = fileArg(p);
  await checkOutputs([["sample", out]]);
  // The sample is ExcelJS's writing of our own content (loaded only for this command).
  const { sampleWorkbookFile } = await import("../writers");
  const { workbookBuffer } = await import("../xlsx");
  const wb = sampleWorkbookFile(sampleBook());
  wb.creator = SAMPLE_CREATOR;
  wb.lastModifiedBy = SAMPLE_CREATOR;
  const fresh = await workbookBuffer(wb);
  if ((await exists(out)) && !(await replaceableSample(out, fresh))) {
    throw new CliError(
      "OUTPUT_EXISTS",
      `${out} already exists and is not an unchanged PerfCycle sample, so it is left as it is; delete it or choose another name`,
    );
  }
  await writeAtomic(out, fresh);
  io.stdout(`Wrote the sample workbook to ${out}\nNext: perfcycle evaluate ${out} --html report.html\n`);
  return 0;
}
