/** The accounts the end-to-end tests sign in with, one per role. */
export const E2E_USERS = {
  ADMIN: { email: "admin@e2e.test", password: "admin-password-123" },
  ANALYST: { email: "analyst@e2e.test", password: "analyst-password-123" },
  EXECUTIVE: { email: "executive@e2e.test", password: "executive-password-123" },
  VIEWER: { email: "viewer@e2e.test", password: "viewer-password-123" },
} as const;

/** An account only the lock-out test signs in with, so locking it leaves the others usable. */
export const LOCKOUT_USER = { email: "lockout@e2e.test", password: "lockout-password-123" } as const;
