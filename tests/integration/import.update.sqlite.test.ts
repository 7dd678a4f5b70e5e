import { defineImportUpdateSuite } from "./suites/importUpdateSuite";

defineImportUpdateSuite("sqlite");
