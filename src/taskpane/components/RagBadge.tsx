/** The status written as text on its RAG colour (the colour is never the only signal). */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { RagStatus } from "../../engine";
import { RAG_COLOURS } from "../../present";

const useStyles = makeStyles({
  rag: {
    display: "inline-block",
    padding: "1px 6px",
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

/** The status written as text on its RAG colour (the colour is never the only signal). */
export function RagBadge(props: { status: RagStatus }) {
  const s = useStyles();
  const c = RAG_COLOURS[props.status];
  return (
    <span className={s.rag} style={{ backgroundColor: c.fill, color: c.font }} data-rag={props.status}>
      {props.status}
    </span>
  );
}
