import { defineCustomAttributesSuite } from "./suites/customAttributesSuite";

defineCustomAttributesSuite("sqlite");
