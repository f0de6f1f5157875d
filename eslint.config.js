// Lint with the Office add-in conventions (eslint-plugin-office-addins: Office.js load/sync rules + prettier).
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");
const tsPlugin = require("@typescript-eslint/eslint-plugin");

// One-way house (README, "How it is built"): each folder may import only the folders below it:
// core -> i18n, plan -> app -> adapters (officejs, xlsx) and UIs (cli, taskpane, commands).
// An upward import fails `npm run lint`; import cycles are caught by scripts/check-cycles.ts.
const LAYERS = ["core", "i18n", "plan", "app", "officejs", "xlsx", "cli", "taskpane", "commands"];
/** Folders each folder must not import from. */
const FORBIDDEN = {
  core: ["i18n", "plan", "app", "officejs", "xlsx", "cli", "taskpane", "commands"],
  i18n: ["plan", "app", "officejs", "xlsx", "cli", "taskpane", "commands"],
  plan: ["app", "officejs", "xlsx", "cli", "taskpane", "commands"],
  app: ["officejs", "xlsx", "cli", "taskpane", "commands"],
  officejs: ["xlsx", "cli", "taskpane", "commands"],
  xlsx: ["officejs", "cli", "taskpane", "commands"],
  cli: ["officejs", "taskpane", "commands"],
  // The pane and the ribbon command wire the Office.js adapter in (index.tsx, commands.ts).
  taskpane: ["xlsx", "cli", "commands"],
  commands: ["xlsx", "cli", "taskpane"],
};
/** The pure core does no I/O and draws nothing. */
const CORE_PACKAGES = ["node:*", "fs", "path", "react", "react-dom", "@fluentui/*", "exceljs", "jszip"];

function restricted(folder, forbidden, packages = []) {
  return [
    "error",
    {
      patterns: [
        ...forbidden.map((to) => ({
          group: [`**/${to}`, `**/${to}/**`],
          message: `src/${folder}/ must not import from src/${to}/ (the house is one-way: README, "How it is built").`,
        })),
        ...(packages.length
          ? [{ group: packages, message: "The pure core does no I/O and draws nothing." }]
          : []),
      ],
    },
  ];
}

function layerRules() {
  return LAYERS.map((folder) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": restricted(
        folder,
        FORBIDDEN[folder],
        folder === "core" ? CORE_PACKAGES : []
      ),
    },
  }));
}

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "out/**", "coverage/**", ".bench/**", "*.js"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@typescript-eslint": tsPlugin, "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-undef": "off",
      // The TypeScript rule above understands type-only names; the JavaScript one does not.
      "no-unused-vars": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The Office.js load/sync rules recognise objects by name ("cell", "range"); on ExcelJS code
    // outside the Office.js adapter they only misfire.
    files: ["src/xlsx/**", "src/cli/**", "test/**", "scripts/**", "bench/**"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
  ...layerRules(),
];
