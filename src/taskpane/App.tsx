/**
 * The task pane: four flows (Set up, Targets, Quarterly update, Review) on a keyboard-usable tab
 * list, over a WorkbookHost (Office.js in Excel, the in-memory Excel in the preview, a fake in
 * tests). The pane talks to the workbook only through the host; every figure and status comes
 * from the contract and the engine.
 */
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../contract";
import { ActionButton, NoticeBar, Progress } from "./components";
import { downloadFile } from "./exportReport";
import { QuarterlyFlow } from "./flows/quarterly/QuarterlyFlow";
import { ReviewFlow } from "./flows/review/ReviewFlow";
import { SetUpFlow } from "./flows/setup/SetUpFlow";
import { TargetsFlow } from "./flows/targets/TargetsFlow";
import { PaneProvider, usePane, type PaneServices } from "./state";

export type FlowName = "setup" | "targets" | "update" | "review";

export const FLOWS: readonly { readonly value: FlowName; readonly label: string }[] = [
  { value: "setup", label: "Set up" },
  { value: "targets", label: "Targets" },
  { value: "update", label: "Quarterly update" },
  { value: "review", label: "Review" },
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalXXS}`,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  tabs: { flexWrap: "wrap" },
  main: { padding: tokens.spacingHorizontalM, flexGrow: 1 },
  status: { minHeight: "20px", padding: `0 ${tokens.spacingHorizontalS}` },
});

export interface AppProps {
  readonly host: WorkbookHost;
  readonly services?: PaneServices;
  /** The flow shown first (default: Set up for a new workbook, else Quarterly update). */
  readonly initialFlow?: FlowName;
  /** The pane is part of a larger page (the preview): no banner or main landmark of its own. */
  readonly embedded?: boolean;
}

const DEFAULT_SERVICES: PaneServices = { download: downloadFile };

export function App(props: AppProps) {
  return (
    <PaneProvider host={props.host} services={props.services ?? DEFAULT_SERVICES}>
      <Pane
        {...(props.initialFlow ? { initialFlow: props.initialFlow } : {})}
        embedded={props.embedded ?? false}
      />
    </PaneProvider>
  );
}

function Pane(props: { initialFlow?: FlowName; embedded: boolean }) {
  const s = useStyles();
  const pane = usePane();
  const [flow, setFlow] = useState<FlowName | null>(props.initialFlow ?? null);
  const { reload } = pane;

  useEffect(() => {
    void reload();
  }, [reload]);

  const data = pane.data;
  const fatal = data?.read.fatal ?? null;
  const noTables = data !== null && data.read.register === null;
  const current: FlowName = flow ?? (noTables ? "setup" : "update");
  const settings = data?.read.register?.settings;
  const Header = props.embedded ? "div" : "header";
  const Main = props.embedded ? "div" : "main";

  return (
    <div className={s.root} data-busy={pane.busy ?? undefined}>
      <Header className={s.header}>
        {props.embedded ? <h2 className={s.title}>PerfCycle</h2> : <h1 className={s.title}>PerfCycle</h1>}
        <TabList
          className={s.tabs}
          size="small"
          selectedValue={current}
          onTabSelect={(_e, d) => setFlow(d.value as FlowName)}
          aria-label="PerfCycle steps"
        >
          {FLOWS.map((f) => (
            <Tab
              key={f.value}
              value={f.value}
              id={`flow-tab-${f.value}`}
              aria-controls={`flow-panel-${f.value}`}
            >
              {f.label}
            </Tab>
          ))}
        </TabList>
      </Header>
      <div className={s.status}>
        <Progress />
      </div>
      <Main className={s.main}>
        <div id={`flow-panel-${current}`} role="tabpanel" aria-labelledby={`flow-tab-${current}`}>
          <NoticeBar />
          {pane.loadError !== null ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>The workbook could not be read</MessageBarTitle>
                {pane.loadError}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {fatal !== null && !/no PerfTargets table/.test(fatal.message) ? (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>This workbook cannot be used as it is</MessageBarTitle>
                {fatal.message}
              </MessageBarBody>
            </MessageBar>
          ) : null}
          {data === null && pane.loadError === null ? (
            <Spinner label="Reading the workbook…" />
          ) : data === null ? (
            <ActionButton
              action="Reading the workbook"
              onRun={async () => {
                await reload();
              }}
            >
              Try again
            </ActionButton>
          ) : current === "setup" ? (
            <SetUpFlow key={JSON.stringify(settings ?? null)} />
          ) : current === "targets" ? (
            <TargetsFlow />
          ) : current === "update" ? (
            <QuarterlyFlow />
          ) : (
            <ReviewFlow />
          )}
        </div>
      </Main>
    </div>
  );
}
