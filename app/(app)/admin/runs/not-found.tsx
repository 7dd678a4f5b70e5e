import { NotFoundCard } from "@/app/ui/NotFoundCard";

/** Here, not in [id]: the lookup that throws sits in [id]/layout.tsx, and a layout's notFound() reaches the segment above. */
export default function RunNotFound() {
  return (
    <NotFoundCard
      title="No such run"
      text="There is no model run with this number; runs are numbered 1, 2, 3… and listed on the models page."
      back={{ href: "/admin", label: "All runs" }}
    />
  );
}
