/* eslint-disable no-undef */
// Builds the add-in (task pane, ribbon command page, help page) and, for `npm start` and the browser
// tests, the workbench: the same pages on a fake Excel. ADDIN_URL sets the production address
// written into dist/manifest.xml.
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS =
  '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';

/** The manifest with the add-in's address in place of the development server's (AppDomain: its origin). */
function productionManifest(xml, url) {
  return xml
    .replace(/<!--[^]*?-->\s*/g, "")
    .split(DEV_URL)
    .join(url)
    .split(DEV_URL.slice(0, -1))
    .join(new URL(url).origin);
}

/**
 * The certificate `npm start` (scripts/addin-dev.ts, with office-addin-dev-certs) leaves in
 * ~/.office-addin-dev-certs, which Excel trusts once its authority is installed; without it the dev
 * server makes a self-signed one (fine for the workbench in a browser, refused by Excel).
 */
function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(dir, name);
  if (!["localhost.key", "localhost.crt", "ca.crt"].every((name) => fs.existsSync(file(name)))) {
    console.warn(
      "No trusted development certificate in ~/.office-addin-dev-certs: serving with a self-signed one.\n" +
        "Excel refuses it; `npm start` makes and installs one before it starts this server."
    );
    return undefined;
  }
  return {
    key: fs.readFileSync(file("localhost.key")),
    cert: fs.readFileSync(file("localhost.crt")),
    ca: fs.readFileSync(file("ca.crt")),
  };
}

/** A page of the add-in; in the workbench copy the fake Office comes first instead of office.js. */
function page(filename, template, chunks, workbenchCopy) {
  return new HtmlWebpackPlugin({
    filename,
    template,
    chunks: workbenchCopy ? ["officeShim", ...chunks] : chunks,
    chunksSortMode: "manual",
    officeScript: workbenchCopy ? "" : OFFICE_JS,
  });
}

module.exports = (env = {}, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const workbench = serving || Boolean(env.workbench);
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, "/");
  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      ...(workbench
        ? { workbench: "./test/workbench/index.tsx", officeShim: "./test/workbench/officeShim.ts" }
        : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          use: {
            loader: "ts-loader",
            options: {
              onlyCompileBundledFiles: true,
              compilerOptions: { module: "esnext", sourceMap: !production },
            },
          },
          exclude: /node_modules/,
        },
        // The sample workbook, inlined into the pane's on-demand "Try it on sample data" chunk.
        { test: /\.xlsx$/, type: "asset/inline" },
      ],
    },
    plugins: [
      page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"], false),
      page("commands.html", "./src/commands/commands.html", ["commands"], false),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: [],
      }),
      ...(workbench
        ? [
            new HtmlWebpackPlugin({
              filename: "workbench.html",
              template: "./test/workbench/workbench.html",
              chunks: ["workbench"],
            }),
            page("workbench-taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"], true),
            page("workbench-commands.html", "./src/commands/commands.html", ["commands"], true),
          ]
        : []),
      new CopyPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(workbench
            ? [{ from: "assets/sample-customers.xlsx", to: "assets/[name][ext]" }]
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => productionManifest(content.toString(), url),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      port: Number(process.env.PORT || 3000),
      server: env.http
        ? "http"
        : { type: "https", options: serving && !env.http ? devCertificate() : undefined },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      open: false,
      client: { overlay: { warnings: false } },
    },
  };
};
