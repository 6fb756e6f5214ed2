// PLACEHOLDER (scaffold): the preview engineer replaces this file.
// The preview runs offline in a plain browser: no Office.js, no CDN.
import { createRoot } from "react-dom/client";

function Preview() {
  return <p>PerfCycle preview</p>;
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<Preview />);
