import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { findImport } from "./findImport";

/**
 * Looks the import up above loading.tsx: the skeleton's boundary sends the 200 before the page
 * finishes, so the 404 for an unknown id is decided here (shown by ../not-found.tsx).
 */
export default async function ImportLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requirePagePermission("importData");
  if (!(await findImport((await params).id))) notFound();
  return children;
}
