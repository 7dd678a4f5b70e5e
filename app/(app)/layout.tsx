import { redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH, getCurrentUser } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db/connection";
import { DatabaseUnavailable } from "@/app/ui/DatabaseUnavailable";
import { NavBar } from "@/app/ui/NavBar";
import type { PublicUser } from "@/lib/db/users";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  let user: PublicUser | null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    // The layout sits above the segment's error boundary, so an outage is shown here.
    if (isDatabaseUnavailable(error)) return <DatabaseUnavailable />;
    throw error;
  }
  if (!user) redirect("/signin");
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return (
    <>
      <NavBar user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
