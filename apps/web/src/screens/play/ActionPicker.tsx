// Actions grouped by category with their escalation rung, a target for each chosen action that takes one.
import { Badge, Checkbox, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { rungLevel, type Action, type Target } from '@ttx/scenario';
import { CATEGORY_LABEL, rungColor } from '../../exercise/labels.js';
import type { ActionGroup } from './decision-options.js';

export interface ActionPickerProps {
  groups: readonly ActionGroup[];
  targetsOf: (action: Action) => readonly Target[];
  chosen: readonly string[];
  targetOf: Readonly<Record<string, string>>;
  onToggle: (actionId: string, on: boolean) => void;
  onTarget: (actionId: string, targetId: string) => void;
}

export function ActionPicker(props: ActionPickerProps) {
  return (
    <>
      {props.groups.map((group) => (
        <Fieldset key={group.category} legend={CATEGORY_LABEL[group.category]} variant="filled" p="sm">
          <Stack gap="xs">
            {group.actions.map((action) => {
              const options = props.targetsOf(action);
              const isChosen = props.chosen.includes(action.id);
              return (
                <Stack key={action.id} gap={4}>
                  <Checkbox
                    checked={isChosen}
                    onChange={(e) => props.onToggle(action.id, e.currentTarget.checked)}
                    data-action-id={action.id}
                    label={
                      <Group gap={6} wrap="wrap">
                        <Badge color={rungColor(rungLevel(action.rung))} variant="filled" size="sm" radius="xs">{action.rung}</Badge>
                        <Text span fw={600} size="sm">{action.name}</Text>
                        {!action.reversible && <Badge color="red" variant="outline" size="xs">irreversible</Badge>}
                        {action.public && <Badge color="gray" variant="outline" size="xs">public</Badge>}
                      </Group>
                    }
                    description={action.description}
                  />
                  {isChosen && options.length > 0 && (
                    <NativeSelect
                      ml={32}
                      data-target-for={action.id}
                      label={`Target of “${action.name}”`}
                      value={props.targetOf[action.id] ?? ''}
                      onChange={(e) => props.onTarget(action.id, e.currentTarget.value)}
                      data={[{ value: '', label: 'Choose a target…' }, ...options.map((t) => ({ value: t.id, label: t.name }))]}
                    />
                  )}
                </Stack>
              );
            })}
          </Stack>
        </Fieldset>
      ))}
    </>
  );
}
