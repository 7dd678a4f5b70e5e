/**
 * Bytes to text, chunk by chunk, so a large file is never held as bytes and text at once.
 * While every byte so far is ASCII the encoding stays open (UTF-8 and Latin-1 read ASCII
 * alike); the first non-ASCII character settles it: valid UTF-8 → utf-8, else windows-1252.
 */
import type { Encoding } from "./detect";

/** The longest UTF-8 sequence: a lead byte followed by this many bytes is enough to judge it. */
const MAX_SEQUENCE = 4;

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

  /** Set when bytes that are not UTF-8 followed valid UTF-8: they were replaced by U+FFFD. */
  get hadInvalidBytes(): boolean {
    return this.lenient !== null;
  }

  decode(chunk: Uint8Array): string {
    if (this.latin1) return this.latin1.decode(chunk, { stream: true });
    if (this.mode === "utf-8") return this.decodeUtf8(chunk);
    const bytes = this.carry ? concat(this.carry, chunk) : chunk;
    this.carry = null;
    const first = firstNonAscii(bytes);
    if (first === -1) return asciiText(bytes);
    if (bytes.length - first < MAX_SEQUENCE) {
      // Too few bytes to tell a UTF-8 sequence from Latin-1 letters: wait for the next chunk.
      this.carry = bytes.slice(first);
      return asciiText(bytes.subarray(0, first));
    }
    return this.settle(bytes, true);
  }

  /** Flushes what is still held back at the end of the input. */
  end(): string {
    if (this.carry) {
      const carry = this.carry;
      this.carry = null;
      return this.settle(carry, false);
    }
    if (this.latin1) return this.latin1.decode();
    if (this.lenient) return this.lenient.decode();
    try {
      return this.utf8.decode();
    } catch {
      this.lenient = new TextDecoder("utf-8");
      return "\uFFFD";
    }
  }

  private settle(bytes: Uint8Array, stream: boolean): string {
    try {
      const text = this.utf8.decode(bytes, { stream });
      this.mode = "utf-8";
      return text;
    } catch {
      this.mode = "windows-1252";
      this.latin1 = new TextDecoder("windows-1252");
      return this.latin1.decode(bytes, { stream });
    }
  }

  private decodeUtf8(chunk: Uint8Array): string {
    if (this.lenient) return this.lenient.decode(chunk, { stream: true });
    try {
      return this.utf8.decode(chunk, { stream: true });
    } catch {
      // Valid UTF-8 came earlier: keep UTF-8 and replace what cannot be read (the caller warns).
      this.lenient = new TextDecoder("utf-8");
      return this.lenient.decode(chunk, { stream: true });
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
