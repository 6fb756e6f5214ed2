import type { RagStatus } from "../engine";

/**
 * Fill and font colours of each status (hex `#RRGGBB`). Every pair has a contrast ratio of at
 * least 4.5:1 (WCAG AA, checked by a test), and the status is always written as text too.
 */
export const RAG_COLOURS: Readonly<Record<RagStatus, { readonly fill: string; readonly font: string }>> = {
  Red: { fill: "#C00000", font: "#FFFFFF" },
  Amber: { fill: "#FFC000", font: "#000000" },
  Green: { fill: "#00703C", font: "#FFFFFF" },
  Blue: { fill: "#1D4F91", font: "#FFFFFF" },
  "No data": { fill: "#D9D9D9", font: "#000000" },
  "Not due": { fill: "#F2F2F2", font: "#404040" },
  "No target": { fill: "#FFF2CC", font: "#5C4400" },
  Monitor: { fill: "#DDEBF7", font: "#1F3864" },
};
