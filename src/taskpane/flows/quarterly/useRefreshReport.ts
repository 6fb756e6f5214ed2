/** Refreshing the quarter's report sheet (or re-rating a frozen one), and the notice that follows. */
import { useEffect, useState } from "react";
import type { RefreshResult } from "../../../contract";
import { plural } from "../../format";
import { usePane, type Notice } from "../../state";

function refreshNotice(r: RefreshResult): Notice {
  const errors = r.errors.length > 0 ? ` ${plural(r.errors.length, "data error")} listed in Review.` : "";
  return r.snapshot === "kept"
    ? {
        intent: "warning",
        title: `The frozen report for ${r.period} was kept`,
        text: `Sheet "${r.sheet}" is the report as rated before; it was not changed. Re-rate this quarter to rate it again from today's data.${errors}`,
      }
    : {
        intent: "success",
        title: r.snapshot === "replaced" ? `${r.period} re-rated` : `Report for ${r.period} written`,
        text: `Sheet "${r.sheet}": ${plural(r.rows, "row")}.${errors}`,
      };
}

export function useRefreshReport(period: string) {
  const pane = usePane();
  const [last, setLast] = useState<RefreshResult | null>(null);
  useEffect(() => setLast(null), [period]);

  const refresh = async (rerate: boolean): Promise<void> => {
    const r = await pane.host.refresh(period, { rerate });
    setLast(r);
    await pane.reload();
    pane.notify(refreshNotice(r));
  };
  return { last, refresh };
}
