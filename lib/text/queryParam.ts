/** Query-string fields: an empty form field (or null) counts as not given. */
import { z } from "zod";

export const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
