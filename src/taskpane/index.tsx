// PLACEHOLDER (scaffold): the task pane engineer replaces this file.
import { createRoot } from "react-dom/client";

function App() {
  return <p>PerfCycle task pane</p>;
}

const start = () => {
  const container = document.getElementById("root");
  if (container) createRoot(container).render(<App />);
};

if (typeof Office !== "undefined") {
  void Office.onReady(start);
} else {
  start();
}
