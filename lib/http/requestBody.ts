/**
 * A request body that may be abandoned part-way (a file over the size limit, bad JSON).
 * Next.js pushes the incoming bytes into the request's body stream with no cancel handler,
 * so cancelling it, as a reader that stops early does, makes the next chunk throw outside any
 * handler: an uncaught exception in the server. Cancelling this stream instead reads the rest
 * of the upload and drops it; Node's request timeout (300 s by default) ends an upload that
 * never stops.
 */
export function abandonableBody(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel() {
      void drain(reader);
    },
  });
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done);
  } catch {
    // The client went away: nothing left to drain.
  }
}
