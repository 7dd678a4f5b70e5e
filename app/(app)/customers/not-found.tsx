import { NotFoundCard } from "@/app/ui/NotFoundCard";

/** Here, not in [id]: the lookup that throws sits in [id]/layout.tsx, and a layout's notFound() reaches the segment above. */
export default function CustomerNotFound() {
  return (
    <NotFoundCard
      title="No such customer"
      text="There is no customer with this id; it may have been removed or never imported."
      back={{ href: "/customers", label: "All customers" }}
    />
  );
}
