import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineAuthSuite } from "./suites/authSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineAuthSuite("postgresql"));
