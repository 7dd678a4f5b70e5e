/**
 * Order lines held as columns (typed arrays, name tables, order ids as bytes) rather than one object per
 * line: twenty million lines take about 55 bytes each here, against about 350 as objects,
 * which is what lets a million customers' history fit in a retrain's memory. The models' loops
 * read the columns by index (an array of records is copied into a table first); iterating a
 * table yields each line as a fresh OrderRecord, for the few readers of single customers.
 */
import { hash53 } from "@/lib/import/hashIndex";
import { isReturnBySigns, type OrderLineKind, type OrderRecord } from "./customer";

/** What the models read order lines from: an array of records, or an OrderTable. */
export type OrderLines = Iterable<OrderRecord> & { readonly length: number };

/** Kind codes of the `kind` column, in KINDS order. */
export const SALE = 0;
export const RETURN = 1;
export const CANCELLED = 2;
const KINDS: readonly OrderLineKind[] = ["sale", "return", "cancelled"];
const KIND_CODE = new Map(KINDS.map((kind, code) => [kind, code]));
const NONE = -1;

/** The columns up to the table's length, for the models' loops over millions of lines. */
export interface OrderColumns {
  /** Per line: the customer's index into `customerIds`. */
  customer: Int32Array;
  time: Float64Array;
  amount: Float64Array;
  /** NaN where the line has no quantity. */
  quantity: Float64Array;
  /** SALE, RETURN or CANCELLED; decided from the signs where no kind was given. */
  kind: Uint8Array;
  customerIds: readonly string[];
  /** The line's order id, or null. */
  orderIdAt(line: number): string | null;
  /**
   * The same order as a Map or Set key, never a string: a plain numeric id itself (below 2^50),
   * any other id's 52-bit hash (from 2^52: the two never meet); null without one. Two different
   * ids of one customer share a hash with odds of about 1 in 10^13 per pair.
   */
  orderKeyAt(line: number): number | null;
  /** The line's channel, or null. */
  channelAt(line: number): string | null;
  /** The line's category, or null. */
  categoryAt(line: number): string | null;
  /** Per line: the category's index into `categoryNames`, −1 for none; for loops that tally by category without a string per line. */
  category: Int32Array;
  categoryNames: readonly string[];
  /** Per line: the channel's index into `channelNames`, −1 for none. */
  channel: Int32Array;
  channelNames: readonly string[];
}

/** A table of these lines: the one given, or an array's lines copied into one. */
export function asOrderTable(orders: OrderLines): OrderTable {
  return orders instanceof OrderTable ? orders : OrderTable.from(orders);
}

export class OrderTable implements OrderLines {
  length = 0;
  private customer = new Int32Array(0);
  private time = new Float64Array(0);
  private amount = new Float64Array(0);
  /** NaN where the line has no quantity. */
  private quantity = new Float64Array(0);
  /** The line's order key (orderKeyAt): the id itself where it is a plain number (most shops number their orders), else its hash; NaN for none. */
  private orderKey = new Float64Array(0);
  /** A non-numeric id's index into orderIds; −1 for a numeric id or none. */
  private order = new Int32Array(0);
  private category = new Int32Array(0);
  private channel = new Int32Array(0);
  private kind = new Uint8Array(0);
  /** 1 where the kind was decided from the signs (isReturnBySigns) because none was given: the record read back has none either. */
  private derived = new Uint8Array(0);
  private readonly orderIds = new TextStore();
  private readonly categories = new Names();
  private readonly channels = new Names();

  /** `customerIds[i]` is the external id of the customer whose lines are pushed with index i; `capacity` is a hint. */
  constructor(
    private readonly customerIds: readonly string[],
    capacity = 0,
  ) {
    this.resize(capacity);
  }

  /** A table of these records, customers in order of first appearance. */
  static from(records: Iterable<OrderRecord>): OrderTable {
    const indexOf = new Map<string, number>();
    const customerIds: string[] = [];
    const table = new OrderTable(customerIds);
    for (const record of records) {
      let index = indexOf.get(record.customerId);
      if (index === undefined) {
        indexOf.set(record.customerId, (index = customerIds.length));
        customerIds.push(record.customerId);
      }
      table.push(index, record.orderDate.getTime(), record.amount, record.quantity, record.orderId, record.category, record.channel, record.kind);
    }
    return table;
  }

  /** One line, field by field: the snapshot pushes millions, and an object per call would be the garbage this class avoids. */
  push(
    customer: number,
    time: number,
    amount: number,
    quantity: number | null,
    orderId: string | null,
    category: string | null,
    channel: string | null,
    kind: OrderLineKind | undefined,
  ): void {
    if (this.length === this.time.length) this.resize(Math.max(1024, Math.ceil(this.length * 1.5)));
    const i = this.length++;
    this.customer[i] = customer;
    this.time[i] = time;
    this.amount[i] = amount;
    this.quantity[i] = quantity ?? Number.NaN;
    const number = orderId === null ? Number.NaN : plainNumber(orderId);
    const text = orderId !== null && Number.isNaN(number);
    this.orderKey[i] = text ? hashKey(orderId) : number;
    this.order[i] = text ? this.orderIds.add(orderId) : NONE;
    this.category[i] = this.categories.code(category);
    this.channel[i] = this.channels.code(channel);
    this.kind[i] = kind === undefined ? (isReturnBySigns(amount, quantity) ? RETURN : SALE) : kindCode(kind);
    this.derived[i] = kind === undefined ? 1 : 0;
  }

  columns(): OrderColumns {
    const n = this.length;
    return {
      customer: this.customer.subarray(0, n),
      time: this.time.subarray(0, n),
      amount: this.amount.subarray(0, n),
      quantity: this.quantity.subarray(0, n),
      kind: this.kind.subarray(0, n),
      customerIds: this.customerIds,
      orderIdAt: (line) => this.orderIdAt(line),
      orderKeyAt: (line) => (Number.isNaN(this.orderKey[line]) ? null : this.orderKey[line]),
      channelAt: (line) => this.channels.name(this.channel[line]),
      categoryAt: (line) => this.categories.name(this.category[line]),
      category: this.category.subarray(0, n),
      categoryNames: this.categories.names,
      channel: this.channel.subarray(0, n),
      channelNames: this.channels.names,
    };
  }

  at(i: number): OrderRecord {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`order line ${i} is outside the table's ${this.length} lines`);
    const quantity = this.quantity[i];
    const record: OrderRecord = {
      customerId: this.customerIds[this.customer[i]],
      orderDate: new Date(this.time[i]),
      amount: this.amount[i],
      orderId: this.orderIdAt(i),
      quantity: Number.isNaN(quantity) ? null : quantity,
      category: this.categories.name(this.category[i]),
      channel: this.channels.name(this.channel[i]),
    };
    if (!this.derived[i]) record.kind = KINDS[this.kind[i]];
    return record;
  }

  *[Symbol.iterator](): Iterator<OrderRecord> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  private orderIdAt(line: number): string | null {
    if (this.order[line] !== NONE) return this.orderIds.at(this.order[line]);
    return Number.isNaN(this.orderKey[line]) ? null : String(this.orderKey[line]);
  }

  private resize(capacity: number): void {
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.customer = grow(this.customer, (n) => new Int32Array(n));
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.amount = grow(this.amount, (n) => new Float64Array(n));
    this.quantity = grow(this.quantity, (n) => new Float64Array(n));
    this.orderKey = grow(this.orderKey, (n) => new Float64Array(n));
    this.order = grow(this.order, (n) => new Int32Array(n));
    this.category = grow(this.category, (n) => new Int32Array(n));
    this.channel = grow(this.channel, (n) => new Int32Array(n));
    this.kind = grow(this.kind, (n) => new Uint8Array(n));
    this.derived = grow(this.derived, (n) => new Uint8Array(n));
  }
}

/** An order id's 52-bit hash (cyrb53's low 52 bits), offset to [2^52, 2^53): above every plain numeric id. */
function hashKey(id: string): number {
  return 2 ** 52 + (hash53(id) % 2 ** 52);
}

/** The id as a number when it is a plain decimal integer that reads back as the same text ("1042", not "01042" or "1e3"); NaN otherwise. */
function plainNumber(id: string): number {
  if (!/^(0|[1-9][0-9]{0,14})$/.test(id)) return Number.NaN;
  return Number(id);
}

/** Per customer of a table (its `customerIds`), the index of its id in `ids`, or −1: per-line loops then look up a number, not a string. */
export function rowsOfCustomers(customerIds: readonly string[], ids: readonly string[]): Int32Array {
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  return Int32Array.from(customerIds, (id) => indexOf.get(id) ?? -1);
}

/** Lines grouped by customer: row r's are `lines[start[r] .. start[r + 1])`, in table order. */
export interface LinesByRow {
  start: Int32Array;
  lines: Int32Array;
}

/**
 * The lines before `end` (a time) grouped by their customer's row in `externalIds` (a stable
 * counting sort); lines of customers not there are left out. Per-customer passes then read a
 * customer's lines together instead of keeping a Map or Set per customer across all lines.
 */
export function groupLinesByRow(columns: OrderColumns, externalIds: readonly string[], end: number): LinesByRow {
  const rowOf = rowsOfCustomers(columns.customerIds, externalIds);
  const { customer, time } = columns;
  const rows = externalIds.length;
  const start = new Int32Array(rows + 1);
  for (let line = 0; line < time.length; line++) if (time[line] < end && rowOf[customer[line]] >= 0) start[rowOf[customer[line]] + 1]++;
  for (let row = 0; row < rows; row++) start[row + 1] += start[row];
  const next = start.slice(0, rows);
  const lines = new Int32Array(start[rows]);
  for (let line = 0; line < time.length; line++) if (time[line] < end && rowOf[customer[line]] >= 0) lines[next[rowOf[customer[line]]]++] = line;
  return { start, lines };
}

/** The `kind` column's code of a kind. */
export function kindCode(kind: OrderLineKind): number {
  const code = KIND_CODE.get(kind);
  if (code === undefined) throw new RangeError(`unknown order line kind "${String(kind)}"`);
  return code;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Texts kept as UTF-8 bytes in one buffer, not a string each: a million customers' order ids
 * ("100001-7") as strings were a third of the snapshot's heap. An order's lines are usually
 * consecutive, so a text repeating the one before is kept once.
 */
class TextStore {
  private bytes = new Uint8Array(0);
  /** Where each text ends in `bytes`. */
  private ends = new Float64Array(0);
  private count = 0;
  private used = 0;
  private last: string | null = null;

  /** The text's code. */
  add(text: string): number {
    if (this.count > 0 && text === this.last) return this.count - 1;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + 3 * text.length > this.bytes.length) this.bytes = grown(this.bytes, this.used + 3 * text.length, (n) => new Uint8Array(n));
    if (this.count === this.ends.length) this.ends = grown(this.ends, this.count + 1, (n) => new Float64Array(n));
    this.used += encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.ends[this.count] = this.used;
    this.last = text;
    return this.count++;
  }

  at(code: number): string {
    return decoder.decode(this.bytes.subarray(code === 0 ? 0 : this.ends[code - 1], this.ends[code]));
  }
}

/** A copy of `array` with room for at least `needed` items, growing by half (at least 1,024): amortised appends. */
function grown<T extends Uint8Array | Float64Array>(array: T, needed: number, make: (n: number) => T): T {
  const next = make(Math.max(needed, 1024, Math.ceil(array.length * 1.5)));
  next.set(array);
  return next;
}

/** A few distinct names (categories, channels) repeated over millions of lines: each kept once, lines hold its code. */
class Names {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();

  code(name: string | null): number {
    if (name === null) return NONE;
    let code = this.codes.get(name);
    if (code === undefined) {
      this.codes.set(name, (code = this.names.length));
      this.names.push(name);
    }
    return code;
  }

  name(code: number): string | null {
    return code === NONE ? null : this.names[code];
  }
}
