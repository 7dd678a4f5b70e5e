import { Card, Text, Title } from "@tremor/react";
import type { CampaignView } from "@/lib/dashboard/storedCampaign";
import { amount } from "@/app/ui/dashboard/format";
import { count } from "@/app/ui/runs/format";
import { Facts } from "@/app/ui/runs/Facts";
import { economicsText, probabilityText, recommendedFigures } from "./recommendedText";

type Segment = { segmentKey: number; name: string };

// Tremor's Text drops data-testid, so lines a test reads are plain paragraphs in its style.
const prose = "text-tremor-default text-tremor-content";

/** The run's recommended campaign as stored: the same card on the overview, the planner and the run page. */
export function RecommendedCampaign({ campaign, segments, children }: { campaign: CampaignView | null; segments: Segment[]; children?: React.ReactNode }) {
  if (!campaign) {
    return (
      <Card data-testid="recommended-campaign">
        <Title>Recommended campaign</Title>
        <Text className="mt-2">This run has no response scores (or was written before campaigns were stored), so there is no campaign to recommend.</Text>
      </Card>
    );
  }
  const figures = recommendedFigures(campaign);
  const nameOf = new Map(segments.map((segment) => [segment.segmentKey, segment.name]));
  return (
    <Card data-testid="recommended-campaign">
      <Title>Recommended campaign</Title>
      <p className={`mt-1 ${prose}`} data-testid="recommended-audience">
        {campaign.isRecorded
          ? `Mail every scored customer with a response probability of at least ${figures.threshold}: ${figures.contacts} of ${count(campaign.scored)}, `
          : `Mail every customer above the break-even probability: ${figures.contacts} customers, `}
        the audience that maximises expected profit at {economicsText(campaign)} (break-even {probabilityText(campaign.breakEven)}). Computed once when the run was written, from
        the final model&apos;s scores.
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
          By segment: {campaign.segments.map((segment) => `${nameOf.get(segment.segmentKey) ?? `segment ${segment.segmentKey}`} ${count(segment.contacts)}`).join(" · ")}.
        </p>
      )}
      <Text className="mt-1">
        ROI {figures.roi}; mailing all {count(campaign.everyone.contacts)} scored customers instead: profit {amount(campaign.everyone.profit)}.
      </Text>
      {!campaign.isRecorded && (
        <p className={`mt-1 ${prose}`} data-testid="recommended-not-recorded">
          This run was written before the recommended campaign was stored: its lowest contacted probability and its segments are not recorded. Retrain to see them.
        </p>
      )}
      {children}
    </Card>
  );
}
