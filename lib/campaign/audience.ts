/**
 * Who a campaign contacts, as the planner's URL and the target-list export both say it:
 * some segments (none chosen = all) and within them everyone, the top N by expected profit,
 * or everyone at or above a response probability.
 */
import { z } from "zod";
import { blankToUndefined, optionalParam } from "@/lib/text/queryParam";
import { DEFAULT_ECONOMICS } from "./economics";
import { AMOUNT_MAX } from "./amountInput";

export const AUDIENCE_MODES = ["segments", "top", "threshold"] as const;
export type AudienceMode = (typeof AUDIENCE_MODES)[number];

const number = (schema: z.ZodNumber) => optionalParam(z.coerce.number().pipe(schema));
const amount = z.number().min(0, "must be 0 or more").max(AMOUNT_MAX, `must be at most ${AMOUNT_MAX}`);

const segmentList = z.preprocess(
  (value) => (typeof value === "string" && value.trim() ? value.split(",") : Array.isArray(value) ? value : []),
  z.array(z.coerce.number().int().min(0)).max(100),
);

export const campaignQuery = z.object({
  segments: segmentList,
  mode: z.preprocess(blankToUndefined, z.enum(AUDIENCE_MODES).default("threshold")),
  threshold: number(z.number().min(0).max(1)),
  top: number(z.number().int().min(0).max(100_000_000)),
  cost: number(amount).transform((value) => value ?? DEFAULT_ECONOMICS.costPerContact),
  revenue: number(amount).transform((value) => value ?? DEFAULT_ECONOMICS.revenuePerResponse),
  control: number(z.number().min(0).max(0.5)).transform((value) => value ?? 0.1),
  seed: number(
    z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  ).transform((value) => value ?? 1),
});
export type CampaignQuery = z.infer<typeof campaignQuery>;
