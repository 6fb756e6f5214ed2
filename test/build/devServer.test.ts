/** The dev server's root URL, the first address webpack prints, leads to the browser preview. */
/* eslint-disable @typescript-eslint/no-require-imports */
type Req = { url?: string; method?: string };
type Res = {
  statusCode: number;
  headers: Record<string, string>;
  ended: boolean;
  setHeader(k: string, v: string): void;
  end(): void;
};
type Middleware = (req: Req, res: Res, next: () => void) => void;
const config = require("../../webpack.config.js") as ((
  env: Record<string, unknown>,
  options: Record<string, unknown>,
) => Promise<{
  devServer: {
    setupMiddlewares: (
      m: { name: string; middleware: Middleware }[],
    ) => { name: string; middleware: Middleware }[];
  };
}>) & {
  rootToPreview: Middleware;
};
/* eslint-enable @typescript-eslint/no-require-imports */

function call(req: Req): { res: Res; nextCalled: boolean } {
  const res: Res = {
    statusCode: 200,
    headers: {},
    ended: false,
    setHeader(k, v) {
      this.headers[k.toLowerCase()] = v;
    },
    end() {
      this.ended = true;
    },
  };
  let nextCalled = false;
  config.rootToPreview(req, res, () => (nextCalled = true));
  return { res, nextCalled };
}

describe("the dev server's root URL", () => {
  it("redirects / to the preview, keeping the query", () => {
    expect(call({ url: "/", method: "GET" }).res).toMatchObject({
      statusCode: 302,
      headers: { location: "/preview.html" },
      ended: true,
    });
    expect(call({ url: "/?theme=dark", method: "GET" }).res.headers.location).toBe(
      "/preview.html?theme=dark",
    );
  });

  it("leaves the add-in's own files and other methods to the server", () => {
    for (const url of ["/taskpane.html", "/functions.json", "/preview.html", "/assets/icon-32.png"])
      expect(call({ url, method: "GET" }).nextCalled).toBe(true);
    expect(call({ url: "/", method: "POST" }).nextCalled).toBe(true);
  });

  it("is installed first on the preview server and on the add-in's https server", async () => {
    for (const env of [{ preview: true }, {}]) {
      const c = await config(env, { mode: "development" });
      const installed = c.devServer.setupMiddlewares([{ name: "static", middleware: () => undefined }]);
      expect(installed.map((m) => m.name)).toEqual(["perfcycle-root", "static"]);
      expect(installed[0]?.middleware).toBe(config.rootToPreview);
    }
  });
});
