import { Card, Text, Title } from "@tremor/react";

/** The empty state of every page that shows a run's scores. */
export function NoModelYet({ title }: { title: string }) {
  return (
    <Card data-testid="no-model">
      <Title>{title}</Title>
      <Text>No model trained yet — an analyst can start one on the admin page.</Text>
    </Card>
  );
}
