/**
 * Import structure rules, checked in CI (`pnpm check:imports`): no import circles anywhere (type-only
 * imports count: a circle of types is still a circle in the design) and no package importing an app.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: files that cannot be understood (or loaded) one without the other.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-package-imports-app',
      severity: 'error',
      comment: 'Packages are libraries under the apps: a package (its tests and benches too) never imports an app.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-imports-app',
      severity: 'error',
      comment:
        "Apps are separate deployables: one app's code never imports another (share code through a package). Tests may start another app (the API tests run real workers).",
      from: { path: '^apps/([^/]+)/src/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)node_modules/', '(^|/)dist/', '(^|/)\\.data/', '^apps/api/src/console/browser/.+\\.css$'] },
    tsPreCompilationDeps: true,
    // Workspace packages are linked into node_modules: resolve the links to their sources.
    preserveSymlinks: false,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
