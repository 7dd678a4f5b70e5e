/** A row of labelled values, as on the import report. */
export function Facts({ items, testId }: { items: [label: string, value: React.ReactNode][]; testId?: string }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-tremor-label text-tremor-content">{label}</dt>
          <dd className="text-tremor-default font-semibold text-tremor-content-strong">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
