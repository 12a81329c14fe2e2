/**
 * The customer and product instance of an issue (triage picks them; tier, region, warranty and
 * compliance fill themselves) and its spare-part flow (src/domain/customer/spareParts.ts). The issue
 * is read as the caller (who cannot see it gets ISSUE_NOT_FOUND); changing it needs EDIT_ISSUES on it.
 * Warranty (保内/保外) is decided at the issue's creation, in the site's office zone (`zone()`). A manual override records who, when,
 * from, to and why; a new pick fills the facts afresh (the overrides stay in the record).
 */
import { jiraAsApp, jiraAsUser, type JiraClient } from '../../adapters/jira';
import { ConfigStore } from '../../adapters/kvs';
import type {
  CustomerProductHit,
  IssueCustomerFacts,
  IssueCustomerField,
  IssueCustomerView,
  SparePartsView,
  SparePartView,
} from '../../contract/customers';
import {
  isSparePartStep,
  nextSparePartStep,
  recordSparePartStep,
  SPARE_PART_STEPS,
  warrantyAt,
  type SparePartStepRecord,
} from '../../domain/customer';
import { GradingTableStore } from '../grading/gradingTableStore';
import { NotAuthorizedError } from '../auth/authorization';
import { ItrError, issueNotFound } from '../itrError';
import { namesOf } from '../people/displayNames';
import { repositories } from '../ports';
import type { StoredSparePartStep } from '../ports/customers';

/** Longest override reason, characters (the column holds 1,000). */
export const OVERRIDE_REASON_MAX = 1000;
const FIELDS: readonly IssueCustomerField[] = ['tier', 'region', 'warranty', 'compliant'];

export interface IssueCustomerDeps {
  asUser(): JiraClient;
  asApp(): JiraClient;
  now(): Date;
  /** The IANA zone a warranty end date is read in. */
  zone(): Promise<string>;
}

/**
 * The site's office zone: that of the calendar most grades' SLA runs on (the default table: the
 * mainland China calendar, Asia/Shanghai; the critical grade's round-the-clock UTC calendar is the
 * exception, not the office); ties go to the more severe grade. UTC when none is found.
 */
async function siteZone(): Promise<string> {
  const store = new GradingTableStore(new ConfigStore());
  const all = GradingTableStore.allCalendars((await store.calendars()).siteCalendars);
  const { table } = await store.published(Object.keys(all));
  const uses = new Map<string, number>();
  for (const g of table.grades) {
    const id = table.sla[g.id]?.calendarId;
    if (id !== undefined) uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [id, n] of uses) if (best === undefined || n > (uses.get(best) ?? 0)) best = id;
  return (best === undefined ? undefined : all[best]?.timeZone) ?? 'UTC';
}

export const platformIssueCustomerDeps = (): IssueCustomerDeps => ({
  asUser: () => jiraAsUser(),
  asApp: () => jiraAsApp(),
  now: () => new Date(),
  zone: siteZone,
});

interface LoadedIssue {
  id: string;
  created: Date;
  /** EDIT_ISSUES of the caller on the issue (asked of Jira as the caller). */
  canEdit: boolean;
}

export class IssueCustomer {
  constructor(private readonly deps: IssueCustomerDeps = platformIssueCustomerDeps()) {}

  private async issue(issueKey: string, mustEdit: boolean): Promise<LoadedIssue> {
    const jira = this.deps.asUser();
    const issue = await jira.getIssue(issueKey, { fields: ['created'] }).catch(issueNotFound(issueKey));
    const canEdit = (await jira.myPermissions(['EDIT_ISSUES'], { issueKey }))['EDIT_ISSUES'] === true;
    if (mustEdit && !canEdit) throw new NotAuthorizedError(`editing ${issueKey}`);
    const created = issue.fields['created'];
    return { id: issue.id, created: new Date(typeof created === 'string' ? created : NaN), canEdit };
  }

  /**
   * Product instances matching `query`, to pick one for `issueKey`: the imported customers' names, tiers
   * and serials are shown only to who may change that issue's customer (EDIT_ISSUES on it).
   */
  async search(issueKey: string, query: unknown): Promise<CustomerProductHit[]> {
    await this.issue(issueKey, true);
    const q = typeof query === 'string' ? query.trim().slice(0, 100) : '';
    if (q.length < 2) return [];
    return (await repositories().customers.searchProducts(q, 20)).map((p) => ({
      customerId: p.customerId,
      name: p.name,
      tier: p.tier,
      region: p.region,
      serial: p.serial,
      product: p.product,
      warrantyEnd: p.warrantyEnd,
      compliant: p.compliant,
    }));
  }

  /** The facts, and whether the caller may change them (the page offers no action it would refuse). */
  async get(issueKey: string): Promise<IssueCustomerView> {
    const issue = await this.issue(issueKey, false);
    return { facts: await this.facts(issue.id), canEdit: issue.canEdit };
  }

  async pick(
    issueKey: string,
    accountId: string | undefined,
    customerId: string,
    serial: string,
  ): Promise<IssueCustomerFacts> {
    const issue = await this.issue(issueKey, true);
    const repo = repositories().customers;
    const product = (await repo.productsOf([customerId])).find((p) => p.serial === serial);
    const customer = (await repo.customersByIds([customerId]))[0];
    if (product === undefined || customer === undefined)
      throw new ItrError('CUSTOMER_NOT_FOUND', `no product ${serial} of customer ${customerId}`, { path: 'serial' });
    if (!Number.isFinite(issue.created.getTime()))
      throw new ItrError('INTERNAL_ERROR', `issue ${issueKey} has no creation time`);
    await repo.setIssueCustomer({
      issueId: issue.id,
      customerId,
      serial,
      tier: customer.tier,
      region: customer.region,
      warranty: warrantyAt(product.warrantyEnd, issue.created, await this.deps.zone()),
      compliant: product.compliant,
      pickedBy: accountId ?? '',
      pickedAt: this.deps.now(),
    });
    return (await this.facts(issue.id))!;
  }

  async override(
    issueKey: string,
    accountId: string | undefined,
    p: { field: unknown; to: unknown; reason: unknown },
  ): Promise<IssueCustomerFacts> {
    const issue = await this.issue(issueKey, true);
    const field = FIELDS.find((f) => f === p.field);
    if (field === undefined)
      throw new ItrError('INVALID_PAYLOAD', 'field must be tier, region, warranty or compliant', { path: 'field' });
    const to = typeof p.to === 'string' ? p.to.trim() : '';
    const allowed = field === 'warranty' ? ['in', 'out'] : field === 'compliant' ? ['yes', 'no'] : null;
    const maxLen = field === 'tier' ? 32 : 64;
    if (to === '' || to.length > maxLen || (allowed !== null && !allowed.includes(to)))
      throw new ItrError('INVALID_PAYLOAD', `to is not a valid ${field}`, { path: 'to' });
    const reason = typeof p.reason === 'string' ? p.reason.trim() : '';
    if (reason === '' || reason.length > OVERRIDE_REASON_MAX)
      throw new ItrError('INVALID_PAYLOAD', `a reason of 1–${OVERRIDE_REASON_MAX} characters is required`, {
        path: 'reason',
      });
    const repo = repositories().customers;
    const link = await repo.issueCustomer(issue.id);
    if (link === undefined)
      throw new ItrError('CUSTOMER_NOT_FOUND', `issue ${issueKey} has no customer picked`, { path: 'issueKey' });
    const from = field === 'compliant' ? (link.compliant ? 'yes' : 'no') : link[field];
    if (from !== to)
      await repo.addOverride({
        issueId: issue.id,
        customerId: link.customerId,
        field,
        from,
        to,
        reason,
        by: accountId ?? '',
        at: this.deps.now(),
      });
    return (await this.facts(issue.id))!;
  }

  private async facts(issueId: string): Promise<IssueCustomerFacts | null> {
    const repo = repositories().customers;
    const link = await repo.issueCustomer(issueId);
    if (link === undefined) return null;
    const customer = (await repo.customersByIds([link.customerId]))[0];
    const product = (await repo.productsOf([link.customerId])).find((p) => p.serial === link.serial);
    const overrides = await repo.overrides(issueId);
    const names = await this.names([link.pickedBy, ...overrides.map((o) => o.by)]);
    return {
      customerId: link.customerId,
      name: customer?.name ?? null,
      serial: link.serial,
      product: product?.product ?? null,
      tier: link.tier,
      region: link.region,
      warranty: link.warranty,
      compliant: link.compliant,
      pickedByName: names.get(link.pickedBy) ?? null,
      pickedAt: link.pickedAt.toISOString(),
      overrides: overrides.map((o) => ({
        field: o.field,
        from: o.from,
        to: o.to,
        reason: o.reason,
        byName: names.get(o.by) ?? null,
        at: o.at.toISOString(),
      })),
    };
  }

  // ----- spare parts

  /** The parts, and whether the caller may record a step. */
  async spareParts(issueKey: string): Promise<SparePartsView> {
    const issue = await this.issue(issueKey, false);
    return { parts: await this.partsOf(issue.id), canEdit: issue.canEdit };
  }

  async recordStep(
    issueKey: string,
    accountId: string | undefined,
    p: { partNo: unknown; step: unknown },
  ): Promise<SparePartView[]> {
    const issue = await this.issue(issueKey, true);
    if (!isSparePartStep(p.step))
      throw new ItrError('INVALID_PAYLOAD', 'step is not a spare-part step', { path: 'step' });
    const all = await repositories().customers.sparePartSteps(issue.id);
    const parts = groupParts(all);
    let partNo: number;
    if (p.partNo === undefined) {
      if (p.step !== 'requested')
        throw new ItrError('SPARE_PART_STEP_OUT_OF_ORDER', 'a new part starts with requested', {
          path: 'step',
          params: { expected: 'requested' },
        });
      partNo = Math.max(0, ...parts.keys()) + 1;
    } else if (typeof p.partNo === 'number' && parts.has(p.partNo)) partNo = p.partNo;
    else throw new ItrError('INVALID_PAYLOAD', 'partNo names no part of this issue', { path: 'partNo' });
    const steps = parts.get(partNo) ?? [];
    const at = this.deps.now();
    const decided = recordSparePartStep(steps, p.step, accountId ?? '', at);
    if (!decided.ok)
      throw new ItrError(decided.code, `spare part ${partNo}: ${p.step} refused (${decided.code})`, {
        path: 'step',
        params: { expected: decided.expected ?? '' },
      });
    if (
      !(await repositories().customers.addSparePartStep({
        issueId: issue.id,
        partNo,
        step: p.step,
        by: accountId ?? '',
        at,
      }))
    )
      throw new ItrError('SPARE_PART_STEP_OUT_OF_ORDER', `spare part ${partNo} already has ${p.step}`, {
        path: 'step',
      });
    return this.partsOf(issue.id);
  }

  private async partsOf(issueId: string): Promise<SparePartView[]> {
    const parts = groupParts(await repositories().customers.sparePartSteps(issueId));
    const names = await this.names([...parts.values()].flatMap((s) => s.map((x) => x.by)));
    return [...parts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([partNo, steps]) => ({
        partNo,
        steps: steps.map((s) => ({ step: s.step, byName: names.get(s.by) ?? null, at: s.at })),
        next: nextSparePartStep(steps),
      }));
  }

  private async names(ids: string[]): Promise<Map<string, string | null>> {
    const known = [...new Set(ids.filter((id) => id !== ''))];
    if (known.length === 0) return new Map();
    try {
      return await namesOf(this.deps.asApp(), known);
    } catch {
      return new Map();
    }
  }
}

/** Steps by part, each part's in flow order (steps may share an instant). */
export function groupParts(rows: readonly StoredSparePartStep[]): Map<number, SparePartStepRecord[]> {
  const parts = new Map<number, SparePartStepRecord[]>();
  for (const r of rows) {
    const list = parts.get(r.partNo) ?? [];
    list.push({ step: r.step, by: r.by, at: r.at.toISOString() });
    parts.set(r.partNo, list);
  }
  for (const list of parts.values())
    list.sort((a, b) => SPARE_PART_STEPS.indexOf(a.step) - SPARE_PART_STEPS.indexOf(b.step));
  return parts;
}
