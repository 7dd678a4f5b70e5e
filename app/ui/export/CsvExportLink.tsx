/**
 * A CSV download and, beside it, the same file for Excel (bom=1: a byte-order mark, without
 * which Excel reads UTF-8 as the system's legacy code page). Plain links: the route handler
 * names the file and checks the role.
 */
export function ExcelExportLink({ href, label }: { href: string; label: string }) {
  const excelHref = `${href}${href.includes("?") ? "&" : "?"}bom=1`;
  return (
    <a href={excelHref} download aria-label={label} className="text-tremor-label text-tremor-content underline">
      for Excel
    </a>
  );
}

export function CsvExportLink({ href, label, excelLabel, testId }: { href: string; label: string; excelLabel: string; testId?: string }) {
  return (
    <span className="inline-flex items-baseline gap-2 text-tremor-default" data-testid={testId}>
      <a href={href} download className="text-tremor-brand underline">
        {label}
      </a>
      <ExcelExportLink href={href} label={excelLabel} />
    </span>
  );
}
