/**
 * report.html, the committee report window: takes the report from the task pane
 * (src/workbook/reportDialog, `receiveReport`) and shows it in a frame with Print (the frame's own
 * print, so only the report prints) and Save (a download where the webview allows one; on a Mac,
 * Print then Save as PDF keeps a copy).
 */
import { receiveReport, type OfficeLike, type ReceivedReport } from "../workbook/reportDialog";
import { downloadFile } from "./exportReport";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Shows `report` in the page (exported for tests). */
export function showReport(doc: Document, report: ReceivedReport): void {
  const frame = doc.getElementById("report") as HTMLIFrameElement | null;
  const print = doc.getElementById("print") as HTMLButtonElement | null;
  const save = doc.getElementById("save") as HTMLButtonElement | null;
  const status = doc.getElementById("status");
  const title = doc.getElementById("title");
  if (!frame || !print || !save || !status || !title) throw new Error("The report page is incomplete.");
  frame.srcdoc = report.html;
  frame.hidden = false;
  title.textContent = report.name.replace(/\.html$/i, "");
  doc.title = title.textContent;
  status.textContent = "The report is ready: print it, or save it as a file.";
  print.disabled = false;
  save.disabled = false;
  print.onclick = () => {
    const w = frame.contentWindow;
    if (w) {
      w.focus();
      w.print();
    } else doc.defaultView?.print();
  };
  save.onclick = () => {
    downloadFile(report.html, report.name, "text/html");
    status.textContent = `Saving ${report.name}. If nothing is saved (Excel for Mac), choose Print, then Save as PDF.`;
  };
}

/** Shows why there is no report. */
export function showProblem(doc: Document, message: string): void {
  const status = doc.getElementById("status");
  if (status) {
    status.textContent = message;
    status.setAttribute("role", "alert");
  }
}

/** Starts the page: waits for Office, then for the report. */
export function startReportPage(win: Window & { Office?: { onReady?: (cb: () => void) => unknown } }): void {
  const doc = win.document;
  const begin = (): void =>
    receiveReport(
      {
        href: win.location.href,
        storage: storage(),
        ...(win.Office ? { office: win.Office as unknown as OfficeLike } : {}),
      },
      (report) => showReport(doc, report),
      (message) => showProblem(doc, message),
    );
  if (win.Office && typeof win.Office.onReady === "function") win.Office.onReady(begin);
  else begin();
}

if (typeof window !== "undefined" && document.getElementById("report")) startReportPage(window);
