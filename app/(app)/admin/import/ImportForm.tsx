"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, Callout } from "@tremor/react";
import type { ImportPreview, ImportSummary } from "@/lib/db/imports/batches";
import { pluralise } from "@/lib/text/plural";
import { ImportReportList } from "./ImportReportList";

type Result = ({ kind: "done" } & (ImportSummary | ImportPreview)) | { kind: "error"; message: string };

const ORDER_MAP_HINT = "customerId=CUSTOMERNAME\norderDate=ORDERDATE\namount=SALES (or quantity=QTY and unitPrice=PRICE)";

const DATE_FORMATS = [
  { value: "detect", label: "Detect from the dates (a file whose dates could be either is refused)" },
  { value: "dmy", label: "Day first: 31/12/2014, 04-09-2012" },
  { value: "mdy", label: "Month first: 12/31/2014, 9/4/2012 10:30" },
] as const;

export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const [kind, setKind] = useState<"customers" | "orders">("customers");
  const [pending, setPending] = useState<"import" | "preview" | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button pressed comes with the form: Preview sends the same request as a dry run.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter);
    const intent = form.get("intent") === "preview" ? "preview" : "import";
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setResult({ kind: "error", message: "Choose a non-empty CSV file." });
      return;
    }
    if (file.size > maxBytes) {
      setResult({ kind: "error", message: `The file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB.` });
      return;
    }
    const params = new URLSearchParams({ kind, fileName: file.name, dateFormat: String(form.get("dateFormat") ?? "detect") });
    if (form.get("allowRejected") === "on") params.set("allowRejected", "true");
    for (const line of String(form.get("map") ?? "").split("\n")) if (line.trim()) params.append("map", line.trim());
    if (intent === "preview") params.set("dryRun", "1");
    setPending(intent);
    setResult(null);
    try {
      const response = await fetch(`/api/import?${params}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
      const body = await response.json();
      setResult(
        response.status === 200 || response.status === 422
          ? { kind: "done", ...body }
          : { kind: "error", message: body.error ?? `Import failed (${response.status}).` },
      );
      if (intent === "import") router.refresh();
    } catch {
      setResult({ kind: "error", message: "The upload did not reach the server. Check your connection and try again." });
    } finally {
      setPending(null);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <fieldset className="flex gap-6">
        <legend className="mb-1 text-tremor-default text-tremor-content-emphasis">What the file holds</legend>
        {(["customers", "orders"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-tremor-default">
            <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
            {value === "customers" ? "Customer profiles" : "Order lines"}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="file" className="block text-tremor-default text-tremor-content-emphasis">
          CSV file (separated by ; tab or comma, UTF-8 or Latin-1)
        </label>
        <input id="file" name="file" type="file" accept=".csv,.tsv,.txt,text/csv" required className="mt-1 text-tremor-default" />
      </div>
      <div>
        <label htmlFor="map" className="block text-tremor-default text-tremor-content-emphasis">
          Column names, when they differ from the standard ones (one field=Header per line)
        </label>
        <textarea
          id="map"
          name="map"
          rows={3}
          placeholder={kind === "orders" ? ORDER_MAP_HINT : "income=Yearly_Income"}
          className="mt-1 w-full rounded-tremor-default border border-tremor-border p-2 font-mono text-tremor-label"
        />
      </div>
      <div>
        <label htmlFor="dateFormat" className="block text-tremor-default text-tremor-content-emphasis">
          Date format
        </label>
        <select
          id="dateFormat"
          name="dateFormat"
          defaultValue="detect"
          className="mt-1 rounded-tremor-default border border-tremor-border p-2 text-tremor-default"
        >
          {DATE_FORMATS.map((format) => (
            <option key={format.value} value={format.value}>
              {format.label}
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 text-tremor-default">
        <input type="checkbox" name="allowRejected" />
        Import the valid rows even if some rows have errors (the rejected rows are listed in the report)
      </label>
      <div className="flex gap-3">
        <Button type="submit" name="intent" value="import" loading={pending === "import"} disabled={pending !== null}>
          Import
        </Button>
        <Button type="submit" name="intent" value="preview" variant="secondary" loading={pending === "preview"} disabled={pending !== null}>
          Preview
        </Button>
      </div>
      {result?.kind === "error" && (
        <Callout title="Not imported" color="rose" role="alert">
          {result.message}
        </Callout>
      )}
      {result?.kind === "done" && <ImportOutcome result={result} />}
    </form>
  );
}

function ImportOutcome({ result }: { result: Extract<Result, { kind: "done" }> }) {
  const succeeded = result.status === "SUCCEEDED";
  const title = result.batchId === null ? "Preview — nothing was written" : succeeded ? "Imported" : "Not imported";
  return (
    <Callout title={title} color={!succeeded ? "rose" : result.batchId === null ? "blue" : "emerald"} role="status">
      {succeeded
        ? `${pluralise(result.rowsRead, "row")} read: ${result.rowsInserted.toLocaleString("en-US")} new, ${result.rowsUpdated.toLocaleString("en-US")} updated, ${result.rowsUnchanged.toLocaleString("en-US")} unchanged, ${result.rowsRejected.toLocaleString("en-US")} rejected${result.customersCreated ? `, ${result.customersCreated.toLocaleString("en-US")} customers created from orders` : ""}.`
        : result.error}{" "}
      {result.batchId === null ? (
        succeeded && "Press Import to write it."
      ) : (
        <Link href={`/admin/import/${result.batchId}`} className="underline">
          See the report
        </Link>
      )}
      {result.report && (
        <div className="mt-2">
          <ImportReportList report={result.report} />
        </div>
      )}
    </Callout>
  );
}
