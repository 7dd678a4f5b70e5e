import { Badge, Card, Flex, Text, Title } from "@tremor/react";
import { GRADE_RULE } from "@/lib/ml/clv/backtestGrade";
import type { StoredMetrics } from "@/lib/runs/storedRun";
import { ClvGradeCallout, GRADE_COLORS } from "@/app/ui/runs/ClvGradeCallout";

const MEANING = {
  good: "the lifetime values held up against what customers did next.",
  fair: "the lifetime values point the right way, but are rough.",
  poor: "the lifetime values did not predict what customers did next: use them with care.",
} as const;

/** The active run's CLV backtest grade in plain words, with the rule behind it. */
export function ClvBacktestSummary({ metrics }: { metrics: StoredMetrics | null }) {
  const backtest = metrics?.clv?.backtest;
  return (
    <Card data-testid="clv-backtest-summary">
      <Flex justifyContent="start" className="gap-3">
        <Title>Lifetime-value backtest</Title>
        {backtest?.status === "done" && <Badge color={GRADE_COLORS[backtest.grade.level]}>{backtest.grade.level}</Badge>}
      </Flex>
      {!metrics?.clv ? (
        <Text className="mt-2">No lifetime-value model in the active run, so nothing to check.</Text>
      ) : !backtest ? (
        <Text className="mt-2">The active run was trained before backtests existed; the next run will have one.</Text>
      ) : backtest.status === "unavailable" ? (
        <Text className="mt-2">No backtest: {backtest.reason}</Text>
      ) : (
        <div className="mt-2 space-y-2">
          <ClvGradeCallout grade={backtest.grade} title={`${capitalised(backtest.grade.level)}: ${MEANING[backtest.grade.level]}`} />
          <p className="text-tremor-label text-tremor-content">
            The model is refitted without the last {backtest.holdoutWeeks} weeks of orders and predicts them. Good: Spearman at least {GRADE_RULE.goodSpearman},
            fewer errors per customer than each customer&apos;s past purchase rate, and the total within ±{GRADE_RULE.goodTotalError * 100}%. Poor: no fewer
            errors than the past rate, Spearman below {GRADE_RULE.poorSpearman}, or the total off by more than {GRADE_RULE.poorTotalError * 100}%. Fair:
            between.
          </p>
        </div>
      )}
    </Card>
  );
}

const capitalised = (word: string) => word[0].toUpperCase() + word.slice(1);
