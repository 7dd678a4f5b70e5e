/**
 * A CSV download and, beside it, the same file for Excel (bom=1: a byte-order mark, without
 * which Excel reads UTF-8 as the system's legacy code page). Plain links: the route handler
 * names the file and checks the role.
 */
export function CsvExportLink({ href, label, excelLabel, testId }: { href: string; label: string; excelLabel: string; testId?: string }) {
  const excelHref = `${href}${href.includes("?") ? "&" : "?"}bom=1`;
  return (
    <span className="inline-flex items-baseline gap-2 text-tremor-default" data-testid={testId}>
      <a href={href} download className="text-tremor-brand underline">
        {label}
      </a>
      <a href={excelHref} download aria-label={excelLabel} className="text-tremor-label text-tremor-content underline">
        for Excel
      </a>
    </span>
  );
}
