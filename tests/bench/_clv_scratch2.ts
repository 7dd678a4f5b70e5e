import { readFileSync } from "node:fs";
import { minimize, numericalGradient } from "@/lib/ml/clv/optimize";
import { gammaGammaLogLikelihood } from "@/lib/ml/clv/gammaGamma";
const lines = readFileSync("../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv","utf8").trim().split(/\r?\n/).slice(1).map(l=>l.split(",").map(Number));
const x = Float64Array.from(lines.map(l=>l[1])), m = Float64Array.from(lines.map(l=>l[4]));
const f = (v: readonly number[]) => -gammaGammaLogLikelihood({p:Math.exp(v[0]),q:Math.exp(v[1]),gamma:Math.exp(v[2])}, x, m)/946;
for (const s0 of [[0,Math.log(2),Math.log(30)],[Math.log(50),Math.log(50),Math.log(1000)]]) { const r = minimize(f, s0); console.log(r.x.map(Math.exp), r.value, r.converged, r.iterations, r.evaluations, r.gradientNorm, r.method, numericalGradient(f, r.x)); }
