/**
 * The create and edit page of the close/resolve workflow rules (`create`/`edit` of itr-close-condition,
 * itr-close-validator, itr-resolve-validator): says what the rule checks, loads this site's configuration
 * (field ids, fallback closers) and hands it to Jira through `workflowRules.onConfigure`, so Add / Update
 * saves it as the rule's `config`. Until it has loaded, the callback answers `undefined`: Jira saves nothing.
 */
import { useEffect, useRef, useState } from 'react';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { ClosureRuleConfigDto, ResolverFunctions } from '../../../src/contract';
import { call } from '../../shared/api';
import { onConfigureWorkflowRule, savedWorkflowRuleConfig, type ForgeContext } from '../../shared/bridge';
import { closureRuleOf, ConfigDescription, headingStyles, RuleChecks } from '../../shared/closureRule';
import { ApiError, toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';

type Loaded = ResolverFunctions['getClosureRuleConfig']['result'];

const pageStyles = xcss({ padding: 'space.200' });

/** The saved configuration as the object Jira evaluates (it may arrive as JSON text), or undefined. */
function savedObject(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** The exact text Jira saves: what setup attaches too (src/domain/closure closureRulesFor), so a later sync sees no change. */
const configText = (config: ClosureRuleConfigDto): string => JSON.stringify(config);

export function RuleConfigPage({ context }: { context: ForgeContext }) {
  const { t } = useI18n();
  const ruleKey = closureRuleOf(context);
  const saved = savedWorkflowRuleConfig(context);
  const isEdit = saved !== undefined && saved !== null && saved !== '';
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef<Loaded | null>(null);

  const load = async (): Promise<void> => {
    setError(null);
    try {
      const loaded = await call('getClosureRuleConfig', {});
      latest.current = loaded;
      setData(loaded);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  useEffect(() => {
    // Registered once; the callback reads the latest load, so a retry after a failure is what Add saves.
    onConfigureWorkflowRule(() => (latest.current === null ? undefined : configText(latest.current.config))).catch(
      (e: unknown) => setError(toApiError(e)),
    );
    void load();
  }, []);

  if (ruleKey === null)
    return <ErrorState error={new ApiError('CLOSURE_RULE_UNKNOWN_MODULE', `module ${String(context.moduleKey)}`)} />;
  const savedText = isEdit ? JSON.stringify(savedObject(saved)) : undefined;
  return (
    <Box xcss={pageStyles} testId="rule-config-page" data-rule-key={ruleKey}>
      <Stack space="space.200">
        <RuleChecks ruleKey={ruleKey} />
        <Box as="h3" xcss={headingStyles}>
          {t('rule.configHeading')}
        </Box>
        {error !== null ? <ErrorState error={error} titleKey="rule.loadFailed" onRetry={() => void load()} /> : null}
        {data === null && error === null ? (
          <Box role="status">
            <Text as="p">{t('rule.loading')}</Text>
          </Box>
        ) : null}
        {data !== null ? (
          <Stack space="space.150">
            <ConfigDescription ruleKey={ruleKey} description={data.description} testId="rule-config" />
            {isEdit ? <SavedState current={savedText === configText(data.config)} /> : null}
            <SectionMessage appearance="information">
              <Stack space="space.050">
                <Text as="p" weight="medium" testId="rule-save-hint">
                  {t(isEdit ? 'rule.saveHint.edit' : 'rule.saveHint.create')}
                </Text>
                <Text as="p">{t('rule.keptCurrent')}</Text>
              </Stack>
            </SectionMessage>
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}

/** Whether the configuration saved with the rule is this site's current one: a lozenge, then what it means. */
function SavedState({ current }: { current: boolean }) {
  const { t } = useI18n();
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId="rule-saved-state">
      <Lozenge appearance={current ? 'success' : 'moved'}>
        {t(current ? 'rule.savedState.current' : 'rule.savedState.differs')}
      </Lozenge>
      <Text as="p">{current ? t('rule.savedCurrent') : t('rule.savedDiffers')}</Text>
    </Inline>
  );
}
