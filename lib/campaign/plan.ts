/**
 * One campaign plan from the targeting aggregate and the planner's settings: the chosen
 * audience's outcome beside mailing everyone in the chosen segments, a random pick of the same
 * size from them and the most profitable audience in them. Pure, so the page and its tests agree.
 */
import { computeCampaignOutcome, type CampaignOutcome, type Economics } from "./economics";
import type { AudienceMode } from "./audience";
import {
  findBestPoint,
  buildCumulativeCurve,
  buildGainsCurve,
  findPointAtThreshold,
  computeRandomPickOutcome,
  countRespondersAtSize,
  type CurvePoint,
  type GainsPoint,
} from "./planner";
import type { TargetingAggregate } from "./targeting";
import { findNiceStep } from "@/lib/charts/niceScale";

export interface PlanSettings {
  segments: number[];
  mode: AudienceMode;
  threshold: number;
  top: number;
  economics: Economics;
}

export interface CampaignPlan {
  audience: CampaignOutcome;
  /** Everyone in the chosen segments (all customers when none is chosen). */
  everyone: CampaignOutcome;
  /** A random pick of the audience's size from the chosen segments. */
  random: CampaignOutcome;
  /** Whether segments were chosen, so "everyone" means everyone in them. */
  inChosenSegments: boolean;
  best: CampaignOutcome & { threshold: number };
  /** Customers in the chosen segments, the most any audience can reach. */
  available: number;
  gains: GainsPoint[];
  /** Profit by audience size within the chosen segments, at round sizes for the chart's axis. */
  profitCurve: { contacts: number; profit: number }[];
}

export function planCampaign(aggregate: TargetingAggregate, settings: PlanSettings): CampaignPlan {
  const { economics } = settings;
  const curve = buildCumulativeCurve(aggregate, settings.segments.length ? settings.segments : null);
  const available = curve.at(-1)!;
  const chosen: Pick<CurvePoint, "contacts" | "expectedResponders"> =
    settings.mode === "threshold"
      ? findPointAtThreshold(curve, settings.threshold)
      : settings.mode === "top"
        ? { contacts: Math.min(settings.top, available.contacts), expectedResponders: countRespondersAtSize(curve, settings.top) }
        : available;
  const audience = computeCampaignOutcome(chosen.contacts, chosen.expectedResponders, economics);
  const best = findBestPoint(curve, economics);
  return {
    audience,
    everyone: computeCampaignOutcome(available.contacts, available.expectedResponders, economics),
    random: computeRandomPickOutcome(audience.contacts, available, economics),
    inChosenSegments: settings.segments.length > 0,
    best: { ...computeCampaignOutcome(best.contacts, best.expectedResponders, economics), threshold: best.threshold },
    available: available.contacts,
    gains: buildGainsCurve(curve),
    profitCurve: computeProfitAtRoundSizes(curve, economics),
  };
}

/** About 40 points at multiples of a round step (1, 2 or 5 × 10^k), so every axis label is a round size. */
export function computeProfitAtRoundSizes(curve: CurvePoint[], economics: Economics, points = 40): { contacts: number; profit: number }[] {
  const available = curve.at(-1)!.contacts;
  if (!available) return [{ contacts: 0, profit: 0 }];
  const step = Math.max(1, findNiceStep(available / points));
  const sizes = Array.from({ length: Math.floor(available / step) + 1 }, (_, i) => i * step);
  return sizes.map((contacts) => ({ contacts, profit: computeCampaignOutcome(contacts, countRespondersAtSize(curve, contacts), economics).profit }));
}
