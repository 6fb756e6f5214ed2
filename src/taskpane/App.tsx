/**
 * The task pane: four flows (Set up, Targets, Quarterly update, Review) on a keyboard-usable tab
 * list, over a WorkbookHost (Office.js in Excel, the in-memory Excel in the preview, a fake in
 * tests). The pane talks to the workbook only through the host; every figure and status comes
 * from the contract and the engine.
 */
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../contract";
import { useAppStyles } from "./app/app.styles";
import { CurrentFlow } from "./app/CurrentFlow";
import type { FlowName } from "./app/flows";
import { PaneHeader } from "./app/PaneHeader";
import { WorkbookProblems } from "./app/WorkbookProblems";
import { NoticeBar, Progress } from "./components";
import { downloadFile } from "./exportReport";
import { PaneProvider, usePane, type PaneServices } from "./state";

export type { FlowName } from "./app/flows";

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
  const s = useAppStyles();
  const pane = usePane();
  const [flow, setFlow] = useState<FlowName | null>(props.initialFlow ?? null);
  const { reload, data } = pane;

  useEffect(() => {
    void reload();
  }, [reload]);

  const noTables = data !== null && data.read.register === null;
  const current: FlowName = flow ?? (noTables ? "setup" : "update");
  const Main = props.embedded ? "div" : "main";

  return (
    <div className={s.root} data-busy={pane.busy ?? undefined}>
      <PaneHeader current={current} embedded={props.embedded} onFlow={setFlow} />
      <div className={s.status}>
        <Progress />
      </div>
      <Main className={s.main}>
        <div id={`flow-panel-${current}`} role="tabpanel" aria-labelledby={`flow-tab-${current}`}>
          <NoticeBar />
          <WorkbookProblems />
          <CurrentFlow current={current} />
        </div>
      </Main>
    </div>
  );
}
