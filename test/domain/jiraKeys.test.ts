/** Jira's key rules (platform-v3.json `CreateProjectDetails.key`), table-driven. */
import { isAccountId, isIssueKey, isProjectKey, projectKeyOfIssueKey } from '../../src/domain';

describe('project keys: an uppercase letter, then 1–9 uppercase letters or digits', () => {
  it.each([
    ['SUP', true],
    ['AB', true],
    ['A1', true],
    ['ABCDEFGHIJ', true], // 10, the maximum
    ['ABCDEFGHIJK', false], // 11
    ['A', false], // "followed by one or more"
    ['1AB', false],
    ['Sup', false],
    ['SU_P', false],
    ['', false],
    [' SUP', false],
    [7, false],
    [null, false],
  ])('%j → %s', (key, ok) => expect(isProjectKey(key)).toBe(ok));
});

describe('issue keys: a project key, "-", a number from 1', () => {
  it.each([
    ['SUP-1', true],
    ['AB-42', true],
    ['ABCDEFGHIJ-123456789012345678', true],
    ['AB-0', false], // numbers start at 1
    ['AB-01', false],
    ['AB-', false],
    ['AB-1x', false],
    ['sup-1', false],
    ['A-1', false],
    ['SU_P-1', false],
    ['SUP-1 ', false],
    ['SUP-1234567890123456789', false],
    [{}, false],
  ])('%j → %s', (key, ok) => expect(isIssueKey(key)).toBe(ok));

  it('names the project of an issue key, and nothing for anything else', () => {
    expect(projectKeyOfIssueKey('SUP-12')).toBe('SUP');
    expect(projectKeyOfIssueKey('SUP')).toBeNull();
  });
});

describe('account ids: letters, digits, ":", "_", "-", 1–128 characters', () => {
  it.each([
    ['557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', true],
    ['5b10ac8d82e05b22cc7d4ef5', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['', false],
    ['acc 1', false],
    ['acc-1" OR reporter = x', false],
    [42, false],
    [undefined, false],
  ])('%j → %s', (id, ok) => expect(isAccountId(id)).toBe(ok));
});
