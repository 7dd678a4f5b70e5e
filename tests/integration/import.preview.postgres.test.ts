import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineImportPreviewSuite } from "./suites/importPreviewSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineImportPreviewSuite("postgresql"));
