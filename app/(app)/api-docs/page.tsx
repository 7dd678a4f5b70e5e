import { Badge, Card, Text, Title } from "@tremor/react";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { requirePagePermission } from "@/lib/auth/session";
import { InlineMarkdown, Markdown } from "@/app/ui/Markdown";

type Operation = {
  summary: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; description?: string }[];
  responses: Record<string, { description: string }>;
};

/** The OpenAPI document, rendered: the same document /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  await requirePagePermission("viewDashboards");
  const document = openApiDocument() as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  return (
    <div className="space-y-6">
      <div>
        <Title>Scoring API (v1)</Title>
        <Text>
          Every call sends <code>Authorization: Bearer &lt;token&gt;</code>; administrators make tokens under Admin → API tokens. The machine-readable document
          is at{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </Text>
      </div>
      {Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => (
          <Card key={`${method} ${path}`}>
            <div className="flex items-center gap-3">
              <Badge color={method === "post" ? "amber" : "blue"}>{method.toUpperCase()}</Badge>
              <code className="text-tremor-content-strong">{path}</code>
            </div>
            <Text className="mt-2 font-medium">{operation.summary}</Text>
            {operation.description && <Markdown className="mt-1" text={operation.description} />}
            {operation.parameters && (
              <ul className="mt-2 text-tremor-default text-tremor-content">
                {operation.parameters.map((parameter) => (
                  <li key={parameter.name}>
                    <code>{parameter.name}</code> ({parameter.in}
                    {parameter.required ? ", required" : ""})
                    {parameter.description && (
                      <>
                        : <InlineMarkdown text={parameter.description} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <ul className="mt-2 text-tremor-default text-tremor-content">
              {Object.entries(operation.responses).map(([status, response]) => (
                <li key={status}>
                  <span className="font-mono">{status}</span> <InlineMarkdown text={response.description} />
                </li>
              ))}
            </ul>
          </Card>
        )),
      )}
      <Card>
        <Title>Schemas</Title>
        {Object.entries(document.components.schemas).map(([name, schema]) => (
          <details key={name} className="mt-2">
            <summary className="cursor-pointer font-mono">{name}</summary>
            <pre className="mt-1 overflow-x-auto rounded-tremor-default bg-tremor-background-muted p-3 text-xs">{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </Card>
    </div>
  );
}
