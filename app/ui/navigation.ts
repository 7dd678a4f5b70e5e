import type { Permission } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

/** The app's sections; each is shown only to roles that may open it (the pages check again). */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview", permission: "viewDashboards" },
  { href: "/segments", label: "Segments", permission: "viewDashboards" },
  { href: "/customers", label: "Customers", permission: "viewDashboards" },
  { href: "/campaigns", label: "Campaigns", permission: "viewDashboards" },
  { href: "/admin/import", label: "Import", permission: "importData" },
  { href: "/admin", label: "Admin", permission: "retrain" },
  { href: "/admin/users", label: "Users", permission: "manageUsers" },
  { href: "/admin/tokens", label: "API tokens", permission: "manageUsers" },
  { href: "/api-docs", label: "API", permission: "viewDashboards" },
];
