import Link from "next/link";
import { Card, Text, Title } from "@tremor/react";

export default function CustomerNotFound() {
  return (
    <Card>
      <Title>No such customer</Title>
      <Text>There is no customer with this id; it may have been removed.</Text>
      <Link href="/customers" className="mt-4 inline-block text-tremor-default text-tremor-brand underline">
        ← All customers
      </Link>
    </Card>
  );
}
