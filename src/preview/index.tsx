/**
 * The browser preview's entry (preview.html; no Office.js, no CDN, runs offline): opens the
 * workbook saved in this browser, or the sample on first open, and renders the preview.
 */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { userNameStore } from "../taskpane/user";
import { trackVersions } from "./bookSnapshot";
import { PreviewApp } from "./PreviewApp";
import { openSession, sampleSession, type Session } from "./session";
import { browserStore, clearSaved, loadSaved, save } from "./storage";

const store = browserStore();
const user = userNameStore(store, "Preview user");

/** The saved workbook, or the sample (saved at once) when there is none or it cannot be read. */
async function firstSession(): Promise<{ session: Session; notice?: string }> {
  const saved = loadSaved(store);
  if (saved.book) {
    const session = openSession(saved.book, () => user.get());
    trackVersions(session.excel.book);
    return { session };
  }
  const session = await freshSession();
  return saved.problem
    ? {
        session,
        notice: `The workbook saved in this browser could not be read (${saved.problem}); the sample was opened instead.`,
      }
    : { session };
}

async function freshSession(): Promise<Session> {
  clearSaved(store);
  const session = await sampleSession(() => user.get());
  trackVersions(session.excel.book);
  save(store, session.excel.book);
  return session;
}

function Preview(props: { first: Session; notice?: string }) {
  const [session, setSession] = useState(props.first);
  return (
    <PreviewApp
      session={session}
      store={store}
      onReset={async () => setSession(await freshSession())}
      {...(props.notice ? { startNotice: props.notice } : {})}
    />
  );
}

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme} style={{ padding: 24 }}>
      <Spinner label="Opening the workbook…" />
    </FluentProvider>,
  );
  void firstSession().then(({ session, notice }) =>
    root.render(<Preview first={session} {...(notice ? { notice } : {})} />),
  );
}
