/** The audit log, read again each time the workbook is (null while it is being read; empty when it cannot be). */
import type { AuditEntry, WorkbookHost } from "../../../contract";
import { useHostRead } from "../../state";

const readAudit = (host: WorkbookHost): Promise<readonly AuditEntry[]> => host.readAudit();
const NONE: readonly AuditEntry[] = [];

export function useAuditLog(): readonly AuditEntry[] | null {
  return useHostRead(readAudit, null, NONE);
}
