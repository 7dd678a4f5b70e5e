import { List, ListItem } from "@tremor/react";
import { describeReport, type ImportReport } from "@/lib/import/report";

/** What the file held and changed, one sentence a line; shown after an upload and on the batch page. */
export function ImportReportList({ report }: { report: ImportReport }) {
  return (
    <List data-testid="import-report">
      {describeReport(report).map((line) => (
        <ListItem key={line} className="whitespace-normal">
          {line}
        </ListItem>
      ))}
    </List>
  );
}
