/**
 * Customer-lifetime-value models, pure TypeScript and fitted in-process: BG/NBD for the number of
 * future purchases, Gamma-Gamma for their amount, and the simple seed-003 formula.
 * Time unit of the models: weeks (t_x, T, horizons); see summary.ts for the data conventions.
 */
export * from "./bgnbd";
export * from "./gammagamma";
export * from "./optimize";
export * from "./simple";
export * from "./special";
export * from "./summary";
