// Lint with the Office add-in conventions (eslint-plugin-office-addins: Office.js load/sync rules + prettier).
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");

module.exports = [
  { ignores: ["dist/**", "node_modules/**", "out/**", "coverage/**", ".bench/**", "*.js"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-undef": "off",
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
