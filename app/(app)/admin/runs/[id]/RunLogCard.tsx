import { Card, Text, Title } from "@tremor/react";

/** The job process's output, kept with the run when the process ends: a crash's error and stack are here. */
export function RunLogCard({ log, status }: { log: string | null; status: string }) {
  return (
    <Card>
      <Title>Job log</Title>
      {log === null ? (
        <Text className="mt-2">
          {status === "QUEUED" || status === "RUNNING"
            ? "The job's output is stored here when its process ends."
            : "No log was kept for this run (it was not started through the launcher: seeded, or trained in-process by setup or a test)."}
        </Text>
      ) : (
        <>
          <Text className="mt-2">Standard output and error of the job process; a long log keeps its beginning and its end.</Text>
          <pre data-testid="run-log" className="mt-3 max-h-96 overflow-auto whitespace-pre-wrap rounded bg-tremor-background-subtle p-3 font-mono text-xs">
            {log || "(the process printed nothing)"}
          </pre>
        </>
      )}
    </Card>
  );
}
