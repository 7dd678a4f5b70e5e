import { Card, Text, Title } from "@tremor/react";
import type { CampaignView } from "@/lib/dashboard/storedCampaign";
import { formatCount, formatMoney, type MoneyFormat } from "@/lib/text/numberFormat";
import { Facts } from "@/app/ui/runs/Facts";
import { describeEconomics, formatProbability, formatRecommendedFigures } from "./recommendedText";

type Segment = { segmentKey: number; name: string };

// Tremor's Text drops data-testid, so lines a test reads are plain paragraphs in its style.
const prose = "text-tremor-default text-tremor-content";

interface Props {
  campaign: CampaignView | null;
  segments: Segment[];
  moneyFormat: MoneyFormat;
  children?: React.ReactNode;
}

/** The run's recommended campaign as stored: the same card on the overview, the planner and the run page. */
export function RecommendedCampaign({ campaign, segments, moneyFormat, children }: Props) {
  if (!campaign) {
    return (
      <Card data-testid="recommended-campaign">
        <Title>Recommended campaign</Title>
        <Text className="mt-2">This run has no response scores (or was written before campaigns were stored), so there is no campaign to recommend.</Text>
      </Card>
    );
  }
  const figures = formatRecommendedFigures(campaign, moneyFormat);
  const nameOf = new Map(segments.map((segment) => [segment.segmentKey, segment.name]));
  return (
    <Card data-testid="recommended-campaign">
      <Title>Recommended campaign</Title>
      <p className={`mt-1 ${prose}`} data-testid="recommended-audience">
        {campaign.isRecorded
          ? `Mail every scored customer with a response probability of at least ${figures.threshold}: ${figures.contacts} of ${formatCount(campaign.scored, moneyFormat)}, `
          : `Mail every customer above the break-even probability: ${figures.contacts} customers, `}
        the audience that maximises expected profit at {describeEconomics(campaign, moneyFormat)} (break-even{" "}
        {formatProbability(campaign.breakEven, moneyFormat)}
        ). Computed once when the run was written, from the final model&apos;s scores.
      </p>
      <div className="mt-3">
        <Facts
          items={[
            /* eslint-disable react/jsx-key -- tuple values handed to Facts, which keys its rows by label, not list children */
            ["Contacts", <span data-testid="recommended-contacts">{figures.contacts}</span>],
            ["Response probability at least", <span data-testid="recommended-threshold">{figures.threshold}</span>],
            ["Expected responders", <span data-testid="recommended-responders">{figures.responders}</span>],
            ["Cost", figures.cost],
            ["Revenue", figures.revenue],
            ["Expected profit", <span data-testid="recommended-profit">{figures.profit}</span>],
            /* eslint-enable react/jsx-key */
          ]}
        />
      </div>
      {campaign.segments && campaign.segments.length > 0 && (
        <p className={`mt-3 ${prose}`} data-testid="recommended-segments">
          By segment:{" "}
          {campaign.segments
            .map((segment) => `${nameOf.get(segment.segmentKey) ?? `segment ${segment.segmentKey}`} ${formatCount(segment.contacts, moneyFormat)}`)
            .join(" · ")}
          .
        </p>
      )}
      <Text className="mt-1">
        ROI {figures.roi}; mailing all {formatCount(campaign.everyone.contacts, moneyFormat)} scored customers instead: profit{" "}
        {formatMoney(campaign.everyone.profit, moneyFormat)}.
      </Text>
      {!campaign.isRecorded && (
        <p className={`mt-1 ${prose}`} data-testid="recommended-not-recorded">
          This run was written before the recommended campaign was stored: its lowest contacted probability and its segments are not recorded. Retrain to see
          them.
        </p>
      )}
      {children}
    </Card>
  );
}
