/**
 * fast-check arbitraries for hostile import files: random bytes, the valid fixture truncated,
 * corrupted, carrying formula strings or huge cells, re-encoded, or 10,000 columns wide.
 * Shared by the parser's property tests and the import-to-database ones.
 */
import fc from "fast-check";
import { CUSTOMER_FIXTURE, CUSTOMER_HEADER, CUSTOMER_LINES } from "../unit/import/fixtures";

const FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"];

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const FIXTURE = utf8(CUSTOMER_FIXTURE);

function setCell(line: number, column: number, value: string): string {
  const lines = [...CUSTOMER_LINES];
  const cells = lines[line].split(";");
  cells[column] = value;
  lines[line] = cells.join(";");
  return [CUSTOMER_HEADER, ...lines].join("\n");
}

const line = fc.integer({ min: 0, max: CUSTOMER_LINES.length - 1 });
const column = fc.integer({ min: 0, max: CUSTOMER_HEADER.split(";").length - 1 });

export const hostileFile: fc.Arbitrary<{ kind: string; bytes: Uint8Array }> = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ kind: "random bytes", bytes })),
  fc.integer({ min: 0, max: FIXTURE.length }).map((end) => ({ kind: "truncated", bytes: FIXTURE.slice(0, end) })),
  fc.tuple(fc.integer({ min: 0, max: FIXTURE.length }), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, noise]) => ({
    kind: "bytes spliced in",
    bytes: new Uint8Array([...FIXTURE.slice(0, at), ...noise, ...FIXTURE.slice(at)]),
  })),
  fc.tuple(line, column, fc.constantFrom(...FORMULAS)).map(([l, c, formula]) => ({ kind: "formula cell", bytes: utf8(setCell(l, c, formula)) })),
  fc
    .tuple(line, column, fc.integer({ min: 10_000, max: 300_000 }))
    .map(([l, c, size]) => ({ kind: "huge cell", bytes: utf8(setCell(l, c, "x".repeat(size))) })),
  fc.tuple(line, fc.constantFrom("Célibataire", "Verheiratet ä", "Ñoño")).map(([l, status]) => ({
    kind: "Latin-1",
    bytes: new Uint8Array(Buffer.from(setCell(l, 3, status), "latin1")),
  })),
  fc.constantFrom(1_000, 10_000).map((extra) => {
    const padding = (cell: string) => Array.from({ length: extra }, () => cell).join(";");
    const header = CUSTOMER_HEADER + ";" + Array.from({ length: extra }, (_, i) => `Extra_${i}`).join(";");
    return { kind: `${extra} extra columns`, bytes: utf8([header, ...CUSTOMER_LINES.map((row) => `${row};${padding("1")}`)].join("\n")) };
  }),
);
