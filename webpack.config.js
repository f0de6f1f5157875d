/* eslint-disable no-undef */
// Builds the task pane. ADDIN_URL sets the production address written into dist/manifest.xml.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

/** The manifest with the add-in's address in place of the development server's (AppDomain: its origin). */
function productionManifest(xml, url) {
  return xml
    .replace(/<!--[^]*?-->\s*/g, "")
    .split(DEV_URL)
    .join(url)
    .split(DEV_URL.slice(0, -1))
    .join(new URL(url).origin);
}

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/?$/, "/");
  return {
    devtool: production ? false : "source-map",
    entry: { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [{ test: /\.tsx?$/, use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, compilerOptions: { module: "esnext", sourceMap: !production } } }, exclude: /node_modules/ }] },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => productionManifest(content.toString(), url) },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
