import { redirect } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/session";

/** Marketing viewers start on their segments: decided above loading.tsx, so it is a real redirect rather than one inside a page already sent. */
export default async function OverviewLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePagePermission("viewDashboards");
  if (!can(user.role, "viewKpis")) redirect("/segments");
  return children;
}
