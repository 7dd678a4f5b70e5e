/** Fitted parameters as plain data without tfjs's layer names, which count the layers made so far in each thread. */
export function withoutLayerNames(parameters: unknown): unknown {
  return JSON.parse(JSON.stringify(parameters, (key, value) => (key === "name" ? undefined : value)));
}
