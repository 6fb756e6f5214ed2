/** Styles of Quarterly update's own parts (the shared ones are in ../../styles). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useQuarterlyStyles = makeStyles({
  grid: { overflowX: "auto" },
  cellInput: { width: "100%", minWidth: "56px" },
  name: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  indicatorColumn: { width: "34%" },
});
