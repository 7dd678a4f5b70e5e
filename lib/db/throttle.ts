/**
 * Failed sign-in counters, kept in the database so every process sees the same counts.
 */
import "server-only";
import { db } from "./client";

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export async function getThrottle(key: string): Promise<ThrottleState | null> {
  return db.signInThrottle.findUnique({ where: { key } });
}

export async function saveThrottle(key: string, state: ThrottleState): Promise<void> {
  await db.signInThrottle.upsert({ where: { key }, create: { key, ...state }, update: state });
}

export async function clearThrottle(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}
