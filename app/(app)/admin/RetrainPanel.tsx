"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, Callout, ProgressBar, Text } from "@tremor/react";
import { FINISHED_STATUSES, labelStage } from "@/app/ui/runs/stages";

interface RunProgress {
  id: number;
  status: string;
  stage: string | null;
  progress: number;
  error: string | null;
  /** Rejected because the promotion gate held it for review. */
  review?: boolean;
}

const POLL_MS = 1_500;
const isFinished = (status: string) => (FINISHED_STATUSES as readonly string[]).includes(status);

/** "Retrain now", then the run's stage and progress until it finishes. Starts polling at once when a run is already going. */
export function RetrainPanel({ runningRunId }: { runningRunId: number | null }) {
  const router = useRouter();
  const [runId, setRunId] = useState(runningRunId);
  const [run, setRun] = useState<RunProgress | null>(null);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<{ color: "amber" | "rose"; text: string } | null>(null);

  useEffect(() => {
    if (runId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/runs/${runId}`, { cache: "no-store" });
        const body = await response.json();
        if (stopped) return;
        if (!response.ok) {
          setNotice({ color: "rose", text: body.error ?? `Could not read run ${runId} (${response.status}).` });
          return;
        }
        setRun(body as RunProgress);
        if (isFinished(body.status)) {
          router.refresh();
          return;
        }
      } catch {
        // A dropped request is retried on the next tick; the run goes on regardless.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [runId, router]);

  async function start() {
    setStarting(true);
    setNotice(null);
    try {
      const response = await fetch("/api/runs", { method: "POST" });
      const body = await response.json().catch(() => ({}));
      if (response.status === 202 || (response.status === 409 && body.runId > 0)) {
        if (response.status === 409) setNotice({ color: "amber", text: `${body.error} Its progress is shown below.` });
        setRun(null);
        setRunId(body.runId);
        // The history below then lists the run as running.
        router.refresh();
      } else {
        setNotice({ color: response.status === 409 ? "amber" : "rose", text: body.error ?? `The retrain did not start (${response.status}).` });
      }
    } catch {
      setNotice({ color: "rose", text: "The request did not reach the server. Check your connection and try again." });
    } finally {
      setStarting(false);
    }
  }

  const running = runId !== null && (run === null || !isFinished(run.status));
  return (
    <div className="space-y-4">
      <div className="flex items-center gap-4">
        <Button onClick={start} loading={starting} disabled={running} loadingText="Starting…">
          Retrain now
        </Button>
        <Text>Trains every model on the customers as imported now; the new run replaces the active one only if it passes the promotion gate.</Text>
      </div>
      {notice && (
        <Callout title={notice.color === "amber" ? "Already running" : "Could not start"} color={notice.color} role="alert">
          {notice.text}
        </Callout>
      )}
      {runId !== null && running && <Progress runId={runId} run={run} />}
      {run && isFinished(run.status) && <Outcome run={run} />}
    </div>
  );
}

function Progress({ runId, run }: { runId: number; run: RunProgress | null }) {
  const progress = run?.progress ?? 0;
  return (
    <div data-testid="retrain-progress" className="space-y-2">
      <Text>
        <Link href={`/admin/runs/${runId}`} className="text-tremor-brand underline">
          Run #{runId}
        </Link>{" "}
        · <span data-testid="run-stage">{labelStage(run?.stage ?? null, progress)}</span>
      </Text>
      <ProgressBar value={Math.round(progress * 100)} label={`${Math.round(progress * 100)}%`} showAnimation />
    </div>
  );
}

const OUTCOMES: Record<string, { title: string; color: "emerald" | "amber" | "violet" | "rose"; text: string }> = {
  SUCCEEDED: { title: "Retrain succeeded", color: "emerald", text: "passed the promotion gate and is now the active run." },
  REJECTED: { title: "Retrain rejected", color: "amber", text: "was rejected by the promotion gate; the active run stays. Its page says why." },
  FAILED: { title: "Retrain failed", color: "rose", text: "failed; nothing users see has changed." },
  REVIEW: {
    title: "Retrain held for review",
    color: "violet",
    text: "was held for review by the promotion gate: it changes more than the gate lets through unseen, and the active run stays. Its page says what changed and lets you make it active by hand.",
  },
};

function Outcome({ run }: { run: RunProgress }) {
  const outcome = OUTCOMES[run.status === "REJECTED" && run.review ? "REVIEW" : run.status];
  return (
    <Callout title={outcome.title} color={outcome.color} role="status" data-testid="retrain-outcome">
      <Link href={`/admin/runs/${run.id}`} className="underline">
        Run #{run.id}
      </Link>{" "}
      {outcome.text}
      {run.error ? ` ${run.error}` : ""}
    </Callout>
  );
}
