/**
 * Where to reach a segment: the purchase channel it leans to (by z), else the one it uses most,
 * from the order lines' own channels or the marketing file's web, catalogue and store counts.
 * Without any, the channel advice says which data is missing instead of naming one.
 */
import { OTHER_CHANNELS } from "@/lib/ml/features/orderBehaviour";
import type { PersonaAction } from "./actions";
import { describeEvidence, isHigh, known, type Known } from "./evidence";
import { formatValue, joinAsList } from "./format";
import type { SegmentStatistics } from "./statistics";
import { findStatistic, STRONG_Z, TRAIT_Z } from "./traits";
import { CHANNEL_CONCEPTS, parseCategoryOrChannel } from "./vocabulary";

export interface Channel {
  /** "catalogue mailings": what the action is sent through. */
  via: string;
  /** "from the catalogue": where they buy. */
  where: string;
  statistic: Known;
  /** True when they buy there more than everyone; else it is simply where they buy most. */
  leans: boolean;
}

type Candidate = Omit<Channel, "leans">;

/** Every purchase channel the data has: its own (order lines) and the marketing file's. */
export function listChannels(segment: SegmentStatistics): Candidate[] {
  const own = segment.features.flatMap((f) => {
    const column = parseCategoryOrChannel(f.name);
    return column?.kind === "channel" && column.value !== OTHER_CHANNELS && known(f)
      ? [{ via: `the ${column.value} channel`, where: `via ${column.value}`, statistic: f }]
      : [];
  });
  const marketing = CHANNEL_CONCEPTS.flatMap(({ concept, via, where }) => {
    const f = findStatistic(segment, concept);
    return known(f) ? [{ via, where, statistic: f }] : [];
  });
  return [...own, ...marketing];
}

/** The channel their purchases lean to most (by z), or simply the one they use most; null without channel data. */
export function choosePreferredChannel(channels: readonly Candidate[]): Channel | null {
  if (channels.length === 0) return null;
  const leaning = [...channels].sort((a, b) => b.statistic.z - a.statistic.z)[0];
  if (leaning.statistic.z >= TRAIT_Z) return { ...leaning, leans: true };
  return { ...[...channels].sort((a, b) => b.statistic.mean - a.statistic.mean)[0], leans: false };
}

/** The channel advice that closes a segment's actions; `offer` is its first action's. */
export function recommendChannelAction(
  segment: SegmentStatistics,
  channels: readonly Candidate[],
  channel: Channel | null,
  audience: string,
  offer: string,
): PersonaAction {
  if (channel === null) {
    return {
      type: "channel",
      title: "No channel data: choose the channel yourself",
      detail:
        "The data has no purchase channels (no web, catalogue or store purchase counts, and no channel column in the order lines), so these actions name none. Import them to get channel advice.",
      offer,
      audience,
      channel: null,
    };
  }
  const share = formatValue(channel.statistic.mean, "share");
  const sentences = [
    channel.leans
      ? `They buy ${channel.where} more than others (${share} of purchases against ${formatValue(channel.statistic.overallMean, "share")} for everyone): send their offers to ${audience} through ${channel.via}.`
      : `They buy ${channel.where} most (${share} of purchases), like most customers: send their offers to ${audience} through ${channel.via}.`,
  ];
  const web = findStatistic(segment, "webShare");
  if (isHigh(segment, "webVisits") && known(web) && web.z < TRAIT_Z) {
    sentences.push(
      `They visit the website more often than others (${describeEvidence(segment, "webVisits")}) but buy there no more: retarget their visits with ${offer}.`,
    );
  }
  const weak = channels.filter((c) => c.statistic.z <= -STRONG_Z).map((c) => c.via);
  if (weak.length > 0) sentences.push(`Spend less on ${joinAsList(weak)} for them.`);
  return { type: "channel", title: `Reach them through ${channel.via}`, detail: sentences.join(" "), offer, audience, channel: channel.via };
}
