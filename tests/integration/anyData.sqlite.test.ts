import { defineAnyDataSuite } from "./suites/anyDataSuite";

defineAnyDataSuite("sqlite");
