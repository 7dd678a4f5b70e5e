import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineCustomAttributesSuite } from "./suites/customAttributesSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineCustomAttributesSuite("postgresql"));
