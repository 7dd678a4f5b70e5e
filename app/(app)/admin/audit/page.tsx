import { Card, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { listAudit } from "@/lib/db/audit";
import { AuditTable } from "./AuditTable";

const SHOWN = 100;

export default async function AuditPage() {
  await requirePagePermission("retrain");
  const { entries, emailOf } = await listAudit(SHOWN);
  return (
    <div className="space-y-6">
      <div>
        <Title>Audit log</Title>
        <Text>The latest {SHOWN} recorded actions, newest first: imports, retrains and their outcomes, activations by hand, schedule and user changes.</Text>
      </div>
      <Card>{entries.length === 0 ? <Text>Nothing recorded yet.</Text> : <AuditTable entries={entries} emailOf={emailOf} />}</Card>
    </div>
  );
}
