import { defineResetSuite } from "./suites/resetSuite";

defineResetSuite("sqlite");
