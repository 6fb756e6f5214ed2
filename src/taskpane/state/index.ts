/**
 * The task pane's shared state (PaneProvider, usePane) and the store of the workbook as last read.
 */
export { messageOf } from "./messageOf";
export { PaneProvider, usePane } from "./PaneProvider";
export type { Notice, NoticeIntent, PaneServices, PaneState, ReloadOptions, WorkbookData } from "./types";
export { CHANGE_DEBOUNCE_MS, readData, WorkbookStore, type WorkbookSnapshot } from "./workbookStore";
export { useHostRead } from "./useHostRead";
