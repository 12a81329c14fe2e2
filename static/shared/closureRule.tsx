/**
 * What the close/resolve workflow rules' pages share (static/rule-config: create/edit, static/rule-view):
 * which rule a frame belongs to, what that rule checks, and a configuration in words (field names,
 * people's display names; never raw account ids).
 */
import type { ReactNode } from 'react';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type {
  ClosureRuleDescription,
  ClosureRuleFieldDto,
  ClosureRuleModuleKey,
} from '../../src/contract/closureRules';
import type { ForgeContext } from './bridge';
import type { MessageKey } from './i18n';
import { useI18n } from './i18n/react';

/** What each rule checks, in order, and what happens to whoever fails it (exhaustive over the rule modules). */
const RULES: Readonly<
  Record<
    ClosureRuleModuleKey,
    { title: MessageKey; checks: MessageKey[]; effect: MessageKey; fields: Array<keyof FieldsOf> }
  >
> = {
  'itr-close-condition': {
    title: 'rule.title.itr-close-condition',
    checks: ['rule.check.resolved', 'rule.check.closer'],
    effect: 'rule.effect.condition',
    fields: ['submitter'],
  },
  'itr-close-validator': {
    title: 'rule.title.itr-close-validator',
    checks: ['rule.check.resolved', 'rule.check.closer', 'rule.check.visit'],
    effect: 'rule.effect.validator',
    fields: ['submitter', 'visitOpen'],
  },
  'itr-resolve-validator': {
    title: 'rule.title.itr-resolve-validator',
    checks: ['rule.check.rootCause'],
    effect: 'rule.effect.validator',
    fields: ['classification', 'rootCause'],
  },
};

type FieldsOf = Pick<
  Extract<ClosureRuleDescription, { valid: true }>,
  'submitter' | 'visitOpen' | 'rootCause' | 'classification'
>;

const FIELD_LABELS: Readonly<Record<keyof FieldsOf, MessageKey>> = {
  submitter: 'rule.field.submitter',
  visitOpen: 'rule.field.visitOpen',
  rootCause: 'rule.field.rootCause',
  classification: 'rule.field.classification',
};

/** The rule a frame belongs to (its `moduleKey`), or null for any other module. */
export function closureRuleOf(context: ForgeContext): ClosureRuleModuleKey | null {
  const key = context.moduleKey;
  return typeof key === 'string' && Object.hasOwn(RULES, key) ? (key as ClosureRuleModuleKey) : null;
}

/** The rule's name and what it checks. */
export function RuleChecks({ ruleKey }: { ruleKey: ClosureRuleModuleKey }) {
  const { t } = useI18n();
  const rule = RULES[ruleKey];
  return (
    <Stack space="space.100">
      <Box as="h2" xcss={titleStyles}>
        {t(rule.title)}
      </Box>
      <Box as="h3" xcss={headingStyles}>
        {t('rule.checksHeading')}
      </Box>
      <Box as="ul" xcss={checksStyles} testId="rule-checks">
        {rule.checks.map((k) => (
          <Box as="li" key={k}>
            <Text>{t(k)}</Text>
          </Box>
        ))}
      </Box>
      <Text as="p">{t(rule.effect)}</Text>
    </Stack>
  );
}

const listStyles = xcss({
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 'space.200',
  rowGap: 'space.100',
  margin: 'space.0',
});
export const titleStyles = xcss({ font: 'font.heading.medium', color: 'color.text', margin: 'space.0' });
export const headingStyles = xcss({ font: 'font.heading.small', color: 'color.text', margin: 'space.0' });
const checksStyles = xcss({ margin: 'space.0', paddingInlineStart: 'space.300' });
const namesStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });

/** A configuration in words: the fields this rule reads (by their name on this site) and the fallback closers. */
export function ConfigDescription({
  ruleKey,
  description,
  testId,
}: {
  ruleKey: ClosureRuleModuleKey;
  description: ClosureRuleDescription;
  testId: string;
}) {
  const { t } = useI18n();
  if (!description.valid) {
    return (
      <div role="status">
        <SectionMessage appearance="warning" testId={testId}>
          <Text>{t('rule.invalid')}</Text>
        </SectionMessage>
      </div>
    );
  }
  // A field the site lacks is said so in words: its id would mean nothing to the reader.
  const field = (f: ClosureRuleFieldDto) => f.name ?? t('rule.fieldMissing');
  const showsClosers = RULES[ruleKey].fields.includes('submitter');
  return (
    <Box as="dl" xcss={listStyles} testId={testId}>
      {RULES[ruleKey].fields.map((name) => (
        <Row key={name} label={t(FIELD_LABELS[name])} testId={`${testId}-${name}`}>
          {field(description[name])}
        </Row>
      ))}
      {showsClosers ? (
        <Row label={t('rule.fallback')} testId={`${testId}-fallback`}>
          {description.fallbackClosers.length === 0 && description.unknownClosers === 0 ? (
            t('rule.fallbackNone')
          ) : (
            <FallbackNames names={description.fallbackClosers} />
          )}
          {description.unknownClosers > 0 ? (
            <Text as="p" size="small" color="color.text.subtle">
              {t('rule.unknownClosers', { count: description.unknownClosers })}
            </Text>
          ) : null}
        </Row>
      ) : null}
    </Box>
  );
}

/** The fallback closers by display name, one a line (the resolver never sends their account ids). */
function FallbackNames({ names }: { names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <Box as="ul" xcss={namesStyles}>
      {names.map((name, i) => (
        <Box as="li" key={i}>
          <Text>{name}</Text>
        </Box>
      ))}
    </Box>
  );
}

function Row({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <>
      <Box as="dt">
        <Text weight="medium" color="color.text.subtle">
          {label}
        </Text>
      </Box>
      <Box as="dd" xcss={ddStyles} testId={testId}>
        {children}
      </Box>
    </>
  );
}

const ddStyles = xcss({ margin: 'space.0' });
