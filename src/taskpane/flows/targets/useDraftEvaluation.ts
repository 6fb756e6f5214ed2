/**
 * The checks of a draft target: the contract's reader and the engine run on the draft, the
 * workbook indexed once per read, the draft deferred so typing stays quick.
 */
import { useDeferredValue, useLayoutEffect, useMemo } from "react";
import { draftIndex, evaluateDraft, type Draft } from "../../model/targetDraft";
import { usePane } from "../../state";

/** The performance mark TargetForm sets when a draft's checks have rendered. */
export const DRAFT_EVALUATED_MARK = "perfcycle:draft-evaluated";

export function useDraftEvaluation(draft: Draft) {
  const pane = usePane();
  const deferred = useDeferredValue(draft);
  const book = pane.data?.book;
  // The workbook is indexed once per read; each keystroke then reads the draft's indicator only.
  const index = useMemo(() => (book ? draftIndex(book) : null), [book]);
  const evaluation = useMemo(() => (index ? evaluateDraft(index, deferred) : null), [index, deferred]);
  // A User Timing mark each time the checks of a draft are in the page, before the browser paints
  // them (npm run bench -- pane).
  useLayoutEffect(() => {
    if (evaluation && typeof performance !== "undefined" && typeof performance.mark === "function")
      performance.mark(DRAFT_EVALUATED_MARK);
  }, [evaluation]);
  return evaluation;
}
