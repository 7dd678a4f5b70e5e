import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { NavBar } from "@/app/ui/NavBar";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return (
    <>
      <NavBar user={user} />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
