// The visible switch for the sound cue on new injects.
import { Switch, Tooltip } from '@mantine/core';

export function SoundToggle({ enabled, onChange }: { enabled: boolean; onChange: (on: boolean) => void }) {
  return (
    <Tooltip label="A short, quiet beep when a new inject arrives">
      <Switch
        size="sm"
        checked={enabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
        label="Sound cue"
        data-testid="sound-cue"
      />
    </Tooltip>
  );
}
