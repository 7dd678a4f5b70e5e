/**
 * Roles and what each may do. Roles are ordered: every role can do what the ones before it can.
 * Route handlers, server actions and pages check a named permission, never a role by hand.
 */
export const ROLES = ["VIEWER", "EXECUTIVE", "ANALYST", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  viewDashboards: "VIEWER",
  exportData: "VIEWER",
  viewKpis: "EXECUTIVE",
  importData: "ANALYST",
  retrain: "ANALYST",
  manageUsers: "ADMIN",
  manageSchedule: "ADMIN",
  configureSegments: "ADMIN",
  configureDisplay: "ADMIN",
  resetData: "ADMIN",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function hasRole(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

export function can(role: Role, permission: Permission): boolean {
  return hasRole(role, PERMISSIONS[permission]);
}

export const ROLE_LABELS: Record<Role, string> = {
  VIEWER: "Viewer (marketing)",
  EXECUTIVE: "Executive",
  ANALYST: "Analyst",
  ADMIN: "Administrator",
};
