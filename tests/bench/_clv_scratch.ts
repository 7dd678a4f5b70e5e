import { readFileSync } from "node:fs";
import { fitBgNbd, expectedPurchases, probabilityAlive } from "@/lib/ml/clv/bgnbd";
const lines = readFileSync("../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv","utf8").trim().split(/\r?\n/).slice(1).map(l=>l.split(",").map(Number));
const s = { frequency: Float64Array.from(lines.map(l=>l[1])), recency: Float64Array.from(lines.map(l=>l[2])), T: Float64Array.from(lines.map(l=>l[3])) };
let t0=performance.now();
const f = fitBgNbd(s);
console.log(performance.now()-t0, f);
console.log(expectedPurchases(f, 39, 2, 30.43, 38.86), probabilityAlive(f, 2, 30.43, 38.86));
for (const init of [{r:0.01,alpha:0.1,a:10,b:0.1},{r:10,alpha:1000,a:0.1,b:50}]) { const g = fitBgNbd(s,{initial:init}); console.log(g.r,g.alpha,g.a,g.b,g.logLikelihood,g.converged,g.iterations); }
import { fitGammaGamma, conditionalExpectedSpend } from "@/lib/ml/clv/gammaGamma";
const m = Float64Array.from(lines.map(l=>l[4]));
t0=performance.now();
const g = fitGammaGamma(s.frequency, m);
console.log(performance.now()-t0, g, conditionalExpectedSpend(g, 2, 22.35));
let z=0; for (let i=0;i<m.length;i++) if (s.frequency[i]>0 && m[i]<=0) z++; console.log("repeaters with zero spend", z);
for (const init of [{p:0.1,q:1.1,gamma:1},{p:50,q:50,gamma:1000}]) { const h = fitGammaGamma(s.frequency,m,{initial:init}); console.log(h.p,h.q,h.gamma,h.logLikelihood,h.converged,h.iterations); }
