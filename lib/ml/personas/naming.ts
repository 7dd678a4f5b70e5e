/**
 * Short persona names: an adjective from the strongest "who" trait (Affluent, Lapsing, New)
 * and a noun from the strongest "what / how" trait (wine buyers, deal seekers), e.g.
 * "Affluent wine buyers". Only traits at STRONG_Z or beyond name a segment.
 *
 * Names are unique within a run: segments whose best name is claimed by a segment with
 * stronger traits take their next-best candidate, and a number only as a last resort.
 */
import { capitalise } from "./format";
import type { SegmentStatistics } from "./statistics";
import { STRONG_Z } from "./traits";
import { lookUpWords } from "./vocabulary";

interface Word {
  text: string;
  strength: number;
}

interface Candidate {
  name: string;
  strength: number;
}

const DEFAULT_NOUN = "customers";
const TYPICAL_NAME = "Typical customers";
const EMPTY_NAME = "Empty segment";

/** With high income, "Affluent" says what these would, and takes their strength. */
const AFFLUENT = "Affluent";
const SUBSUMED_BY_AFFLUENT = ["Big-spending", "High-value"];

/** Every strong word, strongest first (ties by text); a word offered by two features keeps its stronger one. */
function strongWords(segment: SegmentStatistics, part: "adjective" | "noun" | "qualifier"): Word[] {
  const best = new Map<string, number>();
  for (const f of segment.features) {
    if (f.z === null || Math.abs(f.z) < STRONG_Z) continue;
    const text = lookUpWords(f.name, f.concept)?.[f.z > 0 ? "high" : "low"][part];
    if (text !== undefined) best.set(text, Math.max(best.get(text) ?? 0, Math.abs(f.z)));
  }
  if (best.has(AFFLUENT)) {
    for (const word of SUBSUMED_BY_AFFLUENT) {
      best.set(AFFLUENT, Math.max(best.get(AFFLUENT)!, best.get(word) ?? 0));
      best.delete(word);
    }
  }
  return [...best].map(([text, strength]) => ({ text, strength })).sort((a, b) => b.strength - a.strength || (a.text < b.text ? -1 : 1));
}

/** Every adjective × noun × qualifier combination (each may be absent, not all), best first. */
export function proposeNames(segment: SegmentStatistics): Candidate[] {
  if (segment.size === 0) return [{ name: EMPTY_NAME, strength: 0 }];
  const adjectives: (Word | null)[] = [...strongWords(segment, "adjective"), null];
  const nouns: (Word | null)[] = [...strongWords(segment, "noun"), null];
  const qualifiers: (Word | null)[] = [...strongWords(segment, "qualifier").slice(0, 1), null];
  const candidates: Candidate[] = [];
  for (const adjective of adjectives) {
    for (const noun of nouns) {
      for (const qualifier of qualifiers) {
        if (adjective === null && noun === null && qualifier === null) continue;
        const words = [
          adjective?.text,
          adjective === null && noun !== null ? capitalise(noun.text) : (noun?.text ?? (adjective === null ? "Customers" : DEFAULT_NOUN)),
          qualifier?.text,
        ];
        candidates.push({ name: words.filter(Boolean).join(" "), strength: (adjective?.strength ?? 0) + (noun?.strength ?? 0) + (qualifier?.strength ?? 0) });
      }
    }
  }
  // A stable sort keeps the adjective-major order among equal strengths.
  candidates.sort((a, b) => b.strength - a.strength);
  return candidates.length > 0 ? candidates : [{ name: TYPICAL_NAME, strength: 0 }];
}

/** One unique name per segment, in segment order. */
export function nameSegments(segments: readonly SegmentStatistics[]): string[] {
  const candidates = segments.map(proposeNames);
  const order = segments.map((segment, i) => ({ i, strength: candidates[i][0].strength })).sort((a, b) => b.strength - a.strength || a.i - b.i);
  const taken = new Set<string>();
  const names = new Array<string>(segments.length);
  for (const { i } of order) {
    const free = candidates[i].find((candidate) => !taken.has(candidate.name));
    names[i] = free?.name ?? numbered(candidates[i][0].name, taken);
    taken.add(names[i]);
  }
  return names;
}

function numbered(name: string, taken: ReadonlySet<string>): string {
  let n = 2;
  while (taken.has(`${name} ${n}`)) n++;
  return `${name} ${n}`;
}
