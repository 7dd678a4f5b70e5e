/**
 * Audit entries in plain words for the audit page: what happened as a phrase, the target with
 * a user's e-mail instead of their id, and the details as labelled fields. Pure: the caller
 * looks the users up.
 */
const ACTIONS: Record<string, string> = {
  "user.signin": "signed in",
  "user.signout": "signed out",
  "user.created": "created a user",
  "user.updated": "changed a user",
  "signin.failed": "failed sign-in",
  "signin.locked": "sign-in locked",
  "signin.unlocked": "lifted a sign-in lock",
  "run.started": "started a retrain",
  "run.promoted": "run promoted by the gate",
  "run.held": "run held for review",
  "run.rejected": "run rejected by the gate",
  "run.forced": "made a run active by hand",
  "run.rollback": "rolled back to a run",
  "import.completed": "imported a file",
  "schedule.updated": "changed the retrain schedule",
  "attributeFeatures.updated": "changed the custom attributes",
  "segmentSettings.updated": "changed the segment settings",
  "moneyFormat.updated": "changed the currency and number format",
  "token.created": "created an API token",
  "token.revoked": "revoked an API token",
  "data.reset": "reset the business data",
};

const FIELD_LABELS: Record<string, string> = {
  note: "Reason",
  reasons: "Reasons",
  fileName: "File",
  kind: "Kind",
  email: "E-mail",
  address: "Address",
  key: "Locked key",
  role: "Role",
  disabled: "Disabled",
  firstAdmin: "First administrator",
  cron: "Schedule",
  timezone: "Time zone",
  enabled: "Enabled",
  previous: "Before",
  names: "Attributes",
  scope: "Scope",
  name: "Name",
  trigger: "Trigger",
  via: "Via",
  currency: "Currency",
  locale: "Number format",
};

/** "camelCase" → "Camel case", for fields without a label of their own. */
function words(key: string): string {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced[0].toUpperCase() + spaced.slice(1);
}

export const fieldLabel = (key: string) => FIELD_LABELS[key] ?? words(key);

export function actionText(action: string): string {
  return ACTIONS[action] ?? action.replace(/[._]/g, " ");
}

/** A detail value as text: lists joined, yes/no, nested fields as "Label value" pairs, null as "—". */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length ? value.map(valueText).join("; ") : "none";
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${fieldLabel(key).toLowerCase()} ${valueText(inner)}`)
    .join(", ");
}

export interface DetailField {
  label: string;
  value: string;
}

export function detailFields(details: unknown): DetailField[] {
  if (details === null || details === undefined) return [];
  if (typeof details !== "object" || Array.isArray(details)) return [{ label: "Details", value: valueText(details) }];
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => ({ label: fieldLabel(key), value: valueText(value) }));
}

/** The user ids an entry's target names ("user:<id>"), for the caller to look up. */
export function targetUserId(target: string | null): string | null {
  return target?.startsWith("user:") ? target.slice("user:".length) : null;
}

/** The target as words: a user by e-mail (or "a deleted user"), runs and imports by number. */
export function targetText(target: string | null, emailOf: ReadonlyMap<string, string>): string {
  if (!target) return "—";
  const userId = targetUserId(target);
  if (userId) return emailOf.get(userId) ?? "a deleted user";
  const [kind, id] = target.split(":");
  if (kind === "run" && id) return `run #${id}`;
  if (kind === "import" && id) return `import #${id}`;
  if (kind === "token" && id) return "API token";
  if (kind === "setting") return `setting ${id}`;
  if (kind === "business-data") return "all business data";
  return target;
}
