/**
 * The pane's button for a long action: shows a spinner while its action runs and is disabled
 * (still focusable) while any action runs, so an action cannot be started twice.
 */
import { Button, Spinner } from "@fluentui/react-components";
import type { ReactElement, ReactNode } from "react";
import { defined } from "../format";
import { usePane } from "../state";

/** The button props the pane's buttons use. */
export interface PaneButtonProps {
  readonly appearance?: "secondary" | "primary" | "outline" | "subtle" | "transparent";
  readonly size?: "small" | "medium" | "large";
  readonly icon?: ReactElement;
  readonly title?: string;
  readonly "aria-label"?: string;
  readonly type?: "button" | "submit";
  readonly className?: string;
  readonly children?: ReactNode;
  readonly disabled?: boolean;
}

export function PaneButton(props: PaneButtonProps & { action: string; onClick?: () => void }) {
  const pane = usePane();
  const mine = pane.busy === props.action;
  return (
    <Button
      disabledFocusable={Boolean(props.disabled) || pane.busy !== null}
      {...defined({
        appearance: props.appearance,
        size: props.size,
        title: props.title,
        "aria-label": props["aria-label"],
        type: props.type,
        className: props.className,
        onClick: props.onClick,
        icon: mine ? <Spinner size="extra-tiny" aria-hidden /> : props.icon,
        "aria-busy": mine || undefined,
      })}
    >
      {props.children}
    </Button>
  );
}
