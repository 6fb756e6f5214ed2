/**
 * Reading a workbook back with openpyxl (a spawned /usr/bin/python3), to show that what the CLI
 * wrote is read by another program: every table's name, ref, autoFilter ref, tableColumns and
 * header cells, the sheet's dimension, and each table's cell values. Where python3 or openpyxl
 * is missing (CI installs python3-openpyxl), `openpyxlAvailable` is false and the tests that
 * need it say so and are skipped.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

export const openpyxlAvailable: boolean =
  spawnSync(PYTHON, ["-c", "import openpyxl"], { encoding: "utf8" }).status === 0;

if (!openpyxlAvailable)
  console.warn(
    "openpyxl is not installed (apt install python3-openpyxl): the openpyxl read-back tests are skipped",
  );

export interface OpenpyxlTable {
  readonly sheet: string;
  readonly ref: string;
  readonly autoFilter: string | null;
  readonly columns: string[];
  readonly headers: (string | number | null)[];
  readonly dimension: string;
  readonly rows: (string | number | boolean | null)[][];
}

const SCRIPT = `
import json, sys, openpyxl
from openpyxl.utils.cell import range_boundaries
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    for t in ws.tables.values():
        c0, r0, c1, r1 = range_boundaries(t.ref)
        cells = [[ws.cell(r, c).value for c in range(c0, c1 + 1)] for r in range(r0, r1 + 1)]
        out[t.name] = {
            "sheet": ws.title, "ref": t.ref,
            "autoFilter": t.autoFilter.ref if t.autoFilter is not None else None,
            "columns": [c.name for c in t.tableColumns],
            "headers": cells[0], "dimension": ws.dimensions, "rows": cells[1:],
        }
print(json.dumps(out, default=str))
`;

/** The book's tables as openpyxl reads them, by table name. */
export function openpyxlTables(path: string): Record<string, OpenpyxlTable> {
  const r = spawnSync(PYTHON, ["-c", SCRIPT, path], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl could not read ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, OpenpyxlTable>;
}
