/** Old-style template filling, kept for the modules not yet on the typed catalogue (`src/i18n/index.ts`). */
export function fillText(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name])
  );
}
