import { CardSkeleton } from "@/app/ui/CardSkeleton";

/** What a data page shows while it loads: two card placeholders. */
export function PageSkeleton() {
  return (
    <div className="space-y-6">
      <CardSkeleton />
      <CardSkeleton />
    </div>
  );
}
