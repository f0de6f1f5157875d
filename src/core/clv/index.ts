export * from "./bgnbd";
export * from "./fit";
export * from "./gammagamma";
export * from "./simple";
export * from "./summary";
