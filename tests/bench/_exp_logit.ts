import { readMarketingCsv } from "@/tests/support/readMarketingCsv";
import { fitFeaturePipeline, transformFeatures, ALL_FEATURES, RESPONSE_FEATURES } from "@/lib/ml/features";
import { fitLogistic, predictLogistic } from "@/lib/ml/response/logistic";
import { stratifiedFolds } from "@/lib/ml/response/folds";
import { rocAuc, brierScore } from "@/lib/ml/response/metrics";
const recs = readMarketingCsv();
const labels = recs.map(r => r.response!);
function cv(features: readonly string[], l2: number, seed = 1, cw: any = null) {
  const fold = stratifiedFolds(labels, 5, seed);
  const oof = new Float64Array(recs.length); const aucs: number[] = [];
  for (let f = 0; f < 5; f++) {
    const tr = recs.filter((_, i) => fold[i] !== f), te = recs.filter((_, i) => fold[i] === f);
    const p = fitFeaturePipeline(tr, { snapshotDate: "2014-07-01", features });
    const X = transformFeatures(p, tr), Xt = transformFeatures(p, te);
    const m = fitLogistic(X.matrix, X.columns, tr.map(r => r.response!), { l2, classWeight: cw });
    const pr = predictLogistic(m, Xt.matrix, Xt.columns);
    aucs.push(rocAuc(te.map(r => r.response!), pr));
    let k = 0; fold.forEach((g, i) => { if (g === f) oof[i] = pr[k++]; });
  }
  return { mean: aucs.reduce((a, b) => a + b) / 5, oofAuc: rocAuc(labels, oof), brier: brierScore(labels, oof) };
}
const sets: Record<string, readonly string[]> = { all: ALL_FEATURES, resp: RESPONSE_FEATURES };
for (const [name, fs] of Object.entries(sets)) for (const l2 of [0.1, 1, 3, 10, 30]) for (const seed of [1,2]) console.log(name, l2, seed, cv(fs, l2, seed));
