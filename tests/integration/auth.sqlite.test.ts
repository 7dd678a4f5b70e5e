import { defineAuthSuite } from "./suites/authSuite";

defineAuthSuite("sqlite");
