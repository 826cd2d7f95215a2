// The review as files: PDF for the minister, HTML to share, JSON for tools, the two CSV tables for spreadsheets.
import { Button, Menu } from '@mantine/core';
import type { ReportFile } from './report-download.js';

const FILES: { file: ReportFile; label: string; hint: string }[] = [
  { file: { format: 'pdf' }, label: 'PDF report', hint: 'with charts, contents and page numbers' },
  { file: { format: 'html' }, label: 'HTML report', hint: 'one self-contained page' },
  { file: { format: 'json' }, label: 'JSON (AAR schema 1)', hint: 'the model itself, for tools' },
  { file: { format: 'csv', table: 'decisions' }, label: 'Decisions CSV', hint: 'every decision with its findings' },
  { file: { format: 'csv', table: 'timeline' }, label: 'Timeline CSV', hint: 'every event in order' },
];

export function ReviewDownloads({ onDownload, busy }: { onDownload: (file: ReportFile) => void; busy: boolean }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" loading={busy} data-testid="review-downloads">Download</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Download the review as</Menu.Label>
        {FILES.map(({ file, label, hint }) => (
          <Menu.Item key={label} onClick={() => onDownload(file)} aria-label={`Download ${label}`}>
            {label}
            <div style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)' }}>{hint}</div>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
