import { defineExportThreadsSuite } from "./suites/exportThreadsSuite";

defineExportThreadsSuite("sqlite");
