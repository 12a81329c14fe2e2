/**
 * Bundles the functions with `@forge/bundler` as `forge deploy` does (webpack + ts-loader with the
 * app's tsconfig, one entry per handler file), with our stand-in for Atlassian's runtime wrapper
 * (test/fixtures/forge-runtime), then loads the bundle through that stand-in.
 */
import fs from 'fs';
import { createRequire } from 'module';
import path from 'path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, bundleApp, makeAppCopy, type AppCopy, type BundleCheck } from '../../scripts/checks/forgeOffline';

jest.setTimeout(180_000);

interface StandInRuntime {
  loadHandler(handlerRef: string): (event: unknown, context?: unknown) => Promise<unknown>;
}

/** Loads the bundle with Node's own require, as Lambda would, not through Jest's module registry. */
function loadRuntime(outputDir: string): StandInRuntime {
  return createRequire(path.join(outputDir, 'package.json'))('./__forge__.cjs') as StandInRuntime;
}

/** The `handler`s of the manifest's function modules, read independently of the bundler. */
const manifestHandlers: string[] = (
  (
    parseYaml(fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8')) as {
      modules?: { function?: Array<{ handler: string }> };
    }
  ).modules?.function ?? []
).map((f) => f.handler);

describe('forge deploy bundle (offline)', () => {
  let copy: AppCopy;
  let bundle: BundleCheck;
  beforeAll(async () => {
    copy = makeAppCopy({ realBuilds: false });
    bundle = await bundleApp(copy.dir);
  });
  afterAll(() => {
    bundle?.remove();
    copy?.remove();
  });

  it('bundles without errors or warnings', () => {
    expect(bundle.errors).toBe(0);
    expect(bundle.warnings).toEqual([]);
  });

  it('writes what the deploy uploads: one .cjs per handler file, the runtime scripts, the i18n bundle', () => {
    expect(manifestHandlers).toContain('index.issuePanelResolver');
    expect([...bundle.handlers].sort()).toEqual([...new Set(manifestHandlers)].sort());
    for (const file of new Set(manifestHandlers.map((h) => h.split('.')[0]))) {
      expect(fs.existsSync(path.join(bundle.outputDir, `${file}.cjs`))).toBe(true);
    }
    expect(bundle.additionalOutputs).toEqual(
      expect.arrayContaining(['__forge__.cjs', '__forge_wrapper__.cjs', 'runtime.json']),
    );
    // The translations travel with the functions (for @forge/api's i18n), checked by the CLI's own
    // bundling service, which refuses a default locale missing a key the manifest uses.
    expect(bundle.additionalOutputs).toEqual(
      expect.arrayContaining(['__LOCALES__/en-US.json', '__LOCALES__/zh-CN.json', '__LOCALES__/i18n-info.json']),
    );
  });

  it('exports every manifest handler as a function, reachable through the runtime loader', () => {
    const runtime = loadRuntime(bundle.outputDir);
    for (const handlerRef of manifestHandlers) {
      expect(typeof runtime.loadHandler(handlerRef)).toBe('function');
    }
  });

  it('dispatches resolver calls: an unknown resolver key is refused by @forge/resolver', async () => {
    const runtime = loadRuntime(bundle.outputDir);
    const handler = runtime.loadHandler('index.issuePanelResolver');
    await expect(handler({ call: { functionKey: 'noSuchFunction', payload: {} }, context: {} })).rejects.toThrow(
      "Resolver has no definition for 'noSuchFunction'.",
    );
  });

  it('answers INVALID_PAYLOAD, in the envelope, for a malformed issue key', async () => {
    const runtime = loadRuntime(bundle.outputDir);
    const handler = runtime.loadHandler('index.issuePanelResolver');
    await expect(
      // The platform passes the signed-in user as the backend payload's principal; resolvers refuse calls without one.
      handler(
        { call: { functionKey: 'getIssueItrState', payload: { issueKey: 'not a key' } }, context: {} },
        { principal: { accountId: 'acc-1' } },
      ),
    ).resolves.toEqual({
      success: false,
      errors: [expect.objectContaining({ code: 'INVALID_PAYLOAD', path: 'issueKey' })],
    });
  });
});
