// The MSEL timeline: every inject with due time, audience and status, and the controller's commands on each.
import { Badge, Button, Group, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import type { InjectEditRequest } from '@ttx/contracts';
import { useState } from 'react';
import type { InjectCommand } from '../../api/exercise-api.js';
import { formatClock } from '../../exercise/exercise-clock.js';
import { INJECT_CHANNEL_COLOR, INJECT_CHANNEL_LABEL, severityColor } from '../../exercise/labels.js';
import type { InjectChannel } from '@ttx/scenario';
import { InjectEditModal } from './InjectEditModal.js';
import type { MselRow, MselStatus } from './msel-rows.js';

const STATUS_COLOR: Record<MselStatus, string> = { pending: 'gray', due: 'orange', released: 'teal', held: 'yellow', skipped: 'dark' };

export interface MselTableProps {
  rows: readonly MselRow[];
  teamNames: Record<string, string>;
  busy: boolean;
  ended: boolean;
  onCommand: (injectId: string, command: InjectCommand) => void;
  onEdit: (injectId: string, changes: InjectEditRequest['changes']) => void;
}

export function MselTable(props: MselTableProps) {
  const [editing, setEditing] = useState<MselRow>();
  const audience = (row: MselRow) =>
    row.audience.length === Object.keys(props.teamNames).length ? 'All teams' : row.audience.map((t) => props.teamNames[t] ?? t).join(', ');
  return (
    <>
      <ScrollArea.Autosize mah="68vh" type="auto" offsetScrollbars>
        <Table verticalSpacing={6} highlightOnHover stickyHeader miw={760} data-testid="msel">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Due</Table.Th>
              <Table.Th>Inject</Table.Th>
              <Table.Th>Audience</Table.Th>
              <Table.Th w={110}>Status</Table.Th>
              <Table.Th ta="right" w={250}>Commands</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((row) => {
              const open = row.status === 'pending' || row.status === 'due' || row.status === 'held';
              const disabled = props.busy || props.ended;
              return (
                <Table.Tr key={row.injectId} data-inject-id={row.injectId} data-status={row.status}>
                  <Table.Td className="ttx-clock" style={{ whiteSpace: 'nowrap' }}>
                    {(row.dueAt ?? (row.adHoc ? row.releasedAt : undefined)) !== undefined ? formatClock((row.dueAt ?? row.releasedAt) as number) : <Tooltip label="Released when its condition is met"><Text span size="sm" c="dimmed">on condition</Text></Tooltip>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Badge color={INJECT_CHANNEL_COLOR[row.channel as InjectChannel] ?? 'gray'} variant="light" size="xs" radius="xs">
                        {INJECT_CHANNEL_LABEL[row.channel as InjectChannel] ?? row.channel}
                      </Badge>
                      <Badge color={severityColor(row.severity)} variant="outline" size="xs">{row.severity}</Badge>
                      {row.hasPrompt && <Badge color="yellow" variant="light" size="xs">decision</Badge>}
                      {row.adHoc && <Badge color="grape" variant="light" size="xs">ad hoc</Badge>}
                      {row.edited && <Badge color="blue" variant="light" size="xs">edited</Badge>}
                    </Group>
                    <Text size="sm" fw={600} mt={2}>{row.title}</Text>
                    <Text size="xs" c="dimmed">{row.injectId}</Text>
                  </Table.Td>
                  <Table.Td maw={220}><Text size="xs">{audience(row)}</Text></Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={STATUS_COLOR[row.status]} variant={row.status === 'released' ? 'light' : 'filled'} miw={86} styles={{ label: { overflow: 'visible' } }}>{row.status}</Badge>
                    {row.releasedAt !== undefined && <Text size="xs" c="dimmed" className="ttx-clock">at {formatClock(row.releasedAt)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {open && !row.adHoc && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {row.status === 'held' ? (
                          <Button size="compact-xs" color="teal" onClick={() => props.onCommand(row.injectId, 'release')} disabled={disabled} aria-label={`Release ${row.title}`}>Release</Button>
                        ) : (
                          <Button size="compact-xs" onClick={() => props.onCommand(row.injectId, 'fire')} disabled={disabled} aria-label={`Fire ${row.title} now`}>Fire now</Button>
                        )}
                        {row.status !== 'held' && (
                          <Button size="compact-xs" variant="light" color="yellow" onClick={() => props.onCommand(row.injectId, 'hold')} disabled={disabled} aria-label={`Hold ${row.title}`}>Hold</Button>
                        )}
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(row)} disabled={disabled} aria-label={`Edit ${row.title}`}>Edit</Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => props.onCommand(row.injectId, 'skip')} disabled={disabled} aria-label={`Skip ${row.title}`}>Skip</Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {editing && (
        <InjectEditModal
          row={editing}
          onClose={() => setEditing(undefined)}
          onSave={(changes) => {
            props.onEdit(editing.injectId, changes);
            setEditing(undefined);
          }}
        />
      )}
    </>
  );
}
