/**
 * The view page of the close/resolve workflow rules (`view` of itr-close-condition, itr-close-validator,
 * itr-resolve-validator): the configuration saved with the rule, in words — field names and the fallback
 * closers' display names (the resolver looks them up; raw account ids are never shown).
 */
import { useEffect, useState } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ResolverFunctions } from '../../../src/contract';
import { call } from '../../shared/api';
import { savedWorkflowRuleConfig, type ForgeContext } from '../../shared/bridge';
import { closureRuleOf, ConfigDescription, headingStyles } from '../../shared/closureRule';
import { ApiError, toApiError } from '../../shared/errors';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/react';

type Described = ResolverFunctions['describeClosureRuleConfig']['result'];

const pageStyles = xcss({ padding: 'space.100' });

export function RuleViewPage({ context }: { context: ForgeContext }) {
  const { t } = useI18n();
  const ruleKey = closureRuleOf(context);
  const [data, setData] = useState<Described | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async (): Promise<void> => {
    setError(null);
    try {
      setData(await call('describeClosureRuleConfig', { config: savedWorkflowRuleConfig(context) ?? null }));
    } catch (e) {
      setError(toApiError(e));
    }
  };
  useEffect(() => void load(), []);

  if (ruleKey === null)
    return <ErrorState error={new ApiError('CLOSURE_RULE_UNKNOWN_MODULE', `module ${String(context.moduleKey)}`)} />;
  return (
    <Box xcss={pageStyles} testId="rule-view-page" data-rule-key={ruleKey}>
      <Stack space="space.100">
        <Box as="h2" xcss={headingStyles}>
          {t('rule.savedHeading')}
        </Box>
        {error !== null ? <ErrorState error={error} titleKey="rule.loadFailed" onRetry={() => void load()} /> : null}
        {data === null && error === null ? (
          <Box role="status">
            <Text as="p">{t('rule.loading')}</Text>
          </Box>
        ) : null}
        {data !== null ? (
          <ConfigDescription ruleKey={ruleKey} description={data.description} testId="rule-view" />
        ) : null}
      </Stack>
    </Box>
  );
}
