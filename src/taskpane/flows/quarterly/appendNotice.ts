/** The notice after actuals are written; a host that reports inputs it could not write (ExcelWorkbookHost) has them listed. */
import type { ContractError } from "../../../contract";
import { plural } from "../../format";
import type { Notice } from "../../state";

export function appendNotice(
  title: string,
  r: { readonly added: number; readonly updated: number },
  where: string,
): Notice {
  const problems = (r as { readonly errors?: readonly ContractError[] }).errors ?? [];
  const text = `${plural(r.added, "figure")} added and ${plural(r.updated, "figure")} updated ${where}`;
  if (problems.length === 0) return { intent: "success", title, text };
  return {
    intent: "warning",
    title: `${title}, with ${plural(problems.length, "problem")}`,
    text: `${text} Not written: ${problems.map((e) => e.message).join("; ")}`,
  };
}
