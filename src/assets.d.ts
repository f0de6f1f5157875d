/** A bundled workbook: webpack inlines it as a data: URL (see webpack.config.js). */
declare module "*.xlsx" {
  const url: string;
  export default url;
}
