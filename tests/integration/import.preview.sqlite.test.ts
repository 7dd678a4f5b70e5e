import { defineImportPreviewSuite } from "./suites/importPreviewSuite";

defineImportPreviewSuite("sqlite");
