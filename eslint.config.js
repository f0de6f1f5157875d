// Lint with the Office add-in conventions (eslint-plugin-office-addins: Office.js load/sync rules + prettier).
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");
const tsPlugin = require("@typescript-eslint/eslint-plugin");

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
];
