/**
 * Forge entry file: the manifest's `handler: index.<name>` values point here.
 * Only re-exports, one per `function` module, grouped by kind; the code lives in src/entry/<module-key>/.
 */

// Resolvers (Custom UI backends)
export { handler as issuePanelResolver } from './entry/issue-panel-resolver';
export { handler as itrHomeResolver } from './entry/itr-home-resolver';
export { handler as setupResolver } from './entry/setup-resolver';
export { handler as gradingAdminResolver } from './entry/grading-admin-resolver';
// The close/resolve workflow rules' create/edit/view pages (one resolver for the three rule modules)
export { handler as closureRuleResolver } from './entry/closure-rule-resolver';

// Product event triggers
export { handler as issueCreated } from './entry/issue-created';
export { handler as issueUpdated } from './entry/issue-updated';
export { handler as issueCommented } from './entry/issue-commented';

// App life-cycle trigger (installed, upgraded): migrations and the itr-close property
export { handler as appLifecycle } from './entry/app-lifecycle';
// Hourly schema check (scheduled trigger): pending migrations, result and heartbeat for the site check
export { handler as schemaCheck } from './entry/schema-check';

// Async event consumers
export { handler as regradeConsumer } from './entry/regrade-consumer';
export { handler as customerImportConsumer } from './entry/customer-import';

// Escalation by time (scheduled trigger and queue consumer)
export { handler as escalationSweep } from './entry/escalation-sweep';
export { handler as escalationConsumer } from './entry/escalation-consumer';

// Supervision (analytics): page and gadget resolvers, backfill consumer, weekly report trigger
export { handler as supervisionResolver } from './entry/supervision-resolver';
export { handler as supervisionGadgetResolver } from './entry/gadget-resolver';
export { handler as analyticsBackfillConsumer } from './entry/analytics-backfill';
export { handler as analyticsWeeklyReport } from './entry/analytics-weekly-report';
