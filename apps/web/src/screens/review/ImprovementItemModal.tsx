// The form for one improvement-plan item: issue, corrective action, capability element, who, and when.
import { Alert, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { LIMITS } from '@ttx/contracts';
import { CAPABILITY_ELEMENTS, type CapabilityElement } from '@ttx/engine';
import type { ImprovementItem } from '@ttx/report/browser';
import { useState, type FormEvent } from 'react';
import { humanize } from '../../exercise/labels.js';
import { draftOf, problemWithDraft, type ImprovementDraft } from './improvement-edits.js';

export interface ImprovementItemModalProps {
  /** The item being edited, or undefined for a new one. */
  item?: ImprovementItem;
  onSave: (draft: ImprovementDraft) => void;
  onClose: () => void;
}

export function ImprovementItemModal({ item, onSave, onClose }: ImprovementItemModalProps) {
  const [draft, setDraft] = useState<ImprovementDraft>(() => draftOf(item));
  const [problem, setProblem] = useState<string>();
  const set = <K extends keyof ImprovementDraft>(field: K, value: ImprovementDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const issue = problemWithDraft(draft);
    setProblem(issue);
    if (!issue) onSave(draft);
  };
  return (
    <Modal opened onClose={onClose} title={item ? 'Edit improvement-plan item' : 'Add an improvement-plan item'} size="lg">
      <form onSubmit={submit} data-testid="improvement-form">
        <Stack gap="sm">
          <Textarea label="Issue" value={draft.issue} onChange={(e) => set('issue', e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.improvementFieldLength} required />
          <Textarea label="Corrective action" value={draft.correctiveAction} onChange={(e) => set('correctiveAction', e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.improvementFieldLength} required />
          <NativeSelect
            label="Capability element"
            value={draft.capabilityElement}
            onChange={(e) => set('capabilityElement', e.currentTarget.value as CapabilityElement)}
            data={CAPABILITY_ELEMENTS.map((c) => ({ value: c, label: humanize(c) }))}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Responsible organisation" value={draft.responsibleOrganisation} onChange={(e) => set('responsibleOrganisation', e.currentTarget.value)} maxLength={LIMITS.improvementFieldLength} />
            <TextInput label="Point of contact" value={draft.pointOfContact} onChange={(e) => set('pointOfContact', e.currentTarget.value)} maxLength={LIMITS.improvementFieldLength} />
            <TextInput type="date" label="Start date" value={draft.startDate} onChange={(e) => set('startDate', e.currentTarget.value)} />
            <TextInput type="date" label="Completion date" value={draft.completionDate} onChange={(e) => set('completionDate', e.currentTarget.value)} />
          </SimpleGrid>
          {problem && <Alert color="red" role="alert">{problem}</Alert>}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>Cancel</Button>
            <Button type="submit">{item ? 'Save changes' : 'Add item'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
