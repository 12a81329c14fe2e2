import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { Button } from '../Button';
import { useI18n } from '../i18n/react';
import { pickedKey, type Picked } from '../people';
import { PersonAvatar } from './PersonAvatar';

/** The chosen people and groups, each a chip with its own remove button. */
export function PickedChips({
  value,
  nameOf,
  disabled,
  testId,
  onRemove,
}: {
  value: readonly Picked[];
  nameOf: (p: Picked) => string;
  disabled: boolean;
  testId: string | undefined;
  onRemove: (key: string) => void;
}) {
  const { t } = useI18n();
  return (
    <ul
      aria-label={t('people.chosen', { names: value.map(nameOf).join(', ') })}
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: token('space.050'),
      }}
      data-testid={testId === undefined ? undefined : `${testId}-chips`}
    >
      {value.map((v) => {
        const name = nameOf(v);
        return (
          <li key={pickedKey(v)}>
            <Box xcss={chipStyles}>
              <Inline space="space.050" alignBlock="center">
                {v.kind === 'user' ? <PersonAvatar url={v.avatarUrl} small /> : null}
                <Text size="small">{v.kind === 'group' ? t('people.groupNamed', { name }) : name}</Text>
                <Button
                  appearance="subtle"
                  spacing="compact"
                  isDisabled={disabled}
                  label={t('people.remove', { name })}
                  onClick={() => onRemove(pickedKey(v))}
                >
                  ×
                </Button>
              </Inline>
            </Box>
          </li>
        );
      })}
    </ul>
  );
}

const chipStyles = xcss({
  backgroundColor: 'color.background.neutral',
  borderRadius: 'radius.small',
  paddingInlineStart: 'space.075',
  paddingBlock: 'space.025',
});
