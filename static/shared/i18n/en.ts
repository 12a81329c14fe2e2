/**
 * English messages: the reference set. `zh-CN.ts` must have exactly these keys (a type error
 * otherwise). Placeholders are `{name}`, filled by `t(key, params)`.
 * Keys `errorCode.<code>` translate error codes (see errorMessageKey in index.ts).
 */
export const en = {
  'common.notSet': 'Not set',
  'common.retry': 'Try again',
  'common.refresh': 'Refresh',

  'error.title': 'Something went wrong',
  'error.codeLabel': 'Error code: {code}',
  'errorCode.unknown': 'An unexpected error occurred.',
  // Produced by the UI itself (static/shared/errors.ts: CLIENT_ERROR_CODES).
  'errorCode.UI_BRIDGE_UNAVAILABLE': 'This page only works inside Jira. Open it from a Jira issue.',
  'errorCode.UI_INVOKE_FAILED': 'The app could not be reached. Check your connection and try again.',
  'errorCode.UI_MALFORMED_RESPONSE': 'The app sent an answer this page does not understand.',
  'errorCode.UI_NO_ISSUE_CONTEXT': 'No issue was found for this panel.',
  // Resolver codes (src/entry/*: `ResolverError.code`). Unknown codes get errorCode.unknown.
  'errorCode.INVALID_PAYLOAD': 'The app rejected the request for issue {issueKey}. Reload the page and try again.',
  'errorCode.NOT_READY': 'ITR details are not available for this issue yet.',

  'panel.label': 'ITR details for {issueKey}',
  'panel.loading': 'Loading ITR details…',
  'panel.loadFailed': 'Could not load the ITR details',
  'panel.notItr': 'This issue is not tracked by ITR yet.',
  'panel.updated': 'Updated {time}',

  'field.kind': 'ITR kind',
  'field.grade': 'Grade',
  'field.line': 'Support line',
  'field.lineEnteredAt': 'Line started',
  'field.warnAt': 'Warning at',
  'field.dueAt': 'Due',
  'field.status': 'Status',

  'grade.withTable': '{grade} · grading table v{version}',

  'kind.technicalService': 'Technical service',
  'kind.nonTechnicalService': 'Non-technical service',
  'kind.spareParts': 'Spare parts',
  'kind.complaint': 'Complaint',

  'line.L1': 'L1 · First line',
  'line.L2': 'L2 · Second line',
  'line.L3': 'L3 · Third line',

  'status.onTrack': 'On track',
  'status.warning': 'Warning',
  'status.overdue': 'Overdue',
  'status.notStarted': 'Not started',
  'status.label': 'SLA status: {status}',

  'time.relative': '({relative})',
} as const;

export type MessageKey = keyof typeof en;
/** A complete translation: every English key, each a string. */
export type Messages = { readonly [K in MessageKey]: string };
