import { redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH, getCurrentUser } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
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
      {/* The first stop of the Tab key, so keyboard users need not pass the whole menu on every page. */}
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded-tremor-default focus:bg-white focus:px-3 focus:py-2 focus:text-tremor-default focus:text-tremor-brand-emphasis focus:shadow-tremor-card"
      >
        Skip to content
      </a>
      <NavBar user={user} />
      {/* tabIndex -1: the skip link moves focus here, so the next Tab goes on from the page's content. */}
      <main id="content" tabIndex={-1} className="mx-auto max-w-7xl px-6 py-8 outline-none">
        {children}
      </main>
    </>
  );
}
