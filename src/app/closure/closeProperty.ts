import { jiraAsApp, type JiraClient } from '../../adapters/jira';
import { ConfigStore, type ConfigCodec } from '../../adapters/kvs';
import { CLOSE_PROPERTY_KEY, type CloseProperty } from '../../domain/closure';
import { lookUpClosureFieldIds } from './closureFields';
import { loadFallback } from './fallbackClosers';

/**
 * Publishes the `itr-close` Forge app property: this site's field ids and the fallback closers, as the
 * closing admin area shows them. The workflow rules no longer read it (their expressions read only
 * their saved `config`, src/app/closure/closureRules.ts); it stays until that admin area reads the rules.
 * Jira has no GET for app properties, so the app remembers in KVS what it last published
 * (`config:closure.published`) and writes again only when that differs.
 */
const PUBLISHED_KEY = 'closure.published';

const publishedCodec: ConfigCodec<CloseProperty> = {
  schemaVersion: 1,
  parse(raw) {
    const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const ids = ['submitter', 'visitOpen', 'rootCause', 'classification'] as const;
    if (!ids.every((k) => typeof r[k] === 'string')) throw new Error('field ids missing');
    if (!Array.isArray(r['fallback']) || !r['fallback'].every((a) => typeof a === 'string'))
      throw new Error('fallback must be account ids');
    return {
      submitter: r['submitter'] as string,
      visitOpen: r['visitOpen'] as string,
      rootCause: r['rootCause'] as string,
      classification: r['classification'] as string,
      fallback: [...r['fallback']],
    };
  },
};

export async function buildCloseProperty(jira: JiraClient): Promise<CloseProperty> {
  const ids = await lookUpClosureFieldIds(jira);
  const { config } = await loadFallback();
  return {
    submitter: ids.submitter,
    visitOpen: ids.visitOpen,
    rootCause: ids.rootCause,
    classification: ids.classification,
    fallback: config.accountIds,
  };
}

/** Writes the property (always). Returns what was published. */
export async function publishCloseProperty(jira: JiraClient = jiraAsApp()): Promise<CloseProperty> {
  const value = await buildCloseProperty(jira);
  await jira.setForgeAppProperty(CLOSE_PROPERTY_KEY, value);
  await new ConfigStore().set(PUBLISHED_KEY, value, publishedCodec);
  return value;
}

/** Publishes only if nothing was published yet (one KVS read per call otherwise): for the created trigger. */
export async function ensureClosePropertyPublished(
  jira: JiraClient = jiraAsApp(),
): Promise<'published' | 'alreadyPublished'> {
  if ((await new ConfigStore().get(PUBLISHED_KEY, publishedCodec)) !== undefined) return 'alreadyPublished';
  await publishCloseProperty(jira);
  return 'published';
}

/** What the app last published, for the admin page. */
export async function lastPublished(): Promise<CloseProperty | undefined> {
  return (await new ConfigStore().get(PUBLISHED_KEY, publishedCodec))?.value;
}
