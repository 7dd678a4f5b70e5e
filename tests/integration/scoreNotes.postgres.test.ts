import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { defineScoreNotesSuite } from "./suites/scoreNotesSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => defineScoreNotesSuite("postgresql"));
