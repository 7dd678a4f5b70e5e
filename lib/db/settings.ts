import "server-only";
import { cache } from "react";
import { z } from "zod";
import { K_RULE_DEFAULTS, MAX_SEGMENTS } from "@/lib/ml/segmentation/kRule";
import { moneySetting } from "@/lib/text/moneySetting";
import { UNSET_MONEY_FORMAT, type MoneyFormat } from "@/lib/text/numberFormat";
import { withAudit, type AuditOf } from "./audit";
import { db, type Prisma } from "./internal/client";

export interface RetrainSchedule {
  cron: string;
  timezone: string;
  enabled: boolean;
}

export const DEFAULT_SCHEDULE: RetrainSchedule = { cron: "0 2 * * *", timezone: "UTC", enabled: true };
const SCHEDULE_KEY = "retrain.schedule";

/** A stored schedule's fields; one that is missing or of the wrong type falls back to the default. */
const storedSchedule = z
  .object({
    cron: z.string().catch(DEFAULT_SCHEDULE.cron),
    timezone: z.string().catch(DEFAULT_SCHEDULE.timezone),
    enabled: z.boolean().catch(DEFAULT_SCHEDULE.enabled),
  })
  .partial()
  .catch({});

export async function getRetrainSchedule(): Promise<RetrainSchedule & { updatedAt: Date | null }> {
  const row = await db.setting.findUnique({ where: { key: SCHEDULE_KEY } });
  return row ? { ...DEFAULT_SCHEDULE, ...storedSchedule.parse(row.value), updatedAt: row.updatedAt } : { ...DEFAULT_SCHEDULE, updatedAt: null };
}

export async function saveRetrainSchedule(schedule: RetrainSchedule, userId: string | null, auditOf?: AuditOf<void>): Promise<void> {
  await saveSetting(SCHEDULE_KEY, schedule as unknown as Prisma.InputJsonValue, userId, auditOf);
}

const ATTRIBUTE_FEATURES_KEY = "training.attributeFeatures";

/** A hand-edited row that is not a list of names counts as no choice rather than failing every retrain. */
const attributeFeatureNames = z
  .array(z.unknown())
  .transform((names) => names.filter((name): name is string => typeof name === "string"))
  .catch([]);

/** Custom attributes an analyst chose to segment on as well; empty until someone chooses. */
export async function getAttributeFeatures(): Promise<{ names: string[]; updatedAt: Date | null }> {
  const row = await db.setting.findUnique({ where: { key: ATTRIBUTE_FEATURES_KEY } });
  return { names: attributeFeatureNames.parse(row?.value), updatedAt: row?.updatedAt ?? null };
}

export async function saveAttributeFeatures(names: string[], userId: string | null, auditOf?: AuditOf<void>): Promise<void> {
  await saveSetting(ATTRIBUTE_FEATURES_KEY, names, userId, auditOf);
}

const SEGMENT_SETTINGS_KEY = "training.segments";

/** How many segments retraining looks for: a range the rule chooses in (lib/ml/segmentation/kRule.ts), or a fixed k. */
export const segmentSettings = z
  .object({
    kMin: z.number().int().min(2).max(MAX_SEGMENTS),
    kMax: z.number().int().min(2).max(MAX_SEGMENTS),
    minShare: z.number().min(0).max(0.5),
    fixedK: z.number().int().min(2).max(MAX_SEGMENTS).nullable(),
  })
  .refine((value) => value.kMin <= value.kMax, "kMin must not exceed kMax");
export type SegmentSettings = z.infer<typeof segmentSettings>;

export const DEFAULT_SEGMENT_SETTINGS: SegmentSettings = {
  kMin: K_RULE_DEFAULTS.kMin,
  kMax: K_RULE_DEFAULTS.kMax,
  minShare: K_RULE_DEFAULTS.minShare,
  fixedK: null,
};

export async function getSegmentSettings(): Promise<SegmentSettings & { updatedAt: Date | null }> {
  const row = await db.setting.findUnique({ where: { key: SEGMENT_SETTINGS_KEY } });
  const parsed = segmentSettings.safeParse(row?.value);
  // A hand-edited row that does not parse counts as the defaults rather than failing every retrain.
  return parsed.success ? { ...parsed.data, updatedAt: row!.updatedAt } : { ...DEFAULT_SEGMENT_SETTINGS, updatedAt: null };
}

export async function saveSegmentSettings(settings: SegmentSettings, userId: string | null, auditOf?: AuditOf<void>): Promise<void> {
  await saveSetting(SEGMENT_SETTINGS_KEY, settings, userId, auditOf);
}

const MONEY_KEY = "display.money";

/** The currency and number locale of every page and export header; unset (plain numbers, en-US) until an administrator saves one. */
export async function getMoneyFormat(): Promise<MoneyFormat & { updatedAt: Date | null }> {
  const row = await db.setting.findUnique({ where: { key: MONEY_KEY } });
  const parsed = moneySetting.safeParse(row?.value);
  // A hand-edited row that does not parse counts as unset: no page should show a currency nobody chose.
  return parsed.success ? { ...parsed.data, updatedAt: row!.updatedAt } : { ...UNSET_MONEY_FORMAT, updatedAt: null };
}

/** getMoneyFormat once per request: every figure of a page reads it. */
export const readMoneyFormat = cache(async (): Promise<MoneyFormat> => {
  const { currency, locale } = await getMoneyFormat();
  return { currency, locale };
});

export async function saveMoneyFormat(format: MoneyFormat, userId: string | null, auditOf?: AuditOf<void>): Promise<void> {
  await saveSetting(MONEY_KEY, { currency: format.currency, locale: format.locale }, userId, auditOf);
}

/** For the demo's synthetic data: a currency unless an administrator has already chosen one (or none). */
export async function saveMoneyFormatIfUnset(format: MoneyFormat): Promise<boolean> {
  if (await db.setting.findUnique({ where: { key: MONEY_KEY } })) return false;
  await saveMoneyFormat(format, null);
  return true;
}

/** Writes one setting, and with `auditOf` its audit entry in the same transaction. */
async function saveSetting(key: string, value: Prisma.InputJsonValue, userId: string | null, auditOf?: AuditOf<void>): Promise<void> {
  await withAudit(async (tx) => {
    await tx.setting.upsert({ where: { key }, create: { key, value, updatedById: userId }, update: { value, updatedById: userId } });
  }, auditOf);
}
