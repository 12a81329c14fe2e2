import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import { JiraError } from '../../adapters/jira';
import { NotAuthorizedError } from '../../app/auth/authorization';
import {
  getSetupStatus,
  listSetupProjects,
  previewSetup,
  resumeSetup,
  runSetup,
  SetupError,
  validProjectKeys,
} from '../../app/setup/setup';
import { listAuditLog } from '../../app/audit/auditLog';
import { runSiteCheck, type LicenseContext } from '../../app/siteCheck/siteCheck';
import { Backup } from '../../app/backup/backup';
import type { ResolverResult } from '../../contract/envelope';

/**
 * Resolver of the `itr-setup` admin page (manifest function `setup-resolver`). Parses the payload,
 * takes the caller from the invocation context (never the payload) and wraps the use case's answer.
 * Every function checks that the caller is a Jira admin, on the server.
 */

function accountIdOf(context: Record<string, unknown>): string | undefined {
  return typeof context['accountId'] === 'string' ? context['accountId'] : undefined;
}

function record(payload: unknown): Record<string, unknown> {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};
}

/** `context.license` (forge-docs: runtime-reference/forge-resolver, LicenseDetails): only paid apps in production have one. */
function licenseOf(context: Record<string, unknown>): LicenseContext | undefined {
  const l = record(context['license']);
  if (context['license'] === undefined || context['license'] === null) return undefined;
  return {
    // The docs name it `active`; @forge/api's License type has `isActive` too.
    ...(typeof l['active'] === 'boolean'
      ? { active: l['active'] }
      : typeof l['isActive'] === 'boolean'
        ? { active: l['isActive'] }
        : {}),
    ...(typeof l['isEvaluation'] === 'boolean' ? { isEvaluation: l['isEvaluation'] } : {}),
  };
}

function pageOf(payload: unknown): { before: number | undefined; limit: number | undefined } {
  const p = record(payload);
  const whole = (x: unknown): number | undefined =>
    typeof x === 'number' && Number.isInteger(x) && x >= 1 ? x : undefined;
  return { before: whole(p['before']), limit: whole(p['limit']) };
}

function projectKeysOf(payload: unknown): string[] {
  return validProjectKeys(
    typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>)['projectKeys'] : undefined,
  );
}

async function wrap<T>(work: () => Promise<T>): Promise<ResolverResult<T>> {
  try {
    return { success: true, data: await work() };
  } catch (e) {
    if (e instanceof NotAuthorizedError)
      return { success: false, errors: [{ code: e.code, message: e.message, params: { permission: e.required } }] };
    if (e instanceof SetupError)
      return {
        success: false,
        errors: [
          {
            code: e.code === 'SETUP_INVALID_PROJECTS' ? 'INVALID_PAYLOAD' : e.code,
            message: e.message,
            ...(e.code === 'SETUP_INVALID_PROJECTS' ? { path: 'projectKeys' } : {}),
          },
        ],
      };
    if (e instanceof JiraError)
      return { success: false, errors: [{ code: e.code, message: e.message, params: { status: e.status } }] };
    throw e;
  }
}

const resolver = new Resolver();
resolver.define('listSetupProjects', ({ context }) => wrap(() => listSetupProjects(accountIdOf(context))));
resolver.define('previewSetup', ({ payload, context }) =>
  wrap(async () => previewSetup(accountIdOf(context), projectKeysOf(payload))),
);
resolver.define('runSetup', ({ payload, context }) =>
  wrap(async () => runSetup(accountIdOf(context), projectKeysOf(payload))),
);
resolver.define('resumeSetup', ({ context }) => wrap(() => resumeSetup(accountIdOf(context))));
resolver.define('getSetupStatus', ({ context }) => wrap(() => getSetupStatus(accountIdOf(context))));

// Backup and restore in pages and chunks (src/app/backup; admin only; commit needs confirm: true).
const backup = new Backup();
resolver.define('exportBackupPage', ({ payload, context }) =>
  backup.exportBackupPage(accountIdOf(context), { cursor: record(payload)['cursor'] }),
);
resolver.define('startBackupRestore', ({ payload, context }) => {
  const p = record(payload);
  return backup.startRestore(accountIdOf(context), {
    chunkCount: p['chunkCount'],
    byteCount: p['byteCount'],
    sha256: p['sha256'],
  });
});
resolver.define('uploadBackupChunk', ({ payload, context }) => {
  const p = record(payload);
  return backup.uploadChunk(accountIdOf(context), { restoreId: p['restoreId'], index: p['index'], text: p['text'] });
});
resolver.define('previewBackupRestore', ({ payload, context }) =>
  backup.previewRestore(accountIdOf(context), { restoreId: record(payload)['restoreId'] }),
);
resolver.define('commitBackupRestore', ({ payload, context }) => {
  const p = record(payload);
  return backup.commitRestore(accountIdOf(context), { restoreId: p['restoreId'], confirm: p['confirm'] });
});
resolver.define('getBackupRestoreStatus', ({ context }) => backup.restoreStatus(accountIdOf(context)));
// Site check (src/app/siteCheck): what only the live site can show. `context.license` is display-only here.
resolver.define('runSiteCheck', ({ context }) => wrap(() => runSiteCheck(accountIdOf(context), licenseOf(context))));
// The audit log of destructive actions (src/app/audit), newest first.
resolver.define('listAuditLog', ({ payload, context }) =>
  wrap(() => listAuditLog(accountIdOf(context), pageOf(payload))),
);

export const handler = guardedDefinitions(resolver);
