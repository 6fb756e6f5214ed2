/** A workbook without PerfCycle's tables: set them up, or load the sample into an empty workbook. */
import { Body1 } from "@fluentui/react-components";
import { ActionButton, PaneSection } from "../../components";
import { usePane } from "../../state";

export function FirstUse() {
  const pane = usePane();
  const empty = (pane.data?.book.tables.length ?? 0) === 0;
  return (
    <PaneSection id="setup-first" title="First use" spacing="below">
      <Body1>
        This workbook has no PerfCycle tables yet. Set them up below, or load the sample workbook (a
        city&apos;s early help and children&apos;s centre indicators) to try PerfCycle.
      </Body1>
      <div>
        <ActionButton
          action="Loading the sample workbook"
          appearance="primary"
          disabled={!empty}
          onRun={async () => {
            await pane.host.loadSample();
            const d = await pane.reload();
            pane.notify({
              intent: "success",
              title: "Sample workbook loaded",
              text: `${d?.read.register?.targets.length ?? 0} targets and ${d?.read.register?.actuals.length ?? 0} actuals. Try Quarterly update, then Review.`,
            });
          }}
        >
          Load sample workbook
        </ActionButton>
      </div>
      {!empty ? (
        <Body1>The sample can only be loaded into an empty workbook: open a new workbook to load it.</Body1>
      ) : null}
    </PaneSection>
  );
}
