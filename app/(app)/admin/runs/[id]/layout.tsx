import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { findRun } from "./findRun";

/**
 * Looks the run up above loading.tsx: the skeleton's boundary sends the 200 before the page
 * finishes, so the 404 for an unknown id is decided here (shown by ../not-found.tsx).
 */
export default async function RunLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requirePagePermission("retrain");
  if (!(await findRun((await params).id))) notFound();
  return children;
}
