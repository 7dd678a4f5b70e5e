import { defineSegmentSettingsSuite } from "./suites/segmentSettingsSuite";

defineSegmentSettingsSuite("sqlite");
