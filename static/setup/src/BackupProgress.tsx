import { Stack, Text } from '@atlaskit/primitives';

/** A long backup step (download, upload, restore) as a line of text and a progress bar. */
export function BackupProgress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <Stack space="space.050">
      <Text as="p" role="status">
        {label}
      </Text>
      <progress data-testid="backup-progress" max={Math.max(1, total)} value={done} aria-label={label} />
    </Stack>
  );
}
