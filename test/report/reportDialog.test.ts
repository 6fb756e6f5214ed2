/**
 * The report window's channel, both ends (src/workbook/reportDialog) over a fake Office that
 * behaves as the dialog API documents: messageParent reaches the pane's DialogMessageReceived
 * handler, messageChild (DialogApi 1.2) reaches the page's DialogParentMessageReceived handler,
 * closing gives DialogEventReceived 12006, and DialogApi 1.1 hosts share localStorage.
 */
import {
  CHUNK_CHARS,
  HANDOFF_KEY,
  openReportDialog,
  receiveReport,
  type DialogLike,
  type OfficeLike,
  type ReceivedReport,
} from "../../src/workbook/reportDialog";

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

interface Harness {
  pane: OfficeLike;
  opened: string[];
  sent: string[];
  received: ReceivedReport[];
  problems: string[];
  close(): void;
}

/** A pane and a dialog page connected as Office connects them; `page` runs the page's code on open. */
function harness(
  options: {
    apiVersion?: "1.2" | "1.1";
    storage?: MemoryStorage;
    openError?: number;
    pageLoads?: boolean;
  } = {},
): Harness {
  const opened: string[] = [];
  const sent: string[] = [];
  const received: ReceivedReport[] = [];
  const problems: string[] = [];
  const paneHandlers = new Map<string, (arg: { message?: string; error?: number }) => void>();
  let pageHandler: ((arg: { message?: string }) => void) | undefined;
  const dialog: DialogLike = {
    addEventHandler: (type, h) => paneHandlers.set(type, h),
    close: () => paneHandlers.get("dialogEventReceived")?.({ error: 12006 }),
    ...(options.apiVersion === "1.1"
      ? {}
      : {
          messageChild: (m: string) => {
            sent.push(m);
            pageHandler?.({ message: m });
          },
        }),
  };
  const page: OfficeLike = {
    context: {
      ui: {
        displayDialogAsync: () => undefined,
        messageParent: (m) =>
          setTimeout(() => paneHandlers.get("dialogMessageReceived")?.({ message: m }), 0),
        addHandlerAsync: (_type, h, cb) => {
          pageHandler = h;
          cb?.({ status: "succeeded" });
        },
      },
    },
  };
  const pane: OfficeLike = {
    context: {
      ui: {
        displayDialogAsync: (url, _opts, cb) => {
          opened.push(url);
          if (options.openError) {
            cb({ status: "failed", error: { code: options.openError, message: "no" } });
            return;
          }
          cb({ status: "succeeded", value: dialog });
          if (options.pageLoads === false) return;
          setTimeout(
            () =>
              receiveReport(
                { office: page, href: url, storage: options.storage ?? null },
                (r) => received.push(r),
                (m) => problems.push(m),
              ),
            0,
          );
        },
      },
    },
  };
  return { pane, opened, sent, received, problems, close: () => dialog.close() };
}

const URL_ = "https://perfcycle.example.org/addin/report.html";

describe("the report window over DialogApi 1.2", () => {
  it("hands a large report over in chunks, whole and in order, and resolves when the page has it", async () => {
    const h = harness();
    const html = `<!DOCTYPE html><title>r</title>${"<p>Reach 67.4% — £ ü 😀</p>".repeat(5000)}`;
    await openReportDialog(html, "PerfCycle report 2015-16 Q2.html", {
      url: URL_,
      dialogApi: "1.2",
      office: h.pane,
    });
    expect(h.opened).toEqual([URL_]);
    expect(h.sent.length).toBe(Math.ceil(html.length / CHUNK_CHARS));
    expect(h.sent.every((m) => m.length < CHUNK_CHARS + 200)).toBe(true);
    expect(h.received).toEqual([{ name: "PerfCycle report 2015-16 Q2.html", html }]);
    expect(h.problems).toEqual([]);
  });

  it("says why when the window cannot open (one already open: 12007)", async () => {
    const h = harness({ openError: 12007 });
    await expect(
      openReportDialog("<p/>", "r.html", { url: URL_, dialogApi: "1.2", office: h.pane }),
    ).rejects.toThrow(/did not open: another PerfCycle window is already open: close it first \(12007\)/);
  });

  it("says so when the page never answers, rather than waiting for ever", async () => {
    const h = harness({ pageLoads: false });
    await expect(
      openReportDialog("<p/>", "r.html", { url: URL_, dialogApi: "1.2", office: h.pane, readyTimeoutMs: 20 }),
    ).rejects.toThrow(/did not answer/);
  });

  it("says so when the user closes the window before it shows the report", async () => {
    const h = harness({ pageLoads: false });
    const p = openReportDialog("<p/>", "r.html", { url: URL_, dialogApi: "1.2", office: h.pane });
    h.close();
    await expect(p).rejects.toThrow(/closed before it opened the report/);
  });
});

describe("the report window over DialogApi 1.1 (no messageChild)", () => {
  it("passes the report through localStorage, which the page takes and clears", async () => {
    const storage = new MemoryStorage();
    const h = harness({ apiVersion: "1.1", storage });
    await openReportDialog("<p>r</p>", "r.html", { url: URL_, dialogApi: "1.1", office: h.pane, storage });
    expect(h.opened).toEqual([`${URL_}?handoff=1`]);
    expect(h.received).toEqual([{ name: "r.html", html: "<p>r</p>" }]);
    expect(storage.items.has(HANDOFF_KEY)).toBe(false);
  });

  it("tells the page's reader plainly when the hand-over is missing", async () => {
    const storage = new MemoryStorage();
    const problems: string[] = [];
    receiveReport(
      { href: `${URL_}?handoff=1`, storage },
      () => undefined,
      (m) => problems.push(m),
    );
    expect(problems).toEqual([
      "The report was not passed to this window: export it again from the task pane.",
    ]);
  });
});

it("a page opened on its own says it needs the task pane", () => {
  const problems: string[] = [];
  receiveReport(
    { href: URL_, storage: null },
    () => undefined,
    (m) => problems.push(m),
  );
  expect(problems[0]).toMatch(/not opened by PerfCycle's task pane/);
});
