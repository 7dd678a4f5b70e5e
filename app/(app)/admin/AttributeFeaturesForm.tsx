"use client";

import { useActionState } from "react";
import { Button } from "@tremor/react";
import { saveAttributeFeaturesAction } from "./actions";

/** A checkbox per known custom attribute; the form is rendered even without any, so the page always carries its action. */
export function AttributeFeaturesForm({ known, chosen }: { known: string[]; chosen: string[] }) {
  const [state, action, pending] = useActionState(saveAttributeFeaturesAction, { ok: true });
  return (
    <form action={action} className="mt-4 space-y-3">
      {known.length > 0 && (
        <fieldset className="flex flex-wrap gap-x-6 gap-y-2" data-testid="attribute-features">
          <legend className="sr-only">Custom attributes to segment on</legend>
          {known.map((name) => (
            <label key={name} className="flex items-center gap-2 text-tremor-default">
              <input type="checkbox" name="attribute" value={name} defaultChecked={chosen.includes(name)} />
              {name}
            </label>
          ))}
        </fieldset>
      )}
      {state.message && (
        <p role="status" className={state.ok ? "text-emerald-700" : "text-red-600"} data-testid="attribute-features-message">
          {state.message}
        </p>
      )}
      <Button type="submit" loading={pending} disabled={known.length === 0 && chosen.length === 0}>
        Save attributes
      </Button>
    </form>
  );
}
