import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/db/tokens";
import { CreateTokenForm } from "./CreateTokenForm";
import { TokenTable } from "./TokenTable";

export default async function TokensPage() {
  await requirePagePermission("manageUsers");
  const tokens = await listApiTokens();
  return (
    <div className="space-y-6">
      <div>
        <Title>API tokens</Title>
        <Text>
          Tokens let other systems score customers and read segments through the{" "}
          <Link href="/api-docs" className="underline">
            v1 API
          </Link>
          . A token acts with its scope&apos;s permissions; only a hash is stored, so a lost token is revoked and replaced, never recovered.
        </Text>
      </div>
      <Card>
        <TokenTable tokens={tokens} now={new Date()} />
      </Card>
      <Card className="max-w-xl">
        <Title>Create a token</Title>
        <CreateTokenForm />
      </Card>
    </div>
  );
}
