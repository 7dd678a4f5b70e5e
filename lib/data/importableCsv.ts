/**
 * CSV text for customers and order lines. Customers come out in the real marketing-campaign
 * format (its header, `;`, DD/MM/YYYY); orders as a plain shop export (`,`, YYYY-MM-DD) that the
 * order importer reads without a mapping. Pure: callers write the text where they like.
 */
import { CUSTOMER_COLUMNS, type CustomerRecord, type OrderRecord } from "./customer";

export const CUSTOMER_CSV_HEADER = CUSTOMER_COLUMNS.map((column) => column.header).join(";");
export const ORDER_CSV_HEADER = "customer_id,order_id,order_date,amount,quantity,category,channel";

/** One line per customer, each ending in a newline. */
export function formatCustomerLines(records: readonly CustomerRecord[]): string {
  const lines = new Array<string>(records.length);
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    let line = "";
    for (let c = 0; c < CUSTOMER_COLUMNS.length; c++) {
      const value = record[CUSTOMER_COLUMNS[c].field];
      if (c > 0) line += ";";
      if (value === null) continue;
      line += value instanceof Date ? dayMonthYear(value) : typeof value === "string" ? escape(value, ";") : String(value);
    }
    lines[r] = line;
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

/** One line per order line, each ending in a newline. */
export function formatOrderLines(orders: readonly OrderRecord[]): string {
  const lines = new Array<string>(orders.length);
  // Lines of one order share their Date: format it once.
  let lastDate: Date | null = null;
  let lastDateText = "";
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    if (order.orderDate !== lastDate) {
      lastDate = order.orderDate;
      lastDateText = lastDate.toISOString().slice(0, 10);
    }
    const customer = escape(order.customerId, ",");
    const id = escape(order.orderId ?? "", ",");
    const category = escape(order.category ?? "", ",");
    const channel = escape(order.channel ?? "", ",");
    lines[i] = `${customer},${id},${lastDateText},${order.amount.toFixed(2)},${order.quantity ?? ""},${category},${channel}`;
  }
  return lines.length === 0 ? "" : lines.join("\n") + "\n";
}

/** Quotes a text field only when it holds the separator, a quote or a line break. */
function escape(text: string, separator: string): string {
  const needsQuotes = text.includes(separator) || text.includes('"') || text.includes("\n") || text.includes("\r");
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

function dayMonthYear(date: Date): string {
  const day = date.getUTCDate();
  const month = date.getUTCMonth() + 1;
  return `${day < 10 ? "0" : ""}${day}/${month < 10 ? "0" : ""}${month}/${date.getUTCFullYear()}`;
}
