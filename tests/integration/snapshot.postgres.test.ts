import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineSnapshotSuite } from "./suites/snapshotSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineSnapshotSuite("postgresql"));
