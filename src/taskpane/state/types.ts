/** What the task pane's shared state holds and offers (see PaneProvider). */
import type { RawWorkbook, ReadResult, WorkbookHost } from "../../contract";
import type { ReportExporter } from "../exportReport";
import type { ExcelCheckService } from "../flows/setup/ExcelCheckSection";
import type { UserName } from "../user";

export interface WorkbookData {
  readonly book: RawWorkbook;
  readonly read: ReadResult;
}

export type NoticeIntent = "success" | "info" | "warning" | "error";

export interface Notice {
  readonly intent: NoticeIntent;
  readonly title: string;
  readonly text?: string;
}

/** Services the pane uses beside the workbook (injected, so tests and the preview can replace them). */
export interface PaneServices {
  /** Offer a file to the user (the committee report). */
  readonly download?: (content: string, fileName: string, mimeType: string) => void;
  /** How the committee report reaches the user on this host (default: `download`). */
  readonly exportReport?: ReportExporter;
  /** Set up → "Check this Excel": the run to check and which Excel it is. */
  readonly excelCheck?: ExcelCheckService;
  readonly now?: () => Date;
  /** The workbook's name, for the report's heading. */
  readonly workbookName?: string;
  /** Who is working, as the audit log records it (asked for in Set up). */
  readonly user?: UserName;
}

export interface ReloadOptions {
  /** Keep forms as they are (the revision is unchanged). */
  readonly quiet?: boolean;
}

export interface PaneState {
  readonly host: WorkbookHost;
  readonly services: PaneServices;
  readonly data: WorkbookData | null;
  /** Increases each time the workbook is read again other than quietly (forms reset their texts on it). */
  readonly revision: number;
  readonly loadError: string | null;
  /** Read the workbook again (after every write); `quiet` keeps forms as they are. */
  reload(options?: ReloadOptions): Promise<WorkbookData | null>;
  /** The label of the long action running, or null. */
  readonly busy: string | null;
  /** Run a long action unless one is running; errors become an error notice. Resolves true when it ran to the end. */
  run(label: string, action: () => Promise<void>): Promise<boolean>;
  readonly notice: Notice | null;
  notify(notice: Notice | null): void;
  /** The quarter worked on (canonical label), or null before the workbook has one. */
  readonly period: string | null;
  setPeriod(period: string): void;
}
