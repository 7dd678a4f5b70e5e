import { Callout } from "@tremor/react";

export const GRADE_COLORS = { good: "emerald", fair: "amber", poor: "rose" } as const;

/** The CLV backtest's grade and its sentence, on the run page and the executive summary. */
export function ClvGradeCallout({ grade, title, testId }: { grade: { level: keyof typeof GRADE_COLORS; sentence: string }; title?: string; testId?: string }) {
  return (
    <Callout title={title ?? `Grade: ${grade.level}`} color={GRADE_COLORS[grade.level]} data-testid={testId}>
      {grade.sentence}
    </Callout>
  );
}
