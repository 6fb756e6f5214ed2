#!/usr/bin/env node
"use strict";
// The `perfcycle` command: the compiled CLI in lib/ (built by `npm run build:cli`, and by `npm install`).
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main.js")) {
    process.stderr.write(
      "perfcycle: the command is not built yet; run `npm run build:cli` (or `npm install`) in the checkout\n",
    );
    process.exit(2);
  }
  throw e;
}
cli.run();
