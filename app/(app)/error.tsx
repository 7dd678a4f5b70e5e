"use client";

import { Button, Callout } from "@tremor/react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Callout title="Something went wrong" color="rose">
      <p>The page could not be loaded{error.digest ? ` (reference ${error.digest})` : ""}. The database may be unreachable.</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </Callout>
  );
}
