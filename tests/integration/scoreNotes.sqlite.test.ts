import { defineScoreNotesSuite } from "./suites/scoreNotesSuite";

defineScoreNotesSuite("sqlite");
