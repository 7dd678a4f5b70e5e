import { Card, Text, Title } from "@tremor/react";
import { formatDuration } from "@/app/ui/runs/format";
import { formatCount } from "@/lib/text/numberFormat";
import { RowsTable } from "@/app/ui/runs/RowsTable";

interface Stage {
  name: string;
  ms: number;
  depth: number;
}

/**
 * Stages as a tree: "train.response" is a part of "train" and listed under it. The run
 * records parts of parts too (train.response.cv_mlp); the table shows two levels, the rest
 * folds away. "*.total" entries repeat their parent and are left out.
 */
function stageTree(timings: Record<string, number>): Stage[] {
  const names = Object.keys(timings).filter((name) => !name.endsWith(".total"));
  const childrenOf = (parent: string | null) =>
    names.filter((name) => (parent === null ? !name.includes(".") : name.startsWith(`${parent}.`) && !name.slice(parent.length + 1).includes(".")));
  const walk = (parent: string | null, depth: number): Stage[] =>
    childrenOf(parent).flatMap((name) => [{ name, ms: timings[name], depth }, ...walk(name, depth + 1)]);
  return walk(null, 0);
}

const rowsOf = (stages: Stage[]) =>
  stages.map((stage) => ({
    key: stage.name,
    className: stage.depth === 0 ? "font-semibold" : undefined,
    cells: [
      <span key="stage" style={{ paddingLeft: `${stage.depth * 1.25}rem` }} className="font-mono">
        {stage.name}
      </span>,
      formatCount(stage.ms),
      formatDuration(stage.ms),
    ],
  }));

const HEADER = ["Stage", "Milliseconds", "Time"];

export function TimingsCard({ timings }: { timings: Record<string, number> | null }) {
  const stages = stageTree(timings ?? {});
  if (stages.length === 0) {
    return (
      <Card>
        <Title>Timings</Title>
        <Text className="mt-2">No timings were recorded.</Text>
      </Card>
    );
  }
  return (
    <Card>
      <Title>Timings</Title>
      <div className="mt-2">
        <RowsTable testId="timings" header={HEADER} rows={rowsOf(stages.filter((stage) => stage.depth <= 1))} />
      </div>
      {stages.some((stage) => stage.depth > 1) && (
        <details className="mt-4 text-tremor-default">
          <summary className="cursor-pointer text-tremor-brand">Every measured stage ({stages.length})</summary>
          <div className="mt-2">
            <RowsTable header={HEADER} rows={rowsOf(stages)} />
          </div>
        </details>
      )}
    </Card>
  );
}
