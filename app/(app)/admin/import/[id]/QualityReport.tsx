import { Card, List, ListItem, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Text, Title } from "@tremor/react";

/** The data-quality report as stored with a batch (lib/import/quality.ts); every part optional for refused files. */
export interface QualityJson {
  rows?: number;
  missing?: { column: string; count: number; share: number }[];
  outOfRange?: { column: string; rule: string; count: number; examples: { row: number; value: number }[] }[];
  unknownCategories?: { column: string; values: { value: string; count: number }[] }[];
  duplicateRows?: { count: number; groups: number; examples: number[][] };
  findings?: string[];
}

export function QualityReport({ quality }: { quality: QualityJson }) {
  const missing = (quality.missing ?? []).filter((entry) => entry.count > 0);
  return (
    <Card data-testid="quality-report">
      <Title>Data quality</Title>
      {quality.findings?.length ? (
        <List className="mt-2">
          {quality.findings.map((finding) => (
            <ListItem key={finding}>{finding}</ListItem>
          ))}
        </List>
      ) : (
        <Text className="mt-2">No problems found.</Text>
      )}
      {missing.length > 0 && (
        <Section title="Missing values">
          <Rows
            header={["Column", "Missing", "Share"]}
            rows={missing.map((m) => [m.column, m.count.toLocaleString("en-US"), `${(m.share * 100).toFixed(1)}%`])}
          />
        </Section>
      )}
      {quality.outOfRange?.length ? (
        <Section title="Out-of-range values">
          <Rows
            header={["Column", "Problem", "Rows", "Examples (row: value)"]}
            rows={quality.outOfRange.map((o) => [o.column, o.rule, o.count.toLocaleString("en-US"), o.examples.map((e) => `${e.row}: ${e.value}`).join(", ")])}
          />
        </Section>
      ) : null}
      {quality.unknownCategories?.length ? (
        <Section title="Unknown categories">
          <Rows
            header={["Column", "Values (count)"]}
            rows={quality.unknownCategories.map((u) => [u.column, u.values.map((v) => `${v.value} (${v.count})`).join(", ")])}
          />
        </Section>
      ) : null}
      {quality.duplicateRows && quality.duplicateRows.count > 0 && (
        <Section title="Duplicate rows (identical but for the id)">
          <Text>
            {quality.duplicateRows.count.toLocaleString("en-US")} rows repeat an earlier one, in {quality.duplicateRows.groups.toLocaleString("en-US")} groups.
            First groups (rows): {quality.duplicateRows.examples.map((group) => group.join(" = ")).join("; ")}
          </Text>
        </Section>
      )}
    </Card>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-6">
      <h3 className="mb-2 text-tremor-default font-semibold text-tremor-content-strong">{title}</h3>
      {children}
    </section>
  );
}

function Rows({ header, rows }: { header: string[]; rows: string[][] }) {
  return (
    <Table>
      <TableHead>
        <TableRow>
          {header.map((label) => (
            <TableHeaderCell key={label}>{label}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={i}>
            {row.map((cell, j) => (
              <TableCell key={j} className="whitespace-normal">
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
