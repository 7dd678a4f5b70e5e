/**
 * Recommended actions by rule, from a segment's z-scores (STRONG_Z = 0.5 standard deviations):
 * win-back for lapsing, loyalty and upsell for high value, price incentives for deal seekers,
 * nurture for new customers, campaign targeting by response, entry offers for light spenders,
 * and otherwise the category they lean to. Each says why (the figure behind it), what to send
 * (built from the categories the segment buys), to whom (the segment, with its size) and through
 * which channel (the one its purchases lean to, else the one it uses most); without channel
 * data the last action says which data is missing. Only the run's most valuable segment is told
 * it is worth the most.
 */
import { pluralise } from "@/lib/text/plural";
import { OTHER_CATEGORIES } from "@/lib/ml/features/orderBehaviour";
import { recommendChannelAction, listChannels, choosePreferredChannel } from "./channels";
import { describeEvidence, isHigh, isLow, known, shareEvidence, type Known } from "./evidence";
import { capitalise, formatValue } from "./format";
import type { SegmentStatistics } from "./statistics";
import { findStatistic, STRONG_Z, TRAIT_Z } from "./traits";
import { CATEGORY_CONCEPTS, parseCategoryOrChannel } from "./vocabulary";

export type ActionType = "win-back" | "loyalty" | "upsell" | "price-incentive" | "nurture" | "campaign" | "engage" | "feature" | "channel";

export interface PersonaAction {
  type: ActionType;
  title: string;
  detail: string;
  /** What to send. */
  offer: string;
  /** To whom: "the 641 customers in this segment". */
  audience: string;
  /** Through which channel; null when the data has no channel. */
  channel: string | null;
}

/** A rule's action before the audience and channel are added. */
interface Draft {
  type: ActionType;
  title: string;
  /** The fact behind it, a sentence. */
  why: string;
  offer: string;
  after?: string;
}

interface Category {
  name: string;
  statistic: Known;
}

interface Context {
  segment: SegmentStatistics;
  /** The data's categories, the segment's largest share of spend first. */
  categories: Category[];
  isMostValuable: boolean;
}

const VALUE_CONCEPTS = ["clv", "totalSpend"] as const;

/** Why their favourite category: a larger share than others', or simply their largest. */
const favouriteWhy = ({ name, statistic }: Category) =>
  statistic.z >= TRAIT_Z
    ? `They spend a larger share on ${name} than others (${shareEvidence(statistic)}).`
    : `${capitalise(name)} takes the largest share of their spend (${formatValue(statistic.mean, "share")}).`;

/**
 * The segment of the run worth the most — by expected lifetime value when the run has it, else
 * by total spend — provided it stands out on it; null when none does.
 */
export function findMostValuableSegment(segments: readonly SegmentStatistics[]): number | null {
  const concept = VALUE_CONCEPTS.find((c) => segments.some((segment) => known(findStatistic(segment, c))));
  if (concept === undefined) return null;
  const valued = segments.flatMap((segment) => {
    const f = findStatistic(segment, concept);
    return known(f) ? [{ id: segment.id, mean: f.mean, z: f.z }] : [];
  });
  const best = valued.sort((a, b) => b.mean - a.mean || a.id - b.id)[0];
  return best.z >= STRONG_Z ? best.id : null;
}

export function recommendActions(segment: SegmentStatistics, options: { isMostValuable: boolean }): PersonaAction[] {
  if (segment.size === 0) return [];
  const context: Context = { segment, categories: listCategories(segment), isMostValuable: options.isMostValuable };
  const drafts = [winBack, valueActions, priceIncentive, nurture, campaignActions, growBasket].flatMap((rule) => rule(context));
  if (drafts.length === 0) drafts.push(featureCategory(context));
  const audience = `the ${pluralise(segment.size, "customer")} in this segment`;
  const channels = listChannels(segment);
  const channel = choosePreferredChannel(channels);
  const actions = drafts.map((draft): PersonaAction => {
    const through = channel === null ? "" : ` through ${channel.via}`;
    const detail = `${draft.why} Send ${draft.offer} to ${audience}${through}.${draft.after ? ` ${draft.after}` : ""}`;
    return { type: draft.type, title: draft.title, detail, offer: draft.offer, audience, channel: channel?.via ?? null };
  });
  return [...actions, recommendChannelAction(segment, channels, channel, audience, drafts[0].offer)];
}

/** The data's own categories (order lines) or the marketing file's, the segment's largest share of spend first. */
function listCategories(segment: SegmentStatistics): Category[] {
  const own = segment.features.flatMap((f) => {
    const column = parseCategoryOrChannel(f.name);
    return column?.kind === "category" && column.value !== OTHER_CATEGORIES && known(f) ? [{ name: column.value, statistic: f }] : [];
  });
  const marketing = CATEGORY_CONCEPTS.flatMap(({ concept, category }) => {
    const f = findStatistic(segment, concept);
    return known(f) ? [{ name: category, statistic: f }] : [];
  });
  return [...own, ...marketing].sort((a, b) => b.statistic.mean - a.statistic.mean);
}

const onFavourite = ({ categories }: Context) => (categories.length > 0 ? ` on ${categories[0].name}` : "");

function winBack(context: Context): Draft[] {
  const { segment } = context;
  const facts = [
    isHigh(segment, "recency") ? describeEvidence(segment, "recency") : null,
    isLow(segment, "pAlive") ? describeEvidence(segment, "pAlive") : null,
  ].filter((fact) => fact !== null);
  if (facts.length === 0) return [];
  return [
    {
      type: "win-back",
      title: "Win them back",
      why: `They are drifting away (${facts.join("; ")}).`,
      offer: `a time-limited offer${onFavourite(context)} with a reminder of what they bought before`,
      after: "Stop after two contacts without a reply.",
    },
  ];
}

function valueActions(context: Context): Draft[] {
  const { segment, categories, isMostValuable } = context;
  const concept = VALUE_CONCEPTS.find((c) => isHigh(segment, c));
  if (concept === undefined) return [];
  const [first, second] = categories;
  const worth = isMostValuable ? "They are worth the most of all segments" : "They are worth more than the average customer";
  const loyalty: Draft = {
    type: "loyalty",
    title: "Reward and keep them",
    why: `${worth} (${describeEvidence(segment, concept)}).`,
    offer: `an invitation to a loyalty tier with early access to new ranges${first ? ` in ${first.name}` : ""}`,
    after: "Reward them with service rather than discounts.",
  };
  if (first === undefined) return [loyalty];
  const upsell: Draft = {
    type: "upsell",
    title: `Upsell premium ${first.name}`,
    why: favouriteWhy(first),
    offer: `an offer on premium ${first.name}${second ? ` bundled with ${second.name}` : ""}`,
  };
  return [loyalty, upsell];
}

function priceIncentive(context: Context): Draft[] {
  if (!isHigh(context.segment, "dealRatio")) return [];
  return [
    {
      type: "price-incentive",
      title: "Lead with price",
      why: `They buy on deals more than others (${describeEvidence(context.segment, "dealRatio")}).`,
      offer: `coupons and time-limited discounts${onFavourite(context)}`,
      after: "Time contacts around promotions.",
    },
  ];
}

function nurture(context: Context): Draft[] {
  if (!isLow(context.segment, "tenure")) return [];
  const first = context.categories[0];
  return [
    {
      type: "nurture",
      title: "Welcome and nurture",
      why: `They became customers recently (${describeEvidence(context.segment, "tenure")}).`,
      offer: `a welcome series with an incentive for the second and third purchase${first ? `, starting with ${first.name},` : ""}`,
    },
  ];
}

function campaignActions(context: Context): Draft[] {
  const { segment } = context;
  const responsive = (["responseRate", "acceptedCount"] as const).find((c) => isHigh(segment, c));
  if (responsive !== undefined) {
    return [
      {
        type: "campaign",
        title: "Put them first in campaigns",
        why: `They answer campaigns more than others (${describeEvidence(segment, responsive)}).`,
        offer: `every new campaign first${context.categories.length > 0 ? `, leading with ${context.categories[0].name},` : ""}`,
        after: "Test new offers on them before the wider mailing.",
      },
    ];
  }
  const unresponsive = (["responseRate", "acceptedCount"] as const).find((c) => isLow(segment, c));
  if (unresponsive === undefined || isHigh(segment, "recency") || isLow(segment, "pAlive")) return [];
  return [
    {
      type: "campaign",
      title: "Contact them less often",
      why: `They rarely answer campaigns (${describeEvidence(segment, unresponsive)}).`,
      offer: `one offer a quarter${onFavourite(context)} instead of every campaign`,
    },
  ];
}

function growBasket(context: Context): Draft[] {
  if (!isLow(context.segment, "totalSpend") || isHigh(context.segment, "dealRatio")) return [];
  return [
    {
      type: "engage",
      title: "Grow their basket",
      why: `They spend less than others (${describeEvidence(context.segment, "totalSpend")}).`,
      offer: `an entry-level offer${onFavourite(context)}`,
    },
  ];
}

/** No rule fits: the category they lean to, else the one they buy most, else the regular campaign. */
function featureCategory({ categories }: Context): Draft {
  const leaning = [...categories].sort((a, b) => b.statistic.z - a.statistic.z)[0];
  if (leaning !== undefined && leaning.statistic.z >= TRAIT_Z) {
    return {
      type: "feature",
      title: `Feature ${leaning.name} for them`,
      why: `They spend a larger share on ${leaning.name} than others (${shareEvidence(leaning.statistic)}).`,
      offer: `a ${leaning.name} selection`,
    };
  }
  const first = categories[0];
  if (first !== undefined) {
    return { type: "feature", title: `Keep them in the ${first.name} campaigns`, why: favouriteWhy(first), offer: `the regular ${first.name} offers` };
  }
  return {
    type: "feature",
    title: "Keep them in regular campaigns",
    why: "Nothing sets them far apart, and the data has no product categories to build an offer on.",
    offer: "the regular campaign offer",
  };
}
