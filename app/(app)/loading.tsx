export default function Loading() {
  return <p className="text-tremor-content">Loading…</p>;
}
