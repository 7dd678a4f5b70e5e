import { CardSkeleton } from "@/app/ui/CardSkeleton";

/** What a data page shows while it loads: two card placeholders, announced to screen readers as loading. */
export function PageSkeleton() {
  return (
    <div className="space-y-6" aria-busy="true">
      <p role="status" className="sr-only">
        Loading…
      </p>
      <CardSkeleton />
      <CardSkeleton />
    </div>
  );
}
