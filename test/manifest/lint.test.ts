/**
 * `@forge/lint` in client-side mode, as `forge lint` / `forge deploy` run it, offline: scopes for
 * the REST calls in src/ (checked against Jira's OpenAPI spec), handler exports, manifest rules.
 * Two negative tests prove the check can fail, so a broken setup cannot pass silently.
 */
import fs from 'fs';
import path from 'path';
import {
  formatLintProblems,
  lintApp,
  makeAppCopy,
  type AppCopy,
  type LintProblem,
} from '../../scripts/checks/forgeOffline';

/**
 * Lint findings we accept, each with the reason. Empty today: every warning is a failure until
 * someone decides otherwise and writes the reason here.
 */
const ACCEPTED: ReadonlyArray<{ reference: string; messageIncludes: string; reason: string }> = [];

const isAccepted = (p: LintProblem) =>
  ACCEPTED.some((a) => p.reference === a.reference && p.message.includes(a.messageIncludes));

describe('forge lint (client-side, offline)', () => {
  // forge lint type-checks the whole app: ~13 s on a quiet 2-CPU machine, minutes when the machine is loaded.
  jest.setTimeout(300_000);
  const copies: AppCopy[] = [];
  afterAll(() => copies.forEach((c) => c.remove()));
  const copy = (edit?: (dir: string) => void) => {
    const c = makeAppCopy({ realBuilds: false, ...(edit ? { edit } : {}) });
    copies.push(c);
    return c;
  };

  it('reports no errors, warnings or approvals on the app', async () => {
    const { problems, log } = await lintApp(copy().dir);
    const unaccepted = problems.filter((p) => !isAccepted(p));
    if (unaccepted.length > 0) console.error(`lint:\n${formatLintProblems(unaccepted)}\n${log.join('\n')}`);
    expect(formatLintProblems(unaccepted)).toBe('');
  });

  it('is not vacuous: GET /rest/api/3/myself without read:jira-user is permission-scope-required', async () => {
    const app = copy((dir) => {
      const manifest = path.join(dir, 'manifest.yml');
      const text = fs.readFileSync(manifest, 'utf8');
      const withoutScope = text.replace(/^\s*- read:jira-user\s*$/m, '');
      expect(withoutScope).not.toBe(text);
      fs.writeFileSync(manifest, withoutScope);
      fs.mkdirSync(path.join(dir, 'src', 'lint-probe'), { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'src', 'lint-probe', 'myself.ts'),
        [
          "import api, { route } from '@forge/api';",
          'export async function whoAmI(): Promise<unknown> {',
          '  const response = await api.asUser().requestJira(route`/rest/api/3/myself`);',
          '  return response.json();',
          '}',
          '',
        ].join('\n'),
      );
    });
    const { problems } = await lintApp(app.dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: path.join('src', 'lint-probe', 'myself.ts'),
          class: 'error',
          reference: 'permission-scope-required',
          message: expect.stringContaining('read:jira-user'),
        }),
      ]),
    );
  });

  it('is not vacuous: a manifest handler that src/index.ts does not export is reported', async () => {
    const app = copy((dir) => {
      const manifest = path.join(dir, 'manifest.yml');
      const text = fs.readFileSync(manifest, 'utf8');
      const renamed = text.replace('handler: index.issuePanelResolver', 'handler: index.noSuchHandler');
      expect(renamed).not.toBe(text);
      fs.writeFileSync(manifest, renamed);
    });
    const { problems } = await lintApp(app.dir);
    // The CLI classes this one as a warning; the first test fails on any warning.
    expect(formatLintProblems(problems)).toContain('noSuchHandler');
  });
});
