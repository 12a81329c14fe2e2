/**
 * The issue panel's pure rules (static/issue-panel/src): which face each clock shows, which one next
 * step the viewer gets, when case suggestions open by themselves, and which empty fields stop a
 * root-cause save before any call (the same codes and paths as the server's check).
 */
import { checkRootCause } from '../../src/domain/closure';
import type { CaseHit, CaseSuggestions } from '../../src/contract/cases';
import type { ClosureView, IssueItrState } from '../../src/contract/issuePanel';
import { lineClockFace, responseClockFace } from '../../static/issue-panel/src/clocks/clockFace';
import { isStrong } from '../../static/issue-panel/src/cases/strength';
import { nextStepOf } from '../../static/issue-panel/src/next/nextStep';
import { requiredIssues } from '../../static/issue-panel/src/rootCause/requiredFields';
import {
  awaitingAnswerOfViewer,
  doneTechnicalServiceAtL2,
  dueSoonTechnicalServiceAtL2,
  NOW,
  notStartedSpareParts,
  onTrackTechnicalServiceAtL2,
  openProblemWithoutRootCause,
  overdueComplaintAtL3,
  pausedTechnicalServiceAtL2,
  reassignedInJiraReasonPending,
  resolvedItr42,
} from './issueItrState.fixtures';

const now = Date.parse(NOW);
const minutes = (m: number) => m * 60_000;

describe('clock faces', () => {
  it.each([
    [
      'on track: working time left',
      onTrackTechnicalServiceAtL2,
      0,
      { kind: 'running', state: 'onTrack', leftMinutes: 210 },
    ],
    [
      'past the warning time: due soon, the time left stays',
      dueSoonTechnicalServiceAtL2,
      0,
      { kind: 'running', state: 'dueSoon', leftMinutes: 49 },
    ],
    ['overdue: breached', overdueComplaintAtL3, 0, { kind: 'overdue', state: 'breached' }],
    [
      'paused: what it resumes with',
      pausedTechnicalServiceAtL2,
      0,
      { kind: 'paused', state: 'paused', leftMinutes: 150 },
    ],
    ['not started', notStartedSpareParts, 0, { kind: 'notStarted', state: 'notStarted' }],
    ['done: met', doneTechnicalServiceAtL2, 0, { kind: 'final', state: 'met' }],
    // The panel stays open: the wall clock moves the state on as the sweep would (warning 08:00Z, due 09:30Z).
    [
      'open past the warning time: due soon',
      onTrackTechnicalServiceAtL2,
      minutes(121),
      { kind: 'running', state: 'dueSoon' },
    ],
    [
      'open past the due time: breached',
      onTrackTechnicalServiceAtL2,
      minutes(211),
      { kind: 'overdue', state: 'breached' },
    ],
  ] as const)('%s', (_name, state, later, expected) => {
    expect(lineClockFace(state, now + later)).toMatchObject(expected);
  });

  it('has no line clock for a done issue that was never on a line', () => {
    expect(lineClockFace({ ...doneTechnicalServiceAtL2, lineFinal: null }, now)).toBeNull();
  });

  it.each([
    ['none', null, null],
    [
      'running: the deadline is the headline (no working minutes known)',
      {
        dueAt: '2026-11-24T06:30:00Z',
        warnAt: '2026-11-24T05:50:00Z',
        status: 'warning',
        pausedSince: null,
        final: null,
      },
      { kind: 'running', state: 'dueSoon', leftMinutes: null },
    ],
    [
      'paused',
      { dueAt: null, warnAt: null, status: 'paused', pausedSince: '2026-11-24T05:00:00Z', final: null },
      { kind: 'paused', leftMinutes: null },
    ],
    [
      'stopped: breached',
      {
        dueAt: '2026-11-23T19:00:00Z',
        warnAt: null,
        status: 'breached',
        pausedSince: null,
        final: { outcome: 'breached', overMinutes: 30, stoppedAt: '2026-11-23T19:30:00Z' },
      },
      { kind: 'final', state: 'breached' },
    ],
  ] as const)('response clock: %s', (_name, clock, expected) => {
    const face = responseClockFace(clock === null ? null : { ...clock, final: clock.final }, now);
    if (expected === null) expect(face).toBeNull();
    else expect(face).toMatchObject(expected);
  });
});

describe('the one next step', () => {
  const with_ = (state: IssueItrState, closure: Partial<ClosureView>): IssueItrState => ({
    ...state,
    closure: { ...state.closure, ...closure },
  });
  it.each([
    ['the owner answers first', awaitingAnswerOfViewer, { kind: 'answer' }],
    ['a pending reassignment reason', reassignedInJiraReasonPending, { kind: 'forwardReason' }],
    [
      'an open problem without its root cause',
      with_(onTrackTechnicalServiceAtL2, openProblemWithoutRootCause),
      { kind: 'rootCause' },
    ],
    [
      'an open problem with its root cause: nothing',
      with_(onTrackTechnicalServiceAtL2, { ...openProblemWithoutRootCause, rootCauseComplete: true }),
      null,
    ],
    ['an open requirement: nothing', onTrackTechnicalServiceAtL2, null],
    [
      'visit pending, supervisor',
      resolvedItr42({ visitPending: true, viewerRecordsVisits: true }),
      { kind: 'recordVisit' },
    ],
    [
      'visit pending, the submitter',
      resolvedItr42({ visitPending: true, closeRefusal: 'visitPending' }),
      { kind: 'waitVisit', viewerCloses: true },
    ],
    [
      'visit pending, someone else',
      resolvedItr42({ visitPending: true, closeRefusal: 'notSubmitter' }),
      { kind: 'waitVisit', viewerCloses: false },
    ],
    ['visit recorded, the submitter closes', resolvedItr42({ closeRefusal: null }), { kind: 'close' }],
    [
      'visit recorded, someone else waits for the submitter',
      resolvedItr42({ closeRefusal: 'notSubmitter' }),
      { kind: 'waitSubmitter' },
    ],
    ['closed', resolvedItr42({ stage: 'closed', closeRefusal: null }), { kind: 'closed' }],
  ] as const)('%s', (_name, state, expected) => {
    expect(nextStepOf(state)).toEqual(expected);
  });
});

describe('strong case suggestions', () => {
  const hit = (title: CaseHit['highlights']['title']): CaseHit =>
    ({ case: { id: 1 }, matchedTerms: [], highlights: { title, symptom: [] } }) as unknown as CaseHit;
  const of = (hits: CaseHit[], helpedCaseIds: number[] = []): CaseSuggestions => ({
    issueKey: 'ITR-42',
    hits,
    resolved: false,
    product: null,
    grade: null,
    helpedCaseIds,
  });
  it.each([
    ['no case', of([]), false],
    [
      'one title word',
      of([
        hit([
          { text: 'Printer', hit: true },
          { text: ' jams', hit: false },
        ]),
      ]),
      false,
    ],
    [
      'two title words apart',
      of([
        hit([
          { text: 'Printer', hit: true },
          { text: ' ', hit: false },
          { text: 'queue', hit: true },
        ]),
      ]),
      true,
    ],
    ['two title words in one piece', of([hit([{ text: 'printer queue', hit: true }])]), true],
    [
      'one Chinese word',
      of([
        hit([
          { text: '打印', hit: true },
          { text: '失败', hit: false },
        ]),
      ]),
      false,
    ],
    ['two Chinese words', of([hit([{ text: '打印机连接', hit: true }])]), true],
    ['a case helped on this issue', of([hit([{ text: 'Printer', hit: false }])], [1]), true],
  ] as const)('%s', (_name, data, strong) => {
    expect(isStrong(data)).toBe(strong);
  });
});

describe('required root-cause fields', () => {
  const empty = {
    whys: [''],
    rootCause: '',
    shortTermMeasure: '',
    longTermMeasure: '',
    technicalZero: '',
    managementZero: '',
  };
  const full = {
    whys: ['It rebooted', 'No confirmation'],
    rootCause: 'The console allows a reset',
    shortTermMeasure: 'Restored',
    longTermMeasure: 'Confirmation added',
    technicalZero: 'Fixed in 4.3.1',
    managementZero: 'Checklist covers it',
  };
  it.each([
    ['empty', empty],
    ['no whys', { ...full, whys: [] }],
    ['a blank why between two', { ...full, whys: ['a', '  ', 'b'] }],
    ['one blank text', { ...full, technicalZero: ' ' }],
    ['complete', full],
  ])("%s: the same emptiness problems as the server's check", (_name, draft) => {
    const server = checkRootCause(draft)
      .issues.filter(
        (i) =>
          i.code === 'ROOT_CAUSE_WHY_REQUIRED' ||
          i.code === 'ROOT_CAUSE_WHY_EMPTY' ||
          i.code === 'ROOT_CAUSE_FIELD_REQUIRED',
      )
      .map(({ code, path }) => ({ code, path }));
    expect(requiredIssues(draft)).toEqual(server);
  });
  it('finds every empty field of an empty form', () => {
    expect(requiredIssues(empty).map((i) => i.path)).toEqual([
      'whys.0',
      'rootCause',
      'shortTermMeasure',
      'longTermMeasure',
      'technicalZero',
      'managementZero',
    ]);
  });
});
