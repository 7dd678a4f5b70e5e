/**
 * zod schemas for the JSON a run stores, for the fields lib/db hands out already parsed. Old
 * rows are tolerated as the pages tolerate them: a field written before it existed, or one
 * that does not parse, reads as absent rather than failing the page. toJson wrote NaN as null.
 */
import { z } from "zod";

const outcome = z.object({
  contacts: z.number(),
  expectedResponders: z.number(),
  cost: z.number(),
  revenue: z.number(),
  profit: z.number(),
  roi: z.number().nullable(),
});
const economics = z.object({ costPerContact: z.number(), revenuePerResponse: z.number() });

const recommendedCampaign = z.object({
  recommended: outcome.extend({
    threshold: z.number().nullable(),
    breakEven: z.number(),
    scored: z.number(),
    segments: z.array(z.object({ segmentKey: z.number(), contacts: z.number() })),
    economics,
  }),
  everyone: outcome,
  economics,
});
/** Runs before issue 12 stored the campaign that mailed everyone above break-even. */
const legacyCampaign = z.object({ everyone: outcome, targeted: outcome, threshold: z.number().nullable(), economics });

/** A run's summary.campaign: the recommended campaign, or before issue 12 the legacy one. */
export const runCampaign = z.union([recommendedCampaign, legacyCampaign]);

const targeting = z.object({
  bins: z.number().int().positive(),
  cuts: z.array(z.number()).optional(),
  segments: z.array(z.object({ segmentKey: z.number(), counts: z.array(z.number()), sums: z.array(z.number()) })),
  unscored: z.number(),
});

/** What the customer and campaign pages read of a run's summary. */
export const activeRunSummary = z.object({
  customers: z.number(),
  expectedResponders: z.number().nullable(),
  targeting: targeting.optional().catch(undefined),
  campaign: runCampaign.nullable().optional().catch(undefined),
});
export type ActiveRunSummary = z.infer<typeof activeRunSummary>;

const backtest = z.union([
  z.object({ spearman: z.number().nullable(), mae: z.number().nullable(), baselineMae: z.number().nullable() }),
  z.object({ unavailable: z.string() }),
]);

/** The promotion gate's figures in a run's metrics (metrics.gate): the next run's gate compares against them. */
/** toJson stored a non-finite figure as null: it reads back as the NaN it was. */
const figure = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);
const gateMetrics = z.object({
  silhouette: figure,
  k: figure,
  responseAuc: z.number().nullable(),
  scoredShare: figure,
  clvBacktest: backtest.optional(),
});
/** Runs stored before the gate recorded its figures have no metrics.gate: nothing to compare against. */
export const metricsGate = z.object({ gate: gateMetrics }).transform((metrics) => metrics.gate);

/**
 * A run's reference statistics, the next run's drift baseline (RunReference in
 * lib/runs/driftAndStability.ts), checked for its outline: a run that stored none of that shape (a
 * seeded run's `{}`) gets no drift measured against it instead of failing the retrain.
 */
export const runReferenceOutline = z.looseObject({
  features: z.looseObject({ features: z.array(z.looseObject({ name: z.string() })) }),
  segments: z.looseObject({}),
  response: z.looseObject({}).nullable(),
});

/** Of a run's decision, whether the gate held the run for review (decisions before review lack it). */
export const decisionReview = z.object({ review: z.boolean().optional() }).nullable().catch(null);

/**
 * A segment's centroid: one number per segmentation feature. A coordinate toJson stored as
 * null (a NaN mean) reads as 0, which is what the matching's arithmetic made of the null before.
 */
export const centroid = z.array(
  z
    .number()
    .nullable()
    .transform((value) => value ?? 0),
);

/** Milliseconds per stage, in the order the stages ran. */
export const runTimings = z.record(z.string(), z.number());

/** Parses `value`, or null when it is absent or not of the stored shape. */
export function parseStored<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === null || value === undefined) return null;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
