import { Callout, Card, Text, Title } from "@tremor/react";

/** What every dashboard shows until a run is active. */
export function NoActiveRun() {
  return (
    <Card decoration="left" decorationColor="amber" data-testid="no-active-run">
      <Title>No segments yet</Title>
      <Text>No model trained yet — an analyst can start one on the admin page.</Text>
    </Card>
  );
}

/** For a figure an older run did not store. */
export function RetrainToSee({ what }: { what: string }) {
  return (
    <Callout title={`${what} not available for this run`} color="gray" data-testid="retrain-to-see">
      The active run was trained before {what.toLowerCase()} was recorded: retrain to see this.
    </Callout>
  );
}

/** A coloured dot for a segment; colours are Tremor palette names kept by the Tailwind safelist. */
export function SegmentDot({ color }: { color: string }) {
  return <span aria-hidden className={`inline-block h-3 w-3 shrink-0 rounded-full bg-${color}-500`} />;
}
