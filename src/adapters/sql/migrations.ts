/**
 * The Forge SQL schema, as an ordered list of named migrations run by `runMigrations` below (Forge's
 * `__migrations` table, plus a lock so concurrent runners apply each step once); each name runs once
 * per installation, in this order; never edit or reorder a shipped migration, append a new one.
 *
 * Written for the intersection of TiDB (Forge SQL) and MariaDB (the test harness):
 *  - one statement per migration (Forge runs one statement per call), so indexes are declared
 *    inside CREATE TABLE rather than by a separate CREATE INDEX;
 *  - no foreign keys (Forge SQL has none), no ENUM (changing one needs a table rewrite; the allowed
 *    values are a CHECK instead);
 *  - CHECK constraints: MariaDB enforces them; TiDB parses them and enforces them only from v7.2
 *    with `tidb_enable_check_constraint`. The app validates before writing either way; the check
 *    catches app bugs in tests, where MariaDB is the stricter of the two.
 *  - DATETIME(3) in UTC (the app always writes UTC), not TIMESTAMP: no session time-zone
 *    conversion and no 2038 limit;
 *  - AUTO_INCREMENT ids are unique but, on TiDB, neither consecutive nor ordered across servers:
 *    order by `entered_at`, never by `id`. (`AUTO_RANDOM` would suit TiDB better but MariaDB lacks it.)
 */
import { randomUUID } from 'node:crypto';
import { sql } from '@forge/sql';
import { SqlError, SqlErrorCode } from '../../app/ports/storageErrors';
import { execute, query, translate, type WriteResult } from './sqlClient';
import type { MigrationRun, SchemaRepository } from '../../app/ports/schema';

export interface Migration {
  name: string;
  statement: string;
}

/** Values of `line_history.outcome`; NULL while the issue is still on that line. */
export const LINE_OUTCOMES = ['timed_out', 'passed_on', 'resolved'] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];

export const MIGRATIONS: readonly Migration[] = [
  {
    // One row per stay of an issue on a support line (L1, L2, L3…): when it arrived, when it left,
    // who held it, how many working minutes it used, and why it left.
    name: 'v001_create_line_history',
    statement: `CREATE TABLE IF NOT EXISTS line_history (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      line VARCHAR(32) NOT NULL,
      entered_at DATETIME(3) NOT NULL,
      left_at DATETIME(3) NULL,
      holder_account_id VARCHAR(128) NULL,
      working_minutes_used INT NOT NULL DEFAULT 0,
      outcome VARCHAR(16) NULL,
      PRIMARY KEY (id),
      KEY idx_line_history_issue (issue_id, entered_at),
      CONSTRAINT chk_line_history_outcome CHECK (outcome IS NULL OR outcome IN ('timed_out', 'passed_on', 'resolved')),
      CONSTRAINT chk_line_history_minutes CHECK (working_minutes_used >= 0)
    )`,
  },
  {
    // Audit trail of triage decisions (src/app/triage): one row per changed field (classification,
    // kind, grade, line, owner, acceptance), with who, when and why. Shown on the issue.
    name: 'v002_create_classification_history',
    statement: `CREATE TABLE IF NOT EXISTS classification_history (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      issue_key VARCHAR(64) NOT NULL,
      field VARCHAR(32) NOT NULL,
      old_value VARCHAR(255) NULL,
      new_value VARCHAR(255) NULL,
      reason VARCHAR(2000) NULL,
      actor_account_id VARCHAR(128) NOT NULL,
      at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_classification_history_issue (issue_id, at)
    )`,
  },
  {
    // Escalation (src/app/escalation): one stay per (issue, line, entered_at), so a duplicate sweep or
    // a redelivered event records a line change once (INSERT … ON DUPLICATE KEY is a no-op); and who
    // moved the issue onto the line (`app` for the sweep, an account id for triage).
    name: 'v003_line_history_unique_stay',
    statement: `ALTER TABLE line_history
      ADD COLUMN entered_by VARCHAR(128) NULL,
      ADD UNIQUE KEY uq_line_history_stay (issue_id, line, entered_at)`,
  },
  {
    // Escalation side effects that are not idempotent in Jira (comments, notifications), claimed here
    // before they are done: the unique key makes one consumer the owner; `done_at` NULL after a lease
    // means the owner died half-way and the next delivery or sweep finishes the job.
    name: 'v004_create_escalation_action',
    statement: `CREATE TABLE IF NOT EXISTS escalation_action (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      action VARCHAR(16) NOT NULL,
      line VARCHAR(32) NOT NULL,
      line_entered_at DATETIME(3) NOT NULL,
      to_line VARCHAR(32) NULL,
      claim_token VARCHAR(64) NOT NULL,
      claimed_at DATETIME(3) NOT NULL,
      done_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_escalation_action (issue_id, action, line, line_entered_at),
      KEY idx_escalation_action_pending (done_at, claimed_at),
      CONSTRAINT chk_escalation_action CHECK (action IN ('warn', 'escalate', 'breach'))
    )`,
  },
  {
    // Admin actions on escalation (recalculation of due times): who, when, what, with the outcome.
    name: 'v005_create_escalation_audit',
    statement: `CREATE TABLE IF NOT EXISTS escalation_audit (
      id BIGINT NOT NULL AUTO_INCREMENT,
      kind VARCHAR(32) NOT NULL,
      job_id VARCHAR(64) NOT NULL,
      actor_account_id VARCHAR(128) NOT NULL,
      at DATETIME(3) NOT NULL,
      detail VARCHAR(2000) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_escalation_audit_at (at)
    )`,
  },
  // ----- Case library (案例库, src/app/cases): cases, their links to issues, version history, and the
  // app's own search index (Forge SQL has no full-text search; ranking is in src/domain/caseSearch).
  {
    // One row per case. `status`: draft | published | retired (retired cases are hidden from
    // suggestions but keep their links). `revision` counts edits (history in case_version).
    name: 'v006_create_itr_case',
    statement: `CREATE TABLE IF NOT EXISTS itr_case (
      id BIGINT NOT NULL AUTO_INCREMENT,
      external_id VARCHAR(64) NULL,
      title VARCHAR(500) NOT NULL,
      symptom TEXT NOT NULL,
      product VARCHAR(255) NULL,
      product_version VARCHAR(64) NULL,
      environment TEXT NULL,
      root_cause TEXT NULL,
      short_term_measure TEXT NULL,
      long_term_measure TEXT NULL,
      author_account_id VARCHAR(128) NULL,
      language VARCHAR(16) NOT NULL DEFAULT 'en',
      tags VARCHAR(1000) NOT NULL DEFAULT '',
      status VARCHAR(16) NOT NULL DEFAULT 'draft',
      revision INT NOT NULL DEFAULT 1,
      helpful_count INT NOT NULL DEFAULT 0,
      not_relevant_count INT NOT NULL DEFAULT 0,
      usage_count INT NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_itr_case_external (external_id),
      KEY idx_itr_case_status (status, updated_at),
      CONSTRAINT chk_itr_case_status CHECK (status IN ('draft', 'published', 'retired'))
    )`,
  },
  {
    // Issues a case came from (`source`) or was used on (`used_on`). Kept when a case is retired.
    name: 'v007_create_case_issue_link',
    statement: `CREATE TABLE IF NOT EXISTS case_issue_link (
      case_id BIGINT NOT NULL,
      issue_key VARCHAR(64) NOT NULL,
      relation VARCHAR(16) NOT NULL,
      at DATETIME(3) NOT NULL,
      PRIMARY KEY (case_id, relation, issue_key),
      KEY idx_case_issue_link_issue (issue_key),
      CONSTRAINT chk_case_issue_link_relation CHECK (relation IN ('source', 'used_on'))
    )`,
  },
  {
    // Every saved revision of a case, as the JSON of its editable fields: who, when, which revision.
    name: 'v008_create_case_version',
    statement: `CREATE TABLE IF NOT EXISTS case_version (
      case_id BIGINT NOT NULL,
      revision INT NOT NULL,
      snapshot MEDIUMTEXT NOT NULL,
      author_account_id VARCHAR(128) NULL,
      at DATETIME(3) NOT NULL,
      PRIMARY KEY (case_id, revision)
    )`,
  },
  {
    // Search postings: one row per (term, case), the term's count per field and the case's field
    // lengths (denormalised, so one SELECT by term gives all BM25F needs). Clustered by term.
    name: 'v009_create_case_term',
    statement: `CREATE TABLE IF NOT EXISTS case_term (
      term VARCHAR(64) NOT NULL,
      case_id BIGINT NOT NULL,
      tf_title SMALLINT NOT NULL,
      tf_body SMALLINT NOT NULL,
      tf_meta SMALLINT NOT NULL,
      len_title INT NOT NULL,
      len_body INT NOT NULL,
      len_meta INT NOT NULL,
      PRIMARY KEY (term, case_id),
      KEY idx_case_term_case (case_id)
    )`,
  },
  {
    // Document frequency of each term (cases containing it), kept in step with case_term.
    name: 'v010_create_case_term_stats',
    statement: `CREATE TABLE IF NOT EXISTS case_term_stats (
      term VARCHAR(64) NOT NULL,
      df INT NOT NULL,
      PRIMARY KEY (term)
    )`,
  },
  {
    // Running totals of the index (one row, id 1): number of indexed cases and field length sums.
    name: 'v011_create_case_index_stats',
    statement: `CREATE TABLE IF NOT EXISTS case_index_stats (
      id TINYINT NOT NULL,
      doc_count BIGINT NOT NULL,
      len_title BIGINT NOT NULL,
      len_body BIGINT NOT NULL,
      len_meta BIGINT NOT NULL,
      PRIMARY KEY (id)
    )`,
  },
  {
    // Return visits (回访, src/app/returnVisits): one row per resolved issue that needs a visit; the
    // supervising role records the customer's satisfaction and words. The internal view is kept next
    // to the customer's; `views_differ` flags a difference (the internal view stands).
    name: 'v012_create_return_visit',
    statement: `CREATE TABLE IF NOT EXISTS return_visit (
      issue_id BIGINT NOT NULL,
      issue_key VARCHAR(255) NOT NULL,
      reason VARCHAR(16) NOT NULL,
      kind VARCHAR(64) NULL,
      grade VARCHAR(64) NULL,
      resolved_at DATETIME(3) NOT NULL,
      internal_view VARCHAR(255) NOT NULL,
      status VARCHAR(8) NOT NULL,
      satisfaction TINYINT NULL,
      resolved_in_customer_view BOOLEAN NULL,
      customer_words TEXT NULL,
      views_differ BOOLEAN NULL,
      visited_by VARCHAR(128) NULL,
      visited_at DATETIME(3) NULL,
      PRIMARY KEY (issue_id),
      KEY idx_return_visit_status (status, resolved_at),
      CONSTRAINT chk_return_visit_status CHECK (status IN ('open', 'done')),
      CONSTRAINT chk_return_visit_satisfaction CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5)
    )`,
  },
  {
    // Root cause and measures (src/app/rootCause): every save is a new row (the history); the latest
    // by saved_at is the current one. The draft is JSON text: the 5 Whys chain has no fixed length.
    name: 'v013_create_root_cause_version',
    statement: `CREATE TABLE IF NOT EXISTS root_cause_version (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      draft TEXT NOT NULL,
      complete BOOLEAN NOT NULL,
      flags VARCHAR(1000) NOT NULL,
      override_reason VARCHAR(1000) NULL,
      author_account_id VARCHAR(128) NOT NULL,
      saved_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_root_cause_issue (issue_id, saved_at)
    )`,
  },
  // ----- Analytics (src/app/analytics): the supervision page's projection of ITR issues, one row per
  // issue, upserted by the product-event triggers and rebuildable from Jira by the backfill.
  {
    name: 'v014_create_itr_issue_fact',
    statement: `CREATE TABLE IF NOT EXISTS itr_issue_fact (
      issue_id BIGINT NOT NULL,
      issue_key VARCHAR(64) NOT NULL,
      project_key VARCHAR(64) NOT NULL,
      kind VARCHAR(64) NULL,
      grade VARCHAR(64) NULL,
      classification VARCHAR(32) NULL,
      product VARCHAR(255) NULL,
      region VARCHAR(255) NULL,
      customer_tier VARCHAR(64) NULL,
      owner_account_id VARCHAR(128) NULL,
      department VARCHAR(128) NULL,
      current_line VARCHAR(32) NULL,
      created_at DATETIME(3) NOT NULL,
      resolved_at DATETIME(3) NULL,
      breached_at DATETIME(3) NULL,
      cycle_minutes INT NULL,
      sla_met TINYINT NULL,
      escalations INT NOT NULL DEFAULT 0,
      timeouts INT NOT NULL DEFAULT 0,
      forwards INT NOT NULL DEFAULT 0,
      satisfaction TINYINT NULL,
      synced_at DATETIME(3) NOT NULL,
      PRIMARY KEY (issue_id),
      KEY idx_fact_created (created_at, project_key),
      KEY idx_fact_owner (owner_account_id, created_at),
      KEY idx_fact_open (resolved_at, breached_at)
    )`,
  },
  // ----- Escalation pauses (src/app/escalation/pauses.ts): waiting-for-customer intervals `[from_at, to_at)`
  // of an issue on a line; to_at NULL while the pause runs. Unique per (issue, line, from_at), so
  // recording the same pause start twice is a no-op.
  {
    name: 'v015_create_line_pause',
    statement: `CREATE TABLE IF NOT EXISTS line_pause (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      line VARCHAR(32) NOT NULL,
      from_at DATETIME(3) NOT NULL,
      to_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_line_pause (issue_id, line, from_at)
    )`,
  },
  // ----- Audit log (src/app/audit): one row per destructive action, whoever did it and wherever: the
  // one place an admin checks. Append-only; read newest first by id.
  {
    name: 'v016_create_audit_log',
    statement: `CREATE TABLE IF NOT EXISTS audit_log (
      id BIGINT NOT NULL AUTO_INCREMENT,
      at DATETIME(3) NOT NULL,
      actor_account_id VARCHAR(128) NULL,
      action VARCHAR(64) NOT NULL,
      target VARCHAR(255) NOT NULL,
      summary VARCHAR(1000) NOT NULL,
      params TEXT NULL,
      PRIMARY KEY (id),
      KEY idx_audit_action (action, id)
    )`,
  },
  // ----- Backup restore journal (src/app/backup/restoreJournal.ts): one row per restore with its state
  // and cursor (the next plan step), so a restore cut off half-way resumes where it stopped.
  {
    name: 'v017_create_backup_restore',
    statement: `CREATE TABLE IF NOT EXISTS backup_restore (
      id VARCHAR(64) NOT NULL,
      state VARCHAR(16) NOT NULL,
      account_id VARCHAR(128) NOT NULL,
      chunk_count INT NOT NULL,
      byte_count BIGINT NOT NULL,
      sha256 CHAR(64) NOT NULL,
      cursor_step INT NOT NULL DEFAULT 0,
      step_count INT NOT NULL DEFAULT 0,
      exported_at VARCHAR(40) NULL,
      published_version INT NULL,
      counts TEXT NULL,
      error_code VARCHAR(64) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_backup_restore_created (created_at)
    )`,
  },
  // The uploaded backup file of a restore, in chunks each smaller than a resolver payload may be.
  {
    name: 'v018_create_backup_restore_chunk',
    statement: `CREATE TABLE IF NOT EXISTS backup_restore_chunk (
      restore_id VARCHAR(64) NOT NULL,
      seq INT NOT NULL,
      body MEDIUMTEXT NOT NULL,
      PRIMARY KEY (restore_id, seq)
    )`,
  },
  // ----- Analytics speed (issue 8: every chart under 1 s at 100,000 issues; scripts/bench/analytics.ts).
  // Covering indexes, so the chart queries read narrow index entries instead of whole rows. The OLA and
  // per-person charts join every stay of the counted issues: with this one they never read a stay's row.
  {
    name: 'v019_line_history_cover_index',
    statement:
      'ALTER TABLE line_history ADD KEY idx_line_history_cover (issue_id, holder_account_id, outcome, entered_by, line)',
  },
  // Totals, volume, SLA and cycle time filter on the period, projects, kinds and grades, and read only these.
  {
    name: 'v020_itr_issue_fact_cover_index',
    statement:
      'ALTER TABLE itr_issue_fact ADD KEY idx_fact_cover (created_at, project_key, kind, grade, resolved_at, breached_at, sla_met, cycle_minutes)',
  },
  // The gadget's SLA this month: issues resolved in the month, of the viewer's projects.
  {
    name: 'v021_itr_issue_fact_resolved_index',
    statement: 'ALTER TABLE itr_issue_fact ADD KEY idx_fact_resolved (resolved_at, project_key, sla_met)',
  },
  // The projection's copy of each issue's line stays, with the filter columns beside them
  // (src/app/analytics/factStore.ts, refreshed with the fact): the OLA and per-person charts
  // read one index range instead of joining every stay to its issue.
  {
    name: 'v022_create_itr_stay_fact',
    statement: `CREATE TABLE IF NOT EXISTS itr_stay_fact (
      issue_id BIGINT NOT NULL,
      line VARCHAR(32) NOT NULL,
      entered_at DATETIME(3) NOT NULL,
      holder_account_id VARCHAR(128) NULL,
      entered_by VARCHAR(128) NULL,
      outcome VARCHAR(16) NULL,
      created_at DATETIME(3) NOT NULL,
      project_key VARCHAR(64) NOT NULL,
      kind VARCHAR(64) NULL,
      grade VARCHAR(64) NULL,
      PRIMARY KEY (issue_id, line, entered_at),
      KEY idx_stay_fact_cover (created_at, project_key, kind, grade, line, outcome, holder_account_id, entered_by)
    )`,
  },
  // One commit call applies a restore at a time (src/app/backup/restoreJournal.ts, `claim`): two
  // browser tabs resuming at once would otherwise both count and both publish a table version.
  {
    name: 'v023_backup_restore_lease',
    statement: 'ALTER TABLE backup_restore ADD COLUMN lease_until DATETIME(3) NULL',
  },
  // ----- App-owned state that used to sit in issue properties any editor may write (issue 13, section 3).
  // What each hand-off target received from an ITR issue (src/adapters/sql/handoffStore.ts): one row per
  // (issue, target), so a second send finds the issue the app created, never one a user named.
  {
    name: 'v024_create_itr_handoff',
    statement: `CREATE TABLE IF NOT EXISTS itr_handoff (
      issue_id BIGINT NOT NULL,
      target VARCHAR(16) NOT NULL,
      handed_key VARCHAR(64) NOT NULL,
      handed_id BIGINT NOT NULL,
      summary VARCHAR(255) NOT NULL,
      by_account_id VARCHAR(128) NOT NULL,
      handed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (issue_id, target),
      CONSTRAINT chk_itr_handoff_target CHECK (target IN ('rnd', 'sales'))
    )`,
  },
  // The acceptance clock of a dispatched issue (src/adapters/sql/dispatchStore.ts): when, to whom, by whom.
  {
    name: 'v025_create_triage_dispatch',
    statement: `CREATE TABLE IF NOT EXISTS triage_dispatch (
      issue_id BIGINT NOT NULL,
      dispatched_at DATETIME(3) NOT NULL,
      owner_account_id VARCHAR(128) NULL,
      by_account_id VARCHAR(128) NOT NULL,
      PRIMARY KEY (issue_id)
    )`,
  },
  // ----- Columns as wide as what they hold (src/domain/storageLimits.ts, issue 13 section 3). A case's texts
  // come from Jira text fields (32,767 characters, up to 4 bytes each: 131,068 bytes, `caseText`); TEXT
  // holds 65,535 bytes, so a long issue could not become a case. MEDIUMTEXT holds 16 MiB; the values of
  // one statement stay under Forge SQL's 1 MiB request (checked at the edge).
  {
    name: 'v026_itr_case_text_mediumtext',
    statement: `ALTER TABLE itr_case
      MODIFY COLUMN symptom MEDIUMTEXT NOT NULL,
      MODIFY COLUMN environment MEDIUMTEXT NULL,
      MODIFY COLUMN root_cause MEDIUMTEXT NULL,
      MODIFY COLUMN short_term_measure MEDIUMTEXT NULL,
      MODIFY COLUMN long_term_measure MEDIUMTEXT NULL`,
  },
  // A root-cause draft is the JSON of up to 25 texts of 2,000 characters (ROOT_CAUSE_LIMITS): up to
  // 200,000 bytes in utf8mb4, three times what TEXT holds.
  {
    name: 'v027_root_cause_draft_mediumtext',
    statement: 'ALTER TABLE root_cause_version MODIFY COLUMN draft MEDIUMTEXT NOT NULL',
  },
  // Return visits by round (issue 14): resolving again after a recorded visit opens a new round when the
  // rules require one; `return_visit` holds the current round, earlier recorded rounds move to
  // `return_visit_past` first (src/app/returnVisits/visitStore.ts). A new table, because TiDB cannot
  // change the clustered primary key of `return_visit`.
  {
    name: 'v028_return_visit_round',
    statement: 'ALTER TABLE return_visit ADD COLUMN round INT NOT NULL DEFAULT 1',
  },
  {
    name: 'v029_create_return_visit_past',
    statement: `CREATE TABLE IF NOT EXISTS return_visit_past (
      issue_id BIGINT NOT NULL,
      round INT NOT NULL,
      issue_key VARCHAR(255) NOT NULL,
      reason VARCHAR(16) NOT NULL,
      kind VARCHAR(64) NULL,
      grade VARCHAR(64) NULL,
      resolved_at DATETIME(3) NOT NULL,
      internal_view VARCHAR(255) NOT NULL,
      satisfaction TINYINT NULL,
      resolved_in_customer_view BOOLEAN NULL,
      customer_words TEXT NULL,
      views_differ BOOLEAN NULL,
      visited_by VARCHAR(128) NULL,
      visited_at DATETIME(3) NULL,
      PRIMARY KEY (issue_id, round)
    )`,
  },
  // The response clock's alerts (src/adapters/sql/responseAlertStore.ts): a warning, the overdue notice
  // to triage, timeout consent. Claimed here before their comment and history row, like
  // escalation_action: the unique key makes one consumer the owner of each (issue, alert, time).
  {
    name: 'v030_create_response_alert',
    statement: `CREATE TABLE IF NOT EXISTS response_alert (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      alert VARCHAR(16) NOT NULL,
      alert_at DATETIME(3) NOT NULL,
      claim_token VARCHAR(64) NOT NULL,
      claimed_at DATETIME(3) NOT NULL,
      done_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_response_alert (issue_id, alert, alert_at),
      KEY idx_response_alert_pending (done_at, claimed_at),
      CONSTRAINT chk_response_alert CHECK (alert IN ('warn', 'overdue', 'deemed'))
    )`,
  },
  // ----- Requirements are not problems (issue 17): a requirement's value assessment, every version kept
  // (who, when), the latest in force (src/adapters/sql/requirementAssessmentRepository.ts). Texts are
  // STORED_LIMITS.assessmentText (1,000 characters).
  {
    name: 'v031_create_requirement_assessment',
    statement: `CREATE TABLE IF NOT EXISTS requirement_assessment (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      expected_value VARCHAR(1000) NOT NULL,
      cost VARCHAR(1000) NOT NULL,
      decision VARCHAR(16) NOT NULL,
      reason VARCHAR(1000) NOT NULL,
      assessed_by VARCHAR(128) NOT NULL,
      assessed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_requirement_assessment_issue (issue_id, id),
      CONSTRAINT chk_requirement_assessment_decision CHECK (decision IN ('pending', 'accept', 'decline', 'handToRnd', 'handToSales'))
    )`,
  },
  // The assessment a hand-off carried (null: handed off without one, or before v032).
  {
    name: 'v032_itr_handoff_assessment',
    statement: 'ALTER TABLE itr_handoff ADD COLUMN assessment_id BIGINT NULL',
  },
  // Lasting fixes (issue 17, src/adapters/sql/lastingFixRepository.ts): the linked issue carrying a
  // problem's long-term measure or a return visit's follow-up; one per problem and kind.
  {
    name: 'v041_create_lasting_fix',
    statement: `CREATE TABLE IF NOT EXISTS lasting_fix (
      issue_id BIGINT NOT NULL,
      issue_key VARCHAR(64) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      fix_key VARCHAR(64) NOT NULL,
      fix_id BIGINT NOT NULL,
      summary VARCHAR(255) NOT NULL,
      assignee_account_id VARCHAR(128) NOT NULL,
      due_date CHAR(10) NOT NULL,
      by_account_id VARCHAR(128) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      done_at DATETIME(3) NULL,
      reminded_at DATETIME(3) NULL,
      PRIMARY KEY (issue_id, kind),
      KEY idx_lasting_fix_open (done_at, due_date),
      CONSTRAINT chk_lasting_fix_kind CHECK (kind IN ('longTerm', 'followUp'))
    )`,
  },
  // ----- Decisions that are not one person's (issue 17; src/domain/decisions). The iron triangle's
  // collective decision of an issue (one per issue) and each role's sign-off (who, when, level, word).
  {
    name: 'v051_create_itr_decision',
    statement: `CREATE TABLE IF NOT EXISTS itr_decision (
      issue_id BIGINT NOT NULL,
      issue_key VARCHAR(255) NOT NULL,
      proposal VARCHAR(2000) NOT NULL,
      money BOOLEAN NOT NULL,
      opened_by VARCHAR(128) NOT NULL,
      opened_at DATETIME(3) NOT NULL,
      agreed_at DATETIME(3) NULL,
      quality_informed_at DATETIME(3) NULL,
      PRIMARY KEY (issue_id)
    )`,
  },
  {
    name: 'v052_create_itr_decision_signoff',
    statement: `CREATE TABLE IF NOT EXISTS itr_decision_signoff (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      role VARCHAR(16) NOT NULL,
      level TINYINT NOT NULL,
      verdict VARCHAR(8) NOT NULL,
      note VARCHAR(1000) NOT NULL,
      by_account_id VARCHAR(128) NOT NULL,
      signed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_decision_signoff_issue (issue_id),
      CONSTRAINT chk_decision_signoff_level CHECK (level BETWEEN 1 AND 3),
      CONSTRAINT chk_decision_signoff_verdict CHECK (verdict IN ('agree', 'object'))
    )`,
  },
  // Actions that cost money and their approval (pending → approved / refused; approved → done).
  {
    name: 'v053_create_itr_cost_action',
    statement: `CREATE TABLE IF NOT EXISTS itr_cost_action (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      issue_key VARCHAR(255) NOT NULL,
      project_key VARCHAR(255) NOT NULL,
      kind VARCHAR(32) NOT NULL,
      amount_minor BIGINT NOT NULL,
      currency CHAR(3) NOT NULL,
      description VARCHAR(1000) NOT NULL,
      status VARCHAR(16) NOT NULL,
      requested_by VARCHAR(128) NOT NULL,
      requested_at DATETIME(3) NOT NULL,
      decided_by VARCHAR(128) NULL,
      decided_at DATETIME(3) NULL,
      decision_note VARCHAR(1000) NULL,
      done_by VARCHAR(128) NULL,
      done_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      KEY idx_cost_action_issue (issue_id),
      KEY idx_cost_action_project (project_key, status),
      CONSTRAINT chk_cost_action_status CHECK (status IN ('pending', 'approved', 'refused', 'done'))
    )`,
  },
  // Questions to the submitter and their answers; an open question pauses the clocks (line_pause).
  {
    name: 'v054_create_itr_clarification',
    statement: `CREATE TABLE IF NOT EXISTS itr_clarification (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      question VARCHAR(2000) NOT NULL,
      asked_by VARCHAR(128) NOT NULL,
      asked_at DATETIME(3) NOT NULL,
      submitter_account_id VARCHAR(128) NOT NULL,
      answer VARCHAR(2000) NULL,
      answered_by VARCHAR(128) NULL,
      answered_at DATETIME(3) NULL,
      answered_via VARCHAR(8) NULL,
      PRIMARY KEY (id),
      KEY idx_clarification_issue (issue_id)
    )`,
  },
  // ----- Customers and installed products (issue 17, src/app/customers). Imported from an admin's CSV;
  // contacts are personal data, erased by `eraseCustomer` (SECURITY.md lists every table it clears).
  {
    name: 'v061_create_customer',
    statement: `CREATE TABLE IF NOT EXISTS customer (
      id VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      tier VARCHAR(32) NOT NULL,
      region VARCHAR(64) NOT NULL,
      contact_name VARCHAR(200) NULL,
      contact_email VARCHAR(254) NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_customer_name (name)
    )`,
  },
  {
    name: 'v062_create_customer_product',
    statement: `CREATE TABLE IF NOT EXISTS customer_product (
      customer_id VARCHAR(64) NOT NULL,
      serial VARCHAR(128) NOT NULL,
      product VARCHAR(200) NOT NULL,
      warranty_end CHAR(10) NOT NULL,
      compliant BOOLEAN NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (customer_id, serial),
      KEY idx_customer_product_serial (serial)
    )`,
  },
  // A CSV import: the file staged in chunks (as backup_restore), then applied by the
  // `customer-import` queue consumer from `rows_applied` on.
  {
    name: 'v063_create_customer_import',
    statement: `CREATE TABLE IF NOT EXISTS customer_import (
      id VARCHAR(64) NOT NULL,
      state VARCHAR(16) NOT NULL,
      account_id VARCHAR(128) NOT NULL,
      chunk_count INT NOT NULL,
      byte_count BIGINT NOT NULL,
      sha256 CHAR(64) NOT NULL,
      row_count INT NOT NULL DEFAULT 0,
      rows_applied INT NOT NULL DEFAULT 0,
      customers INT NOT NULL DEFAULT 0,
      error_code VARCHAR(64) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_customer_import_created (created_at)
    )`,
  },
  {
    name: 'v064_create_customer_import_chunk',
    statement: `CREATE TABLE IF NOT EXISTS customer_import_chunk (
      import_id VARCHAR(64) NOT NULL,
      seq INT NOT NULL,
      body MEDIUMTEXT NOT NULL,
      PRIMARY KEY (import_id, seq)
    )`,
  },
  // The customer and product instance triage picked for an issue, with the facts as filled (or overridden).
  {
    name: 'v065_create_issue_customer',
    statement: `CREATE TABLE IF NOT EXISTS issue_customer (
      issue_id BIGINT NOT NULL,
      customer_id VARCHAR(64) NOT NULL,
      serial VARCHAR(128) NOT NULL,
      tier VARCHAR(32) NOT NULL,
      region VARCHAR(64) NOT NULL,
      warranty VARCHAR(8) NOT NULL,
      compliant BOOLEAN NOT NULL,
      picked_by VARCHAR(128) NOT NULL,
      picked_at DATETIME(3) NOT NULL,
      PRIMARY KEY (issue_id),
      KEY idx_issue_customer_customer (customer_id)
    )`,
  },
  // Every manual override of a filled fact: who, when, from, to, why.
  {
    name: 'v066_create_issue_customer_override',
    statement: `CREATE TABLE IF NOT EXISTS issue_customer_override (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      customer_id VARCHAR(64) NOT NULL,
      field VARCHAR(16) NOT NULL,
      from_value VARCHAR(64) NOT NULL,
      to_value VARCHAR(64) NOT NULL,
      reason VARCHAR(1000) NOT NULL,
      by_account_id VARCHAR(128) NOT NULL,
      at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_issue_customer_override_issue (issue_id, at),
      KEY idx_issue_customer_override_customer (customer_id)
    )`,
  },
  // The spare-part flow of an issue (src/domain/customer/spareParts.ts): one row per step reached.
  {
    name: 'v067_create_spare_part_step',
    statement: `CREATE TABLE IF NOT EXISTS spare_part_step (
      issue_id BIGINT NOT NULL,
      part_no INT NOT NULL,
      step VARCHAR(16) NOT NULL,
      by_account_id VARCHAR(128) NOT NULL,
      at DATETIME(3) NOT NULL,
      PRIMARY KEY (issue_id, part_no, step),
      KEY idx_spare_part_step_at (step, at)
    )`,
  },
  // ----- The case-library habit (issue 17, src/adapters/sql/caseHabitRepository.ts). Each search of the case
  // library made for an issue from its panel (a free search, or a suggested case judged helpful or not):
  // who (the caller, from the Forge context), when, what text.
  // Supervision compares the first one with the start of work (src/domain/analytics/caseHabit.ts).
  {
    name: 'v071_create_case_search_record',
    statement: `CREATE TABLE IF NOT EXISTS case_search_record (
      id BIGINT NOT NULL AUTO_INCREMENT,
      issue_id BIGINT NOT NULL,
      account_id VARCHAR(128) NOT NULL,
      searched_at DATETIME(3) NOT NULL,
      query_text VARCHAR(500) NOT NULL,
      source VARCHAR(16) NOT NULL,
      PRIMARY KEY (id),
      KEY idx_case_search_issue (issue_id, searched_at),
      CONSTRAINT chk_case_search_source CHECK (source IN ('search', 'suggestion'))
    )`,
  },
  // The case decision asked for at resolution: a new case, an improved one, or none with a reason. One
  // current decision per issue (a later one, after a reopen, replaces it).
  {
    name: 'v072_create_case_decision',
    statement: `CREATE TABLE IF NOT EXISTS case_decision (
      issue_id BIGINT NOT NULL,
      decision VARCHAR(16) NOT NULL,
      case_id BIGINT NULL,
      reason VARCHAR(2000) NOT NULL,
      decided_by VARCHAR(128) NOT NULL,
      decided_at DATETIME(3) NOT NULL,
      PRIMARY KEY (issue_id),
      CONSTRAINT chk_case_decision CHECK (decision IN ('newCase', 'improvedCase', 'none'))
    )`,
  },
];

// ----- The runner -------------------------------------------------------------------------------
// Forge's own `migrationRunner` lets two cold starts (or the install trigger and a lazy store) run the
// same step at once: the second ALTER fails ("Duplicate column") and both record the name. This one
// keeps Forge's `__migrations` table (installations that ran the Forge runner stay recognised) and adds
// a lock row: only its holder applies steps, re-reading what is applied once it holds the lock. A step
// that was applied but not recorded (the process died in between) is recognised by the database's
// "already exists" answer and recorded, instead of failing every later run.

/** Same table and columns as `@forge/sql`'s MigrationRunner. */
export const MIGRATIONS_TABLE =
  'CREATE TABLE IF NOT EXISTS __migrations (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(255) NOT NULL, migratedAt TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)';
/** One row (id 1) while a runner applies steps; times are the database's, so instances' clocks do not matter. */
export const LOCK_TABLE =
  'CREATE TABLE IF NOT EXISTS __migrations_lock (id TINYINT NOT NULL, holder VARCHAR(64) NOT NULL, acquired_at DATETIME(3) NOT NULL, PRIMARY KEY (id))';

/**
 * Seconds after which a lock is presumed abandoned (its holder died) and may be taken over. Range
 * 60–900; default 300: longer than any run of DDL statements (each ≤ 10 s on Forge SQL) and than a
 * function's life (≤ 900 s is the longest, for consumers), so a live holder is never overtaken.
 */
export const MIGRATION_LOCK_LEASE_SECONDS = 300;

export interface RunMigrationsOptions {
  /** How long to wait for another runner's lock before failing (retryably). Default 20,000 ms. */
  waitMs?: number;
  /** Pause between two looks at the lock. Default 250 ms. */
  pollMs?: number;
}

/** MySQL/TiDB answers meaning "this step is already in the schema" (errno 1050, 1060, 1061). */
const ALREADY_APPLIED = /already exists|Duplicate column name|Duplicate key name/i;

/** MySQL/TiDB's answer for a table that does not exist (errno 1146), as it reaches the app. */
const NO_SUCH_TABLE = /doesn't exist|ER_NO_SUCH_TABLE|\b1146\b/i;

function isNoSuchTable(e: unknown): boolean {
  if (!(e instanceof SqlError) || e.code !== SqlErrorCode.Execution) return false;
  const cause: unknown = e.cause;
  const context = typeof cause === 'object' && cause !== null ? (cause as { context?: unknown }).context : undefined;
  const debug = typeof context === 'object' && context !== null ? (context as { debug?: unknown }).debug : undefined;
  const errno = typeof debug === 'object' && debug !== null ? (debug as { errno?: unknown }).errno : undefined;
  return errno === 1146 || NO_SUCH_TABLE.test(e.message);
}

async function ddl(statement: string): Promise<void> {
  try {
    await sql.executeDDL(statement);
  } catch (e) {
    throw translate(e, statement);
  }
}

async function appliedNames(): Promise<Set<string>> {
  return new Set(await query('SELECT name FROM __migrations', [], (r) => String(r['name'])));
}

/** The applied names, creating Forge's bookkeeping table only when the read finds none (a fresh installation). */
async function appliedNamesOrCreate(): Promise<Set<string>> {
  try {
    return await appliedNames();
  } catch (e) {
    if (!isNoSuchTable(e)) throw e;
  }
  await ddl(MIGRATIONS_TABLE);
  return new Set();
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function tryLock(holder: string): Promise<boolean> {
  const take = (): Promise<WriteResult> =>
    execute('INSERT IGNORE INTO __migrations_lock (id, holder, acquired_at) VALUES (1, ?, UTC_TIMESTAMP(3))', [holder]);
  let taken: WriteResult;
  try {
    taken = await take();
  } catch (e) {
    // The lock table is made on the first run that needs it (a read first, DDL only then).
    if (!isNoSuchTable(e)) throw e;
    await ddl(LOCK_TABLE);
    taken = await take();
  }
  return taken.affectedRows === 1;
}

async function acquireLock(holder: string, options: Required<RunMigrationsOptions>): Promise<void> {
  for (let waited = 0; ; waited += options.pollMs) {
    if (await tryLock(holder)) return;
    const stale = await execute(
      `UPDATE __migrations_lock SET holder = ?, acquired_at = UTC_TIMESTAMP(3) WHERE id = 1 AND acquired_at < UTC_TIMESTAMP(3) - INTERVAL ${MIGRATION_LOCK_LEASE_SECONDS} SECOND`,
      [holder],
    );
    if (stale.affectedRows === 1) return;
    if (waited >= options.waitMs) {
      // Unknown = passing: a queue consumer hands its event back and a resolver's next call tries again.
      throw new SqlError(
        SqlErrorCode.Unknown,
        'another runner is applying the schema migrations',
        'INSERT IGNORE INTO __migrations_lock',
      );
    }
    await sleep(options.pollMs);
  }
}

/** What one run did: the steps it applied, those still pending, and whether Forge's DDL rate stopped it. */
export type { MigrationRun };

/**
 * Applies every migration not yet applied on this installation, under the lock. Stops, without
 * failing, when Forge SQL refuses a DDL for its per-installation rate (a fresh installation needs
 * more than 25 DDL): the steps left are `pending`, for the next run a minute or more later (the hourly
 * `schema-check` trigger, or the next lazy `ensureSchema`). With everything applied it sends one
 * SELECT and no DDL.
 */
export async function applyMigrations(
  migrations: readonly Migration[] = MIGRATIONS,
  options: RunMigrationsOptions = {},
): Promise<MigrationRun> {
  const opts = { waitMs: options.waitMs ?? 20_000, pollMs: options.pollMs ?? 250 };
  // Fast path, a read and no lock: every cold start of a current installation ends here.
  const before = await appliedNamesOrCreate();
  if (migrations.every((m) => before.has(m.name))) return { ran: [], pending: [], rateLimited: false };
  const holder = randomUUID();
  const ran: string[] = [];
  try {
    await acquireLock(holder, opts);
  } catch (e) {
    if (e instanceof SqlError && e.code === SqlErrorCode.RateLimited)
      return { ran, pending: migrations.filter((m) => !before.has(m.name)).map((m) => m.name), rateLimited: true };
    throw e;
  }
  try {
    const applied = await appliedNames(); // another runner may have finished while we waited
    const pending = migrations.filter((m) => !applied.has(m.name));
    for (const [i, m] of pending.entries()) {
      try {
        await ddl(m.statement);
      } catch (e) {
        if (e instanceof SqlError && e.code === SqlErrorCode.RateLimited) {
          console.warn(
            JSON.stringify({
              event: 'migrations',
              step: m.name,
              note: "Forge SQL's DDL rate reached; the rest waits for the next run",
              pending: pending.length - i,
            }),
          );
          return { ran, pending: pending.slice(i).map((p) => p.name), rateLimited: true };
        }
        if (!(e instanceof SqlError) || !ALREADY_APPLIED.test(e.message)) throw e;
        console.warn(
          JSON.stringify({ event: 'migrations', step: m.name, note: 'already in the schema, recorded now' }),
        );
      }
      await execute('INSERT INTO __migrations (name) VALUES (?)', [m.name]);
      ran.push(m.name);
    }
    return { ran, pending: [], rateLimited: false };
  } finally {
    // Released even on failure, so the next runner does not wait out the lease; a release that fails
    // (connection gone) leaves the lease to expire.
    await execute('DELETE FROM __migrations_lock WHERE id = 1 AND holder = ?', [holder]).catch(() => undefined);
  }
}

/**
 * Runs every migration not yet applied; returns the names it ran (empty when another runner applied
 * them). Fails with SQL_RATE_LIMITED (passing) when Forge SQL's DDL rate leaves steps pending, since
 * its callers (the stores, through `ensureSchema`) need the whole schema.
 */
export async function runMigrations(
  migrations: readonly Migration[] = MIGRATIONS,
  options: RunMigrationsOptions = {},
): Promise<string[]> {
  const run = await applyMigrations(migrations, options);
  if (run.rateLimited) {
    throw new SqlError(
      SqlErrorCode.RateLimited,
      `${run.pending.length} migration(s) wait for Forge SQL's DDL rate (25 per minute); try again in a minute`,
      run.pending[0] ?? '',
    );
  }
  return run.ran;
}

/** The names of the migrations this installation has applied, by a read only (empty before the first run). */
export async function appliedMigrations(): Promise<string[]> {
  try {
    return [...(await appliedNames())];
  } catch (e) {
    if (isNoSuchTable(e)) return [];
    throw e;
  }
}

let schemaReady: Promise<string[]> | undefined;

/**
 * Runs the migrations once per warm function instance, shared by every store: separate memos per
 * store let two runners apply the same non-idempotent step (an ALTER) at once, and one of them fails.
 * A failed run is forgotten, so the next access tries again.
 */
export function ensureSchema(): Promise<string[]> {
  schemaReady ??= runMigrations().catch((e: unknown) => {
    schemaReady = undefined;
    throw e;
  });
  return schemaReady;
}

/** The schema port (src/app/ports/schema.ts) over these migrations. */
export const sqlSchema: SchemaRepository = {
  expected: MIGRATIONS.map((m) => m.name),
  apply: () => applyMigrations(),
  applied: () => appliedMigrations(),
};
