import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  CalendarSet,
  GradingAdminState,
  GradingTable,
  ValidationIssue,
} from '../../../../src/contract/gradingAdmin';
import { type ApiError, call } from '../../../shared/api';
import { toApiError } from '../../../shared/errors';
import type { MessageKey } from '../../../shared/i18n';
import { useI18n } from '../../../shared/i18n/react';
import { setIn, type Edit, type Key } from '../draft';
import { issuesOf, VALIDATE_DEBOUNCE_MS } from './validationIssues';

export interface GradingDraft {
  state: GradingAdminState | null;
  loadError: ApiError | null;
  table: GradingTable | null;
  calendars: CalendarSet;
  dirty: { table: boolean; calendars: boolean };
  /** The server's problems with the draft (validated shortly after each edit, or from a refused save). */
  issues: ValidationIssue[];
  actionError: ApiError | null;
  notice: string | null;
  comment: string;
  setComment: (comment: string) => void;
  busy: boolean;
  load: () => Promise<void>;
  editTable: Edit;
  editCalendars: Edit;
  /** Back to the published table and calendars. */
  discard: () => void;
  saveTable: () => Promise<void>;
  saveCalendars: () => Promise<void>;
  restore: (version: number) => Promise<void>;
  importConfig: (json: string) => Promise<void>;
}

/**
 * The grading table and calendars being edited: loaded, changed by path, validated on the server after
 * each edit, and saved, restored or imported against the revisions read (a conflict keeps the draft).
 */
export function useGradingDraft(): GradingDraft {
  const { t } = useI18n();
  const [state, setState] = useState<GradingAdminState | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [table, setTable] = useState<GradingTable | null>(null);
  const [calendars, setCalendars] = useState<CalendarSet>({});
  const [dirty, setDirty] = useState({ table: false, calendars: false });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const adopt = useCallback((next: GradingAdminState) => {
    setState(next);
    setTable(next.table);
    setCalendars(next.siteCalendars);
    setDirty({ table: false, calendars: false });
    setIssues([]);
  }, []);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      adopt(await call('getGradingAdmin', {}));
    } catch (error) {
      setLoadError(toApiError(error));
    }
  }, [adopt]);

  useEffect(() => {
    void load();
  }, [load]);

  // Validate the draft on the server shortly after each edit.
  const validation = useRef(0);
  useEffect(() => {
    if (table === null || (!dirty.table && !dirty.calendars)) return;
    const id = ++validation.current;
    const timer = setTimeout(() => {
      call('validateGradingDraft', { table, calendars })
        .then((r) => {
          if (id === validation.current) setIssues(r.issues);
        })
        .catch(() => undefined);
    }, VALIDATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [table, calendars, dirty]);

  const editTable: Edit = (path, value) => {
    setTable((current) => setIn(current, path, value));
    setDirty((d) => ({ ...d, table: true }));
    setNotice(null);
    // Text in a number's place (a field says what is wrong): Publish is refused at once, not after the
    // server's check; a number there clears it until that check answers.
    const last = path[path.length - 1];
    if (typeof last === 'string' && NUMBER_FIELDS.has(last)) {
      const at = pathText(path);
      setIssues((current) => [
        ...current.filter((i) => i.path !== at),
        ...(typeof value === 'string' ? [{ code: 'INPUT_NOT_A_NUMBER', path: at, message: 'Enter a number.' }] : []),
      ]);
    }
  };
  const editCalendars: Edit = (path, value) => {
    setCalendars((current) => setIn(current, path, value));
    setDirty((d) => ({ ...d, calendars: true }));
    setNotice(null);
  };

  const act: Act = async (run, done) => {
    setBusy(true);
    setActionError(null);
    try {
      adopt(await run());
      setComment('');
      setNotice(t(done));
    } catch (error) {
      const apiError = toApiError(error);
      const found = issuesOf(apiError);
      if (found !== null) setIssues(found);
      setActionError(apiError);
    } finally {
      setBusy(false);
    }
  };

  // The page offers these only once loaded; the revisions are the ones read with the state.
  const loaded = (): { state: GradingAdminState; table: GradingTable } => {
    if (state === null || table === null) throw new Error('grading admin state not loaded');
    return { state, table };
  };
  return {
    state,
    loadError,
    table,
    calendars,
    dirty,
    issues,
    actionError,
    notice,
    comment,
    setComment,
    busy,
    load,
    editTable,
    editCalendars,
    discard: () => adopt(loaded().state),
    ...publishActions(act, loaded, calendars, comment),
  };
}

/** The table's number fields, by their last path key. */
const NUMBER_FIELDS: ReadonlySet<string> = new Set([
  'weight',
  'score',
  'minScore',
  'levels',
  'responseMinutes',
  'resolutionMinutes',
  'amount',
  'warningFraction',
]);

/** `['sla', 'major', 'responseMinutes']` → `sla.major.responseMinutes`, `['dimensions', 0, 'weight']` → `dimensions[0].weight`: the server's paths. */
export function pathText(path: readonly Key[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

type Act = (run: () => Promise<GradingAdminState>, done: MessageKey) => Promise<void>;

/** The ways the published configuration changes: the draft saved, an earlier version restored, a file imported. */
function publishActions(
  act: Act,
  loaded: () => { state: GradingAdminState; table: GradingTable },
  calendars: CalendarSet,
  comment: string,
): Pick<GradingDraft, 'saveTable' | 'saveCalendars' | 'restore' | 'importConfig'> {
  return {
    saveTable: () =>
      act(() => {
        const { state, table } = loaded();
        return call('saveGradingTable', { table, expectedRevision: state.tableRevision, comment });
      }, 'gradingAdmin.saved'),
    saveCalendars: () =>
      act(
        () => call('saveCalendars', { calendars, expectedRevision: loaded().state.calendarsRevision }),
        'gradingAdmin.calendarsSaved',
      ),
    restore: (version) =>
      act(
        () => call('restoreGradingVersion', { version, expectedRevision: loaded().state.tableRevision, comment }),
        'gradingAdmin.restored',
      ),
    importConfig: (json) =>
      act(() => {
        const { state } = loaded();
        return call('importGradingConfig', {
          json,
          expectedRevision: state.tableRevision,
          expectedCalendarsRevision: state.calendarsRevision,
          comment,
        });
      }, 'gradingAdmin.imported'),
  };
}
