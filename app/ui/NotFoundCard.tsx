import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";

/** A not-found page inside the app's layout: what was not found, and the way back to its list. */
export function NotFoundCard({ title, text, back }: { title: string; text: string; back: { href: string; label: string } }) {
  return (
    <Card data-testid="not-found">
      <Title>{title}</Title>
      <Text>{text}</Text>
      <Link href={back.href} className="mt-4 inline-block text-tremor-default text-tremor-brand underline">
        ← {back.label}
      </Link>
    </Card>
  );
}
