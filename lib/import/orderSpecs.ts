/** The fields of an order-lines file and the header names that mean each, most specific first. */
import type { FieldSpec } from "./header";
import type { OrderField } from "./orders";

export const ORDER_SPECS: FieldSpec<OrderField>[] = [
  { field: "customerId", required: true, label: "customer id", aliases: ["customer_id", "client_id", "customer", "customer_number", "customer_name"] },
  { field: "orderDate", required: true, label: "order date", aliases: ["order_date", "invoice_date", "purchase_date", "transaction_date", "date"] },
  { field: "amount", required: false, aliases: ["amount", "sales", "total", "revenue", "line_total", "order_total"] },
  { field: "orderId", required: false, aliases: ["order_id", "invoice_no", "order_number", "invoice", "transaction_id", "order"] },
  { field: "lineNumber", required: false, aliases: ["order_line_number", "line_number", "line"] },
  { field: "quantity", required: false, aliases: ["quantity", "qty", "quantity_ordered", "units"] },
  { field: "unitPrice", required: false, aliases: ["unit_price", "price_each", "price"] },
  { field: "category", required: false, aliases: ["category", "product_line", "product_category"] },
  { field: "channel", required: false, aliases: ["channel", "sales_channel"] },
  { field: "status", required: false, aliases: ["status", "order_status"] },
];
