import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Segment Studio",
  description: "Customer segments, response likelihood and lifetime value for marketing teams.",
  // public/icon.svg; proxy.ts lets it through without sign-in, so the sign-in page shows it too.
  icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, every page and the not-found page too: Next.js puts the CSP nonce
  // (proxy.ts) on its scripts only then, and a prerendered page's scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
