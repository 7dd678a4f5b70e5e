import { NotFoundCard } from "@/app/ui/NotFoundCard";

/** For import/[id], whose lookup sits in its layout.tsx: a layout's notFound() reaches the segment above. */
export default function ImportNotFound() {
  return (
    <NotFoundCard
      title="No such import"
      text="There is no import with this number; past imports are listed on the import page."
      back={{ href: "/admin/import", label: "All imports" }}
    />
  );
}
