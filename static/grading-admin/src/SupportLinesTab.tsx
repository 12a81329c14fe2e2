/**
 * "Support lines" tab: per line, who takes an issue that enters it and who hears of it; who is told
 * when L3's time runs out; the language of the app's comments on issues. The server checks, as the
 * admin, that every person and group exists.
 */
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { LineRoutingSetting, SupportLineSettings } from '../../../src/contract/settings';
import type { SupportLineId } from '../../../src/contract/ids';
import { call } from '../../shared/api';
import { useI18n } from '../../shared/i18n/react';
import { ParsedField, SelectField } from './fields';
import { Caption, KnownAs, ListField, SettingsFormShell } from './SettingsForm';

const LINES: readonly SupportLineId[] = ['L1', 'L2', 'L3'];
const LOCALES = ['en', 'zh-CN'] as const;

const load = () => call('getSupportLineSettings', {});
const save = (settings: SupportLineSettings, expectedRevision: number) => call('saveSupportLineSettings', { settings, expectedRevision });

export function SupportLinesTab() {
  const { t } = useI18n();
  return (
    <SettingsFormShell<SupportLineSettings> load={load} save={save} testId="support-line-settings">
      {({ state, draft, edit }) => {
        const setLine = (line: SupportLineId, change: Partial<LineRoutingSetting>) => edit((d) => ({ ...d, lines: { ...d.lines, [line]: { ...d.lines[line], ...change } } }));
        return (
          <>
            <Text>{t('settings.lines.intro')}</Text>
            {LINES.map((line) => {
              const r = draft.lines[line];
              const heading = t(`line.${line}`);
              return (
                <Stack key={line} space="space.100" testId={`line-${line}`}>
                  <Text weight="bold">{heading}</Text>
                  <Caption>{t('settings.lines.assignee')}</Caption>
                  <Box>
                    <ParsedField<string | null>
                      path={`lines.${line}.assigneeAccountId`}
                      label={`${heading}: ${t('settings.lines.assignee')}`}
                      value={r.assigneeAccountId}
                      format={(v) => v ?? ''}
                      parse={(text) => (text.trim() === '' ? null : text.trim())}
                      onChange={(v) => setLine(line, { assigneeAccountId: v as string | null })}
                    />
                    <KnownAs ids={r.assigneeAccountId === null ? [] : [r.assigneeAccountId]} names={state.displayNames} />
                  </Box>
                  <Caption help={t('settings.listHelp')}>{t('settings.lines.notifyUsers')}</Caption>
                  <ListField path={`lines.${line}.notifyAccountIds`} label={`${heading}: ${t('settings.lines.notifyUsers')}`} value={r.notifyAccountIds} onChange={(v) => setLine(line, { notifyAccountIds: v })} />
                  <KnownAs ids={r.notifyAccountIds} names={state.displayNames} />
                  <Caption help={t('settings.listHelp')}>{t('settings.lines.notifyGroups')}</Caption>
                  <ListField path={`lines.${line}.notifyGroups`} label={`${heading}: ${t('settings.lines.notifyGroups')}`} value={r.notifyGroups} onChange={(v) => setLine(line, { notifyGroups: v })} />
                </Stack>
              );
            })}
            <Stack space="space.100">
              <Text weight="bold">{t('settings.lines.management')}</Text>
              <Caption help={t('settings.listHelp')}>{t('settings.lines.managementUsers')}</Caption>
              <ListField path="managementAccountIds" label={t('settings.lines.managementUsers')} value={draft.managementAccountIds} onChange={(v) => edit((d) => ({ ...d, managementAccountIds: v }))} />
              <KnownAs ids={draft.managementAccountIds} names={state.displayNames} />
              <Caption help={t('settings.listHelp')}>{t('settings.lines.managementGroups')}</Caption>
              <ListField path="managementGroups" label={t('settings.lines.managementGroups')} value={draft.managementGroups} onChange={(v) => edit((d) => ({ ...d, managementGroups: v }))} />
            </Stack>
            <Stack space="space.100">
              <Caption>{t('settings.lines.locale')}</Caption>
              <Box>
                <SelectField
                  path="locale"
                  label={t('settings.lines.locale')}
                  value={draft.locale}
                  options={LOCALES.map((l) => ({ value: l, label: t(`settings.locale.${l}`) }))}
                  onChange={(v) => edit((d) => ({ ...d, locale: v === 'zh-CN' ? 'zh-CN' : 'en' }))}
                />
              </Box>
            </Stack>
          </>
        );
      }}
    </SettingsFormShell>
  );
}
