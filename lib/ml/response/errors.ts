/** Thrown when the data cannot support a model; `reason` is shown to the analyst as is. */
export class InsufficientDataError extends Error {
  readonly model: string;
  readonly reason: string;

  constructor(model: string, reason: string) {
    super(`${model}: ${reason}`);
    this.name = "InsufficientDataError";
    this.model = model;
    this.reason = reason;
  }
}
