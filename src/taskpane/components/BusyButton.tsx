/** A button for an action that runs through the pane by other means (e.g. after a dialog): spinner and disabling as ActionButton. */
import { PaneButton, type PaneButtonProps } from "./PaneButton";

export function BusyButton(props: PaneButtonProps & { action: string; onClick?: () => void }) {
  return <PaneButton {...props} />;
}
