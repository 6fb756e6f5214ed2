/**
 * The committee report, exported from the task pane: the very same single-file HTML report the
 * command line writes (`perfcycle evaluate --html`), rendered by the contract's renderer
 * (src/present/htmlReport.ts, no Node.js API); one renderer, so the pane's export and the CLI's file never diverge.
 *
 * How it reaches the user depends on the host (`chooseReportDelivery`), and the pane says which:
 * - download: a file download (the browser preview, Excel on the web, Excel for Windows);
 * - dialog: a window with the report and Print and Save buttons (Excel for Mac and iPad, whose
 *   webview ignores downloads from add-ins: office-js#2700), through src/workbook/reportDialog;
 * - sheet: neither is possible (no dialog API): print the quarter's report sheet from Excel.
 */
import type { Report } from "../engine";
import { PERFCYCLE_VERSION, type ContractError } from "../contract";
import { htmlReport } from "../present";
import { APPLICATIONS } from "../workbook/excelCheck";
import type { HostTraits } from "../workbook/reportDialog";

export function committeeReport(
  report: Report,
  errors: readonly ContractError[],
  source: string,
  generated: Date,
): string {
  return htmlReport({ report, errors, source, generated, version: PERFCYCLE_VERSION });
}

/** Offer text as a file download in the browser (Excel on the web, Excel for Windows, the preview). */
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

export type ReportDelivery = "download" | "dialog" | "sheet";

export interface DeliveryChoice {
  readonly delivery: ReportDelivery;
  /** One or two sentences for the pane: what the button does on this host, and why. */
  readonly explanation: string;
}

/** Platforms whose webview does not save downloads from an add-in (Office.PlatformType values). */
const NO_DOWNLOADS: ReadonlySet<string> = new Set(["Mac", "iOS"]);

/** How the committee report reaches the user on a host with these traits. */
export function chooseReportDelivery(traits: HostTraits): DeliveryChoice {
  const { platform } = traits;
  if (platform === null) {
    return { delivery: "download", explanation: "The report downloads as one HTML file." };
  }
  const excel = APPLICATIONS[platform] ?? `Excel (${platform})`;
  if (platform === "PC" || platform === "OfficeOnline") {
    return {
      delivery: "download",
      explanation: `${excel}: the report downloads as one HTML file${platform === "OfficeOnline" ? " through your browser" : ""}.`,
    };
  }
  const why = NO_DOWNLOADS.has(platform)
    ? `${excel} does not save downloads from add-ins, so`
    : `On ${excel}`;
  if (traits.dialogApi !== "none") {
    return {
      delivery: "dialog",
      explanation: `${why} the report opens in a window with Print and Save buttons. To keep a copy, choose Print, then Save as PDF.`,
    };
  }
  return {
    delivery: "sheet",
    explanation: `${why} the report cannot be saved from the pane, and this version cannot open add-in windows. Print the quarter's report sheet from Excel instead (File → Print), or export the report from Excel on the web.`,
  };
}

export interface ReportExporter extends DeliveryChoice {
  /** Hands the report to the user; resolves with the notice text. Rejects when it cannot. */
  deliver(html: string, fileName: string): Promise<string>;
}

export interface ExporterParts {
  readonly download?: ((content: string, fileName: string, mimeType: string) => void) | undefined;
  readonly openDialog?: ((html: string, fileName: string) => Promise<void>) | undefined;
}

/** The exporter for a host: its choice, delivered by `download` or `openDialog`. */
export function createReportExporter(choice: DeliveryChoice, parts: ExporterParts): ReportExporter {
  return {
    ...choice,
    async deliver(html, fileName) {
      switch (choice.delivery) {
        case "download":
          if (!parts.download) throw new Error("This host cannot save files.");
          parts.download(html, fileName, "text/html");
          return `${fileName} (see your downloads)`;
        case "dialog":
          if (!parts.openDialog) throw new Error("This host cannot open the report window.");
          await parts.openDialog(html, fileName);
          return "Opened in its own window: print it or save it from there.";
        case "sheet":
          throw new Error(choice.explanation);
      }
    },
  };
}
