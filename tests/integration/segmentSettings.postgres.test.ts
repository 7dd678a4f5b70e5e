import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineSegmentSettingsSuite } from "./suites/segmentSettingsSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineSegmentSettingsSuite("postgresql"));
