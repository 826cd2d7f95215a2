// The HSEEP improvement plan, drafted from the areas for improvement; facilitators and controllers edit it, and
// every edit is an `improvement.edit` command recorded in the exercise log.
import { Alert, Anchor, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ImprovementItemEdit } from '@ttx/engine';
import type { AarModel, ImprovementItem } from '@ttx/report/browser';
import { useState } from 'react';
import { newClientId } from '../../socket/exercise-connection.js';
import { humanize } from '../../exercise/labels.js';
import type { Outbox } from '../../exercise/outbox.js';
import { improvementChanges, newImprovementItemId, type ImprovementDraft } from './improvement-edits.js';
import { ImprovementItemModal } from './ImprovementItemModal.js';

export interface ImprovementPlanProps {
  model: AarModel;
  /** Absent when the reader may not edit (observers, players). */
  onEdit?: (itemId: string, changes: ImprovementItemEdit) => void;
  outbox: Outbox;
}

function Dates({ item }: { item: ImprovementItem }) {
  if (!item.startDate && !item.completionDate) return <Text size="sm" c="dimmed">Not set</Text>;
  return <Text size="sm" className="ttx-clock" style={{ whiteSpace: 'nowrap' }}>{item.startDate ?? '…'} → {item.completionDate ?? '…'}</Text>;
}

export function ImprovementPlan({ model, onEdit, outbox }: ImprovementPlanProps) {
  const [editing, setEditing] = useState<ImprovementItem | 'new'>();
  const teamName = (id?: string) => model.teams.find((t) => t.teamId === id)?.name;
  const pending = outbox.filter((i) => i.name === 'improvement.edit' && i.status !== 'acknowledged');
  const save = (draft: ImprovementDraft) => {
    const item = editing === 'new' ? undefined : editing;
    const changes = improvementChanges(item, draft);
    if (Object.keys(changes).length > 0) onEdit?.(item?.itemId ?? newImprovementItemId(newClientId()), changes);
    setEditing(undefined);
  };
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="improvement-plan" data-testid="improvement-plan">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} fz="lg" id="improvement-plan" className="ttx-anchor">Improvement plan</Title>
        {onEdit && <Button size="xs" variant="light" onClick={() => setEditing('new')}>Add item</Button>}
      </Group>
      {pending.map((p) => (
        <Alert key={p.clientId} color={p.status === 'refused' ? 'red' : 'blue'} py={6} mb="xs" role="status">
          {p.status === 'refused' ? `Edit not recorded: ${p.error?.message}` : 'Saving the edit…'}
        </Alert>
      ))}
      {model.improvementPlan.length === 0 ? (
        <Text size="sm" c="dimmed">No items: the plan is drafted from the areas for improvement{onEdit ? ', or add one' : ''}.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={8} striped>
            <Table.Thead>
              <Table.Tr style={{ whiteSpace: 'nowrap' }}>
                <Table.Th w="24%">Issue</Table.Th><Table.Th w="26%">Corrective action</Table.Th><Table.Th>Element</Table.Th>
                <Table.Th>Responsible</Table.Th><Table.Th>Point of contact</Table.Th><Table.Th>Dates</Table.Th>
                {onEdit && <Table.Th><span className="ttx-visually-hidden">Actions</span></Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {model.improvementPlan.map((item) => (
                <Table.Tr key={item.itemId} data-testid="improvement-item" data-item-id={item.itemId}>
                  <Table.Td>
                    <Text size="sm">{item.issue}</Text>
                    <Group gap={4} mt={2}>
                      {item.areaId && <Anchor href="#areas" size="xs">{item.areaId}</Anchor>}
                      {teamName(item.teamId) && <Text size="xs" c="dimmed">{teamName(item.teamId)}</Text>}
                      {item.source === 'facilitator' && <Badge size="xs" variant="outline" color="gray">added</Badge>}
                      {item.edits.length > 0 && <Badge size="xs" variant="light" color="blue">edited ×{item.edits.length}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td><Text size="sm">{item.correctiveAction}</Text></Table.Td>
                  <Table.Td><Badge variant="light" color="gray" radius="xs" className="ttx-badge-fit">{humanize(item.capabilityElement)}</Badge></Table.Td>
                  <Table.Td><Text size="sm">{item.responsibleOrganisation || '—'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{item.pointOfContact || '—'}</Text></Table.Td>
                  <Table.Td><Dates item={item} /></Table.Td>
                  {onEdit && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(item)} aria-label={`Edit item: ${item.issue}`}>Edit</Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => onEdit(item.itemId, { removed: true })} aria-label={`Remove item: ${item.issue}`}>Remove</Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ImprovementItemModal item={editing === 'new' ? undefined : editing} onSave={save} onClose={() => setEditing(undefined)} />}
    </Paper>
  );
}
