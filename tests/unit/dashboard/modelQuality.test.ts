import { describe, expect, test } from "vitest";
import { gradeValue, gradeModelQuality, AUC_CUTOFFS, LIFT_CUTOFFS } from "@/lib/dashboard/modelQuality";

describe("quality grade cut-offs", () => {
  test.each([
    [0.5, "Poor"],
    [0.5999, "Poor"],
    [0.6, "Fair"],
    [0.6999, "Fair"],
    [0.7, "Good"],
    [0.7999, "Good"],
    [0.8, "Excellent"],
    [0.97, "Excellent"],
  ])("ROC AUC %f is %s", (auc, grade) => {
    expect(gradeValue(auc, AUC_CUTOFFS)).toBe(grade);
  });

  test.each([
    [1, "Poor"],
    [1.49, "Poor"],
    [1.5, "Fair"],
    [2, "Good"],
    [2.99, "Good"],
    [3, "Excellent"],
  ])("top-decile lift %f is %s", (lift, grade) => {
    expect(gradeValue(lift, LIFT_CUTOFFS)).toBe(grade);
  });
});

describe("gradeModelQuality", () => {
  test("takes the lower grade of AUC and lift", () => {
    expect(gradeModelQuality(0.85, 2.4)).toEqual({ grade: "Good", auc: 0.85, topDecileLift: 2.4 });
    expect(gradeModelQuality(0.65, 3.5)?.grade).toBe("Fair");
  });

  test("grades on whichever figure is known", () => {
    expect(gradeModelQuality(null, 3.1)).toEqual({ grade: "Excellent", auc: null, topDecileLift: 3.1 });
    expect(gradeModelQuality(0.55, undefined)).toEqual({ grade: "Poor", auc: 0.55, topDecileLift: null });
  });

  test("is null without a response model", () => {
    expect(gradeModelQuality(null, null)).toBeNull();
    expect(gradeModelQuality(NaN, undefined)).toBeNull();
  });
});
