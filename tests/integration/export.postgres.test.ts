import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineExportSuite } from "./suites/exportSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineExportSuite("postgresql"));
