"use client";

import { useActionState, useState } from "react";
import { Button, TextInput } from "@tremor/react";
import type { RetrainSchedule } from "@/lib/db/settings";
import { saveScheduleAction } from "./actions";

/** Controlled fields, so a refused expression stays in the box next to its error (React resets uncontrolled forms after an action). */
export function ScheduleForm({ schedule, timeZones }: { schedule: RetrainSchedule; timeZones: string[] }) {
  const [state, action, pending] = useActionState(saveScheduleAction, { ok: true });
  const [cron, setCron] = useState(schedule.cron);
  const [timezone, setTimezone] = useState(schedule.timezone);
  const [enabled, setEnabled] = useState(schedule.enabled);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 max-w-xl space-y-3">
      <div>
        <label htmlFor="schedule-cron" className="text-tremor-default text-tremor-content-emphasis">
          Cron expression (minute hour day-of-month month day-of-week)
        </label>
        <TextInput
          id="schedule-cron"
          name="cron"
          value={cron}
          onValueChange={setCron}
          error={Boolean(errors.cron)}
          errorMessage={errors.cron?.join("; ")}
          className="font-mono"
        />
      </div>
      <div>
        <label htmlFor="schedule-timezone" className="text-tremor-default text-tremor-content-emphasis">
          Time zone (IANA, e.g. Europe/Berlin)
        </label>
        <TextInput
          id="schedule-timezone"
          name="timezone"
          list="time-zones"
          value={timezone}
          onValueChange={setTimezone}
          error={Boolean(errors.timezone)}
          errorMessage={errors.timezone?.join("; ")}
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>
      <label className="flex items-center gap-2 text-tremor-default">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        Retrain on this schedule
      </label>
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"} data-testid="schedule-message">
          {state.message}
        </p>
      )}
      <Button type="submit" loading={pending}>
        Save schedule
      </Button>
    </form>
  );
}
