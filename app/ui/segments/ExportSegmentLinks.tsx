/** The segment exports, shown only to roles that may export (the routes check again on the server). */
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { CsvExportLink } from "@/app/ui/export/CsvExportLink";

async function mayExport(): Promise<boolean> {
  const user = await getCurrentUser();
  return user !== null && can(user.role, "exportData");
}

export async function ExportSegmentLink({ segmentKey }: { segmentKey: number }) {
  if (!(await mayExport())) return null;
  return (
    <div className="mt-2">
      <CsvExportLink
        href={`/api/export/segments/${segmentKey}`}
        label="Export this segment (CSV)"
        excelLabel="Export this segment for Excel (CSV with byte-order mark)"
        testId={`export-segment-${segmentKey}`}
      />
    </div>
  );
}

export async function ExportAllSegmentsLink() {
  if (!(await mayExport())) return null;
  return (
    <CsvExportLink
      href="/api/export/segments"
      label="Export all segments (CSV)"
      excelLabel="Export all segments for Excel (CSV with byte-order mark)"
      testId="export-all-segments"
    />
  );
}
