import { Card, Title, Text } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { listLocks } from "@/lib/auth/throttle";
import { listUsers } from "@/lib/db/users";
import { CreateUserForm } from "./CreateUserForm";
import { SignInLocks } from "./SignInLocks";
import { UserTable } from "./UserTable";

export default async function UsersPage() {
  const admin = await requirePagePermission("manageUsers");
  const [users, locks] = await Promise.all([listUsers(), listLocks()]);
  return (
    <div className="space-y-6">
      <div>
        <Title>Users</Title>
        <Text>
          Who may sign in, and what each role may do: viewers see dashboards and export; executives also see KPIs; analysts also import and retrain;
          administrators also manage users and the schedule.
        </Text>
      </div>
      <Card>
        <UserTable users={users} currentUserId={admin.id} />
      </Card>
      <Card>
        <Title>Sign-in locks</Title>
        <Text>
          Repeated wrong passwords lock an account from that address only (other addresses still sign in); many more from one address lock the address. Locks
          end by themselves after the lock time; unlock to end one now.
        </Text>
        <SignInLocks locks={locks} />
      </Card>
      <Card className="max-w-xl">
        <Title>Add a user</Title>
        <CreateUserForm />
      </Card>
    </div>
  );
}
