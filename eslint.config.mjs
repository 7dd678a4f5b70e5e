// Lint: Next.js (core web vitals), typescript-eslint, import cycles and the layer rules of the developers' guide.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const restrictedImports = tseslint.plugin.rules["no-restricted-imports"];

// A module under lib/ named by the alias (@/lib/db/runs) or by a relative path that climbs out of the importing
// layer (../db/runs from lib/ml/x.ts, ../../db from lib/ml/clv/x.ts). A layer's rules are set per folder depth so a
// relative path is matched only where it really leaves the layer: lib/db/imports/x.ts may import ../customers/totals
// (lib/db/customers), while lib/db/x.ts may not import ../customers (lib/customers).
const up = (times) => `(\\.\\./){${times}}`;
const libModule = (names, depth) =>
  depth === undefined ? `^(@/lib/|(\\.\\./)+(lib/)?)(${names.join("|")})(/|$)` : `^(@/lib/|${up(depth + 1)}|${up(depth + 2)}lib/)(${names.join("|")})(/|$)`;
const topModule = (names, depth) => `^(@/|${up(depth + 2)})(${names.join("|")})(/|$)`;
/** The deepest folder level below a layer's root that gets its own rules; deeper files get the last level's. */
const DEPTHS = [0, 1, 2, 3];
const restrict = (regex, message, extra = {}) => ({ regex, caseSensitive: true, message, ...extra });

const LAYERS = [
  {
    root: "lib/ml",
    patterns: (depth) => [
      restrict(libModule(["db", "services"], depth), "lib/ml is pure model code: it takes data as arguments and never reads the database or services."),
      restrict("^next(/|$)", "lib/ml is pure model code: no Next.js."),
      restrict("^(node:)?fs(/|$)", "lib/ml is pure model code: no file system; the caller reads and writes files."),
    ],
  },
  {
    root: "lib/db",
    patterns: (depth) => [
      restrict(
        libModule(["services", "customers", "campaign", "dashboard", "auth", "http", "actions"], depth),
        "lib/db is the bottom layer: it may not import lib/services, lib/customers, lib/campaign, lib/dashboard, lib/auth, lib/http or lib/actions; move the shared type into lib/db.",
      ),
      restrict(topModule(["app"], depth), "lib/db is the bottom layer: it may not import app/."),
    ],
  },
  {
    root: "lib/services",
    patterns: (depth) => [
      restrict(topModule(["app", "jobs"], depth), "lib/services may not import app/ or jobs/: they call the services, not the other way round."),
      restrict(libModule(["api"], depth), "lib/services may not import lib/api: the HTTP shapes depend on the services, not the other way round."),
    ],
  },
];

// import/no-cycle hashes the linted file's whole languageOptions, 1,174 globals included, for every import it follows:
// a fifth of the lint's time. Its parse of a module never reads the globals, so it is handed the options without them.
const noCycle = nextVitals.find((config) => config.plugins?.import).plugins.import.rules["no-cycle"];
const noCycleWithoutGlobals = {
  meta: noCycle.meta,
  create: (context) => {
    const { globals: _globals, ...languageOptions } = context.languageOptions;
    return noCycle.create(Object.freeze(Object.create(context, { languageOptions: { value: languageOptions } })));
  },
};

// Client components are found by their "use client" directive rather than by a list of files, so a new one is
// covered the moment it is written: the rule below is typescript-eslint's no-restricted-imports, switched on only
// in modules that open with that directive.
const isClientComponent = (program) => program.body.some((statement) => statement.type === "ExpressionStatement" && statement.directive === "use client");

const clientComponentImports = {
  meta: { ...restrictedImports.meta, docs: { description: 'Restricted imports in modules marked "use client"' } },
  create: (context) => (isClientComponent(context.sourceCode.ast) ? restrictedImports.create(context) : {}),
};

export default defineConfig(
  globalIgnores([
    "lib/db/generated/**",
    ".next/**",
    "node_modules/**",
    "tests/e2e/.artifacts/**",
    "test-results/**",
    "playwright-report/**",
    "data/**",
    "tmp/**",
  ]),
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: {
      layers: { rules: { "client-component-imports": clientComponentImports } },
      imports: { rules: { "no-cycle": noCycleWithoutGlobals } },
    },
    // The cycle check parses every module it follows: Prisma's generated client and packages cannot be in our cycles.
    settings: { "import/ignore": ["node_modules", "lib/db/generated", "\\.(css|json)$"] },
    rules: {
      "import/no-cycle": "off",
      "imports/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Entry files no module imports cannot be in a cycle; following their imports again took most of the lint's time.
    files: ["tests/**/*.test.ts", "tests/**/*.spec.ts", "tests/bench/*.ts"],
    rules: { "imports/no-cycle": "off" },
  },
  {
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    rules: {
      "layers/client-component-imports": [
        "error",
        {
          patterns: [
            restrict(libModule(["db"]), "A client component may import only types from lib/db (import type): the database stays on the server.", {
              allowTypeImports: true,
            }),
          ],
        },
      ],
    },
  },
  ...LAYERS.flatMap(({ root, patterns }) =>
    DEPTHS.map((depth) => ({
      files: [depth === DEPTHS.at(-1) ? `${root}/${"*/".repeat(depth)}**` : `${root}/${"*/".repeat(depth)}*`],
      rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: patterns(depth) }] },
    })),
  ),
);
