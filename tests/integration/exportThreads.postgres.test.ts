import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineExportThreadsSuite } from "./suites/exportThreadsSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineExportThreadsSuite("postgresql"));
