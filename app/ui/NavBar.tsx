import Link from "next/link";
import { can } from "@/lib/auth/roles";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/db/users";
import { NAV_ITEMS } from "./navigation";
import { SignOutButton } from "./SignOutButton";

export function NavBar({ user }: { user: PublicUser }) {
  const items = NAV_ITEMS.filter((item) => can(user.role, item.permission));
  return (
    <header className="border-b border-tremor-border bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
        <Link href="/" className="font-semibold text-tremor-content-strong">
          Segment Studio
        </Link>
        <ul className="flex flex-1 gap-4 text-tremor-default">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="text-tremor-content-emphasis hover:text-tremor-brand">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        <span className="text-tremor-label text-tremor-content" data-testid="current-user">
          {user.email} · {ROLE_LABELS[user.role]}
        </span>
        <Link href="/account" className="text-tremor-default text-tremor-content-emphasis hover:text-tremor-brand">
          Account
        </Link>
        <SignOutButton />
      </nav>
    </header>
  );
}
