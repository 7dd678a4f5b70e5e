/**
 * A promise whose rejection is asserted later, after other awaits: without a handler attached
 * now, a rejection that lands in between is reported by Node as unhandled and fails the run.
 */
export function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
