/**
 * A file uploaded as the wrong kind: order lines as customer profiles, or profiles as order
 * lines. Said up front, naming the kind to choose, rather than failing later on a missing
 * column or thousands of repeated customer ids.
 */
import { CUSTOMER_COLUMNS } from "@/lib/data/customer";
import type { OrderField } from "./orders";
import { ImportError } from "./errors";
import { normalizeName } from "./header";
import { ORDER_SPECS } from "./orderSpecs";

const PROFILE_NAMES = new Set(CUSTOMER_COLUMNS.filter((column) => column.kind !== "id").flatMap((column) => [column.header, column.field].map(normalizeName)));
/** Fields only an order line has: a customer file has an id too, but no order date or amount. */
const ORDER_ONLY: readonly OrderField[] = ["orderDate", "orderId", "amount", "quantity", "unitPrice"];
/** Profile columns a file must have, besides the id, to be taken for customer profiles. */
const MIN_PROFILE_COLUMNS = 3;

function orderAliases(field: OrderField): Set<string> {
  return new Set(ORDER_SPECS.find((spec) => spec.field === field)!.aliases.map(normalizeName));
}
const ORDER_NAMES = new Map(ORDER_ONLY.map((field) => [field, orderAliases(field)]));

/** The header's columns named like a profile field (the id left out). */
export function findProfileColumns(header: readonly string[]): string[] {
  return header.filter((name) => PROFILE_NAMES.has(normalizeName(name)));
}

/** The header's columns named like an order-only field (order date, order id, amount, quantity, unit price). */
export function findOrderColumns(header: readonly string[]): { field: OrderField; header: string }[] {
  return header.flatMap((name) => {
    const field = ORDER_ONLY.find((candidate) => ORDER_NAMES.get(candidate)!.has(normalizeName(name)));
    return field ? [{ field, header: name }] : [];
  });
}

/** An order date and another order-only column, and not one profile column. */
export function looksLikeOrderLines(header: readonly string[]): boolean {
  const found = findOrderColumns(header);
  return findProfileColumns(header).length === 0 && found.some((column) => column.field === "orderDate") && found.length >= 2;
}

/** Several profile columns and no order date. */
export function looksLikeProfiles(header: readonly string[]): boolean {
  const hasOrderDate = findOrderColumns(header).some((column) => column.field === "orderDate");
  return !hasOrderDate && findProfileColumns(header).length >= MIN_PROFILE_COLUMNS;
}

/** For a customer-profiles import. */
export function assertNotOrderLines(header: readonly string[]): void {
  if (!looksLikeOrderLines(header)) return;
  const names = findOrderColumns(header)
    .map((column) => `"${column.header}"`)
    .join(", ");
  throw new ImportError(
    "wrong_kind",
    `This looks like an order-lines file (columns ${names}, and no profile columns): choose "Order lines" (CLI: --kind orders)`,
  );
}

/** For an order-lines import. */
export function assertNotProfiles(header: readonly string[]): void {
  if (!looksLikeProfiles(header)) return;
  const columns = findProfileColumns(header);
  const names =
    columns
      .slice(0, 4)
      .map((name) => `"${name}"`)
      .join(", ") + (columns.length > 4 ? `, … (${columns.length} profile columns)` : "");
  throw new ImportError(
    "wrong_kind",
    `This looks like a customer-profiles file (columns ${names}, and no order date): choose "Customer profiles" (CLI: --kind customers)`,
  );
}
