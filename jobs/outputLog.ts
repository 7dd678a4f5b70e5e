/**
 * A job process's output, bounded: the head (how it started) and the tail (how it ended, where
 * a crash's stack is) are kept, and the middle of a long log is cut with a note of its size.
 */
export class OutputLog {
  private head = "";
  private tail = "";
  private cut = 0;

  constructor(
    private readonly headChars = 16_000,
    private readonly tailChars = 48_000,
  ) {}

  append(text: string): void {
    const room = this.headChars - this.head.length;
    if (room > 0 && this.cut === 0 && this.tail === "") {
      this.head += text.slice(0, room);
      text = text.slice(room);
    }
    if (!text) return;
    this.tail += text;
    if (this.tail.length > this.tailChars) {
      this.cut += this.tail.length - this.tailChars;
      this.tail = this.tail.slice(-this.tailChars);
    }
  }

  text(): string {
    return this.cut ? `${this.head}\n… ${this.cut.toLocaleString("en-US")} characters cut …\n${this.tail}` : this.head + this.tail;
  }

  /** The last lines, for an error message. */
  lastLines(count: number): string {
    return this.text().trimEnd().split("\n").slice(-count).join("\n");
  }
}
