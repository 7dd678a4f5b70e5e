import { defineScoreRetentionSuite } from "./suites/scoreRetentionSuite";

defineScoreRetentionSuite("sqlite");
