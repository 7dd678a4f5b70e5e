import { Card, Title, Text } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { listUsers } from "@/lib/db/users";
import { CreateUserForm } from "./CreateUserForm";
import { UserTable } from "./UserTable";

export default async function UsersPage() {
  const admin = await requirePagePermission("manageUsers");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <div>
        <Title>Users</Title>
        <Text>Who may sign in, and what each role may do: viewers see dashboards and export; executives also see KPIs; analysts also import and retrain; administrators also manage users and the schedule.</Text>
      </div>
      <Card>
        <UserTable users={users} currentUserId={admin.id} />
      </Card>
      <Card className="max-w-xl">
        <Title>Add a user</Title>
        <CreateUserForm />
      </Card>
    </div>
  );
}
