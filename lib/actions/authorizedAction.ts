/**
 * The wrapper every server action goes through: it checks the permission on the server,
 * parses the FormData with a zod schema and returns field-level errors, never throws them.
 */
import "server-only";
import type { z } from "zod";
import { boundedFieldErrors } from "@/lib/http/issues";
import { getCurrentUser } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/roles";
import type { PublicUser } from "@/lib/db/users";

export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** A value shown to the user once and never again, such as a new API token's secret. */
  reveal?: string;
};

export const CHANGE_PASSWORD_FIRST = "Change your temporary password first (Account).";

/**
 * `lists`: fields read with every value they were sent (a group of checkboxes), as arrays.
 * `duringPasswordChange`: the one action a user with a temporary password may call.
 */
export function authorizedAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  run: (input: z.infer<S>, user: PublicUser) => Promise<ActionState>,
  { lists = [], duringPasswordChange = false }: { lists?: string[]; duringPasswordChange?: boolean } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: "Sign in first." };
    if (user.mustChangePassword && !duringPasswordChange) return { ok: false, message: CHANGE_PASSWORD_FIRST };
    if (!can(user.role, permission)) return { ok: false, message: `Your role (${user.role}) may not do this.` };
    const fields: Record<string, unknown> = Object.fromEntries(formData);
    for (const name of lists) fields[name] = formData.getAll(name);
    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      return { ok: false, message: "Check the highlighted fields.", fieldErrors: boundedFieldErrors(parsed.error) };
    }
    return run(parsed.data, user);
  };
}
