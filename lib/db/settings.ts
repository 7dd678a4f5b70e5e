import "server-only";
import { db, type Prisma } from "./client";

export interface RetrainSchedule {
  cron: string;
  timezone: string;
  enabled: boolean;
}

export const DEFAULT_SCHEDULE: RetrainSchedule = { cron: "0 2 * * *", timezone: "UTC", enabled: true };
const SCHEDULE_KEY = "retrain.schedule";

export async function getRetrainSchedule(): Promise<RetrainSchedule & { updatedAt: Date | null }> {
  const row = await db.setting.findUnique({ where: { key: SCHEDULE_KEY } });
  return row ? { ...DEFAULT_SCHEDULE, ...(row.value as Partial<RetrainSchedule>), updatedAt: row.updatedAt } : { ...DEFAULT_SCHEDULE, updatedAt: null };
}

export async function saveRetrainSchedule(schedule: RetrainSchedule, userId: string | null): Promise<void> {
  const value = schedule as unknown as Prisma.InputJsonValue;
  await db.setting.upsert({
    where: { key: SCHEDULE_KEY },
    create: { key: SCHEDULE_KEY, value, updatedById: userId },
    update: { value, updatedById: userId },
  });
}

const ATTRIBUTE_FEATURES_KEY = "training.attributeFeatures";

/** Custom attributes an analyst chose to segment on as well; empty until someone chooses. */
export async function getAttributeFeatures(): Promise<{ names: string[]; updatedAt: Date | null }> {
  const row = await db.setting.findUnique({ where: { key: ATTRIBUTE_FEATURES_KEY } });
  const value = row?.value;
  // A hand-edited row that is not a list of names counts as no choice rather than failing every retrain.
  const names = Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
  return { names, updatedAt: row?.updatedAt ?? null };
}

export async function saveAttributeFeatures(names: string[], userId: string | null): Promise<void> {
  await db.setting.upsert({
    where: { key: ATTRIBUTE_FEATURES_KEY },
    create: { key: ATTRIBUTE_FEATURES_KEY, value: names, updatedById: userId },
    update: { value: names, updatedById: userId },
  });
}
