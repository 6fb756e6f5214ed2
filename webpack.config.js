// @ts-check
/*
 * PerfCycle build.
 *
 *   webpack --mode production                    -> dist/ (manifest URLs rewritten to the prod base URL)
 *   webpack --mode development                   -> dist/ (manifest kept on https://localhost:3000/)
 *   webpack serve --mode development             -> https://localhost:3000/ for Excel (dev certs)
 *   webpack serve --mode development --env preview
 *                                                -> http://localhost:3000/preview.html (no Office, no certs)
 *
 * Entries: `functions` (custom functions), `taskpane` (React task pane; depends on `functions` so both
 * share ONE webpack runtime and module instances in the shared-runtime page taskpane.html) and
 * `preview` (offline browser preview, no CDN).
 *
 * Production base URL: env PERFCYCLE_BASE_URL, else package.json config.prod_base_url (https, ends with "/").
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsMetadataOptionsPlugin } = require("./scripts/functions-metadata");
const pkg = require("./package.json");

/**
 * The JavaScript every bundle is lowered to: what the oldest webview running PerfCycle parses.
 * Office on Mac uses the system's WKWebView (Safari); the manifest's CustomFunctionsRuntime 1.3
 * needs Office for Mac 16.40 (August 2020), which still ran on macOS 10.13.6 High Sierra (Office
 * required 10.14 from 16.43, November 2020); its WebKit, Safari 11.1 without updates, parses ES2017
 * but not regular expression lookbehind, optional chaining, `??` or class fields. On Windows the shared
 * runtime (<Runtimes>) never uses EdgeHTML; Trident (IE 11, ES5 only) is not supported: React 18
 * and Fluent UI 9 do not run there. See docs/decisions.md and
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * scripts/check-syntax.js parses dist/*.js at this version in `npm run build`.
 */
const ES_TARGET = "ES2017";

const DEV_BASE_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
const FUNCTIONS_ENTRY = path.resolve(__dirname, "src/functions/functions.ts");
const WEBVIEW_SUPPORT = path.resolve(__dirname, "src/taskpane/webviewSupport.ts");

function port() {
  return Number(
    process.env.PERFCYCLE_PORT ||
      process.env.npm_package_config_dev_server_port ||
      pkg.config?.dev_server_port ||
      3000,
  );
}

/** The production base URL the manifest's dev URLs are rewritten to. */
function prodBaseUrl() {
  const url = process.env.PERFCYCLE_BASE_URL || pkg.config?.prod_base_url;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.protocol !== "https:" || !url.endsWith("/") || /localhost/i.test(url)) {
    throw new Error(
      `PerfCycle: the production base URL must be an https URL ending with "/" (not localhost); got "${url}". ` +
        `Set PERFCYCLE_BASE_URL or package.json config.prod_base_url.`,
    );
  }
  return url;
}

/**
 * Rewrites every dev URL in a manifest to the production base URL (and the bare origin, e.g. in AppDomain).
 * @param {string} xml
 * @param {string} baseUrl
 */
function rewriteManifest(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  return xml.split(DEV_BASE_URL).join(baseUrl).split(DEV_ORIGIN).join(origin);
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

/**
 * Dev-server middleware: the bare root URL, which webpack-dev-server prints first and which
 * answered "Cannot GET /", redirects to the browser preview (keeping any query, e.g. ?theme=dark).
 * The add-in's own pages (taskpane.html, functions.json...) are untouched.
 * @param {import("http").IncomingMessage} req
 * @param {import("http").ServerResponse} res
 * @param {() => void} next
 */
function rootToPreview(req, res, next) {
  const url = new URL(req.url || "/", "http://localhost");
  if ((req.method === "GET" || req.method === "HEAD") && url.pathname === "/") {
    res.statusCode = 302;
    res.setHeader("Location", `/preview.html${url.search}`);
    res.end();
    return;
  }
  next();
}

/**
 * functions.json: generated from the JSDoc @customfunction tags in functions.ts (which also appends
 * the CustomFunctions.associate(id, fn) calls to that file's source), then given the top-level
 * properties autogeneration cannot write (allowErrorForDataTypeAny; scripts/functions-metadata.js).
 * @param {string} entry
 */
function functionsMetadataPlugins(entry) {
  return [
    new CustomFunctionsMetadataPlugin({ output: "functions.json", input: entry }),
    new FunctionsMetadataOptionsPlugin({ output: "functions.json" }),
  ];
}

/** The bundles, in the order the shared-runtime page loads them. */
function entries() {
  return {
    // Order matters: functions.js must load before taskpane.js (taskpane dependOn functions).
    // webviewSupport supplies built-ins the oldest supported webview lacks, before anything runs.
    functions: [WEBVIEW_SUPPORT, FUNCTIONS_ENTRY],
    taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    preview: [WEBVIEW_SUPPORT, "./src/preview/index.tsx"],
    // The committee report window (an Office dialog where downloads do not work, e.g. on a Mac).
    report: [WEBVIEW_SUPPORT, "./src/taskpane/reportPage.ts"],
  };
}

/** @returns {import("webpack").RuleSetRule[]} TypeScript, libraries lowered to ES_TARGET, images. */
function moduleRules() {
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        options: {
          transpileOnly: true,
          configFile: path.resolve(__dirname, "tsconfig.json"),
          compilerOptions: { target: ES_TARGET },
        },
      },
    },
    {
      // Libraries ship newer syntax than the oldest webview runs (tabster's class static blocks
      // are ES2022): lower it too. esbuild only rewrites syntax; modules keep their format.
      test: /\.[cm]?js$/,
      include: /node_modules/,
      loader: "esbuild-loader",
      options: { loader: "js", target: ES_TARGET.toLowerCase() },
    },
    {
      test: /\.(png|jpe?g|gif|svg|ico)$/i,
      type: "asset/resource",
      generator: { filename: "assets/[name][ext]" },
    },
  ];
}

/**
 * functions.json, the three pages, the icons and the manifests (dev URLs rewritten to `baseUrl`
 * in a production build).
 * @param {boolean} dev
 * @param {string} baseUrl
 */
function plugins(dev, baseUrl) {
  return [
    ...functionsMetadataPlugins(FUNCTIONS_ENTRY),
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["functions", "taskpane"],
      chunksSortMode: "manual",
    }),
    new HtmlWebpackPlugin({
      filename: "report.html",
      template: "./src/taskpane/report.html",
      chunks: ["report"],
    }),
    new HtmlWebpackPlugin({
      filename: "preview.html",
      template: "./src/preview/preview.html",
      chunks: ["preview"],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/*.png", to: "assets/[name][ext]" },
        {
          from: "manifest*.xml",
          to: "[name][ext]",
          /** @param {Buffer} content */
          transform(content) {
            return dev ? content : rewriteManifest(content.toString(), baseUrl);
          },
        },
      ],
    }),
  ];
}

/**
 * The dev server: https with the Office dev certificates for Excel, plain http for the preview.
 * @param {boolean} preview
 * @param {boolean} serving
 * @param {boolean} open
 * @returns {Promise<import("webpack-dev-server").Configuration>}
 */
async function devServer(preview, serving, open) {
  return {
    host: "localhost",
    port: port(),
    static: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    client: { overlay: { errors: true, warnings: false } },
    server: preview ? "http" : { type: "https", options: serving ? await httpsOptions() : {} },
    open: open ? ["/preview.html"] : false,
    // http://localhost:3000/ (the first address webpack prints) opens the preview.
    setupMiddlewares(middlewares) {
      middlewares.unshift({ name: "perfcycle-root", middleware: rootToPreview });
      return middlewares;
    },
    onListening(devServer) {
      const address = /** @type {import("net").AddressInfo} */ (devServer.server?.address());
      const url = `${preview ? "http" : "https"}://localhost:${address.port}/${preview ? "preview.html" : "taskpane.html"}`;
      console.log(`\nPerfCycle ${preview ? "browser preview" : "add-in dev server"}: ${url}\n`);
    },
  };
}

/**
 * @param {{ preview?: unknown, WEBPACK_SERVE?: unknown, open?: unknown }} [env]
 * @param {{ mode?: string }} [options]
 */
module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const preview = Boolean(env.preview);
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = dev ? DEV_BASE_URL : prodBaseUrl();
  const open = preview && !process.env.CI && env.open !== "false" && env.open !== false;

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    // webpack's own runtime code and the minifier stay within the same ECMAScript version.
    target: ["web", ES_TARGET.toLowerCase()],
    entry: entries(),
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js", // no hashes: the manifest names functions.js
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
    },
    module: { rules: moduleRules() },
    plugins: plugins(dev, baseUrl),
    performance: dev
      ? { hints: false }
      : { hints: "warning", maxAssetSize: 3 * 1024 * 1024, maxEntrypointSize: 4 * 1024 * 1024 },
    watchOptions: { ignored: ["**/node_modules", "**/dist", "**/lib", "**/coverage", "**/test-output"] },
    devServer: await devServer(preview, serving, open),
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.prodBaseUrl = prodBaseUrl;
module.exports.functionsMetadataPlugins = functionsMetadataPlugins;
module.exports.ES_TARGET = ES_TARGET;
module.exports.rootToPreview = rootToPreview;
