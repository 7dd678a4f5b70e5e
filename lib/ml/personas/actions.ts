/**
 * Recommended actions by rule, from a segment's z-scores (STRONG_Z = 0.5 standard deviations):
 * win-back for lapsing (long since last purchase, or low chance of still being active),
 * loyalty and upsell for high value (lifetime value or spend), price incentives for deal
 * seekers, nurture for new customers, campaign targeting by response, and channel advice
 * from channel shares. A segment no rule fits gets an engagement test.
 */
import { formatValue, listOf } from "./format";
import type { FeatureStatistic, SegmentStatistics } from "./statistics";
import { statisticOf, STRONG_Z, TRAIT_Z, zOf, type PersonaTrait } from "./traits";
import { OTHER_CATEGORIES, OTHER_CHANNELS } from "@/lib/ml/features/orderBehaviour";
import { CATEGORY_CONCEPTS, CHANNEL_CONCEPTS, CONCEPT_WORDS, categoryOrChannel, wordsOf, type PersonaConcept } from "./vocabulary";

export type ActionType = "win-back" | "loyalty" | "upsell" | "price-incentive" | "nurture" | "campaign" | "channel" | "engage";

export interface PersonaAction {
  type: ActionType;
  title: string;
  detail: string;
}

const isHigh = (segment: SegmentStatistics, concept: PersonaConcept) => (zOf(segment, concept) ?? 0) >= STRONG_Z;
const isLow = (segment: SegmentStatistics, concept: PersonaConcept) => (zOf(segment, concept) ?? 0) <= -STRONG_Z;

/** "62% of their spend (everyone 46%)"-style evidence for one concept. */
function evidence(segment: SegmentStatistics, concept: PersonaConcept): string {
  const f = statisticOf(segment, concept) as FeatureStatistic & { mean: number; overallMean: number };
  const unit = CONCEPT_WORDS[concept].unit;
  return `${CONCEPT_WORDS[concept].label}: ${formatValue(f.mean, unit)} against ${formatValue(f.overallMean, unit)} for everyone`;
}

/** The data's own categories (order lines) or the marketing file's, with their share of this segment's spend. */
function categoryShares(segment: SegmentStatistics): { category: string; mean: number | null }[] {
  const own = segment.features.flatMap((f) => {
    const column = categoryOrChannel(f.name);
    return column?.kind === "category" && column.value !== OTHER_CATEGORIES && f.z !== null ? [{ category: column.value, mean: f.mean }] : [];
  });
  const marketing = CATEGORY_CONCEPTS.map(({ concept, category }) => ({ category, statistic: statisticOf(segment, concept) }))
    .filter(({ statistic }) => statistic?.z != null)
    .map(({ category, statistic }) => ({ category, mean: statistic!.mean }));
  return [...own, ...marketing];
}

/** Categories by the segment's own share of spend, largest first; only those the segment's data show. */
function favouriteCategories(segment: SegmentStatistics): string[] {
  return categoryShares(segment)
    .filter((c): c is { category: string; mean: number } => c.mean !== null)
    .sort((a, b) => b.mean - a.mean)
    .map((c) => c.category);
}

interface Context {
  segment: SegmentStatistics;
  /** " on wine": the category with the largest share of this segment's spend, for offers. */
  onFavourite: string;
  favourites: string[];
}

/** `traits` are the segment's top traits, used when no targeted rule applies. */
export function recommendActions(segment: SegmentStatistics, traits: readonly PersonaTrait[]): PersonaAction[] {
  if (segment.size === 0) return [];
  const favourites = favouriteCategories(segment);
  const context: Context = { segment, favourites, onFavourite: favourites.length > 0 ? ` on ${favourites[0]}` : "" };
  const actions = [winBack, valueActions, priceIncentive, nurture, campaignActions].flatMap((rule) => rule(context));
  if (actions.length === 0) actions.push(engageAction(context, traits));
  const channel = channelAction(segment);
  if (channel !== null) actions.push(channel);
  return actions;
}

function winBack({ segment, onFavourite }: Context): PersonaAction[] {
  const facts = [isHigh(segment, "recency") ? evidence(segment, "recency") : null, isLow(segment, "pAlive") ? evidence(segment, "pAlive") : null];
  const shown = facts.filter((fact) => fact !== null);
  if (shown.length === 0) return [];
  const detail = `They are drifting away (${shown.join("; ")}). Send a time-limited offer${onFavourite} with a reminder of what they bought before, and stop after two contacts without a reply.`;
  return [{ type: "win-back", title: "Win them back", detail }];
}

function valueActions({ segment, favourites }: Context): PersonaAction[] {
  const valueConcept = (["clv", "totalSpend"] as const).find((c) => isHigh(segment, c));
  if (valueConcept === undefined) return [];
  const premium =
    favourites.length > 1 ? `premium ${favourites[0]}, and bundles with ${favourites[1]}` : favourites.length === 1 ? `premium ${favourites[0]}` : "premium ranges and bundles";
  return [
    {
      type: "loyalty",
      title: "Reward and keep them",
      detail: `They are worth the most (${evidence(segment, valueConcept)}). Offer a loyalty tier, early access and personal service rather than discounts.`,
    },
    { type: "upsell", title: "Upsell premium products", detail: `Recommend ${premium}.` },
  ];
}

function priceIncentive({ segment }: Context): PersonaAction[] {
  if (!isHigh(segment, "dealRatio")) return [];
  const detail = `They buy on deals (${evidence(segment, "dealRatio")}). Use coupons, bundles and time-limited discounts, and time contacts around promotions.`;
  return [{ type: "price-incentive", title: "Lead with price", detail }];
}

function nurture({ segment }: Context): PersonaAction[] {
  if (!isLow(segment, "tenure")) return [];
  const detail = `They joined recently (${evidence(segment, "tenure")}). Send a welcome series that introduces the range, with an incentive for the second and third purchase.`;
  return [{ type: "nurture", title: "Welcome and nurture", detail }];
}

function campaignActions({ segment }: Context): PersonaAction[] {
  const responsive = (["responseRate", "acceptedCount"] as const).find((c) => isHigh(segment, c));
  if (responsive !== undefined) {
    return [{ type: "campaign", title: "Put them first in campaigns", detail: `They answer offers more than others (${evidence(segment, responsive)}). Include them in every campaign and use them to test new offers.` }];
  }
  const unresponsive = (["responseRate", "acceptedCount"] as const).find((c) => isLow(segment, c));
  if (unresponsive !== undefined && !isHigh(segment, "recency") && !isLow(segment, "pAlive")) {
    return [{ type: "campaign", title: "Contact them less often", detail: `They rarely answer campaigns (${evidence(segment, unresponsive)}). Lower the contact frequency and test a different kind of offer before spending more on them.` }];
  }
  return [];
}

function engageAction({ segment, onFavourite }: Context, traits: readonly PersonaTrait[]): PersonaAction {
  if (isLow(segment, "totalSpend")) {
    return { type: "engage", title: "Grow their basket at low cost", detail: `They spend little (${evidence(segment, "totalSpend")}). Use low-cost contact (email, web) with entry offers${onFavourite}.` };
  }
  const known = traits.filter((t) => wordsOf(t.feature, t.concept) !== null).slice(0, 2).map((t) => t.phrase);
  const lead = known.length > 0 ? `Build offers around what sets them apart (${listOf(known)})` : "They are close to the average customer. Keep them in regular campaigns";
  return { type: "engage", title: "Test what moves them", detail: `${lead} and A/B-test offers${onFavourite} to find what they answer.` };
}

/** Where to reach them: the channel they lean to most (by z), or simply the one they use most. */
function channelAction(segment: SegmentStatistics): PersonaAction | null {
  const own = segment.features.flatMap((f) => {
    const column = categoryOrChannel(f.name);
    return column?.kind === "channel" && column.value !== OTHER_CHANNELS ? [{ concept: null, where: `via ${column.value}`, via: column.value, statistic: f as FeatureStatistic | null }] : [];
  });
  const marketing = CHANNEL_CONCEPTS.map((channel) => ({ ...channel, statistic: statisticOf(segment, channel.concept) }));
  const channels = [...own, ...marketing]
    .filter((c): c is typeof c & { statistic: FeatureStatistic & { mean: number; z: number } } => c.statistic?.mean != null && c.statistic.z !== null);
  if (channels.length === 0) return null;
  const leaning = [...channels].sort((a, b) => b.statistic.z - a.statistic.z)[0];
  const main = leaning.statistic.z >= TRAIT_Z ? leaning : [...channels].sort((a, b) => b.statistic.mean - a.statistic.mean)[0];
  const share = formatValue(main.statistic.mean, "share");
  const sentences = [
    main === leaning
      ? `They buy ${main.where} more than others (${share} of purchases against ${formatValue(main.statistic.overallMean!, "share")}): reach them through ${main.via}.`
      : `They buy mostly ${main.where} (${share} of purchases), like most customers: reach them through ${main.via}.`,
  ];
  const web = channels.find((c) => c.concept === "webShare");
  if (isHigh(segment, "webVisits") && web !== undefined && web.statistic.z < TRAIT_Z) {
    sentences.push(`They visit the website often but seldom buy there: retarget site visitors and make ordering online easier.`);
  }
  const weak = channels.filter((c) => c.statistic.z <= -STRONG_Z).map((c) => c.via);
  if (weak.length > 0) sentences.push(`Spend less on ${listOf(weak)} for them.`);
  return { type: "channel", title: `Reach them ${main.where}`, detail: sentences.join(" ") };
}
