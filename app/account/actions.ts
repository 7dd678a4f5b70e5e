"use server";

import { authorizedAction } from "@/lib/actions/authorizedAction";
import { changeOwnPassword, ownPasswordChange } from "@/lib/auth/accountPasswords";

// Every role may change its own password, a user with a temporary one included.
export const changeOwnPasswordAction = authorizedAction("viewDashboards", ownPasswordChange, changeOwnPassword, { duringPasswordChange: true });
