import { Badge, Card, Flex, Text, Title, type Color } from "@tremor/react";
import { AUC_CUTOFFS, LIFT_CUTOFFS, gradeModelQuality, type QualityGrade } from "@/lib/dashboard/modelQuality";
import { readResponseAuc, type StoredMetrics } from "@/lib/runs/storedRun";
import { formatFixed } from "@/lib/text/numberFormat";

const GRADE_COLORS: Record<QualityGrade, Color> = { Poor: "rose", Fair: "amber", Good: "emerald", Excellent: "blue" };
const MEANING: Record<QualityGrade, string> = {
  Poor: "it picks out likely responders little better than chance: target campaigns with care.",
  Fair: "it finds likely responders better than chance, but misses many.",
  Good: "it reliably puts likely responders at the top of the list.",
  Excellent: "it separates responders from non-responders very well.",
};

/** The response model's quality in plain words, with the figures and cut-offs behind the grade. */
export function QualityCard({ metrics }: { metrics: StoredMetrics | null }) {
  const quality = gradeModelQuality(readResponseAuc(metrics), metrics?.response?.metrics.gains[0]?.lift);
  return (
    <Card data-testid="model-quality">
      <Flex justifyContent="start" className="gap-3">
        <Title>Campaign-response model</Title>
        {quality && (
          <Badge color={GRADE_COLORS[quality.grade]} data-testid="quality-badge">
            {quality.grade}
          </Badge>
        )}
      </Flex>
      {quality ? (
        <>
          <Text className="mt-2">
            {quality.grade}: {MEANING[quality.grade]} The best-scored tenth of customers holds {formatFixed(quality.topDecileLift, 1)}× the responders of a
            random tenth; cross-validated ROC AUC {formatFixed(quality.auc, 2)}.
          </Text>
          <p className="mt-2 text-tremor-label text-tremor-content">
            Grades: ROC AUC below {AUC_CUTOFFS[0]} poor, from {AUC_CUTOFFS[0]} fair, {AUC_CUTOFFS[1]} good, {AUC_CUTOFFS[2]} excellent; top-tenth lift below{" "}
            {LIFT_CUTOFFS[0]}× poor, from {LIFT_CUTOFFS[0]}× fair, {LIFT_CUTOFFS[1]}× good, {LIFT_CUTOFFS[2]}× excellent. The lower of the two grades is shown.
          </p>
        </>
      ) : (
        <Text className="mt-2">No response model was trained in the active run, so there is no grade.</Text>
      )}
    </Card>
  );
}
