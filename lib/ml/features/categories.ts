/** Education and marital status, normalised from the free-text categories of the file. */

/** Ordinal education level; "2n Cycle" is the European name of a master's-level degree. */
const EDUCATION_LEVELS: Record<string, number> = { basic: 0, graduation: 1, "2n cycle": 2, master: 2, phd: 3 };

export const EDUCATION_LEVEL_NAMES = ["Basic", "Graduation", "Master", "PhD"] as const;

export function rankEducation(education: string | null): number | null {
  if (education === null) return null;
  return EDUCATION_LEVELS[education.trim().toLowerCase()] ?? null;
}

export function normaliseEducation(education: string | null): string | null {
  return education === null ? null : education.trim().toLowerCase();
}

const ALONE = new Set(["single", "divorced", "widow", "alone", "absurd", "yolo"]);
const PARTNERED = new Set(["married", "together"]);

/** 1 for people living alone, 0 with a partner, null when unknown. */
export function isLivingAlone(maritalStatus: string | null): number | null {
  if (maritalStatus === null) return null;
  const key = maritalStatus.trim().toLowerCase();
  if (ALONE.has(key)) return 1;
  if (PARTNERED.has(key)) return 0;
  return null;
}

export function normaliseMaritalStatus(maritalStatus: string | null): string | null {
  return maritalStatus === null ? null : maritalStatus.trim().toLowerCase();
}
