import { defineExportSuite } from "./suites/exportSuite";

defineExportSuite("sqlite");
