/** Why a run became the active one (RunActivation.reason). */
const REASONS: Record<string, string> = {
  promoted: "passed the promotion gate",
  forced: "made active by hand",
  rollback: "rolled back to by hand",
};

export function explainActivationReason(reason: string): string {
  return REASONS[reason] ?? reason;
}
