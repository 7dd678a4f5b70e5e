import { readMarketingCsv } from "@/tests/support/readMarketingCsv";
import { fitFeaturePipeline, transformFeatures, ALL_FEATURES } from "@/lib/ml/features";
import { fitMlp } from "@/lib/ml/response/mlp";
import { predictMlp } from "@/lib/ml/response/mlpModel";
import { stratifiedFolds } from "@/lib/ml/response/folds";
import { rocAuc, brierScore } from "@/lib/ml/response/metrics";
import { loadTf } from "@/lib/ml/tf";
const recs = readMarketingCsv();
const labels = recs.map(r => r.response!);
const tf = await loadTf(); console.log(tf.getBackend());
const bs = process.argv[2] === "auto" ? "auto" : Number(process.argv[2] ?? 32);
const fold = stratifiedFolds(labels, 5, 1);
const aucs: number[] = [];
for (let f = 0; f < 5; f++) {
  const t0 = performance.now();
  const tr = recs.filter((_, i) => fold[i] !== f), te = recs.filter((_, i) => fold[i] === f);
  const p = fitFeaturePipeline(tr, { snapshotDate: "2014-07-01", features: ALL_FEATURES });
  const X = transformFeatures(p, tr), Xt = transformFeatures(p, te);
  const m = await fitMlp(X.matrix, X.columns, tr.map(r => r.response!), { seed: 7 + f, batchSize: bs as any });
  const pr = await predictMlp(m, Xt.matrix, Xt.columns);
  aucs.push(rocAuc(te.map(r => r.response!), pr));
  console.log(f, aucs[f].toFixed(4), m.bestEpoch, m.epochsRun, m.batchSize, m.validationLoss.toFixed(4), ((performance.now() - t0) / 1000).toFixed(1) + "s", tf.memory().numTensors);
}
console.log("mean", aucs.reduce((a, b) => a + b) / 5);
