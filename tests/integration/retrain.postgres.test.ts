import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineRetrainSuite } from "./suites/retrainSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineRetrainSuite("postgresql"));
