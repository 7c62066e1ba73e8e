// A small Remix build of resource routes only, for tests of our HTTP stack (server/app.ts's
// createApp): Remix hands each loader's response to our server as it is, with no document render.
import type { ServerBuild } from "@remix-run/node";

type Loader = (args: { params: Record<string, string | undefined> }) => Response;

/** Routes by name: `{ save: { path: "save", loader } }` answers GET /save with the loader's response. */
export function standInBuild(
  routes: Record<string, { path: string; loader: Loader }>,
): ServerBuild {
  return {
    mode: "production",
    entry: { module: { default: () => new Response("document") } },
    routes: Object.fromEntries(
      Object.entries(routes).map(([name, { path, loader }]) => [
        `routes/${name}`,
        { id: `routes/${name}`, path, module: { loader } },
      ]),
    ),
    assets: {
      routes: {},
      url: "/build/manifest.js",
      version: "1",
      entry: { module: "/build/entry.js", imports: [] },
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {},
    isSpaMode: false,
  } as unknown as ServerBuild;
}
