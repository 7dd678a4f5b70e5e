import { PageSkeleton } from "@/app/ui/PageSkeleton";

/** In the (overview) group so that it does not wrap runs/[id] and import/[id], whose 404 must be decided before anything is sent. */
export default function Loading() {
  return <PageSkeleton />;
}
