/**
 * The random control group of a campaign's target list: customers held back from the mailing
 * so the real uplift can be measured. Decided per customer by a seeded hash of its id, so the
 * split is the same every time the list is exported and needs no pass over the whole list.
 */
import { mix32 } from "@/lib/ml/random";

/** A uniform number in [0, 1) from a customer id and a seed. */
export function drawControlNumber(customerId: number, seed: number): number {
  return mix32(Math.imul(customerId | 0, 0x9e3779b1) ^ Math.imul(seed | 0, 0x85ebca77)) / 4294967296;
}

export function isControl(customerId: number, share: number, seed: number): boolean {
  return share > 0 && drawControlNumber(customerId, seed) < share;
}
