/**
 * Who a run's totals cover: how many customers have a CLV (from order lines or from profile
 * fields) and a response score, and the reasons the rest have none, so no page shows a total
 * that silently leaves customers out.
 */
import type { CustomerScores } from "@/lib/ml/train";
import type { ClvCoverage, ClvSource } from "@/lib/ml/train/types";

export type { ClvCoverage };

export interface ResponseCoverage {
  customers: number;
  scored: number;
  none: number;
  reasons: { reason: string; count: number }[];
}

/** Reasons kept per count; the rest are added up under OTHER_REASONS so the counts still add up to `none`. */
export const TOP_REASONS = 5;
export const OTHER_REASONS = "other reasons";
/** For a customer left unscored without a note (runs whose models recorded none). */
export const NO_REASON = "no reason recorded";

function topReasons(counts: Map<string, number>): { reason: string; count: number }[] {
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([reason, count]) => ({ reason, count }));
  if (ranked.length <= TOP_REASONS) return ranked;
  const kept = ranked.slice(0, TOP_REASONS - 1);
  return [...kept, { reason: OTHER_REASONS, count: ranked.slice(TOP_REASONS - 1).reduce((sum, entry) => sum + entry.count, 0) }];
}

export class Coverage {
  private customers = 0;
  private fromOrders = 0;
  private fromProfiles = 0;
  private responseScored = 0;
  private clvReasons = new Map<string, number>();
  private responseReasons = new Map<string, number>();

  /** `runSource` stands in for a customer with a CLV but no source of its own. */
  add(scores: CustomerScores, i: number, runSource: ClvSource | null): void {
    this.customers++;
    if (Number.isFinite(scores.clv[i])) {
      if ((scores.clvSource[i] ?? runSource) === "orders") this.fromOrders++;
      else this.fromProfiles++;
    } else {
      const reason = scores.clvNote[i] ?? NO_REASON;
      this.clvReasons.set(reason, (this.clvReasons.get(reason) ?? 0) + 1);
    }
    if (Number.isFinite(scores.responseProbability[i])) this.responseScored++;
    else {
      const reason = scores.responseNote[i] ?? NO_REASON;
      this.responseReasons.set(reason, (this.responseReasons.get(reason) ?? 0) + 1);
    }
  }

  result(): { clvCoverage: ClvCoverage; responseCoverage: ResponseCoverage } {
    const withClv = this.fromOrders + this.fromProfiles;
    return {
      clvCoverage: {
        customers: this.customers,
        orders: this.fromOrders,
        profiles: this.fromProfiles,
        none: this.customers - withClv,
        reasons: topReasons(this.clvReasons),
      },
      responseCoverage: {
        customers: this.customers,
        scored: this.responseScored,
        none: this.customers - this.responseScored,
        reasons: topReasons(this.responseReasons),
      },
    };
  }
}
