import { Box, Stack, Text } from '@atlaskit/primitives';

/** A long backup step (download, upload, restore) as a line of text and a progress bar. */
export function BackupProgress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <Stack space="space.050">
      <Box role="status">
        <Text as="p">{label}</Text>
      </Box>
      <progress data-testid="backup-progress" max={Math.max(1, total)} value={done} aria-label={label} />
    </Stack>
  );
}
