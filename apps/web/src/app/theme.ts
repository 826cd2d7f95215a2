// The look of an operations console: dark, dense, high-contrast, with one accent colour.
import { createTheme } from '@mantine/core';

export const ttxTheme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 7, dark: 6 },
  defaultRadius: 'sm',
  focusRing: 'auto',
  autoContrast: true,
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace',
  headings: { fontWeight: '650' },
  colors: {
    dark: ['#d5d9e0', '#b4bac4', '#8f97a4', '#6b7484', '#3a4150', '#2a303c', '#1f242e', '#181c24', '#12151b', '#0c0e12'],
  },
});
