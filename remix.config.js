// BUILD_DIR lets parallel work (or a benchmark) build into its own folder; the default is build/.
const out = process.env.BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  ...(out
    ? { serverBuildPath: `${out}/index.js`, assetsBuildDirectory: `${out}/public/build` }
    : {}),
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
