/**
 * The options of an import as people give them (CLI flags, query parameters), parsed once
 * for both: the kind, `field=Header` mappings checked against the kind's fields, the date
 * format for files whose dates do not say, the choice to import around bad rows, and
 * whether to only preview (a dry run).
 */
import { z } from "zod";
import { CUSTOMER_COLUMNS } from "@/lib/data/customer";
import { ORDER_FIELDS } from "@/lib/import/orders";

const FIELDS = { customers: CUSTOMER_COLUMNS.map((column) => column.field as string), orders: [...ORDER_FIELDS] as string[] };

export const DATE_FORMATS = ["detect", "dmy", "mdy"] as const;

export const importOptions = z
  .object({
    kind: z.enum(["customers", "orders"]).default("customers"),
    map: z.array(z.string().regex(/^\w+=.+$/, "a mapping is field=Header, e.g. customerId=CUSTOMERNAME")).default([]),
    allowRejected: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    dateFormat: z.enum(DATE_FORMATS, { error: "the date format is dmy (day/month/year), mdy (month/day/year) or detect" }).default("detect"),
  })
  .transform((options, ctx) => {
    const map: Record<string, string> = {};
    for (const entry of options.map) {
      const [field, ...rest] = entry.split("=");
      if (!FIELDS[options.kind].includes(field)) {
        ctx.addIssue({ code: "custom", path: ["map"], message: `unknown ${options.kind} field "${field}"; known: ${FIELDS[options.kind].join(", ")}` });
        continue;
      }
      map[field] = rest.join("=").trim();
    }
    return { ...options, map };
  });

export type ImportOptions = z.output<typeof importOptions>;
