/**
 * `perfcycle audit`: the audit of a report made by hand (workbook.md, "Additions (schema version
 * 2)"; semantics.md, "Auditing a report made by hand").
 *
 *   perfcycle audit BOOK.xlsx [--sheet NAME] [--table NAME | --range A1:H40] --rule Milestone
 *     --tolerance 10% [--tolerance-type Relative] [--polarity Higher | --polarity-column NAME]
 *     [--column ROLE=HEADER]... [--json OUT.json] [--html OUT.html]
 *
 * Exit status: 0 when every row agrees and every published figure checked is right; 1 when a
 * published status disagrees, a row cannot be rated or a published figure is wrong (the outputs
 * are still written); 2 when the command cannot run. The command computes nothing itself: the
 * contract reads the cells, the engine rates them.
 */
import { basename } from "node:path";
import { PERFCYCLE_VERSION } from "../../contract";
import { auditHtml } from "../../present";
import type { Parsed } from "../args";
import { CliError } from "../errors";
import { writeAtomic } from "../files";
import { checkOutputs, emitJson, type CliIo } from "../io";
import { auditArgs } from "./auditArgs";
import { auditJson, auditText } from "./auditOutput";
import { audit, readSource } from "./auditSource";

export const AUDIT_USAGE = `Usage: perfcycle audit BOOK.xlsx [--sheet NAME] [--table NAME | --range A1:H40]
         --rule Milestone --tolerance 10% [--tolerance-type Relative]
         [--polarity Higher | --polarity-column NAME] [--column ROLE=HEADER]...
         [--json F] [--html F]

Audit a RAG report made by hand: rate every row again by the rule and tolerance the report
states, and list each row whose published status differs (cell, published and recomputed
status, why), each row that cannot be rated (no target, text that cannot be read), and each
published percentage that does not match its numerator and denominator.
  --sheet NAME        the sheet (default: the first sheet with a table naming a status)
  --table NAME        an Excel table holding the report (its first row is the header row)
  --range A1:H40      the cells holding the report, header row included (default: the sheet;
                      the header row is found: the first naming a status, an actual and a target)
  --rule R            the report's rule: Milestone, ToleranceBand or Forecast
  --tolerance T       as the report states it: 10%, 0.1, 2pp, "Amber within 10% of the target",
                      "within 2 percentage points"
  --tolerance-type    Relative (a share of the target, default) or Absolute (in the figure's
                      unit; a rate's 2 percentage points is 2pp or 0.02)
  --polarity P        Higher or Lower, for rows with no polarity of their own
  --polarity-column N the header of the polarity column (default: guessed)
  --column ROLE=HEADER  the column of a role, where the guess is wrong (ROLE: label, target,
                      milestone, actual, status, polarity, yearAgo, forecast; HEADER "none" for
                      none). May be given more than once.
  --json F            write the audit as JSON to F ("-" for standard output)
  --html F            write the one-page finding for a board as one HTML file
A status is read from the cell's text (Red, Amber, Green, Blue or R, A, G, B) or, where the
cell has no text, from its fill colour. Exit status 1 when a status disagrees, a row cannot be
rated or a published figure is wrong.
`;

/** Run `perfcycle audit`; returns the exit status. Throws CliError when it cannot run. */
export async function auditCommand(p: Parsed, io: CliIo): Promise<number> {
  const a = auditArgs(p);
  if (a.html === "-") throw new CliError("USAGE", `audit: --html needs a file name`);
  await checkOutputs([
    ["--json", a.json],
    ["--html", a.html],
  ]);
  const sources = await readSource(a, io);
  const result = audit(a, sources);
  const html =
    a.html === undefined
      ? undefined
      : auditHtml({
          result,
          source: basename(a.path),
          generated: io.now?.() ?? new Date(),
          version: PERFCYCLE_VERSION,
        });
  if (a.json !== undefined) await emitJson(io, a.json, auditJson(result));
  if (a.html !== undefined && html !== undefined) await writeAtomic(a.html, html);
  if (a.json !== "-") {
    io.stdout(auditText(result));
    const written = [a.json, a.html].filter((f): f is string => f !== undefined);
    if (written.length > 0) io.stdout(`Wrote ${written.join(", ")}\n`);
  }
  const bad =
    result.summary.disagree > 0 ||
    result.summary.cannotRate > 0 ||
    result.published.some((f) => f.severity === "error");
  return bad ? 1 : 0;
}
