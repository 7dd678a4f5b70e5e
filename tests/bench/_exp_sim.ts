import { simulateCustomers } from "@/tests/support/simulateCustomers";
import { fitFeaturePipeline, featureTable } from "@/lib/ml/features";
const s = simulateCustomers(20000, 1);
console.log(s[0], s.filter(r=>r.response===1).length/s.length);
const p = fitFeaturePipeline(s, { snapshotDate: "2014-07-01" });
const t = featureTable(p, s);
for (const n of t.names) { const c = t.columns[n]; let mn=Infinity,mx=-Infinity,sm=0; for (const v of c){mn=Math.min(mn,v);mx=Math.max(mx,v);sm+=v;} console.log(n.padEnd(22), mn.toFixed(3), (sm/c.length).toFixed(3), mx.toFixed(3)); }
