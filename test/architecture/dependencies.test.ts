/**
 * The dependency direction (docs/architecture.md), checked on the real tree, and the checker itself
 * checked on inline sources so that a scanner that finds nothing cannot pass as a clean tree.
 */
import { checkSource, checkTree, formatFindings, listSources } from '../../scripts/checks/dependencyRules';
import { REPO_ROOT } from '../../scripts/checks/forgeOffline';

describe('dependency rules on src/', () => {
  it('scans the real tree (domain and entry files are found)', () => {
    const files = listSources(REPO_ROOT, 'src');
    expect(files).toContain('src/index.ts');
    expect(files.some((f) => f.startsWith('src/domain/'))).toBe(true);
  });

  it('has no violations', () => {
    expect(formatFindings(checkTree(REPO_ROOT, 'src'))).toBe('');
  });
});

describe('the checker itself', () => {
  const rulesOf = (file: string, text: string) => checkSource(file, text).map((f) => f.rule);

  it.each([
    ["import { storage } from '@forge/kvs';", 'forge-only-in-adapters-and-entry'],
    ["import type { Request } from '@forge/resolver';", 'forge-only-in-adapters-and-entry'],
    ["import { jira } from '../../adapters/jira';", 'domain-is-pure'],
    ["export { x } from '../../entry/issue-panel-resolver';", 'domain-is-pure'],
    ["import { getIssueItrState } from '../../app/issuePanel/getIssueItrState';", 'domain-is-pure'],
    ["import { handler } from '../..';", 'domain-is-pure'],
    ["import { readFileSync } from 'fs';", 'domain-is-pure'],
    ["import { readFile } from 'node:fs/promises';", 'domain-is-pure'],
    ["import http from 'http';", 'domain-is-pure'],
    ["const fs = require('fs');", 'domain-is-pure'],
    ["const m = await import('../../adapters/sql');", 'domain-is-pure'],
    ["import { t } from '../../../static/shared/i18n';", 'no-src-to-static'],
    ['const now = Date.now();', 'domain-no-ambient-time-or-randomness'],
    ['const now = new Date();', 'domain-no-ambient-time-or-randomness'],
    ['const now = new Date;', 'domain-no-ambient-time-or-randomness'],
    ['const r = Math.random();', 'domain-no-ambient-time-or-randomness'],
    ['const t = globalThis.Date.now();', 'domain-no-ambient-time-or-randomness'],
  ])('flags, in src/domain/sla/x.ts: %s', (text, rule) => {
    expect(rulesOf('src/domain/sla/x.ts', text)).toContain(rule);
  });

  it.each([
    'const d = new Date(isoInstant);',
    'const d = new Date(0);',
    '// Date.now() is never called here; new Date() neither; Math.random() neither',
    'const s = \'import x from "@forge/api"; Date.now()\';',
    "import { DomainError } from '../validation';",
    "import type { IssueItrState } from '../../contract/issuePanel';",
    "import fc from 'fast-check';",
  ])('accepts, in src/domain/sla/x.ts: %s', (text) => {
    expect(checkSource('src/domain/sla/x.ts', text)).toEqual([]);
  });

  it('lets adapters and entry points import @forge/*, and nothing else', () => {
    const text = "import api from '@forge/api';";
    expect(rulesOf('src/adapters/jira/jiraClient.adapter.ts', text)).toEqual([]);
    expect(rulesOf('src/entry/issue-panel-resolver/index.ts', text)).toEqual([]);
    expect(rulesOf('src/app/issuePanel/getIssueItrState.ts', text)).toEqual(['forge-only-in-adapters-and-entry']);
    expect(rulesOf('src/contract/envelope.ts', text)).toEqual(['forge-only-in-adapters-and-entry']);
    expect(rulesOf('src/index.ts', text)).toEqual(['forge-only-in-adapters-and-entry']);
  });

  it('forbids static/ from anywhere in src/, but lets non-domain code read the clock', () => {
    expect(rulesOf('src/adapters/kvs/config.adapter.ts', "import x from '../../../static/issue-panel/src/x';")).toEqual(
      ['no-src-to-static'],
    );
    expect(rulesOf('src/app/issuePanel/x.ts', 'const now = Date.now();')).toEqual([]);
  });

  describe('storage behind ports', () => {
    it.each([
      "import { query } from '../../adapters/sql';",
      "import { sqlCases } from '../../adapters/sql/caseRepository';",
      "import type { SqlParam } from '../../adapters/sql/sqlClient';",
      "const m = await import('../../adapters/sql/migrations');",
    ])('flags a use case that imports a SQL module: %s', (text) => {
      expect(rulesOf('src/app/cases/caseLibrary.ts', text)).toContain('use-cases-use-storage-ports');
    });

    it.each([
      "const rows = await query('SELECT id FROM itr_case WHERE id = ?', [id], parse);",
      'await execute(`INSERT INTO audit_log (at) VALUES (?)`, [at]);',
      "await execute('INSERT IGNORE INTO line_pause (issue_id) VALUES (?)', [id]);",
      'await execute(`UPDATE itr_case SET title = ? WHERE id = ${marks}`, p);',
      "const sql = 'DELETE FROM itr_stay_fact WHERE issue_id = ?';",
    ])('flags SQL text outside src/adapters/sql: %s', (text) => {
      expect(rulesOf('src/app/analytics/report.ts', text)).toContain('sql-only-in-adapters');
      expect(rulesOf('src/entry/setup-resolver/index.ts', text)).toContain('sql-only-in-adapters');
      expect(rulesOf('src/adapters/sql/caseRepository.ts', text)).toEqual([]);
    });

    it.each([
      "const m = 'Update the grading table before you publish';",
      "const m = 'Select a project from the list';",
      "const m = 'DELETE';",
      "import { repositories } from '../ports';",
      "import type { Dispatch } from '../ports/dispatches';",
    ])('accepts, in src/app/triage/x.ts: %s', (text) => {
      expect(rulesOf('src/app/triage/x.ts', text)).toEqual([]);
    });

    it('lets adapters import the ports they implement, and no other app module', () => {
      expect(rulesOf('src/adapters/sql/x.ts', "import type { CaseRepository } from '../../app/ports/cases';")).toEqual(
        [],
      );
      expect(rulesOf('src/adapters/sql/x.ts', "import { CaseLibrary } from '../../app/cases/caseLibrary';")).toEqual([
        'adapters-know-only-ports',
      ]);
    });
  });

  it('resolves relative paths: from src/domain/x.ts, ../app is the app layer', () => {
    expect(rulesOf('src/domain/x.ts', "import { a } from '../app/a';")).toEqual(['domain-is-pure']);
    expect(rulesOf('src/domain/x.ts', "import { a } from './sla/app';")).toEqual([]);
  });

  it('reports the line of the violation', () => {
    expect(checkSource('src/domain/x.ts', "\n\nimport { kvs } from '@forge/kvs';")).toEqual([
      expect.objectContaining({ line: 3, rule: 'forge-only-in-adapters-and-entry' }),
    ]);
  });
});

describe('the envelope at the edge (envelope-only-at-the-edge)', () => {
  const rulesOf = (file: string, text: string) => checkSource(file, text).map((f) => f.rule);
  const RULE = 'envelope-only-at-the-edge';

  // Deliberately bad sources: each must produce a finding, or the rule could pass a tree that builds envelopes.
  it.each([
    ["import type { ResolverResult } from '../../contract/envelope';", 'a type import of the envelope'],
    ["import { issueAsError } from '../../contract/envelope';", 'a builder of the envelope'],
    ["type R = import('../../contract/envelope').ResolverResult<number>;", 'an import type'],
    ['const r = { success: false, errors: [] };', 'a refusal'],
    ['function f() { return { success: true, data: 1 }; }', 'an answer'],
    ["const r = { 'success': true };", 'a quoted success flag alone'],
    ['const r = { success, data };', 'shorthand members'],
    ['const r = { success: ok, errors: list };', 'a computed flag beside errors'],
    ['type R<T> = { success: true; data: T } | { success: false; errors: string[] };', 'a local envelope type'],
    ['interface Answer { success: boolean; data: unknown }', 'an envelope interface'],
  ])('flags, in src/app/cases/x.ts: %s (%s)', (text) => {
    expect(rulesOf('src/app/cases/x.ts', text)).toContain(RULE);
  });

  it('flags it below the use cases too (domain, adapters), with the line', () => {
    expect(rulesOf('src/domain/x.ts', 'const r = { success: true, data: 1 };')).toEqual([RULE]);
    expect(rulesOf('src/adapters/sql/x.ts', 'const r = { success: false, errors: [] };')).toEqual([RULE]);
    expect(checkSource('src/app/x.ts', '\n\nconst r = { success: true, data: 1 };')).toEqual([
      expect.objectContaining({ line: 3, rule: RULE }),
    ]);
  });

  it.each([
    'const r = { ok: true, value: 1 };',
    'const r = { successCount: 2, data: [] };',
    'const r = { success: isDone, reason };',
    "import type { ServerErrorCode } from '../../contract/errorCodes';",
    "import { ItrError } from '../itrError';",
    '// return { success: true, data };',
    "const s = '{ success: false, errors: [] }';",
    'if (answer.success) log(answer);',
  ])('accepts, in src/app/cases/x.ts: %s', (text) => {
    expect(rulesOf('src/app/cases/x.ts', text)).not.toContain(RULE);
  });

  it('leaves the entry points, which build it, and the contract, which declares it', () => {
    const text = "import type { ResolverResult } from '../contract/envelope';\nconst r = { success: true, data: 1 };";
    expect(rulesOf('src/entry/envelope.ts', text)).toEqual([]);
    expect(
      rulesOf('src/contract/envelope.ts', 'export type R<T> = { success: true; data: T } | { success: false };'),
    ).toEqual([]);
  });
});
