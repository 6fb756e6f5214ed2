/** The audit log, read again each time the workbook is (null while it is being read; empty when it cannot be). */
import { useEffect, useState } from "react";
import type { AuditEntry } from "../../../contract";
import { usePane } from "../../state";

export function useAuditLog(): readonly AuditEntry[] | null {
  const { host, revision } = usePane();
  const [audit, setAudit] = useState<readonly AuditEntry[] | null>(null);
  useEffect(() => {
    let live = true;
    host.readAudit().then(
      (a) => {
        if (live) setAudit(a);
      },
      () => {
        if (live) setAudit([]);
      },
    );
    return () => {
      live = false;
    };
  }, [host, revision]);
  return audit;
}
