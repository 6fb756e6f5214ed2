/** The pane's four flows, in the order of the tab list. */
export type FlowName = "setup" | "targets" | "update" | "review";

export const FLOWS: readonly { readonly value: FlowName; readonly label: string }[] = [
  { value: "setup", label: "Set up" },
  { value: "targets", label: "Targets" },
  { value: "update", label: "Quarterly update" },
  { value: "review", label: "Review" },
];
