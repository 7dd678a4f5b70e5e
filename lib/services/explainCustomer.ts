/**
 * The response model's explanation of one customer's score, computed at request time from
 * the run's stored models (kept in memory, see keptModels.ts), with the customer's order lines when the run was trained on them.
 */
import "server-only";
import type { OrderRecord } from "@/lib/data/customer";
import { explainResponse, type ResponseExplanation } from "@/lib/ml/response/contributions";
import { buildClvPlan, indexSummariesByCustomer } from "@/lib/ml/train/clvStage";
import type { CustomerProfile } from "@/lib/db/customers/profiles";
import { loadRunModels } from "./keptModels";

export async function explainCustomerResponse(runId: number, customer: CustomerProfile, orders: OrderRecord[]): Promise<ResponseExplanation | null> {
  const models = await loadRunModels(runId);
  if (!models?.response) return null;
  // As lib/ml/train/score.ts does: order-line summaries feed the RFM features of customers with orders.
  const summaries = indexSummariesByCustomer(buildClvPlan([customer], orders, new Date(models.snapshotDate)));
  return explainResponse(models.response, customer, { summaries });
}
