/**
 * Demo data of cross-language case search (issue 18): the admin's product glossary, the demo site's
 * product names in English and Chinese, written through the app's own store so the admin page's "Case
 * library" subpage shows rows and a search for "Customer Portal" finds a case that says 客户门户.
 * Written once: a restart on the same data leaves an admin's later edits alone.
 */
import * as path from 'node:path';
import { invokeFunction } from '../platform-doubles';
import { REPO_ROOT } from './site';

const appModule = <T>(...segments: string[]): T => require(path.join(REPO_ROOT, 'src', ...segments)) as T;

export const DEMO_GLOSSARY = [
  { en: 'Customer Portal', zh: '客户门户' },
  { en: 'Core Network', zh: '核心网' },
  { en: 'Field Equipment', zh: '现场设备' },
  { en: 'Billing', zh: '计费' },
  { en: 'invoice title', zh: '发票抬头' },
] as const;

export async function seedDemoGlossary(admin: string): Promise<void> {
  const glossary = appModule<typeof import('../src/app/cases/caseGlossary')>('app', 'cases', 'caseGlossary');
  const { ConfigStore } = appModule<typeof import('../src/adapters/kvs')>('adapters', 'kvs');
  await invokeFunction(
    async () => {
      const store = new ConfigStore();
      if ((await store.get(glossary.GLOSSARY_KEY, glossary.glossaryCodec)) !== undefined) return;
      await store.set(glossary.GLOSSARY_KEY, [...DEMO_GLOSSARY], glossary.glossaryCodec, {
        expectedRevision: 0,
        updatedBy: admin,
      });
    },
    undefined,
    { context: { moduleKey: 'itr-grading-admin' } },
  );
}
