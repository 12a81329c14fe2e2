/**
 * The page scan the end-to-end test relies on (pageScan.ts): it finds account ids and internal codes
 * in shown text, and leaves names, labels, keys, dates and line ids alone.
 */
import { leaksIn } from './pageScan';

const found = (text: string): string[] => leaksIn(text).map((l) => `${l.kind}:${l.found}`);

describe('page scan', () => {
  it('finds account ids in every shape Jira hands out', () => {
    expect(found('Owner: 557058:sandbox-tom')).toEqual(['accountId:557058:sandbox-tom']);
    expect(found('by 557058:2f4d3c1e-9a8b-4c7d-8e6f-0a1b2c3d4e5f at 10:00')).toEqual([
      'accountId:557058:2f4d3c1e-9a8b-4c7d-8e6f-0a1b2c3d4e5f',
    ]);
    expect(found('assigned to 5b10a2844c20165700ede21g')).toEqual([]); // not hex: a word, not an id
    expect(found('assigned to 5b10a2844c20165700ede21f.')).toEqual(['accountId:5b10a2844c20165700ede21f']);
    expect(found('customer qm:abcdef12-3456')).toEqual(['accountId:qm:abcdef12-3456']);
    expect(found('held by sandbox-liwei')).toEqual(['accountId:sandbox-liwei']);
    // An id of no known shape is found when the caller names it (the static tests' made-up ids).
    expect(leaksIn('owner acc-l1 here', ['acc-l1']).map((l) => l.found)).toEqual(['acc-l1']);
    expect(leaksIn('owner acc-l10 here', ['acc-l1'])).toEqual([]);
  });

  it('finds stored codes, error codes and i18n keys', () => {
    expect(found('Kind technicalService')).toEqual(['code:technicalService']);
    expect(found('Region cn-east')).toEqual(['code:cn-east']);
    expect(found('Acceptance: deemedAccepted')).toEqual(['code:deemedAccepted']);
    expect(found('Failed: TRIAGE_OWNER_CANNOT_BROWSE')).toEqual(['code:TRIAGE_OWNER_CANNOT_BROWSE']);
    expect(found('panel.acceptance.deemedBy')).toEqual(['code:panel.acceptance.deemedBy']);
    expect(found('Hint: triage.ownerHint')).toEqual(['code:triage.ownerHint']);
  });

  it('leaves names, labels, keys, dates and line ids alone', () => {
    const shown = [
      'Tom Baker accepted ITR-34 · 李伟 · Lucas Weber',
      'L2 · Second line · Critical · grading table v1 · 紧急',
      'Response time met (12 min left) · Resolution breached by 1 h 5 min',
      'Due 7 Dec 2026, 14:30 · 2026-12-07T14:30:00.000Z · Technical service · East China',
      'Escalate to L2 · Waiting for Customer · www.example.com · e.g. see docs',
    ].join('\n');
    expect(found(shown)).toEqual([]);
  });
});
