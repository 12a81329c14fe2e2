/**
 * The admin settings tabs' resolver functions, joined into the grading admin page's resolver (the
 * app's one plain admin page): they parse the payload and call the use cases. Who the caller is
 * comes from the invocation context, never the payload.
 */
import type { ResolverResult } from '../../contract/envelope';
import { recordAudit } from '../audit/auditLog';
import { SupervisionSettingsAdmin } from './supervisionSettings';
import { SupportLineSettingsAdmin } from './supportLineSettings';
import { ClockSettingsAdmin } from './clockSettingsAdmin';

type Handler = (payload: unknown, context: Record<string, unknown>) => Promise<ResolverResult<unknown>>;

const record = (p: unknown): Record<string, unknown> =>
  typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
const accountIdOf = (c: Record<string, unknown>): string | undefined =>
  typeof c['accountId'] === 'string' ? c['accountId'] : undefined;

/** `{settings, expectedRevision}` of a save, or the INVALID_PAYLOAD answer. */
function saveInput(payload: unknown): { settings: unknown; expectedRevision: number } | ResolverResult<never> {
  const p = record(payload);
  const v = p['expectedRevision'];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    return {
      success: false,
      errors: [
        { code: 'INVALID_PAYLOAD', message: 'expectedRevision must be a whole number ≥ 0', path: 'expectedRevision' },
      ],
    };
  }
  return { settings: p['settings'], expectedRevision: v };
}

/** A successful save of either tab goes to the audit log (the one place an admin checks). */
async function audited<T>(
  answer: ResolverResult<T>,
  accountId: string | undefined,
  area: 'supervision' | 'supportLines' | 'clocks',
): Promise<ResolverResult<T>> {
  const what = area === 'supervision' ? 'Supervision' : area === 'supportLines' ? 'Support-line' : 'Clock';
  if (answer.success)
    await recordAudit({
      actorAccountId: accountId,
      action: 'settings.save',
      target: area,
      summary: `${what} settings saved`,
      params: { area },
    });
  return answer;
}

export function settingsHandlers(
  supervision: SupervisionSettingsAdmin = new SupervisionSettingsAdmin(),
  supportLines: SupportLineSettingsAdmin = new SupportLineSettingsAdmin(),
  clocks: ClockSettingsAdmin = new ClockSettingsAdmin(),
): Record<string, Handler> {
  return {
    getSupervisionSettings: (_payload, context) => supervision.getSupervisionSettings(accountIdOf(context)),
    saveSupervisionSettings: async (payload, context) => {
      const input = saveInput(payload);
      return 'success' in input
        ? input
        : audited(
            await supervision.saveSupervisionSettings(accountIdOf(context), input),
            accountIdOf(context),
            'supervision',
          );
    },
    getSupportLineSettings: (_payload, context) => supportLines.getSupportLineSettings(accountIdOf(context)),
    saveSupportLineSettings: async (payload, context) => {
      const input = saveInput(payload);
      return 'success' in input
        ? input
        : audited(
            await supportLines.saveSupportLineSettings(accountIdOf(context), input),
            accountIdOf(context),
            'supportLines',
          );
    },
    // Pause statuses and the untriaged response grade (src/app/settings/clockSettingsAdmin.ts).
    getClockSettings: (_payload, context) => clocks.getClockSettings(accountIdOf(context)),
    saveClockSettings: async (payload, context) => {
      const input = saveInput(payload);
      return 'success' in input
        ? input
        : audited(await clocks.saveClockSettings(accountIdOf(context), input), accountIdOf(context), 'clocks');
    },
  };
}
