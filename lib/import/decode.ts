/**
 * Bytes to text, chunk by chunk, so a large file is never held as bytes and text at once.
 * While every byte so far is ASCII the encoding stays open (UTF-8 and Latin-1 read ASCII
 * alike). From the first non-ASCII byte on, up to JUDGED_BYTES are held back and judged
 * (detectEncoding): UTF-8 unless they look like windows-1252 throughout. In UTF-8, bytes
 * that are not valid UTF-8 are replaced by U+FFFD and flagged, never a silent switch of encoding.
 */
import { detectEncoding, type Encoding } from "./detect";

/** How many bytes from the first non-ASCII one decide the encoding (fewer at the end of the file). */
export const JUDGED_BYTES = 64 * 1024;

export class StreamDecoder {
  private mode: "open" | Encoding = "open";
  private carry: Uint8Array | null = null;
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true });
  private lenient: TextDecoder | null = null;
  private latin1: TextDecoder | null = null;

  /** The encoding decided so far; a file of pure ASCII reads as utf-8. */
  get encoding(): Encoding {
    return this.mode === "open" ? "utf-8" : this.mode;
  }

  /** Set when bytes that are not UTF-8 were replaced by U+FFFD. */
  get hadInvalidBytes(): boolean {
    return this.lenient !== null;
  }

  decode(chunk: Uint8Array): string {
    if (this.latin1) return this.latin1.decode(chunk, { stream: true });
    if (this.mode === "utf-8") return this.decodeUtf8(chunk, true);
    // What was held back starts with the first non-ASCII byte.
    const first = this.carry ? 0 : firstNonAscii(chunk);
    const bytes = this.carry ? concat(this.carry, chunk) : chunk;
    this.carry = null;
    if (first === -1) return asciiText(bytes);
    if (bytes.length - first < JUDGED_BYTES) {
      // Too few bytes to judge the encoding by: wait for the next chunk (or the end).
      this.carry = bytes.slice(first);
      return asciiText(bytes.subarray(0, first));
    }
    return asciiText(bytes.subarray(0, first)) + this.settle(bytes.subarray(first), true);
  }

  /** Flushes what is still held back at the end of the input. */
  end(): string {
    if (this.carry) {
      const carry = this.carry;
      this.carry = null;
      return this.settle(carry, false);
    }
    if (this.latin1) return this.latin1.decode();
    return this.decodeUtf8(new Uint8Array(0), false);
  }

  /** Decides the encoding from bytes that start with a non-ASCII one, and decodes them. */
  private settle(bytes: Uint8Array, stream: boolean): string {
    this.mode = detectEncoding(bytes.subarray(0, JUDGED_BYTES), !stream && bytes.length <= JUDGED_BYTES);
    if (this.mode === "utf-8") return this.decodeUtf8(bytes, stream);
    this.latin1 = new TextDecoder("windows-1252");
    // Always streamed: Node 20's non-streaming fast path reads windows-1252 as ISO-8859-1 (0x80 → U+0080, not €).
    const text = this.latin1.decode(bytes, { stream: true });
    return stream ? text : text + this.latin1.decode();
  }

  private decodeUtf8(chunk: Uint8Array, stream: boolean): string {
    if (this.lenient) return this.lenient.decode(chunk, { stream });
    try {
      return this.utf8.decode(chunk, { stream });
    } catch {
      // Keep UTF-8 and replace what cannot be read; the reader reports the rows.
      this.lenient = new TextDecoder("utf-8");
      return this.lenient.decode(chunk, { stream });
    }
  }
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return i;
  return -1;
}

function asciiText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
