/**
 * Validation issues as answers, bounded: a large bad request (thousands of bad fields, a key
 * of 400 KB) must not produce an error larger than itself. At most MAX_ISSUES are listed, then
 * "and N more", and every path and message is cut to MAX_TEXT characters.
 */
import type { z } from "zod";

export const MAX_ISSUES = 20;
const MAX_TEXT = 200;

export interface IssueDetail {
  path: string;
  message: string;
}

const cut = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/** The first MAX_ISSUES issues with their dotted paths (`root` for the whole input), and how many were left out. */
export function boundedIssues(error: z.ZodError, root = "(root)"): { details: IssueDetail[]; more: number } {
  const details = error.issues.slice(0, MAX_ISSUES).map((issue) => ({ path: cut(issue.path.map(String).join(".") || root), message: cut(issue.message) }));
  return { details, more: Math.max(0, error.issues.length - MAX_ISSUES) };
}

/** "path: message; …; and 3 more". */
export function describeIssues(error: z.ZodError, root = "(root)"): string {
  const { details, more } = boundedIssues(error, root);
  return [...details.map((detail) => `${detail.path}: ${detail.message}`), ...(more ? [`and ${more} more`] : [])].join("; ");
}

/** zod's flattenError's field errors, from the bounded issues: at most MAX_ISSUES messages in all. */
export function boundedFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const kept = error.issues.slice(0, MAX_ISSUES);
  for (const issue of kept) {
    if (issue.path.length === 0) continue;
    (fields[cut(String(issue.path[0]))] ??= []).push(cut(issue.message));
  }
  const more = error.issues.length - kept.length;
  if (more > 0) fields["(more)"] = [`and ${more} more`];
  return fields;
}
