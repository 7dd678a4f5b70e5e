import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Card, Title, Text } from "@tremor/react";
import { sanitiseCallbackUrl } from "@/lib/auth/callbackUrl";
import { getCurrentUser } from "@/lib/auth/session";
import { appOrigin } from "@/lib/http/origin";
import { SignInForm } from "./SignInForm";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const safeCallback = sanitiseCallbackUrl(callbackUrl, appOrigin(await headers()));
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
