import { defineBulkWriteSuite } from "./suites/bulkWriteSuite";

defineBulkWriteSuite("sqlite");
