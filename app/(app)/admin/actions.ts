"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/actions/authorizedAction";
import { RetrainBusyError } from "@/lib/db/lease";
import { listKnownAttributeNames } from "@/lib/db/customers/attributes";
import {
  getAttributeFeatures,
  getMoneyFormat,
  getRetrainSchedule,
  getSegmentSettings,
  saveAttributeFeatures,
  saveMoneyFormat,
  saveRetrainSchedule,
  saveSegmentSettings,
} from "@/lib/db/settings";
import { currencyCode, numberLocale } from "@/lib/text/moneySetting";
import { formatMoney } from "@/lib/text/numberFormat";
import { MAX_SEGMENTS } from "@/lib/ml/segmentation/kRule";
import { describeBusinessCounts, removeBusinessData, RESET_CONFIRMATION } from "@/lib/services/resetData";
import { canonicaliseTimeZone, findCronProblems, findNextScheduledRun } from "@/lib/services/retrain/schedule";
import { inTimeZone } from "@/app/ui/runs/format";

const scheduleInput = z.object({
  cron: z
    .string()
    .trim()
    .min(1, "Enter a cron expression, e.g. 0 2 * * * for every day at 02:00")
    .max(120)
    .superRefine((value, ctx) => {
      for (const message of findCronProblems(value)) ctx.addIssue({ code: "custom", message });
    }),
  timezone: z
    .string()
    .trim()
    .min(1, "Enter a time zone, e.g. UTC or Europe/Berlin")
    .max(64)
    .transform((value, ctx) => {
      const zone = canonicaliseTimeZone(value);
      if (zone) return zone;
      ctx.addIssue({ code: "custom", message: `"${value}" is not an IANA time zone (e.g. UTC, Europe/Berlin)` });
      return z.NEVER;
    }),
  enabled: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});

export const saveScheduleAction = authorizedAction("manageSchedule", scheduleInput, async (schedule, admin) => {
  const { cron, timezone, enabled } = await getRetrainSchedule();
  await saveRetrainSchedule(schedule, admin.id, () => ({
    userId: admin.id,
    action: "schedule.updated",
    target: "setting:retrain.schedule",
    details: { ...schedule, previous: { cron, timezone, enabled } },
  }));
  revalidatePath("/admin");
  const next = findNextScheduledRun(schedule);
  return { ok: true, message: next ? `Saved. The next retrain starts ${inTimeZone(next, schedule.timezone)}.` : "Saved. Scheduled retraining is off." };
});

const attributeFeaturesInput = z.object({
  attribute: z
    .array(z.string().min(1, "An attribute name cannot be empty").max(200, "An attribute name has at most 200 characters"))
    .max(100, "Choose at most 100 attributes"),
});

/** Which custom attributes the next retrains segment on as well; analysts and administrators. */
export const saveAttributeFeaturesAction = authorizedAction(
  "retrain",
  attributeFeaturesInput,
  async ({ attribute }, user) => {
    const known = new Set(await listKnownAttributeNames());
    const unknown = attribute.filter((name) => !known.has(name));
    if (unknown.length) {
      const message = `${unknown.map((name) => `"${name}"`).join(", ")} ${unknown.length === 1 ? "is" : "are"} not a custom attribute of any import`;
      return { ok: false, message, fieldErrors: { attribute: [message] } };
    }
    const names = [...new Set(attribute)].sort((a, b) => a.localeCompare(b));
    const previous = (await getAttributeFeatures()).names;
    await saveAttributeFeatures(names, user.id, () => ({
      userId: user.id,
      action: "attributeFeatures.updated",
      target: "setting:training.attributeFeatures",
      details: { names, previous },
    }));
    revalidatePath("/admin");
    return {
      ok: true,
      message: names.length ? `Saved. The next retrain segments on ${names.join(", ")} as well.` : "Saved. The next retrain uses no custom attributes.",
    };
  },
  { lists: ["attribute"] },
);

const segmentCount = (what: string) =>
  z.coerce
    .number({ error: `Enter the ${what} as a whole number` })
    .int(`Enter the ${what} as a whole number`)
    .min(2, `The ${what} is at least 2`)
    .max(MAX_SEGMENTS, `The ${what} is at most ${MAX_SEGMENTS}`);

const segmentSettingsInput = z
  .object({
    mode: z.enum(["choose", "fixed"], { error: "Choose whether k is chosen or fixed" }),
    kMin: segmentCount("fewest segments"),
    kMax: segmentCount("most segments"),
    minSharePercent: z.coerce
      .number({ error: "Enter the smallest segment's share in %" })
      .min(0, "The share is at least 0%")
      .max(50, "The share is at most 50%"),
    fixedK: z.string().trim().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kMax < input.kMin) ctx.addIssue({ code: "custom", path: ["kMax"], message: `The most segments must be at least the fewest (${input.kMin})` });
    if ((input.minSharePercent / 100) * input.kMin > 1) {
      ctx.addIssue({ code: "custom", path: ["minSharePercent"], message: `${input.kMin} segments cannot each hold ${input.minSharePercent}% of customers` });
    }
  })
  .transform((input, ctx) => {
    if (input.mode === "choose") return { kMin: input.kMin, kMax: input.kMax, minShare: input.minSharePercent / 100, fixedK: null };
    const fixed = segmentCount("fixed number of segments").safeParse(input.fixedK || undefined);
    if (fixed.success) return { kMin: input.kMin, kMax: input.kMax, minShare: input.minSharePercent / 100, fixedK: fixed.data };
    ctx.addIssue({ code: "custom", path: ["fixedK"], message: fixed.error.issues[0].message });
    return z.NEVER;
  });

/** How many segments the next retrains look for: a range with a smallest share, or a fixed k; administrators only. */
export const saveSegmentSettingsAction = authorizedAction("configureSegments", segmentSettingsInput, async (settings, admin) => {
  const { updatedAt: _updatedAt, ...previous } = await getSegmentSettings();
  await saveSegmentSettings(settings, admin.id, () => ({
    userId: admin.id,
    action: "segmentSettings.updated",
    target: "setting:training.segments",
    details: { ...settings, previous },
  }));
  revalidatePath("/admin");
  const share = `${Math.round(settings.minShare * 1000) / 10}%`;
  return {
    ok: true,
    message:
      settings.fixedK !== null
        ? `Saved. The next retrain makes ${settings.fixedK} segments.`
        : `Saved. The next retrain chooses from ${settings.kMin} to ${settings.kMax} segments, each at least ${share} of customers.`,
  };
});

const moneyFormatInput = z.object({
  // Left empty: money shows as plain numbers again.
  currency: z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(currencyCode.nullable()),
  locale: numberLocale,
});

/** The currency and number format of every page and export header; administrators only. */
export const saveMoneyFormatAction = authorizedAction("configureDisplay", moneyFormatInput, async (format, admin) => {
  const { updatedAt, currency, locale } = await getMoneyFormat();
  await saveMoneyFormat(format, admin.id, () => ({
    userId: admin.id,
    action: "moneyFormat.updated",
    target: "setting:display.money",
    details: { ...format, previous: updatedAt ? { currency, locale } : null },
  }));
  revalidatePath("/", "layout");
  const example = formatMoney(2_500_000.5, format, { cents: true });
  return { ok: true, message: format.currency ? `Saved. Money shows as ${example}.` : `Saved. Money shows as plain numbers: ${example}.` };
});

const resetInput = z.object({
  confirmation: z
    .string({ error: `Type ${RESET_CONFIRMATION} to confirm` })
    .trim()
    .refine((value) => value === RESET_CONFIRMATION, `Type ${RESET_CONFIRMATION} (in capitals) to confirm`),
});

/** Removes customers, orders, imports and model runs; users, tokens, settings and the audit log stay. Administrators only. */
export const resetDataAction = authorizedAction("resetData", resetInput, async (_input, admin) => {
  try {
    const counts = await removeBusinessData({ userId: admin.id, via: "admin" });
    revalidatePath("/", "layout");
    return { ok: true, message: `Removed ${describeBusinessCounts(counts)}. Users, API tokens, settings and the audit log were kept.` };
  } catch (error) {
    if (error instanceof RetrainBusyError) return { ok: false, message: `${error.message}; nothing was removed. Try again when it has finished.` };
    throw error;
  }
});
