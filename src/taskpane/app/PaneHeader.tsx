/** The pane's header: its title (an h1, or an h2 inside the preview's page) and the flows' tab list. */
import { Tab, TabList } from "@fluentui/react-components";
import { useAppStyles } from "./app.styles";
import { FLOWS, type FlowName } from "./flows";

export function PaneHeader(props: {
  current: FlowName;
  embedded: boolean;
  onFlow: (flow: FlowName) => void;
}) {
  const s = useAppStyles();
  const Header = props.embedded ? "div" : "header";
  return (
    <Header className={s.header}>
      {props.embedded ? <h2 className={s.title}>PerfCycle</h2> : <h1 className={s.title}>PerfCycle</h1>}
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={props.current}
        onTabSelect={(_e, d) => props.onFlow(d.value as FlowName)}
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
  );
}
