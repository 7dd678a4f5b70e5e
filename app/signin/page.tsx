import { redirect } from "next/navigation";
import { Card, Title, Text } from "@tremor/react";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "./SignInForm";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  if (await getCurrentUser()) redirect(safeCallback);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="max-w-sm">
        <Title>Segment Studio</Title>
        <Text className="mb-6">Sign in to see your customer segments.</Text>
        <SignInForm callbackUrl={safeCallback} />
      </Card>
    </main>
  );
}
