/**
 * Matching a file's header to the fields a reader knows. Names match case-insensitively and
 * ignoring spaces, underscores and other punctuation ("Year_Birth" = "year birth" = "yearBirth");
 * a caller's `map` (field → header) overrides the aliases.
 */
import { ImportError } from "./errors";

export interface FieldSpec<F extends string> {
  field: F;
  /** Header names that mean this field, most specific first. */
  aliases: readonly string[];
  required: boolean;
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
  warnings: string[];
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function mapHeader<F extends string>(
  header: readonly string[],
  specs: readonly FieldSpec<F>[],
  map: Partial<Record<F, string>> = {},
): HeaderMapping<F> {
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

  if (columns.length === 0) {
    throw new ImportError(
      "bad_header",
      `the first line is not a header: none of its names is a known column (${listNames(names)})`,
    );
  }
  for (const spec of specs) {
    if (spec.required && indexOf[spec.field] === undefined) {
      throw new ImportError(
        "missing_column",
        `missing required column "${spec.aliases[0]}" (${spec.field}); the header has ${listNames(names)}`,
      );
    }
  }
  return { columns, indexOf, warnings: unmatchedWarnings(names, normalized, claimed, columns, specs) };

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
    warnings.push(`unknown column "${name}" is ignored${guess ? ` (did you mean "${guess}"?)` : ""}`);
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

function listNames(names: string[]): string {
  const shown = names.slice(0, 12).map((name) => `"${name}"`).join(", ");
  return names.length > 12 ? `${shown}, … (${names.length} columns)` : shown;
}
