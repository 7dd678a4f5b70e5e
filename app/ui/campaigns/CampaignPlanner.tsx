"use client";

import { useMemo, useState } from "react";
import { Badge, Button, Callout, Card, Text, Title } from "@tremor/react";
import type { SegmentName } from "@/lib/db/activeRun";
import type { AudienceMode } from "@/lib/campaign/audience";
import { planCampaign } from "@/lib/campaign/plan";
import type { TargetingAggregate } from "@/lib/campaign/targeting";
import { computeBreakEvenProbability } from "@/lib/campaign/economics";
import { readAmount } from "@/lib/campaign/amountInput";
import type { CampaignView } from "@/lib/dashboard/storedCampaign";
import { buildQueryString } from "@/app/ui/customers/format";
import { formatCount, type MoneyFormat } from "@/lib/text/numberFormat";
import { SegmentDot } from "@/app/ui/dashboard/States";
import { CampaignCharts } from "./CampaignCharts";
import { OutcomeTable } from "./OutcomeTable";
import { RecommendedCampaign } from "./RecommendedCampaign";
import { formatPrice, formatProbability } from "./recommendedText";
import { ExcelExportLink } from "@/app/ui/export/CsvExportLink";

const input = "w-28 rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default";
const label = "mb-1 block text-tremor-label text-tremor-content";

const MODES: { value: AudienceMode; label: string }[] = [
  { value: "threshold", label: "Everyone above a response probability" },
  { value: "top", label: "Top N by expected profit" },
  { value: "segments", label: "Everyone in the chosen segments" },
];

interface PlannerProps {
  runId: number;
  aggregate: TargetingAggregate;
  segments: SegmentName[];
  /** The run's stored recommended campaign, the planner's opening audience; null when the run has none. */
  recommended: CampaignView | null;
  defaults: { cost: number; revenue: number };
  moneyFormat: MoneyFormat;
}

export function CampaignPlanner({ runId, aggregate, segments, recommended, defaults, moneyFormat }: PlannerProps) {
  const inCurrency = moneyFormat.currency ? ` (${moneyFormat.currency})` : "";
  const step = 1 / aggregate.bins;
  // The recommended campaign's threshold is an edge of the aggregate's bins, so this audience is exactly it.
  // With nothing worth mailing it is empty (p ≥ 1 holds nobody below break-even).
  const opening = recommended?.isRecorded
    ? (recommended.threshold ?? 1)
    : Math.ceil(computeBreakEvenProbability({ costPerContact: defaults.cost, revenuePerResponse: defaults.revenue }) / step) * step;
  const [chosen, setChosen] = useState<number[]>([]);
  const [mode, setMode] = useState<AudienceMode>("threshold");
  const [costText, setCostText] = useState(String(defaults.cost));
  const [revenueText, setRevenueText] = useState(String(defaults.revenue));
  const costInput = readAmount(costText, "a cost per contact");
  const revenueInput = readAmount(revenueText, "a revenue per response");
  // While a box is wrong the figures stay at the last valid amounts and the export is withheld.
  const [cost, setCost] = useState(defaults.cost);
  const [revenue, setRevenue] = useState(defaults.revenue);
  const amountsValid = costInput.error === null && revenueInput.error === null;
  const [threshold, setThreshold] = useState(opening);
  const [top, setTop] = useState(1000);
  const [control, setControl] = useState(10);
  const plan = useMemo(
    () => planCampaign(aggregate, { segments: chosen, mode, threshold, top, economics: { costPerContact: cost, revenuePerResponse: revenue } }),
    [aggregate, chosen, mode, threshold, top, cost, revenue],
  );
  const wasted = plan.audience.contacts - plan.audience.expectedResponders;
  const exportHref = `/api/export/campaign${buildQueryString({
    segments: chosen.join(","),
    mode,
    threshold: mode === "threshold" ? String(threshold) : undefined,
    top: mode === "top" ? top : undefined,
    cost,
    revenue,
    control: (control / 100).toFixed(3),
    seed: runId,
  })}`;
  const isRecommended =
    recommended?.isRecorded === true &&
    chosen.length === 0 &&
    mode === "threshold" &&
    threshold === opening &&
    cost === defaults.cost &&
    revenue === defaults.revenue;
  const openRecommended = () => {
    setChosen([]);
    setMode("threshold");
    setThreshold(opening);
    setCost(defaults.cost);
    setRevenue(defaults.revenue);
    setCostText(String(defaults.cost));
    setRevenueText(String(defaults.revenue));
  };
  const toggle = (key: number) => setChosen((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]));
  const handleAmountChange = (setText: (text: string) => void, set: (value: number) => void, what: string) => (event: React.ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    const read = readAmount(event.target.value, what);
    if (read.error === null) set(read.value);
  };
  const number = (set: (value: number) => void) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = Number(event.target.value);
    if (Number.isFinite(value) && value >= 0) set(value);
  };
  return (
    <div className="space-y-6">
      <RecommendedCampaign campaign={recommended} segments={segments} moneyFormat={moneyFormat}>
        {recommended?.isRecorded && (
          <div className="mt-3 flex flex-wrap items-center gap-4">
            <p className="text-tremor-default text-tremor-content" data-testid="planner-shows-recommended">
              {isRecommended ? "The audience below is the recommended campaign." : "The audience below is your own choice, not the recommended campaign."}
            </p>
            {!isRecommended && (
              <Button variant="secondary" onClick={openRecommended}>
                Back to the recommended campaign
              </Button>
            )}
          </div>
        )}
      </RecommendedCampaign>
      {!recommended?.isRecorded && (
        <Callout title="Estimated from a histogram" color="amber" data-testid="planner-estimated">
          This run was written before the recommended campaign was stored with its threshold as a bin edge of the planner&apos;s histogram: audiences here are
          counted in bins of {formatProbability(step, moneyFormat)} and may differ by a few customers from the recommended campaign. Retrain to make them exact.
        </Callout>
      )}
      <Card>
        <Title>Audience</Title>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <fieldset>
            <legend className={label}>Segments (none ticked = all)</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1" data-testid="segment-choices">
              {segments.map((segment) => (
                <label key={segment.segmentKey} className="flex items-center gap-1 text-tremor-default">
                  <input type="checkbox" checked={chosen.includes(segment.segmentKey)} onChange={() => toggle(segment.segmentKey)} />
                  <SegmentDot color={segment.color} />
                  {segment.name}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="space-y-3">
            <div>
              <label htmlFor="mode" className={label}>
                Who to contact
              </label>
              <select
                id="mode"
                value={mode}
                onChange={(event) => setMode(event.target.value as AudienceMode)}
                className="rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default"
              >
                {MODES.map((item) => (
                  <option key={item.value} value={item.value}>
                    {item.label}
                  </option>
                ))}
              </select>
            </div>
            {mode === "threshold" && (
              <div>
                <label htmlFor="threshold" className={label}>
                  Response probability at least {formatProbability(threshold, moneyFormat)}
                </label>
                <input id="threshold" type="range" min={0} max={1} step={step} value={threshold} onChange={number(setThreshold)} className="w-full" />
                <p className="text-tremor-default text-tremor-content" data-testid="reach">
                  Reach {formatCount(plan.audience.expectedResponders, moneyFormat, 1)} expected responders with{" "}
                  {formatCount(plan.audience.contacts, moneyFormat)} contacts; {formatCount(wasted, moneyFormat, 1)} contacts expected not to respond.
                </p>
              </div>
            )}
            {mode === "top" && (
              <div>
                <label htmlFor="top" className={label}>
                  Number of customers (of {formatCount(plan.available, moneyFormat)})
                </label>
                <input id="top" type="number" min={0} step={1} value={top} onChange={number((value) => setTop(Math.floor(value)))} className={input} />
              </div>
            )}
            <div className="flex flex-wrap gap-4">
              <div>
                <label htmlFor="cost" className={label}>
                  Cost per contact{inCurrency}
                </label>
                <input
                  id="cost"
                  type="number"
                  min={0}
                  step="0.1"
                  value={costText}
                  onChange={handleAmountChange(setCostText, setCost, "a cost per contact")}
                  aria-invalid={costInput.error !== null}
                  aria-describedby="cost-error"
                  className={input}
                />
                <AmountError id="cost-error" error={costInput.error} />
              </div>
              <div>
                <label htmlFor="revenue" className={label}>
                  Revenue per response{inCurrency}
                </label>
                <input
                  id="revenue"
                  type="number"
                  min={0}
                  step="0.1"
                  value={revenueText}
                  onChange={handleAmountChange(setRevenueText, setRevenue, "a revenue per response")}
                  aria-invalid={revenueInput.error !== null}
                  aria-describedby="revenue-error"
                  className={input}
                />
                <AmountError id="revenue-error" error={revenueInput.error} />
              </div>
            </div>
          </div>
        </div>
      </Card>
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Title>Expected outcome</Title>
          <Badge color="emerald" data-testid="best-size">
            Most profitable: {formatCount(plan.best.contacts, moneyFormat)} contacts at p ≥ {formatProbability(plan.best.threshold, moneyFormat)}
          </Badge>
        </div>
        {!amountsValid && (
          <p className="mt-2 text-tremor-default text-tremor-content" data-testid="outcome-last-valid">
            Figures use the last valid amounts: cost {formatPrice(cost, moneyFormat)} per contact, revenue {formatPrice(revenue, moneyFormat)} per response.
          </p>
        )}
        <OutcomeTable plan={plan} moneyFormat={moneyFormat} />
        <Button
          className="mt-4"
          variant="secondary"
          onClick={() => {
            setMode("threshold");
            setThreshold(plan.best.threshold);
          }}
        >
          Use the most profitable audience
        </Button>
      </Card>
      {plan.gains.length > 0 ? (
        <CampaignCharts plan={plan} moneyFormat={moneyFormat} />
      ) : (
        <Callout title="No scored customers in these segments">Choose other segments.</Callout>
      )}
      <Card>
        <Title>Target list</Title>
        <div className="mt-4 flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="control" className={label}>
              Control group (% held back, not mailed)
            </label>
            <input
              id="control"
              type="number"
              min={0}
              max={50}
              step={1}
              value={control}
              onChange={number((value) => setControl(Math.min(50, value)))}
              className={input}
            />
          </div>
          {amountsValid ? (
            <>
              <a href={exportHref} className="text-tremor-default text-tremor-brand underline" data-testid="export-campaign">
                Export the target list (CSV)
              </a>
              <ExcelExportLink href={exportHref} label="Export the target list for Excel (CSV with byte-order mark)" />
            </>
          ) : (
            <p className="text-tremor-default text-rose-700" data-testid="export-withheld">
              Fix the cost and revenue above to export the target list.
            </p>
          )}
        </div>
        <Text className="mt-2">
          The file flags a random {control}% of the audience in its control_group column (the same customers each time for this run): leave them out of the
          mailing and compare their response with the mailed group to measure the real uplift.
        </Text>
      </Card>
    </div>
  );
}

function AmountError({ id, error }: { id: string; error: string | null }) {
  return error ? (
    <p id={id} role="alert" className="mt-1 text-tremor-label text-rose-700" data-testid={id}>
      {error}
    </p>
  ) : null;
}
