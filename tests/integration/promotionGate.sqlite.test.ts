import { definePromotionGateSuite } from "./suites/promotionGateSuite";

definePromotionGateSuite("sqlite");
