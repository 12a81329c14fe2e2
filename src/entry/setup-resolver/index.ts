import '../composition';
import Resolver from '@forge/resolver';
import { guardedDefinitions } from '../guard';
import {
  getSetupStatus,
  listSetupProjects,
  previewSetup,
  resumeSetup,
  runSetup,
  validProjectKeys,
} from '../../app/setup/setup';
import { AUDIT_PAGE_MAX, listAuditLog } from '../../app/audit/auditLog';
import { runSiteCheck, type LicenseContext } from '../../app/siteCheck/siteCheck';
import { Backup } from '../../app/backup/backup';
import type { AuditFunctions } from '../../contract/audit';
import type { BackupFunctions } from '../../contract/backup';
import type { SetupFunctions } from '../../contract/setup';
import type { SiteCheckFunctions } from '../../contract/siteCheck';
import { defineAll, type Context, type Implementing } from '../envelope';
import { callerOf, fieldsOf, limit, wholeNumber } from '../payload';

/**
 * Resolver of the `itr-setup` admin page (manifest function `setup-resolver`). Parses the payload,
 * takes the caller from the invocation context (never the payload) and answers the use case's value.
 * Every function checks that the caller is a Jira admin, on the server.
 */

/** `context.license` (forge-docs: runtime-reference/forge-resolver, LicenseDetails): only paid apps in production have one. */
function licenseOf(context: Context): LicenseContext | undefined {
  const l = fieldsOf(context['license']);
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

const projectKeysOf = (payload: unknown): string[] => validProjectKeys(fieldsOf(payload)['projectKeys']);

/** A page of the audit log: entries older than `before` (an entry id), `limit` of them. */
function pageOf(payload: unknown): { before: number | undefined; limit: number | undefined } {
  const before = fieldsOf(payload)['before'] === undefined ? undefined : wholeNumber(payload, 'before', { min: 1 });
  return { before, limit: limit(payload, AUDIT_PAGE_MAX) };
}

type ChunkedBackupFunctions = Omit<BackupFunctions, 'exportBackup' | 'restoreBackup'>;

// Backup and restore in pages and chunks (src/app/backup; admin only; commit needs confirm: true). The
// use case checks the payload's restore fields after who asks, so a non-admin learns nothing of them.
const backup = new Backup();

const functions: Implementing<SetupFunctions & ChunkedBackupFunctions & SiteCheckFunctions & AuditFunctions> = {
  listSetupProjects: (_payload, context) => listSetupProjects(callerOf(context)),
  previewSetup: (payload, context) => previewSetup(callerOf(context), projectKeysOf(payload)),
  runSetup: (payload, context) => runSetup(callerOf(context), projectKeysOf(payload)),
  resumeSetup: (_payload, context) => resumeSetup(callerOf(context)),
  getSetupStatus: (_payload, context) => getSetupStatus(callerOf(context)),
  exportBackupPage: (payload, context) =>
    backup.exportBackupPage(callerOf(context), { cursor: fieldsOf(payload)['cursor'] }),
  startBackupRestore: (payload, context) => {
    const p = fieldsOf(payload);
    return backup.startRestore(callerOf(context), {
      chunkCount: p['chunkCount'],
      byteCount: p['byteCount'],
      sha256: p['sha256'],
    });
  },
  uploadBackupChunk: (payload, context) => {
    const p = fieldsOf(payload);
    return backup.uploadChunk(callerOf(context), { restoreId: p['restoreId'], index: p['index'], text: p['text'] });
  },
  previewBackupRestore: (payload, context) =>
    backup.previewRestore(callerOf(context), { restoreId: fieldsOf(payload)['restoreId'] }),
  commitBackupRestore: (payload, context) => {
    const p = fieldsOf(payload);
    return backup.commitRestore(callerOf(context), { restoreId: p['restoreId'], confirm: p['confirm'] });
  },
  getBackupRestoreStatus: (_payload, context) => backup.restoreStatus(callerOf(context)),
  // Site check (src/app/siteCheck): what only the live site can show. `context.license` is display-only here.
  runSiteCheck: (_payload, context) => runSiteCheck(callerOf(context), licenseOf(context)),
  // The audit log of destructive actions (src/app/audit), newest first.
  listAuditLog: (payload, context) => listAuditLog(callerOf(context), pageOf(payload)),
};

export const handler = guardedDefinitions(defineAll(new Resolver(), functions));
