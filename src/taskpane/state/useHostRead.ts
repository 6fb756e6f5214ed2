/**
 * A value the pane reads from the host beside the tables (the audit log, the workbook's tables),
 * read again each time the workbook is read other than quietly; `initial` until it is read, and
 * `failed` when the host cannot read it.
 */
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../../contract";
import { usePane } from "./PaneProvider";

export function useHostRead<T, I>(read: (host: WorkbookHost) => Promise<T>, initial: I, failed: T): T | I {
  const { host, revision } = usePane();
  const [value, setValue] = useState<T | I>(initial);
  useEffect(() => {
    let live = true;
    read(host).then(
      (v) => {
        if (live) setValue(v);
      },
      () => {
        if (live) setValue(failed);
      },
    );
    return () => {
      live = false;
    };
  }, [host, revision, read, failed]);
  return value;
}
