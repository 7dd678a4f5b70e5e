import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineImportSuite } from "./suites/importSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineImportSuite("postgresql"));
