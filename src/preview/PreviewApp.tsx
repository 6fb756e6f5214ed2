/**
 * The browser preview: the task pane (the same <App> as in Excel) beside the in-memory
 * workbook's grid, over the real workbook layer. The workbook is saved in this browser after
 * every change and comes back on reload; "Reset to sample" starts again.
 */
import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { App } from "../taskpane/App";
import { ConfirmDialog } from "../taskpane/components";
import { downloadFile } from "../taskpane/exportReport";
import { checkHost } from "../workbook/excelCheck";
import { THEMES, type ThemeName } from "../taskpane/theme";
import { userNameStore } from "../taskpane/user";
import { useBookSnapshot } from "./bookSnapshot";
import { Grid } from "./Grid";
import type { Session } from "./session";
import { save, type Store } from "./storage";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: "#217346",
    color: "#ffffff",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  note: { color: "#ffffff", flexGrow: 1 },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  workbook: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  pane: { width: "380px", flexShrink: 0, overflowY: "auto", backgroundColor: tokens.colorNeutralBackground1 },
});

export interface PreviewAppProps {
  readonly session: Session;
  readonly store: Store | null;
  /** Start again from the sample (a new session). */
  readonly onReset: () => Promise<void>;
  /** A notice shown once (e.g. the saved workbook could not be read). */
  readonly startNotice?: string;
}

export function PreviewApp(props: PreviewAppProps) {
  const s = useStyles();
  const { session, store } = props;
  const book = session.excel.book;
  const snapshot = useBookSnapshot(book);
  const [resetting, setResetting] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const user = useMemo(() => userNameStore(store as Storage | null, "Preview user"), [store]);
  const services = useMemo(
    () => ({
      download: downloadFile,
      user,
      workbookName: "Preview workbook (in this browser)",
      // "Check this Excel" runs against the in-memory Excel here: every check must pass.
      excelCheck: { run: session.excel.run, host: checkHost(null) },
    }),
    [user, session],
  );

  // Save after every change, a moment after the last one.
  useEffect(() => {
    const t = setTimeout(() => setSaveProblem(save(store, snapshot.book).problem), 250);
    return () => clearTimeout(t);
  }, [snapshot, store]);

  return (
    <FluentProvider theme={webLightTheme} className={s.root}>
      <header className={s.header}>
        <h1 className={s.title}>PerfCycle preview</h1>
        <Caption1 className={s.note}>
          The add-in&apos;s task pane on an in-memory workbook, kept in this browser.
          {saveProblem ? ` Not saved: ${saveProblem}.` : ""}
          {props.startNotice ? ` ${props.startNotice}` : ""}
        </Caption1>
        <Button size="small" onClick={() => setConfirmReset(true)} disabledFocusable={resetting}>
          {resetting ? "Resetting…" : "Reset to sample"}
        </Button>
      </header>
      <div className={s.body}>
        <main className={s.workbook} aria-label="Workbook">
          <Grid key={versionKey(session)} book={book} formulas={session.formulas} />
        </main>
        <aside className={s.pane} aria-label="PerfCycle task pane">
          <FluentProvider theme={THEMES[paneTheme()]} style={{ minHeight: "100%" }}>
            <App key={versionKey(session)} host={session.host} services={services} embedded />
          </FluentProvider>
        </aside>
      </div>
      <ConfirmDialog
        open={confirmReset}
        title="Reset to the sample workbook?"
        confirm="Reset"
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          setResetting(true);
          void props.onReset().finally(() => setResetting(false));
        }}
      >
        This replaces the workbook kept in this browser, with every change made to it, by a fresh copy of the
        sample.
      </ConfirmDialog>
    </FluentProvider>
  );
}

/** The pane's theme: `?theme=dark` or `?theme=highContrast` shows it as in Excel's dark or high-contrast modes. */
function paneTheme(): ThemeName {
  const t = new URLSearchParams(window.location.search).get("theme");
  return t === "dark" || t === "highContrast" ? t : "light";
}

const sessionIds = new WeakMap<object, number>();
let nextSessionId = 1;

/** A key per session, so the grid and the pane start afresh on a new workbook. */
function versionKey(session: Session): number {
  let id = sessionIds.get(session);
  if (id === undefined) sessionIds.set(session, (id = nextSessionId++));
  return id;
}
