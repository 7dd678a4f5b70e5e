/**
 * What an order line is (lib/data/customer.ts, OrderLineKind): cancelled when its status
 * says so; a return when its quantity or amount is negative or its order id is a credit
 * note ("C536379" in the UCI Online Retail data) — only in a file that also has plain ids,
 * since a shop may number all its orders "C1001…"; else a sale. Returns are stored with a
 * negative amount and quantity whichever of the two the file wrote negative; a cancelled
 * line keeps its positive amount (what the order would have been worth).
 */
import type { OrderLineKind } from "@/lib/data/customer";

const CANCELLED_STATUSES = new Set(["cancelled", "canceled", "void"]);
const CREDIT_NOTE = /^C\d/i;

export interface LineValues {
  amount: number;
  quantity: number | null;
  orderId: string | null;
  status: string | null;
}

export interface ClassifiedLine {
  kind: OrderLineKind;
  amount: number;
  quantity: number | null;
}

/** Whether "C…" ids in a file mark credit notes: only beside order ids without the prefix. Fed id by id. */
export class CreditNoteEvidence {
  private prefixed = false;
  private plain = false;

  add(orderId: string | null): void {
    if (orderId === null || (this.prefixed && this.plain)) return;
    if (CREDIT_NOTE.test(orderId)) this.prefixed = true;
    else this.plain = true;
  }

  result(): boolean {
    return this.prefixed && this.plain;
  }
}

export function classifyLine({ amount, quantity, orderId, status }: LineValues, creditNotes = true): ClassifiedLine {
  if (status !== null && CANCELLED_STATUSES.has(status.trim().toLowerCase())) {
    return { kind: "cancelled", amount: positive(amount), quantity: quantity === null ? null : positive(quantity) };
  }
  if (amount < 0 || (quantity ?? 0) < 0 || (creditNotes && orderId !== null && CREDIT_NOTE.test(orderId))) {
    return { kind: "return", amount: negative(amount), quantity: quantity === null ? null : negative(quantity) };
  }
  return { kind: "sale", amount, quantity };
}

/** Sign flips that leave 0 as 0 (never -0, which would not compare equal in stored JSON). */
function negative(value: number): number {
  return value > 0 ? -value : value;
}

function positive(value: number): number {
  return value < 0 ? -value : value;
}

/** quantity × unit price without float noise (3 × 19.99 is 59.97, not 59.970000000000006). */
export function computeLineAmount(quantity: number, unitPrice: number): number {
  return Math.round(quantity * unitPrice * 1e6) / 1e6;
}
