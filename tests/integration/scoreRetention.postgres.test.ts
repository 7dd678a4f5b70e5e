import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineScoreRetentionSuite } from "./suites/scoreRetentionSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineScoreRetentionSuite("postgresql"));
