import { readFileSync } from "node:fs";
import { fitClv, scoreClv } from "@/lib/ml/clv/clvModel";
import { PERIODS_PER_MONTH } from "@/lib/ml/clv/lifetimeValue";
const lines = readFileSync("../shared/data/cdnow/cdnow_customers_summary_with_transactions.csv","utf8").trim().split(/\r?\n/).slice(1).map(l=>l.split(",").map(Number));
const s = { frequency: Float64Array.from(lines.map(l=>l[1])), recency: Float64Array.from(lines.map(l=>l[2])), T: Float64Array.from(lines.map(l=>l[3])), monetary: Float64Array.from(lines.map(l=>l[4])) };
let t0=performance.now();
const model = fitClv(s);
console.log("fit ms", performance.now()-t0);
t0=performance.now();
const sc = scoreClv(model, s, { periodsPerMonth: PERIODS_PER_MONTH.weeks });
console.log("score ms", performance.now()-t0);
let bad=0; for (let i=0;i<s.frequency.length;i++) if (!(sc.clvLow![i] <= sc.clv[i] && sc.clv[i] <= sc.clvHigh![i])) bad++;
console.log("outside", bad);
for (const i of [0,1,2,10,100,1000]) console.log(i, s.frequency[i], s.recency[i], s.T[i], s.monetary[i], sc.pAlive[i], sc.expectedPurchases[i], sc.clv[i], sc.clvLow![i], sc.clvHigh![i]);
// single-customer (exact path) vs full (chebyshev) 
for (const i of [0, 2, 10, 100]) { const one = { frequency: s.frequency.slice(i,i+1), recency: s.recency.slice(i,i+1), T: s.T.slice(i,i+1), monetary: s.monetary.slice(i,i+1) }; const o = scoreClv(model, one, { periodsPerMonth: PERIODS_PER_MONTH.weeks }); console.log(i, o.clvLow![0]-sc.clvLow![i], o.clvHigh![0]-sc.clvHigh![i], o.clv[0]-sc.clv[i]); }
