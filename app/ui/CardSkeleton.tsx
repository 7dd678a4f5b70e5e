export function CardSkeleton() {
  return <div aria-hidden className="h-28 animate-pulse rounded-tremor-default bg-tremor-background-subtle" />;
}
