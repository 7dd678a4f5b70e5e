import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineBulkWriteSuite } from "./suites/bulkWriteSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineBulkWriteSuite("postgresql"));
