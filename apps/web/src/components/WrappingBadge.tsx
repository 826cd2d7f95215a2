// A badge whose text wraps instead of being cut off: action names and targets are long and must be read whole.
import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

const wrapping = {
  root: { height: 'auto', maxWidth: '100%', paddingTop: 2, paddingBottom: 2, textTransform: 'none' as const },
  label: { whiteSpace: 'normal' as const, overflow: 'visible', textOverflow: 'clip', lineHeight: 1.3 },
};

export function WrappingBadge(props: BadgeProps & { children: ReactNode }) {
  return <Badge {...props} styles={wrapping} />;
}
