/** Plain-language notes for the analyst about the data used and the choice of champion. */
import type { CustomerRecord } from "@/lib/data/customer";
import type { FeaturePipeline } from "@/lib/ml/features";
import type { CalibrationReport } from "./calibration";
import type { ProfitThreshold } from "./gains";
import type { ResponseModelKind } from "./models";
import { pluralise } from "@/lib/text/plural";

const NAMES: Record<ResponseModelKind, string> = { logistic: "logistic regression", mlp: "the MLP" };
const f3 = (x: number) => x.toFixed(3);

/** Said first, since every figure after it is measured on the sample. */
export function noteSample(sample: { rows: number; of: number; responders: number } | null): string[] {
  if (sample === null) return [];
  const count = (n: number) => n.toLocaleString("en-US");
  return [
    `Cross-validated and fitted on a stratified sample of ${count(sample.rows)} of ${count(sample.of)} labelled customers ` +
      `(${count(sample.responders)} responders, the same response rate); every customer is scored.`,
  ];
}

export function noteDataProblems(records: readonly CustomerRecord[], labelled: readonly CustomerRecord[], pipeline: FeaturePipeline): string[] {
  const notes: string[] = [];
  const unlabelled = records.length - labelled.length;
  if (unlabelled > 0) notes.push(`${pluralise(unlabelled, "customer")} without a Response value ${unlabelled === 1 ? "was" : "were"} left out.`);
  const excluded = pipeline.fit.excluded;
  if (excluded.length > 0) {
    const ids = excluded
      .slice(0, 10)
      .map((e) => e.externalId)
      .join(", ");
    const more = excluded.length > 10 ? ` and ${excluded.length - 10} more` : "";
    notes.push(
      `${pluralise(excluded.length, "customer")} with impossible birth years ${excluded.length === 1 ? "was" : "were"} left out of fitting the features ` +
        `(${ids}${more}); ${excluded.length === 1 ? "it is" : "they are"} scored with the median age (${pipeline.cleaning.medians.age}).`,
    );
  }
  if (pipeline.cleaning.missingInFit.length > 0) notes.push(`No values at all for: ${pipeline.cleaning.missingInFit.join(", ")}.`);
  return notes;
}

interface CvAucs {
  foldAucs: number[];
  meanAuc: number;
}

export function noteChampionChoice(
  cv: Partial<Record<ResponseModelKind, CvAucs>>,
  champion: ResponseModelKind,
  calibration: CalibrationReport,
  profit: ProfitThreshold,
): string[] {
  const notes: string[] = [];
  const { logistic, mlp } = cv;
  if (logistic && mlp) {
    const wins = mlp.foldAucs.filter((auc, i) => auc > logistic.foldAucs[i]).length;
    const aucs = `mean CV ROC AUC ${f3(mlp.meanAuc)} vs ${f3(logistic.meanAuc)}; better in ${wins} of ${mlp.foldAucs.length} folds`;
    notes.push(
      champion === "mlp"
        ? `The MLP beat logistic regression (${aucs}); the MLP is the champion.`
        : `The MLP did not beat logistic regression (${aucs}); keeping logistic regression.`,
    );
  } else notes.push(`Only ${NAMES[champion]} was fitted.`);
  notes.push(
    `Probabilities are Platt-calibrated on out-of-fold predictions: Brier ${f3(calibration.brierBefore)} before, ` +
      `${f3(calibration.brierAfter)} after (cross-fitted).`,
  );
  // Worded as a check of the model, so nobody reads it as a second campaign size beside the recommended one.
  if (profit.threshold === null) {
    notes.push(`On held-out folds, at cost ${profit.costPerContact} per contact and revenue ${profit.revenuePerResponse} per response no contact paid.`);
  } else {
    notes.push(
      `On held-out folds (a model check, not the campaign), contacting the labelled customers with out-of-fold probability ≥ ${f3(profit.threshold)} ` +
        `(${profit.contacted} of ${profit.contactAll.contacted}) maximised actual profit: ${Math.round(profit.profit)} vs ${Math.round(profit.contactAll.profit)} ` +
        `contacting all of them (cost ${profit.costPerContact}, revenue ${profit.revenuePerResponse}).`,
    );
  }
  return notes;
}
