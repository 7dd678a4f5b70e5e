"use client";

import { BarList, type BarListProps } from "@tremor/react";

/**
 * Tremor's BarList with no aria-sort: Tremor puts it on the list's div, where ARIA allows it on
 * column headers only. Its rest props override it, but an undefined prop does not survive the
 * trip from a server component, so the override is made here, on the client.
 */
export function UnsortedBarList(props: BarListProps) {
  return <BarList {...props} aria-sort={undefined} />;
}
