import { NotFoundCard } from "@/app/ui/NotFoundCard";

/** Here, not in [id]: the lookup that throws sits in [id]/layout.tsx, and a layout's notFound() reaches the segment above. */
export default function SegmentNotFound() {
  return (
    <NotFoundCard
      title="No such segment"
      text="The active model has no segment with this number; a retrain may have changed the segments."
      back={{ href: "/segments", label: "All segments" }}
    />
  );
}
