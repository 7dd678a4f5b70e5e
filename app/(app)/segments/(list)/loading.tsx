import { PageSkeleton } from "@/app/ui/PageSkeleton";

/** In the (list) group so that it does not wrap [id], whose 404 must be decided before anything is sent. */
export default function Loading() {
  return <PageSkeleton />;
}
