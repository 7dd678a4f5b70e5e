import { PageSkeleton } from "@/app/ui/PageSkeleton";

export default function Loading() {
  return <PageSkeleton />;
}
