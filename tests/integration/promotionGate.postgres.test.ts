import { describe } from "vitest";
import { postgresAvailable } from "./support/databases";
import { definePromotionGateSuite } from "./suites/promotionGateSuite";

describe.runIf(postgresAvailable())("PostgreSQL", () => definePromotionGateSuite("postgresql"));
