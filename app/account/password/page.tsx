import { redirect } from "next/navigation";
import { Card, Text, Title } from "@tremor/react";
import { CHANGE_PASSWORD_PATH, getCurrentUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/app/ui/account/ChangePasswordForm";

/** Where every page sends a user whose password an administrator set, until they choose their own. */
export default async function ForcedPasswordChangePage() {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  if (!user.mustChangePassword) redirect("/account");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="max-w-sm">
        <Title>Choose a new password</Title>
        <Text className="mb-6">An administrator set a temporary password for {user.email}. Choose your own to go on.</Text>
        <ChangePasswordForm email={user.email} />
      </Card>
    </main>
  );
}
