import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineImportUpdateSuite } from "./suites/importUpdateSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineImportUpdateSuite("postgresql"));
