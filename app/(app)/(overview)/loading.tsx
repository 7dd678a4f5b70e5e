import { PageSkeleton } from "@/app/ui/PageSkeleton";

/** In the (overview) group so that it wraps only the overview, not every page of the app. */
export default function Loading() {
  return <PageSkeleton />;
}
