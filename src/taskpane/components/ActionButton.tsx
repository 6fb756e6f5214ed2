/**
 * A button that runs a long action through the pane: shows a spinner while its action runs and is
 * disabled (still focusable) while any action runs, so an action cannot be started twice.
 */
import { usePane } from "../state";
import { PaneButton, type PaneButtonProps } from "./PaneButton";

export function ActionButton(
  props: PaneButtonProps & {
    /** The action's name, shown in the progress text and in an error notice. */
    action: string;
    onRun: () => Promise<void>;
    /** Called after the action ran to the end. */
    onDone?: () => void;
  },
) {
  const pane = usePane();
  const { onRun, onDone, ...rest } = props;
  return (
    <PaneButton
      {...rest}
      onClick={() => {
        void pane.run(props.action, onRun).then((ok) => {
          if (ok) onDone?.();
        });
      }}
    />
  );
}
