/**
 * `ml clv-fit --summary FILE`: fits BG/NBD (and Gamma-Gamma when the file has spend) on a
 * per-customer summary CSV and prints the estimates as JSON. Headers may be lifetimes-style
 * (frequency, recency, T[, monetary_value]) or Fader–Hardie (x, t_x, T[, zbar]), any case, in
 * any order, with or without an ID column (other columns are ignored); separator , ; or tab.
 * Without a spend column "gammaGamma" is null.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { fitBgNbd } from "@/lib/ml/clv/bgnbd";
import { fitGammaGamma } from "@/lib/ml/clv/gammaGamma";
import { SummaryValidationError, validateSummary, type RfmSummary, type SummaryField } from "@/lib/ml/clv/rfmSummary";

export const CLV_FIT_USAGE = "clv-fit --summary FILE";
export const CLV_FIT_DESCRIPTION = "fit BG/NBD + Gamma-Gamma on a per-customer summary CSV, print JSON";

const HEADER_ALIASES: Record<string, SummaryField> = {
  frequency: "frequency",
  x: "frequency",
  recency: "recency",
  t_x: "recency",
  t: "T",
  monetary_value: "monetary",
  monetary: "monetary",
  zbar: "monetary",
};

interface SummaryTable {
  summary: RfmSummary;
  /** File line of each customer, for error messages. */
  lines: number[];
  headers: Record<SummaryField, string | undefined>;
}

export async function runClvFit(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { summary: { type: "string" } }, strict: true });
  if (!values.summary) throw new Error(`--summary FILE is required\nusage: npm run ml -- ${CLV_FIT_USAGE}`);
  const file = values.summary;
  const { summary, lines, headers } = readSummaryCsv(await readFile(file, "utf8"), file);
  try {
    validateSummary(summary);
  } catch (error) {
    if (!(error instanceof SummaryValidationError) || error.index === null) throw error;
    const detail = error.message.replace(/^customer at index \d+: /, "");
    throw new Error(`${file} line ${lines[error.index]}, column ${headers[error.field]}: ${detail}`);
  }
  const bgnbd = fitBgNbd(summary);
  const gammaGamma = summary.monetary ? fitGammaGamma(summary.frequency, summary.monetary) : null;
  if (!bgnbd.converged || (gammaGamma && !gammaGamma.converged)) console.error("clv-fit: warning: the optimiser did not fully converge");
  const { r, alpha, a, b, logLikelihood } = bgnbd;
  const result = {
    bgnbd: { r, alpha, a, b, logLikelihood },
    gammaGamma: gammaGamma && { p: gammaGamma.p, q: gammaGamma.q, gamma: gammaGamma.gamma, n: gammaGamma.customers },
  };
  console.log(JSON.stringify(result, null, 2));
}

function readSummaryCsv(text: string, file: string): SummaryTable {
  const content = text.replace(/^\uFEFF/, "");
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  const delimiter = [",", ";", "\t"].reduce((best, candidate) => (count(firstLine, candidate) > count(firstLine, best) ? candidate : best));
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true csv-parse yields { record, info } per row; its typings only describe plain records.
    rows = parse(content, { delimiter, info: true, skip_empty_lines: true, trim: true }) as unknown as typeof rows;
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (rows.length === 0) throw new Error(`${file}: the file is empty`);
  const headers: Record<SummaryField, string | undefined> = { frequency: undefined, recency: undefined, T: undefined, monetary: undefined };
  const positions: Partial<Record<SummaryField, number>> = {};
  rows[0].record.forEach((header, position) => {
    const field = HEADER_ALIASES[header.toLowerCase()];
    if (field === undefined) return;
    if (headers[field] !== undefined) throw new Error(`${file}: columns ${headers[field]} and ${header} both give ${field}`);
    headers[field] = header;
    positions[field] = position;
  });
  for (const field of ["frequency", "recency", "T"] as const) {
    if (headers[field] === undefined) {
      throw new Error(`${file}: no ${field} column (expected frequency,recency,T[,monetary_value] or x,t_x,T[,zbar]; found ${rows[0].record.join(", ")})`);
    }
  }
  const body = rows.slice(1);
  const column = (field: SummaryField) => {
    const position = positions[field]!;
    return Float64Array.from(body, ({ record, info }) => {
      const cell = record[position];
      const value = cell === "" ? NaN : Number(cell);
      if (!Number.isFinite(value)) throw new Error(`${file} line ${info.lines}, column ${headers[field]}: not a number: "${cell}"`);
      return value;
    });
  };
  const summary: RfmSummary = { frequency: column("frequency"), recency: column("recency"), T: column("T") };
  if (positions.monetary !== undefined) summary.monetary = column("monetary");
  return { summary, lines: body.map((row) => row.info.lines), headers };
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
