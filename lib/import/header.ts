/**
 * Matching a file's header to the fields a reader knows. Names match case-insensitively and
 * ignoring spaces, underscores and other punctuation ("Year_Birth" = "year birth" = "yearBirth");
 * a caller's `map` (field → header) overrides the aliases. Columns that match no field are
 * ignored with a warning, or, with `keepUnknown`, returned for the reader to keep.
 */
import { ImportError } from "./errors";

export interface FieldSpec<F extends string> {
  field: F;
  /** Header names that mean this field, most specific first. */
  aliases: readonly string[];
  required: boolean;
  /** What the field is, in words, for messages ("customer id"); the field name by default. */
  label?: string;
}

export interface MappedColumn<F extends string> {
  field: F;
  header: string;
  index: number;
}

export interface HeaderMapping<F extends string> {
  columns: MappedColumn<F>[];
  /** Column index per field; absent fields are missing. */
  indexOf: Partial<Record<F, number>>;
  /** Named columns that match no field, in file order. */
  unknown: { header: string; index: number }[];
  warnings: string[];
}

export interface HeaderOptions<F extends string> {
  /** Field → header name in the file, overriding the aliases. */
  map?: Partial<Record<F, string>>;
  /** Unknown columns are kept by the reader: no "is ignored" warning, only a hint for likely typos. */
  keepUnknown?: boolean;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function mapHeader<F extends string>(header: readonly string[], specs: readonly FieldSpec<F>[], options: HeaderOptions<F> = {}): HeaderMapping<F> {
  const map = options.map ?? {};
  const names = header.map((name) => name.trim());
  const normalized = names.map(normalizeName);
  const claimed = new Set<number>();
  const columns: MappedColumn<F>[] = [];
  const indexOf: Partial<Record<F, number>> = {};

  for (const [field, name] of Object.entries(map) as [F, string | undefined][]) {
    if (!specs.some((spec) => spec.field === field)) {
      throw new ImportError("bad_option", `cannot map "${name}" to "${field}": there is no field "${field}"`);
    }
    if (name === undefined) continue;
    const index = normalized.indexOf(normalizeName(name));
    if (index === -1) {
      throw new ImportError("missing_column", `column "${name}" (mapped to ${field}) is not in the header: ${listNames(names)}`);
    }
    claim(field, index);
  }
  for (const spec of specs) {
    if (indexOf[spec.field] !== undefined) continue;
    const index = findAlias(spec.aliases, normalized, claimed);
    if (index !== -1) claim(spec.field, index);
  }

  const required = specs.filter((spec) => spec.required);
  if (columns.length === 0) {
    const needs = required.map((spec) => `a ${spec.label ?? spec.field} column (${listNames(spec.aliases)})`).join(" and ");
    throw new ImportError(
      "bad_header",
      `the first line is not a header: none of its names is a known column (${listNames(names)})${needs ? `; the file needs ${needs}` : ""}`,
    );
  }
  for (const spec of required) {
    if (indexOf[spec.field] === undefined) {
      throw new ImportError(
        "missing_column",
        `no ${spec.label ?? spec.field} column: looked for ${listNames(spec.aliases)} and found none in the header (${listNames(names)}); ` +
          `name the column with the mapping ${spec.field}=YourHeader`,
      );
    }
  }
  const unknown = names.flatMap((header, index) => (claimed.has(index) || header === "" ? [] : [{ header, index }]));
  return { columns, indexOf, unknown, warnings: unmatchedWarnings(names, normalized, claimed, columns, specs, options.keepUnknown ?? false) };

  function claim(field: F, index: number): void {
    if (claimed.has(index)) {
      throw new ImportError("bad_option", `column "${names[index]}" is mapped to two fields`);
    }
    const twin = normalized.findIndex((name, i) => i !== index && name === normalized[index] && !claimed.has(i));
    if (twin !== -1 && normalized[index] !== "") {
      throw new ImportError("bad_header", `column "${names[index]}" appears twice (columns ${index + 1} and ${twin + 1})`);
    }
    claimed.add(index);
    indexOf[field] = index;
    columns.push({ field, header: names[index], index });
  }
}

function findAlias(aliases: readonly string[], normalized: string[], claimed: Set<number>): number {
  for (const alias of aliases) {
    const index = normalized.findIndex((name, i) => name === normalizeName(alias) && !claimed.has(i));
    if (index !== -1) return index;
  }
  return -1;
}

function unmatchedWarnings<F extends string>(
  names: string[],
  normalized: string[],
  claimed: Set<number>,
  columns: MappedColumn<F>[],
  specs: readonly FieldSpec<F>[],
  keepUnknown: boolean,
): string[] {
  const warnings: string[] = [];
  const unmatchedAliases = specs.filter((spec) => !columns.some((c) => c.field === spec.field)).map((spec) => spec.aliases[0]);
  names.forEach((name, index) => {
    if (claimed.has(index)) return;
    if (name === "") {
      warnings.push(`column ${index + 1} has no name and is ignored`);
      return;
    }
    const guess = closest(normalized[index], unmatchedAliases);
    if (!keepUnknown) warnings.push(`unknown column "${name}" is ignored${guess ? ` (did you mean "${guess}"?)` : ""}`);
    else if (guess) warnings.push(`column "${name}" is kept as a custom attribute (did you mean "${guess}"?)`);
  });
  return warnings;
}

/** The alias a few typos away from the name, if any: a garbled header is usually a typo. */
function closest(name: string, aliases: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const alias of aliases) {
    const target = normalizeName(alias);
    const distance = editDistance(name, target);
    if (distance <= Math.max(1, Math.floor(target.length / 4)) && distance < bestDistance) {
      [best, bestDistance] = [alias, distance];
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function listNames(names: readonly string[]): string {
  const shown = names
    .slice(0, 12)
    .map((name) => `"${name}"`)
    .join(", ");
  return names.length > 12 ? `${shown}, … (${names.length} columns)` : shown;
}
