/**
 * The committee report, exported from the task pane: the very same single-file HTML report the
 * command line writes (`perfcycle evaluate --html`), rendered by the contract's renderer
 * (src/contract/htmlReport.ts, no Node.js API); one renderer, so the pane's export and the CLI's file never diverge.
 */
import type { Report } from "../engine";
import { PERFCYCLE_VERSION, type ContractError } from "../contract";
import { htmlReport } from "../contract/htmlReport";

export function committeeReport(
  report: Report,
  errors: readonly ContractError[],
  source: string,
  generated: Date,
): string {
  return htmlReport({ report, errors, source, generated, version: PERFCYCLE_VERSION });
}

/** Offer text as a file download in the browser (Excel on the web, the desktop webviews, the preview). */
export function downloadFile(content: string, name: string, mimeType: string): void {
  const blob = new Blob([content], { type: `${mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
