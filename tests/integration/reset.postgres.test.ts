import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineResetSuite } from "./suites/resetSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineResetSuite("postgresql"));
