/** A row of labelled values, as on the import report. */
export function Facts({ items, testId }: { items: [label: string, value: React.ReactNode][]; testId?: string }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid={testId}>
      {items.map(([label, value]) => (
        // min-w-0 lets a long value (an e-mail address) wrap inside its cell instead of running into the next.
        <div key={label} className="min-w-0">
          <dt className="text-tremor-label text-tremor-content">{label}</dt>
          <dd className="text-tremor-default font-semibold text-tremor-content-strong [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
