// The dense, striped table of scores and findings: scrolls sideways below its minimum width, one header row.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function CompactTable(props: { minWidth: number; testId: string; head: ReactNode; children: ReactNode }) {
  return (
    <Table.ScrollContainer minWidth={props.minWidth}>
      <Table verticalSpacing={4} horizontalSpacing="xs" striped fz="sm" data-testid={props.testId}>
        <Table.Thead>
          <Table.Tr>{props.head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{props.children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
