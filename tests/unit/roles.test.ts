import { describe, expect, test } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "@/lib/auth/roles";

const EXPECTED: Record<Role, Permission[]> = {
  VIEWER: ["viewDashboards", "exportData"],
  EXECUTIVE: ["viewDashboards", "exportData", "viewKpis"],
  ANALYST: ["viewDashboards", "exportData", "viewKpis", "importData", "retrain"],
  ADMIN: [
    "viewDashboards",
    "exportData",
    "viewKpis",
    "importData",
    "retrain",
    "manageUsers",
    "manageSchedule",
    "configureSegments",
    "configureDisplay",
    "resetData",
  ],
};

describe("role permissions", () => {
  test.each(ROLES)("%s may do exactly what the product says", (role) => {
    const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission));
    expect(allowed.sort()).toEqual([...EXPECTED[role]].sort());
  });
});
