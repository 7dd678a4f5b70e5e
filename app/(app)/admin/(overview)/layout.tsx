import { requirePagePermission } from "@/lib/auth/session";

/** The permission check above loading.tsx: once the skeleton is sent the status is 200, and a refusal could no longer answer 403. */
export default async function AdminOverviewLayout({ children }: { children: React.ReactNode }) {
  await requirePagePermission("retrain");
  return children;
}
