/**
 * Moves every run activation `ms` back, keeping their order: as if the runs were that far apart,
 * so that score retention's hour of grace for a recently active run (RECENTLY_ACTIVE_MS in
 * lib/db/scoreRetention.ts) does not keep them. Import it after DATABASE_URL is set.
 */
export async function backdateActivations(ms: number): Promise<void> {
  const { db } = await import("@/lib/db/internal/client");
  for (const { id, activatedAt } of await db.runActivation.findMany({ select: { id: true, activatedAt: true } }))
    await db.runActivation.update({ where: { id }, data: { activatedAt: new Date(activatedAt.getTime() - ms) } });
}
