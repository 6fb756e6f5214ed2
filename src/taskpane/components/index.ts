/**
 * Small pieces shared by the flows, one a file: the RAG status as text on its colour, a button
 * that runs a long action (spinner while it runs; every action button is disabled until it ends),
 * dialogs asking for a confirmation or a reason, the notice bar, a list of problems, a flow's
 * section and the quarter picker.
 */
export { ActionButton } from "./ActionButton";
export { BusyButton } from "./BusyButton";
export { ConfirmDialog } from "./ConfirmDialog";
export { NoticeBar } from "./NoticeBar";
export type { PaneButtonProps } from "./PaneButton";
export { PaneSection } from "./PaneSection";
export { ProblemList, type ProblemItem } from "./ProblemList";
export { Progress } from "./Progress";
export { QuarterPicker } from "./QuarterPicker";
export { RagBadge } from "./RagBadge";
export { ReasonDialog } from "./ReasonDialog";
