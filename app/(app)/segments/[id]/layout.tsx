import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { findSegment } from "./findSegment";

/**
 * Looks the segment up above loading.tsx: the skeleton's boundary sends the 200 before the page
 * finishes, so the 404 for an unknown key is decided here (shown by ../not-found.tsx).
 */
export default async function SegmentLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requirePagePermission("viewDashboards");
  if (!(await findSegment((await params).id))) notFound();
  return children;
}
