/**
 * The committee report in an Office dialog: for hosts whose webview ignores downloads (Excel for
 * Mac: a blob download from an add-in does nothing, office-js#2700), the task pane opens
 * report.html, served with the add-in, in a dialog (`Office.context.ui.displayDialogAsync`) and
 * hands it the report's HTML; the page shows it with Print and Save buttons.
 *
 * The channel, both ends in this module:
 *  - DialogApi 1.2: the page says `ready` (`messageParent`), the pane sends the HTML in chunks
 *    (`dialog.messageChild`), the page answers `received`. Chunks keep each message small whatever
 *    the report's size.
 *  - DialogApi 1.1 only: the pane leaves the report in localStorage, which a dialog of the same
 *    domain shares ("Alternative ways of passing messages to a dialog box from its host page"),
 *    and the page takes it from there.
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins
 * https://learn.microsoft.com/office/dev/add-ins/develop/parent-to-dialog
 *
 * `officeHostTraits` reads what the pane's export choice needs: the platform and the dialog API.
 */
import type { WorkbookCode } from "./errorCodes";

/** What decides how the report reaches the user (see src/taskpane/exportReport.ts). */
export interface HostTraits {
  /** `Office.context.platform` ("PC", "Mac", "OfficeOnline", "iOS"...), null outside Office. */
  readonly platform: string | null;
  /** The DialogApi requirement set supported: "1.2" (messageChild), "1.1", or "none". */
  readonly dialogApi: "1.2" | "1.1" | "none";
}

/** The parts of Office.js used here (a fake in tests). */
export interface OfficeLike {
  /** Office.EventType, when present (its values are the strings below). */
  readonly EventType?: Partial<
    Record<"DialogMessageReceived" | "DialogEventReceived" | "DialogParentMessageReceived", string>
  >;
  readonly context: {
    readonly platform?: unknown;
    readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly ui: {
      displayDialogAsync(
        url: string,
        options: { height: number; width: number; displayInIframe?: boolean },
        callback: (result: {
          status: string;
          value?: DialogLike;
          error?: { code: number; message: string };
        }) => void,
      ): void;
      messageParent?(message: string): void;
      addHandlerAsync?(
        eventType: string,
        handler: (arg: { message?: string }) => void,
        callback?: (result: { status: string; error?: { message: string } }) => void,
      ): void;
    };
  };
}

export interface DialogLike {
  addEventHandler(eventType: string, handler: (arg: { message?: string; error?: number }) => void): void;
  messageChild?(message: string): void;
  close(): void;
}

/** Office.EventType values, as strings, so that tests need no Office global. */
export const DIALOG_MESSAGE_RECEIVED = "dialogMessageReceived";
export const DIALOG_EVENT_RECEIVED = "dialogEventReceived";
export const DIALOG_PARENT_MESSAGE_RECEIVED = "dialogParentMessageReceived";

function eventName(
  office: OfficeLike,
  key: "DialogMessageReceived" | "DialogEventReceived" | "DialogParentMessageReceived",
  fallback: string,
): string {
  return office.EventType?.[key] ?? fallback;
}

/** The localStorage key of the DialogApi 1.1 hand-over. */
export const HANDOFF_KEY = "perfcycle.reportDialog.handoff";
/** Characters of HTML per messageChild call. */
export const CHUNK_CHARS = 16_000;
/** How long the pane waits for the dialog page to say it is ready. */
export const READY_TIMEOUT_MS = 30_000;

type ParentMessage =
  { type: "report"; name: string; index: number; count: number; text: string } | { type: "handoff" };
type ChildMessage =
  { type: "ready" } | { type: "received"; chars: number } | { type: "error"; message: string };

/** The platform and dialog API of the Office that runs the pane; null platform outside Office. */
export function officeHostTraits(office: OfficeLike | undefined = officeGlobal()): HostTraits {
  if (!office) return { platform: null, dialogApi: "none" };
  const platform = typeof office.context.platform === "string" ? office.context.platform : null;
  const supports = (v: string): boolean => {
    try {
      return office.context.requirements?.isSetSupported("DialogApi", v) === true;
    } catch {
      return false;
    }
  };
  const dialogApi = supports("1.2") ? "1.2" : supports("1.1") ? "1.1" : "none";
  return { platform, dialogApi };
}

function officeGlobal(): OfficeLike | undefined {
  const o = (globalThis as unknown as { Office?: OfficeLike }).Office;
  return o && typeof o === "object" && o.context ? o : undefined;
}

export interface OpenReportOptions {
  /** The report page's absolute URL (same domain as the pane, https). */
  readonly url: string;
  readonly dialogApi: "1.2" | "1.1";
  readonly office?: OfficeLike;
  /** Where the DialogApi 1.1 hand-over is left (window.localStorage). */
  readonly storage?: Pick<Storage, "setItem" | "removeItem"> | null;
  readonly readyTimeoutMs?: number;
}

/** Why the report dialog could not be used (the pane shows the message). */
export class ReportDialogError extends Error {
  override readonly name = "ReportDialogError";
  /** Stable code from the catalogue (errorCodes.ts): decide on this, never on the message. */
  readonly code: WorkbookCode;
  constructor(code: WorkbookCode, message: string) {
    super(message);
    this.code = code;
  }
}

function refuse(code: WorkbookCode, message: string): Promise<never> {
  return Promise.reject(new ReportDialogError(code, message));
}

function split(html: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < html.length; i += CHUNK_CHARS) chunks.push(html.slice(i, i + CHUNK_CHARS));
  return chunks.length > 0 ? chunks : [""];
}

const DIALOG_ERRORS: Readonly<Record<number, string>> = {
  12002: "the report page could not be found or loaded",
  12003: "the report page was not served over https",
  12004: "the report page is not on the add-in's domain",
  12005: "the report page was not served over https",
  12007: "another PerfCycle window is already open: close it first",
};

/**
 * Opens report.html in an Office dialog and hands it the report. Resolves when the page has the
 * whole report (it then stays open for the user to print or save); rejects with a
 * ReportDialogError saying why otherwise.
 */
export function openReportDialog(html: string, fileName: string, options: OpenReportOptions): Promise<void> {
  const office = options.office ?? officeGlobal();
  if (!office) return refuse("DIALOG_UNAVAILABLE", "Office is not available to open a window.");
  const handoff = options.dialogApi === "1.1";
  if (handoff) {
    if (!options.storage) {
      return refuse("DIALOG_UNAVAILABLE", "This Excel cannot pass the report to a window.");
    }
    options.storage.setItem(HANDOFF_KEY, JSON.stringify({ name: fileName, html }));
  }
  const url = handoff ? `${options.url}${options.url.includes("?") ? "&" : "?"}handoff=1` : options.url;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      if (error) {
        if (handoff) options.storage?.removeItem(HANDOFF_KEY);
        reject(error);
      } else resolve();
    };
    const fail = (code: WorkbookCode, message: string): void => finish(new ReportDialogError(code, message));
    office.context.ui.displayDialogAsync(url, { height: 80, width: 60, displayInIframe: true }, (result) => {
      const dialog = result.value;
      if (result.status !== "succeeded" || !dialog) {
        const code = result.error?.code ?? 0;
        fail(
          "DIALOG_FAILED",
          `The report window did not open: ${DIALOG_ERRORS[code] ?? result.error?.message ?? "unknown error"} (${code}).`,
        );
        return;
      }
      timer = setTimeout(() => {
        fail("DIALOG_TIMEOUT", "The report window did not answer: close it and try again.");
        try {
          dialog.close();
        } catch {
          // already closed
        }
      }, options.readyTimeoutMs ?? READY_TIMEOUT_MS);
      dialog.addEventHandler(eventName(office, "DialogEventReceived", DIALOG_EVENT_RECEIVED), (arg) => {
        const code = arg.error ?? 0;
        if (code === 12006)
          fail("DIALOG_CLOSED", "The report window was closed before it opened the report.");
        else
          fail(
            "DIALOG_FAILED",
            `The report window failed: ${DIALOG_ERRORS[code] ?? "unknown error"} (${code}).`,
          );
      });
      dialog.addEventHandler(eventName(office, "DialogMessageReceived", DIALOG_MESSAGE_RECEIVED), (arg) => {
        let message: ChildMessage;
        try {
          message = JSON.parse(arg.message ?? "") as ChildMessage;
        } catch {
          return; // not ours
        }
        if (message.type === "ready" && !handoff) {
          if (typeof dialog.messageChild !== "function") {
            fail("DIALOG_UNAVAILABLE", "This Excel cannot send the report to the window (DialogApi 1.2).");
            return;
          }
          const chunks = split(html);
          chunks.forEach((text, index) => {
            const m: ParentMessage = { type: "report", name: fileName, index, count: chunks.length, text };
            dialog.messageChild?.(JSON.stringify(m));
          });
        } else if (message.type === "received") {
          finish();
        } else if (message.type === "error") {
          fail("DIALOG_FAILED", `The report window could not show the report: ${message.message}`);
        }
      });
    });
  });
}

export interface ReceivedReport {
  readonly name: string;
  readonly html: string;
}

export interface ReceiveOptions {
  readonly office?: OfficeLike;
  /** The page's own URL (handoff=1 when the pane used localStorage). */
  readonly href: string;
  readonly storage?: Pick<Storage, "getItem" | "removeItem"> | null;
}

/**
 * The dialog page's end: calls `onReport` once with the whole report, from the pane's messages or
 * the localStorage hand-over, and tells the pane it arrived. `onError` gets a message to show.
 */
export function receiveReport(
  options: ReceiveOptions,
  onReport: (report: ReceivedReport) => void,
  onError: (message: string) => void,
): void {
  const office = options.office ?? officeGlobal();
  const tell = (m: ChildMessage): void => office?.context.ui.messageParent?.(JSON.stringify(m));
  const deliver = (report: ReceivedReport): void => {
    try {
      onReport(report);
      tell({ type: "received", chars: report.html.length });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      tell({ type: "error", message });
      onError(message);
    }
  };

  if (new URL(options.href).searchParams.get("handoff") === "1") {
    const text = options.storage?.getItem(HANDOFF_KEY) ?? null;
    options.storage?.removeItem(HANDOFF_KEY);
    let report: ReceivedReport | undefined;
    try {
      const parsed = text === null ? null : (JSON.parse(text) as Partial<ReceivedReport>);
      if (parsed && typeof parsed.html === "string" && typeof parsed.name === "string")
        report = { name: parsed.name, html: parsed.html };
    } catch {
      report = undefined;
    }
    if (report) deliver(report);
    else {
      const message = "The report was not passed to this window: export it again from the task pane.";
      tell({ type: "error", message });
      onError(message);
    }
    return;
  }

  const ui = office?.context.ui;
  if (!office || !ui?.addHandlerAsync || !ui.messageParent) {
    onError("This window was not opened by PerfCycle's task pane: export the report from the pane.");
    return;
  }
  const parts: string[] = [];
  let received = 0;
  let done = false;
  ui.addHandlerAsync(
    eventName(office, "DialogParentMessageReceived", DIALOG_PARENT_MESSAGE_RECEIVED),
    (arg) => {
      let m: ParentMessage;
      try {
        m = JSON.parse(arg.message ?? "") as ParentMessage;
      } catch {
        return;
      }
      if (done || m.type !== "report" || m.index < 0 || m.index >= m.count) return;
      if (parts[m.index] === undefined) received++;
      parts[m.index] = m.text;
      if (received === m.count) {
        done = true;
        deliver({ name: m.name, html: parts.join("") });
      }
    },
    (result) => {
      if (result.status === "succeeded") tell({ type: "ready" });
      else onError(`This window cannot receive the report: ${result.error?.message ?? "unknown error"}.`);
    },
  );
}
