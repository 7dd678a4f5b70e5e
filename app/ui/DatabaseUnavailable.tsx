import { Callout } from "@tremor/react";

/** What every signed-in page shows while the database cannot be reached (the layout's user lookup fails first). */
export function DatabaseUnavailable() {
  return (
    <main className="mx-auto max-w-7xl px-6 py-8">
      <Callout title="The database cannot be reached" color="rose" role="alert">
        The page could not be loaded because the database is not answering. Nothing was changed. Reload the page in a moment to try again; if this lasts, ask an
        administrator to check the database server.
      </Callout>
    </main>
  );
}
