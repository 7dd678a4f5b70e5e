import { defineRetrainSuite } from "./suites/retrainSuite";

defineRetrainSuite("sqlite");
