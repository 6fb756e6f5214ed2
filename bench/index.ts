/**
 * `npm run bench`: runs every bench/*.bench.ts in turn. Each prints its figures as ratios
 * against a baseline measured in the same run. Benchmarks are not part of `npm test`.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only === undefined || f.includes(only))
    .sort();
  for (const f of files) {
    const mod = (await import(join(__dirname, f))) as { run?: () => Promise<void> };
    if (typeof mod.run !== "function") throw new Error(`${f} does not export run()`);
    console.log(`\n== ${f.replace(/\.bench\.ts$/, "")} ==`);
    await mod.run();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
