import { defineImportSuite } from "./suites/importSuite";

defineImportSuite("sqlite");
