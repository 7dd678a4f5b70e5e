import { describe, expect, test } from "vitest";
import { abandonableBody } from "@/lib/http/requestBody";

/** A body fed the way Next.js feeds a request's: pushed from the socket's data events, with no cancel handler. */
function pushedBody() {
  let source!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      source = controller;
    },
  });
  return { stream, push: (chunk: Uint8Array) => source.enqueue(chunk), queued: () => 1 - source.desiredSize! };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("abandonableBody", () => {
  test("without it, a chunk arriving after the reader gave up throws (the server's uncaught exception)", async () => {
    const { stream, push } = pushedBody();
    await stream.getReader().cancel();
    expect(() => push(bytes("late"))).toThrow(/closed/);
  });

  test("a reader that gives up part-way leaves the source open and drains what still arrives", async () => {
    const { stream, push, queued } = pushedBody();
    const reader = abandonableBody(stream).getReader();
    push(bytes("first"));
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("first");
    await reader.cancel();
    for (const late of ["second", "third"]) expect(() => push(bytes(late))).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queued()).toBe(0);
  });

  test("passes every chunk through in order when read to the end", async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of ["a,b\r\n", "1,2\r\n"]) controller.enqueue(bytes(part));
        controller.close();
      },
    });
    expect(await new Response(abandonableBody(source)).text()).toBe("a,b\r\n1,2\r\n");
  });
});
