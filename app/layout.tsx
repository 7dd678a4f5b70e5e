import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Segment Studio",
  description: "Customer segments, response likelihood and lifetime value for marketing teams.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
