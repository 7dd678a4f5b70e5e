import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl p-10">
      <h1 className="text-tremor-title font-semibold">Not found</h1>
      <p className="mt-2 text-tremor-content">There is nothing at this address.</p>
      <Link href="/" className="mt-4 inline-block text-tremor-brand underline">
        Back to the overview
      </Link>
    </main>
  );
}
