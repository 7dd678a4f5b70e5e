import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineAnyDataSuite } from "./suites/anyDataSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineAnyDataSuite("postgresql"));
