/**
 * The task pane in Excel (the shared-runtime page taskpane.html, after functions.js): waits for
 * Office, then renders the pane over the workbook layer (createExcelHost over Excel.run) inside
 * FluentProvider with the theme matching Office's.
 */
import { Body1, FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../workbook";
import { App } from "./App";
import { checkHost } from "../workbook/excelCheck";
import { openReportDialog, officeHostTraits } from "../workbook/reportDialog";
import {
  chooseReportDelivery,
  createReportExporter,
  downloadFile,
  type ReportExporter,
} from "./exportReport";
import { THEMES, themeName } from "./theme";
import { userNameStore } from "./user";

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function forcedColors(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
}

/** Whether this Office has an API requirement set (false when it cannot say). */
function isSetSupported(name: string, version: string): boolean {
  const requirements = (Office.context as Partial<typeof Office.context> | undefined)?.requirements;
  return typeof requirements?.isSetSupported === "function" && requirements.isSetSupported(name, version);
}

/**
 * Call `listener` each time the task pane is shown again: with the shared runtime the pane stays
 * loaded while hidden (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1).
 */
function onPaneShown(listener: () => void): () => void {
  if (!isSetSupported("SharedRuntime", "1.1")) return () => undefined;
  let remove: (() => Promise<void>) | null = null;
  let stopped = false;
  Office.addin
    .onVisibilityModeChanged((message) => {
      if (message.visibilityMode === Office.VisibilityMode.taskpane) listener();
    })
    .then((r) => {
      if (stopped) void r();
      else remove = r;
    })
    .catch(() => undefined);
  return () => {
    stopped = true;
    void remove?.();
  };
}

/** The committee report's way out of this Excel: a download, or the report window (report.html). */
function officeReportExporter(): ReportExporter {
  const traits = officeHostTraits();
  const url = new URL("report.html", window.location.href).href;
  return createReportExporter(chooseReportDelivery(traits), {
    download: downloadFile,
    openDialog: (html, name) =>
      traits.dialogApi === "none"
        ? Promise.reject(new Error("This Excel cannot open add-in windows."))
        : openReportDialog(html, name, { url, dialogApi: traits.dialogApi, storage: storage() }),
  });
}

function render(inExcel: boolean): void {
  const container = document.getElementById("root");
  if (!container) return;
  const theme = THEMES[themeName(inExcel ? Office.context.officeTheme : undefined, forcedColors())];
  const root = createRoot(container);
  if (!inExcel) {
    root.render(
      <FluentProvider theme={theme}>
        <main style={{ padding: 16 }}>
          <h1 style={{ fontSize: 18 }}>PerfCycle</h1>
          <Body1>
            This page is PerfCycle&apos;s task pane and runs inside Excel. Without Excel, run{" "}
            <code>npm start</code> (or <code>npm run preview</code>) for the browser preview.
          </Body1>
        </main>
      </FluentProvider>,
    );
    return;
  }
  const user = userNameStore(storage(), "Excel user");
  const host = createExcelHost(Excel.run, {
    user: () => user.get(),
    now: () => new Date(),
    isSetSupported,
    onPaneShown,
  });
  root.render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App
        host={host}
        services={{
          download: downloadFile,
          exportReport: officeReportExporter(),
          excelCheck: { run: Excel.run, host: checkHost(Office) },
          user,
          workbookName: "This workbook",
        }}
      />
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady((info) => render(info.host === Office.HostType.Excel));
} else {
  render(false);
}
