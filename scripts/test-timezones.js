#!/usr/bin/env node
// @ts-check
/*
 * Runs the date-related tests under three time zones, one after the other, and fails if any run
 * fails. Date-related = any *.test.ts / *.test.tsx whose file name contains "period" or "date"
 * (e.g. src/engine/periods.test.ts). Zones: one far ahead of UTC (Auckland, DST in the southern
 * summer), the UK (BST), and one behind UTC (Los Angeles).
 *
 *   node scripts/test-timezones.js [extra jest args]
 */
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

const ZONES = ["Pacific/Auckland", "Europe/London", "America/Los_Angeles"];
const PATTERN = "[Pp]eriod[^/\\\\]*\\.test\\.tsx?$|[Dd]ate[^/\\\\]*\\.test\\.tsx?$";

const jestBin = require.resolve("jest/bin/jest");
const root = path.join(__dirname, "..");
const failed = [];

for (const tz of ZONES) {
  const env = { ...process.env, TZ: tz };
  // Make sure the runtime really applies the zone (Node needs ICU time zone data).
  const probe = spawnSync(
    process.execPath,
    ["-e", "process.stdout.write(String(new Date(2025, 0, 1).getTimezoneOffset()))"],
    {
      env,
      encoding: "utf8",
    },
  );
  console.log(`\n=== TZ=${tz} (UTC offset on 1 Jan: ${-Number(probe.stdout) / 60}h) ===`);
  const run = spawnSync(
    process.execPath,
    [jestBin, "--ci", "--passWithNoTests", "--testPathPatterns", PATTERN, ...process.argv.slice(2)],
    { cwd: root, env, stdio: "inherit" },
  );
  if (run.status !== 0) failed.push(`${tz} (exit ${run.status ?? run.signal})`);
}

if (failed.length > 0) {
  console.error(`\ntest-timezones: FAILED under ${failed.join(", ")}`);
  process.exit(1);
}
console.log(`\ntest-timezones: passed under ${ZONES.join(", ")}`);
