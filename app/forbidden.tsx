import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-tremor-title font-semibold">403 — not allowed</h1>
      <p className="mt-2 text-tremor-content">Your role does not give access to this page.</p>
      <Link href="/" className="mt-4 inline-block text-tremor-brand underline">
        Back to the overview
      </Link>
    </main>
  );
}
