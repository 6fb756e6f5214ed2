#!/usr/bin/env node
// @ts-check
/*
 * `npm start`:
 *  - Windows / macOS with office-addin-debugging installed: sideloads manifest.xml into Excel desktop
 *    and runs the https dev server (office-addin-debugging start).
 *  - Linux, PERFCYCLE_PREVIEW=1, `--preview`, or no office-addin-debugging: serves the browser preview
 *    at http://localhost:3000/preview.html (webpack serve --env preview; no Office, no certificates).
 *  - `--no-serve` or CI set: serves nothing; writes the sample workbook and prints its evaluation
 *    from the CLI instead (test-output/sample/), building the CLI first if needed.
 * Office add-in CLI usage data (telemetry) is switched off first, in every mode.
 *
 *   node scripts/start.js [--preview] [--no-serve] [-- extra args for the CLI sample]
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn, spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const USAGE_DATA_GROUP = "office-addin-usage-data";

/**
 * Turns off usage data for the office-addin-* tools. Their switch is the file
 * ~/office-addin-usage-data.json ({"usageDataInstances": {"office-addin-usage-data":
 * {"usageDataLevel": "off"}}}), which is what `office-addin-usage-data off` writes; recent
 * versions of the tools send nothing at all, older ones read this file. Never throws.
 */
function disableUsageData({ quiet = false } = {}) {
  const file = path.join(os.homedir(), "office-addin-usage-data.json");
  try {
    /** @type {{ usageDataInstances?: Record<string, { usageDataLevel?: string }> }} */
    let data = {};
    try {
      data = JSON.parse(fs.readFileSync(file, "utf8")) || {};
    } catch {
      data = {};
    }
    if (typeof data !== "object" || Array.isArray(data)) data = {};
    /** @type {Record<string, { usageDataLevel?: string }>} */
    const instances = data.usageDataInstances || {};
    data.usageDataInstances = instances;
    const current = instances[USAGE_DATA_GROUP] || {};
    if (current.usageDataLevel !== "off") {
      instances[USAGE_DATA_GROUP] = { ...current, usageDataLevel: "off" };
      fs.writeFileSync(file, JSON.stringify(data, null, 2));
    }
    if (!quiet) console.log(`Office add-in tools usage data: off (${file})`);
    return true;
  } catch (e) {
    if (!quiet)
      console.warn(
        `Could not switch off Office add-in tools usage data (${file}): ${e instanceof Error ? e.message : String(e)}`,
      );
    return false;
  }
}

function readPackage() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
}

function port() {
  return Number(process.env.PERFCYCLE_PORT || readPackage().config?.dev_server_port || 3000);
}

/**
 * Absolute path of an installed package's bin script, or undefined.
 * @param {string} pkgName
 * @param {string} [binName]
 * @returns {string | undefined}
 */
function binOf(pkgName, binName = pkgName) {
  try {
    const pkgJson = require.resolve(`${pkgName}/package.json`, { paths: [ROOT] });
    const { bin } = JSON.parse(fs.readFileSync(pkgJson, "utf8"));
    const rel = typeof bin === "string" ? bin : bin && bin[binName];
    return rel ? path.join(path.dirname(pkgJson), rel) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a node script in the foreground, forwarding Ctrl+C; resolves with its exit code.
 * @param {string} script
 * @param {readonly string[]} args
 * @param {Record<string, string>} [extraEnv]
 * @returns {Promise<number>}
 */
function run(script, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...extraEnv },
    });
    /** @param {NodeJS.Signals} signal */
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** @param {readonly string[]} lines */
function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const rule = "=".repeat(width + 4);
  console.log(`\n${rule}\n${lines.map((l) => `  ${l}`).join("\n")}\n${rule}\n`);
}

function explainSideloading() {
  console.log(
    [
      "",
      "office-addin-debugging is not installed, so Excel cannot be started with the add-in automatically.",
      "To try PerfCycle inside Excel:",
      "  1. Start the https dev server:  npm run dev-server   (serves https://localhost:3000/)",
      "     The first run installs a trusted localhost certificate (office-addin-dev-certs).",
      "  2. Sideload manifest.xml:",
      "     - Excel on the web: Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in > manifest.xml",
      "     - Windows: share a folder holding manifest.xml, add it as a Trusted Add-in Catalog",
      "       (File > Options > Trust Center > Trusted Add-in Catalogs), then Insert > My Add-ins > Shared Folder",
      "     - macOS: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
      "       and restart Excel; it appears under Insert > My Add-ins",
      "  See https://learn.microsoft.com/office/dev/add-ins/testing/test-debug-office-add-ins",
      "Meanwhile, here is the browser preview.",
      "",
    ].join("\n"),
  );
}

/** @param {string} debuggingBin */
async function serveOffice(debuggingBin) {
  banner([
    "PerfCycle: starting Excel with the add-in sideloaded (office-addin-debugging)",
    `Dev server: https://localhost:${port()}/taskpane.html   Stop with: npm stop`,
  ]);
  return run(debuggingBin, [
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(port()),
  ]);
}

async function servePreview() {
  const webpackCli = binOf("webpack-cli", "webpack-cli");
  if (!webpackCli) {
    console.error("webpack-cli is not installed: run `npm install` first.");
    return 1;
  }
  const url = `http://localhost:${port()}/preview.html`;
  banner([`PerfCycle browser preview: ${url}`, "(no Excel needed; sample data; Ctrl+C to stop)"]);
  return run(webpackCli, ["serve", "--mode", "development", "--env", "preview"], {
    PERFCYCLE_PORT: String(port()),
  });
}

/** @param {readonly string[]} extraArgs */
async function sampleEvaluation(extraArgs) {
  const cli = path.join(ROOT, "bin", "perfcycle.js");
  const built = path.join(ROOT, "lib", "cli", "main.js");
  if (!fs.existsSync(built) && fs.existsSync(path.join(ROOT, "src", "cli", "main.ts"))) {
    const tsc = binOf("typescript", "tsc");
    if (tsc) {
      console.log("Building the CLI (tsc -p tsconfig.cli.json) ...");
      spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: ROOT, stdio: "inherit" });
    }
  }
  if (!fs.existsSync(built)) {
    console.log(
      "The command-line evaluator (lib/cli/main.js) is not available yet; build it with `npm run build:cli`, " +
        "or run `npm run preview` for the browser preview.",
    );
    return 0;
  }
  const dir = path.join(ROOT, "test-output", "sample");
  fs.mkdirSync(dir, { recursive: true });
  const book = path.join(dir, "perfcycle-sample.xlsx");
  const html = path.join(dir, "perfcycle-sample-report.html");
  fs.rmSync(book, { force: true });
  banner([`PerfCycle sample evaluation (no Excel here): ${path.relative(ROOT, book)}`]);
  const made = await run(cli, ["sample", book]);
  if (made !== 0) return made;
  const code = await run(cli, ["evaluate", book, "--html", html, ...extraArgs]);
  console.log(`\nCommittee report: ${html}\nBrowser preview: npm run preview`);
  return code;
}

/** @param {readonly string[]} argv */
async function main(argv) {
  const dashDash = argv.indexOf("--");
  const own = dashDash >= 0 ? argv.slice(0, dashDash) : argv;
  const passThrough = dashDash >= 0 ? argv.slice(dashDash + 1) : [];
  const noServe = own.includes("--no-serve") || Boolean(process.env.CI);
  const previewWanted = own.includes("--preview") || process.env.PERFCYCLE_PREVIEW === "1";

  disableUsageData();

  if (noServe) return sampleEvaluation(passThrough);

  const desktop = process.platform === "win32" || process.platform === "darwin";
  if (desktop && !previewWanted) {
    const debuggingBin = binOf("office-addin-debugging");
    if (debuggingBin) return serveOffice(debuggingBin);
    explainSideloading();
  }
  return servePreview();
}

module.exports = { disableUsageData };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
