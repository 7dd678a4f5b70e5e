import { CardSkeleton } from "@/app/ui/CardSkeleton";

export default function Loading() {
  return (
    <div className="space-y-6">
      <CardSkeleton />
      <CardSkeleton />
    </div>
  );
}
