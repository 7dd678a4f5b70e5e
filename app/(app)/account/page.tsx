import { Card, Text, Title } from "@tremor/react";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/app/ui/account/ChangePasswordForm";

export default async function AccountPage() {
  const user = await requirePagePermission("viewDashboards");
  return (
    <div className="space-y-6">
      <div>
        <Title>Account</Title>
        <Text>
          {user.name} · {user.email} · {ROLE_LABELS[user.role]}
        </Text>
      </div>
      <Card className="max-w-xl">
        <Title>Change your password</Title>
        <Text className="mb-4">Your other sessions end; this one goes on.</Text>
        <ChangePasswordForm email={user.email} />
      </Card>
    </div>
  );
}
