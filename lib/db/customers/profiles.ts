/**
 * One customer for /customers/[id]: the profile, its order lines (for the response model's
 * RFM features and the page's list of them), and its score in every run with that run's
 * segment names.
 */
import "server-only";
import { CUSTOMER_COLUMNS, type CustomerRecord, type OrderLineKind, type OrderRecord } from "@/lib/data/customer";
import { db } from "../internal/client";

const customerSelect = Object.fromEntries([["id", true], ["createdAt", true], ["attributes", true], ...CUSTOMER_COLUMNS.map((column) => [column.field, true])]);

export type CustomerProfile = CustomerRecord & { id: number; createdAt: Date };

/** By the id in the customer's own file (the page's address), not the database's. */
export async function getCustomerProfile(externalId: string): Promise<CustomerProfile | null> {
  return (await db.customer.findUnique({ where: { externalId }, select: customerSelect })) as unknown as CustomerProfile | null;
}

export async function listCustomerOrders(id: number, externalId: string): Promise<OrderRecord[]> {
  const orders = await db.order.findMany({ where: { customerId: id }, orderBy: [{ orderDate: "asc" }, { id: "asc" }] });
  return orders.map(({ orderId, orderDate, amount, quantity, category, channel, kind }) => ({
    customerId: externalId,
    orderId,
    orderDate,
    amount,
    quantity,
    category,
    channel,
    kind: kind as OrderLineKind,
  }));
}

/** The customer's score in each finished run, newest first, with the segment's name in that run. */
export async function listCustomerRunScores(id: number) {
  const scores = await db.customerScore.findMany({
    where: { customerId: id },
    orderBy: { runId: "desc" },
    include: { run: { select: { id: true, status: true, finishedAt: true } } },
  });
  const runIds = scores.map((score) => score.runId);
  const segments = runIds.length
    ? await db.segmentProfile.findMany({ where: { runId: { in: runIds } }, select: { runId: true, segmentKey: true, name: true, color: true } })
    : [];
  const segmentOf = new Map(segments.map((segment) => [`${segment.runId}:${segment.segmentKey}`, segment]));
  return scores.map((score) => ({ ...score, segment: segmentOf.get(`${score.runId}:${score.segmentKey}`) ?? null }));
}

export type CustomerRunScore = Awaited<ReturnType<typeof listCustomerRunScores>>[number];

