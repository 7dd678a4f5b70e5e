import { Card, Text, Title } from "@tremor/react";
import { RESET_CONFIRMATION } from "@/lib/services/resetData";
import { ResetDataForm } from "./ResetDataForm";

/** For administrators: a clean start. Counts nothing up front (no page counts the tables); the removal reports its counts. */
export function ResetDataCard() {
  return (
    <Card data-testid="reset-data-card" decoration="left" decorationColor="red">
      <Title>Remove all data</Title>
      <Text>
        Removes every customer, order line and import, and every model run with its segments, scores and activation history, so the next import starts from
        nothing. Users, API tokens, the retrain schedule and the audit log stay. This cannot be undone: take a backup first (<code>npm run backup</code> on
        SQLite). It is refused while a retrain is running.
      </Text>
      <ResetDataForm confirmation={RESET_CONFIRMATION} />
    </Card>
  );
}
