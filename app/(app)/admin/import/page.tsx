import { Suspense } from "react";
import { Card, Text, Title } from "@tremor/react";
import { requirePagePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { CardSkeleton } from "@/app/ui/CardSkeleton";
import { ImportForm } from "./ImportForm";
import { ImportHistory } from "./ImportHistory";

export default async function ImportPage() {
  await requirePagePermission("importData");
  return (
    <div className="space-y-6">
      <div>
        <Title>Import data</Title>
        <Text>
          Customer profiles in the marketing-campaign layout (any of its columns, plus your own), or order lines from a shop system. A file is imported whole or
          not at all; a profile file updates the customers it names, in the columns it has, and leaves every other column as it was.
        </Text>
      </div>
      <Card>
        <ImportForm maxBytes={env.IMPORT_MAX_BYTES} />
      </Card>
      <Suspense fallback={<CardSkeleton />}>
        <ImportHistory />
      </Suspense>
    </div>
  );
}
