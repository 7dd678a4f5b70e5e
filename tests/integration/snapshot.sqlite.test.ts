import { defineSnapshotSuite } from "./suites/snapshotSuite";

defineSnapshotSuite("sqlite");
