import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { findCustomer } from "./findCustomer";

/**
 * Looks the customer up above loading.tsx: the skeleton's boundary sends the 200 before the page
 * finishes, so the 404 for an unknown id is decided here (shown by ../not-found.tsx).
 */
export default async function CustomerLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requirePagePermission("viewDashboards");
  if (!(await findCustomer((await params).id))) notFound();
  return children;
}
