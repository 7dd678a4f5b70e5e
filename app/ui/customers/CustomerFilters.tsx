import { Button, Card } from "@tremor/react";
import type { SegmentName } from "@/lib/db/activeRun";

type Values = Record<string, string | undefined>;

function RangeField({ label, name, values, step, min, max }: { label: string; name: string; values: Values; step: string; min?: number; max?: number }) {
  const input = "w-24 rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default";
  return (
    <fieldset className="flex items-end gap-1">
      <legend className="mb-1 text-tremor-label text-tremor-content">{label}</legend>
      <label className="sr-only" htmlFor={`${name}Min`}>{`${label} from`}</label>
      <input
        id={`${name}Min`}
        name={`${name}Min`}
        type="number"
        step={step}
        min={min}
        max={max}
        defaultValue={values[`${name}Min`]}
        placeholder="from"
        className={input}
      />
      <span aria-hidden>–</span>
      <label className="sr-only" htmlFor={`${name}Max`}>{`${label} to`}</label>
      <input
        id={`${name}Max`}
        name={`${name}Max`}
        type="number"
        step={step}
        min={min}
        max={max}
        defaultValue={values[`${name}Max`]}
        placeholder="to"
        className={input}
      />
    </fieldset>
  );
}

/** One custom attribute: a category equal to a value, or a number within a range. */
function AttributeField({ attributes, values }: { attributes: string[]; values: Values }) {
  const input = "rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default";
  // A name in the URL that no import lists any more stays selectable, so the filter the URL holds is what the form shows.
  const names = values.attr && !attributes.includes(values.attr) ? [values.attr, ...attributes] : attributes;
  return (
    <fieldset className="flex items-end gap-1" data-testid="attribute-filter">
      <legend className="mb-1 text-tremor-label text-tremor-content">Custom attribute: a value, or a range for numbers</legend>
      <label className="sr-only" htmlFor="attr">
        Custom attribute
      </label>
      <select id="attr" name="attr" defaultValue={values.attr ?? ""} className={input}>
        <option value="">Any attribute</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="attrValue">
        Attribute value
      </label>
      <input id="attrValue" name="attrValue" defaultValue={values.attrValue} placeholder="equals" className={`w-28 ${input}`} />
      <span className="px-1 text-tremor-label text-tremor-content">or</span>
      <label className="sr-only" htmlFor="attrMin">
        Attribute from
      </label>
      <input id="attrMin" name="attrMin" type="number" step="any" defaultValue={values.attrMin} placeholder="from" className={`w-24 ${input}`} />
      <span aria-hidden>–</span>
      <label className="sr-only" htmlFor="attrMax">
        Attribute to
      </label>
      <input id="attrMax" name="attrMax" type="number" step="any" defaultValue={values.attrMax} placeholder="to" className={`w-24 ${input}`} />
    </fieldset>
  );
}

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and exported. */
/** `attributes`: the custom attribute names the imports brought in (from their reports). */
export function CustomerFilters({ segments, attributes, values }: { segments: SegmentName[]; attributes: string[]; values: Values }) {
  return (
    <Card>
      <form method="get" action="/customers" className="flex flex-wrap items-end gap-4" data-testid="customer-filters">
        <div>
          <label htmlFor="q" className="mb-1 block text-tremor-label text-tremor-content">
            Customer id
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder="e.g. 5524"
            className="w-32 rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default"
          />
        </div>
        <div>
          <label htmlFor="segment" className="mb-1 block text-tremor-label text-tremor-content">
            Segment
          </label>
          <select
            id="segment"
            name="segment"
            defaultValue={values.segment ?? ""}
            className="rounded-tremor-default border border-tremor-border px-2 py-1 text-tremor-default"
          >
            <option value="">All segments</option>
            {segments.map((segment) => (
              <option key={segment.segmentKey} value={segment.segmentKey}>
                {segment.name}
              </option>
            ))}
          </select>
        </div>
        <RangeField label="Response probability (0–1)" name="p" values={values} step="0.01" min={0} max={1} />
        <RangeField label="CLV 12 months" name="clv" values={values} step="any" />
        <RangeField label="P(alive) (0–1)" name="alive" values={values} step="0.01" min={0} max={1} />
        {(attributes.length > 0 || values.attr) && <AttributeField attributes={attributes} values={values} />}
        <input type="hidden" name="sort" value={values.sort ?? ""} />
        <input type="hidden" name="dir" value={values.dir ?? ""} />
        <Button type="submit">Apply</Button>
      </form>
    </Card>
  );
}
