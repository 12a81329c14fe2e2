/** "Is this issue done": Resolution or a Done-category status, and when it became done. */
import { doneAt, isIssueDone } from '../../src/domain/issueDone';

describe('isIssueDone', () => {
  it.each([
    ['resolved in a Done status', true, 'done', true],
    ['a workflow that never sets Resolution: Done status alone', false, 'done', true],
    ['resolved but reopened by a workflow that did not clear it', true, 'indeterminate', true],
    ['in progress', false, 'indeterminate', false],
    ['to do', false, 'new', false],
    ['status category unknown', false, undefined, false],
  ] as const)('%s', (_name, resolved, statusCategory, expected) =>
    expect(isIssueDone({ resolved, statusCategory })).toBe(expected),
  );
});

describe('doneAt', () => {
  const markers = (
    resolved: boolean,
    statusCategory: string,
    resolutionDate: string | null,
    statusCategoryChangedAt: string | null,
  ) => ({ resolved, statusCategory, resolutionDate, statusCategoryChangedAt });
  it.each([
    ['the resolution date when Resolution was set', markers(true, 'done', 'R', 'C'), 'R'],
    ['the status-category change when Resolution never was', markers(false, 'done', null, 'C'), 'C'],
    ['nothing while open', markers(false, 'indeterminate', null, 'C'), null],
  ] as const)('%s', (_name, m, expected) => expect(doneAt(m)).toBe(expected));
});
