/**
 * The customer tables (migrations v061–v067): customers, installed products, CSV imports staged in
 * chunks, and erasure of one customer everywhere the app holds it. src/app/ports/customers.ts.
 */
import { randomUUID } from 'node:crypto';
import type { CustomerImportState, CustomerImportStatus, CustomerList, CustomerView } from '../../contract/customers';
import type {
  CustomerRepository,
  StoredCustomer,
  StoredIssueCustomer,
  StoredOverride,
  StoredProduct,
  StoredSparePartStep,
} from '../../app/ports/customers';
import type { CustomerRow } from '../../domain/customer';
import { ensureSchema } from './migrations';
import { execute, fromSqlDateTime, query, queryOne, type SqlParam } from './sqlClient';
import { sqlLimit } from './sqlLimit';

/** Rows per upsert statement. Range 1–1,000; default 500: about 150 KB of request, well under 1 MiB. */
const UPSERT_BATCH = 500;
/** Ids per `IN (…)` list. Range 1–1,000; default 500. */
const IN_BATCH = 500;

const IMPORT_COLUMNS =
  'id, state, chunk_count, byte_count, row_count, rows_applied, customers, error_code, created_at, updated_at';

function importOf(r: Record<string, unknown>, chunksReceived: number): CustomerImportStatus {
  return {
    importId: String(r['id']),
    state: String(r['state']) as CustomerImportState,
    chunkCount: Number(r['chunk_count']),
    chunksReceived,
    byteCount: Number(r['byte_count']),
    rowCount: Number(r['row_count']),
    rowsApplied: Number(r['rows_applied']),
    customers: Number(r['customers']),
    errorCode: typeof r['error_code'] === 'string' ? r['error_code'] : null,
    createdAt: fromSqlDateTime(r['created_at']).toISOString(),
    updatedAt: fromSqlDateTime(r['updated_at']).toISOString(),
  };
}

const customerOf = (r: Record<string, unknown>): StoredCustomer => ({
  customerId: String(r['id']),
  name: String(r['name']),
  tier: String(r['tier']),
  region: String(r['region']),
  contactName: typeof r['contact_name'] === 'string' ? r['contact_name'] : null,
  contactEmail: typeof r['contact_email'] === 'string' ? r['contact_email'] : null,
});

const productOf = (r: Record<string, unknown>): StoredProduct => ({
  customerId: String(r['customer_id']),
  serial: String(r['serial']),
  product: String(r['product']),
  warrantyEnd: String(r['warranty_end']),
  compliant: Number(r['compliant']) === 1 || r['compliant'] === true,
});

function sparePartStepOf(r: Record<string, unknown>): StoredSparePartStep {
  return {
    issueId: String(r['issue_id']),
    partNo: Number(r['part_no']),
    step: String(r['step']) as StoredSparePartStep['step'],
    by: String(r['by_account_id']),
    at: fromSqlDateTime(r['at']),
  };
}

function batches<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** `%` and `_` of a LIKE pattern taken literally. */
const likeEscaped = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const sqlCustomers: CustomerRepository = {
  async createImport(accountId, chunkCount, byteCount, sha256, now) {
    await ensureSchema();
    const id = `import-${randomUUID()}`;
    const stale = await query("SELECT id FROM customer_import WHERE state = 'staging'", [], (r) => String(r['id']));
    for (const old of stale) {
      await execute("UPDATE customer_import SET state = 'abandoned', updated_at = ? WHERE id = ?", [now, old]);
      await execute('DELETE FROM customer_import_chunk WHERE import_id = ?', [old]);
    }
    await execute(
      `INSERT INTO customer_import (id, state, account_id, chunk_count, byte_count, sha256, row_count, rows_applied, customers, error_code, created_at, updated_at)
       VALUES (?, 'staging', ?, ?, ?, ?, 0, 0, 0, NULL, ?, ?)`,
      [id, accountId, chunkCount, byteCount, sha256, now, now],
    );
    return id;
  },

  async getImport(id) {
    await ensureSchema();
    const received = await this.chunksReceived(id);
    return queryOne(`SELECT ${IMPORT_COLUMNS} FROM customer_import WHERE id = ?`, [id], (r) => importOf(r, received));
  },

  async latestImport() {
    await ensureSchema();
    const id = await queryOne('SELECT id FROM customer_import ORDER BY created_at DESC, id DESC LIMIT 1', [], (r) =>
      String(r['id']),
    );
    return id === undefined ? undefined : this.getImport(id);
  },

  async declaredSha256(id) {
    return queryOne('SELECT sha256 FROM customer_import WHERE id = ?', [id], (r) => String(r['sha256']));
  },

  async importOwner(id) {
    return queryOne('SELECT account_id FROM customer_import WHERE id = ?', [id], (r) => String(r['account_id']));
  },

  async putChunk(id, index, text) {
    await execute(
      'INSERT INTO customer_import_chunk (import_id, seq, body) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE body = VALUES(body)',
      [id, index, text],
    );
  },

  async chunksReceived(id) {
    return (
      (await queryOne('SELECT COUNT(*) AS n FROM customer_import_chunk WHERE import_id = ?', [id], (r) =>
        Number(r['n']),
      )) ?? 0
    );
  },

  /** One query a chunk: a whole file could pass Forge SQL's 4 MiB answer cap. */
  async chunks(id, chunkCount) {
    const present = new Set(
      await query('SELECT seq FROM customer_import_chunk WHERE import_id = ?', [id], (r) => Number(r['seq'])),
    );
    const missing = Array.from({ length: chunkCount }, (_, i) => i).filter((i) => !present.has(i));
    if (missing.length > 0) return { text: '', missing };
    const parts: string[] = [];
    for (let i = 0; i < chunkCount; i++) {
      parts.push(
        (await queryOne('SELECT body FROM customer_import_chunk WHERE import_id = ? AND seq = ?', [id, i], (r) =>
          String(r['body']),
        )) ?? '',
      );
    }
    return { text: parts.join(''), missing: [] };
  },

  async dropChunks(id) {
    await execute('DELETE FROM customer_import_chunk WHERE import_id = ?', [id]);
  },

  async setImportState(id, to, now, extra = {}) {
    const sets = ['state = ?', 'updated_at = ?'];
    const params: SqlParam[] = [to, now];
    if (extra.rowCount !== undefined) {
      sets.push('row_count = ?');
      params.push(extra.rowCount);
    }
    if (extra.customers !== undefined) {
      sets.push('customers = ?');
      params.push(extra.customers);
    }
    if (extra.errorCode !== undefined) {
      sets.push('error_code = ?');
      params.push(extra.errorCode === null ? null : extra.errorCode.slice(0, 64));
    }
    let where = 'id = ?';
    params.push(id);
    if (extra.from !== undefined && extra.from.length > 0) {
      where += ` AND state IN (${extra.from.map(() => '?').join(', ')})`;
      params.push(...extra.from);
    }
    const res = await execute(`UPDATE customer_import SET ${sets.join(', ')} WHERE ${where}`, params);
    return res.affectedRows === 1;
  },

  async advanceImport(id, rowsApplied, now) {
    await execute(
      'UPDATE customer_import SET rows_applied = GREATEST(rows_applied, ?), error_code = NULL, updated_at = ? WHERE id = ?',
      [rowsApplied, now, id],
    );
  },

  async upsertRows(rows: readonly CustomerRow[], now: Date) {
    await ensureSchema();
    for (const batch of batches(rows, UPSERT_BATCH)) {
      const customers = new Map<string, CustomerRow>();
      for (const r of batch) customers.set(r.customerId, r);
      const cs = [...customers.values()];
      await execute(
        `INSERT INTO customer (id, name, tier, region, contact_name, contact_email, updated_at) VALUES ${cs.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE name = VALUES(name), tier = VALUES(tier), region = VALUES(region), contact_name = VALUES(contact_name), contact_email = VALUES(contact_email), updated_at = VALUES(updated_at)`,
        cs.flatMap((c) => [c.customerId, c.name, c.tier, c.region, c.contactName, c.contactEmail, now]),
      );
      await execute(
        `INSERT INTO customer_product (customer_id, serial, product, warranty_end, compliant, updated_at) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE product = VALUES(product), warranty_end = VALUES(warranty_end), compliant = VALUES(compliant), updated_at = VALUES(updated_at)`,
        batch.flatMap((r) => [r.customerId, r.serial, r.product, r.warrantyEnd, r.compliant, now]),
      );
    }
  },

  async customersByIds(ids) {
    await ensureSchema();
    const out: StoredCustomer[] = [];
    for (const b of batches(ids, IN_BATCH)) {
      out.push(
        ...(await query(
          `SELECT id, name, tier, region, contact_name, contact_email FROM customer WHERE id IN (${b.map(() => '?').join(', ')})`,
          [...b],
          customerOf,
        )),
      );
    }
    return out;
  },

  async productsOf(ids) {
    await ensureSchema();
    const out: StoredProduct[] = [];
    for (const b of batches(ids, IN_BATCH)) {
      out.push(
        ...(await query(
          `SELECT customer_id, serial, product, warranty_end, compliant FROM customer_product WHERE customer_id IN (${b.map(() => '?').join(', ')})`,
          [...b],
          productOf,
        )),
      );
    }
    return out;
  },

  async list(q, offset, limit): Promise<CustomerList> {
    await ensureSchema();
    const pattern = `%${likeEscaped(q.toLowerCase())}%`;
    const where =
      q === ''
        ? ''
        : 'WHERE LOWER(c.id) LIKE ? OR LOWER(c.name) LIKE ? OR EXISTS (SELECT 1 FROM customer_product s WHERE s.customer_id = c.id AND LOWER(s.serial) LIKE ?)';
    const params: SqlParam[] = q === '' ? [] : [pattern, pattern, pattern];
    const total = (await queryOne(`SELECT COUNT(*) AS n FROM customer c ${where}`, params, (r) => Number(r['n']))) ?? 0;
    const items = await query(
      `SELECT c.id, c.name, c.tier, c.region, (SELECT COUNT(*) FROM customer_product p WHERE p.customer_id = c.id) AS n
       FROM customer c ${where} ORDER BY c.name, c.id LIMIT ${sqlLimit(limit, 50, 200)} OFFSET ${sqlLimit(offset + 1, 1, 1_000_000) - 1}`,
      params,
      (r) => ({
        customerId: String(r['id']),
        name: String(r['name']),
        tier: String(r['tier']),
        region: String(r['region']),
        productCount: Number(r['n']),
      }),
    );
    return { items, total };
  },

  async get(customerId): Promise<CustomerView | undefined> {
    await ensureSchema();
    const c = await queryOne(
      'SELECT id, name, tier, region, contact_name, contact_email FROM customer WHERE id = ?',
      [customerId],
      customerOf,
    );
    if (c === undefined) return undefined;
    const products = await query(
      'SELECT customer_id, serial, product, warranty_end, compliant FROM customer_product WHERE customer_id = ? ORDER BY serial',
      [customerId],
      productOf,
    );
    return { ...c, products: products.map(({ customerId: _c, ...p }) => p) };
  },

  async searchProducts(q, limit) {
    await ensureSchema();
    // Case-insensitive whatever the column's collation (Forge SQL's default is binary): "sn-" finds "SN-1".
    const pattern = `%${likeEscaped(q.toLowerCase())}%`;
    return query(
      `SELECT p.customer_id, p.serial, p.product, p.warranty_end, p.compliant, c.name, c.tier, c.region
       FROM customer_product p JOIN customer c ON c.id = p.customer_id
       WHERE LOWER(p.serial) LIKE ? OR LOWER(c.name) LIKE ? OR LOWER(c.id) LIKE ?
       ORDER BY c.name, p.serial LIMIT ${sqlLimit(limit, 20, 50)}`,
      [pattern, pattern, pattern],
      (r) => ({ ...productOf(r), name: String(r['name']), tier: String(r['tier']), region: String(r['region']) }),
    );
  },

  async issueCustomer(issueId) {
    await ensureSchema();
    return queryOne(
      'SELECT issue_id, customer_id, serial, tier, region, warranty, compliant, picked_by, picked_at FROM issue_customer WHERE issue_id = ?',
      [issueId],
      (r): StoredIssueCustomer => ({
        issueId: String(r['issue_id']),
        customerId: String(r['customer_id']),
        serial: String(r['serial']),
        tier: String(r['tier']),
        region: String(r['region']),
        warranty: r['warranty'] === 'out' ? 'out' : 'in',
        compliant: Number(r['compliant']) === 1 || r['compliant'] === true,
        pickedBy: String(r['picked_by']),
        pickedAt: fromSqlDateTime(r['picked_at']),
      }),
    );
  },

  async setIssueCustomer(l) {
    await ensureSchema();
    await execute(
      `INSERT INTO issue_customer (issue_id, customer_id, serial, tier, region, warranty, compliant, picked_by, picked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE customer_id = VALUES(customer_id), serial = VALUES(serial), tier = VALUES(tier), region = VALUES(region), warranty = VALUES(warranty), compliant = VALUES(compliant), picked_by = VALUES(picked_by), picked_at = VALUES(picked_at)`,
      [l.issueId, l.customerId, l.serial, l.tier, l.region, l.warranty, l.compliant, l.pickedBy, l.pickedAt],
    );
  },

  async overrides(issueId) {
    await ensureSchema();
    return query(
      'SELECT issue_id, customer_id, field, from_value, to_value, reason, by_account_id, at FROM issue_customer_override WHERE issue_id = ? ORDER BY at, id',
      [issueId],
      (r): StoredOverride => ({
        issueId: String(r['issue_id']),
        customerId: String(r['customer_id']),
        field: String(r['field']) as StoredOverride['field'],
        from: String(r['from_value']),
        to: String(r['to_value']),
        reason: String(r['reason']),
        by: String(r['by_account_id']),
        at: fromSqlDateTime(r['at']),
      }),
    );
  },

  async addOverride(o) {
    await ensureSchema();
    await execute(
      'INSERT INTO issue_customer_override (issue_id, customer_id, field, from_value, to_value, reason, by_account_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [o.issueId, o.customerId, o.field, o.from, o.to, o.reason, o.by, o.at],
    );
    // The column is chosen from the closed list of fields, never from input text.
    const column = ({ tier: 'tier', region: 'region', warranty: 'warranty', compliant: 'compliant' } as const)[o.field];
    await execute(`UPDATE issue_customer SET ${column} = ? WHERE issue_id = ?`, [
      o.field === 'compliant' ? o.to === 'yes' : o.to,
      o.issueId,
    ]);
  },

  async sparePartSteps(issueId) {
    return this.allSparePartSteps([issueId]);
  },

  async addSparePartStep(s) {
    await ensureSchema();
    const res = await execute(
      'INSERT IGNORE INTO spare_part_step (issue_id, part_no, step, by_account_id, at) VALUES (?, ?, ?, ?, ?)',
      [s.issueId, s.partNo, s.step, s.by, s.at],
    );
    return res.affectedRows === 1;
  },

  async allSparePartSteps(issueIds) {
    await ensureSchema();
    const parse = sparePartStepOf;
    const cols = 'SELECT issue_id, part_no, step, by_account_id, at FROM spare_part_step';
    if (issueIds === undefined) return query(`${cols} ORDER BY issue_id, part_no, at`, [], parse);
    const out: StoredSparePartStep[] = [];
    for (const b of batches(issueIds, IN_BATCH))
      out.push(
        ...(await query(
          `${cols} WHERE issue_id IN (${b.map(() => '?').join(', ')}) ORDER BY issue_id, part_no, at`,
          [...b],
          parse,
        )),
      );
    return out;
  },

  async sparePartStepsInProjects(projectKeys) {
    await ensureSchema();
    const out: StoredSparePartStep[] = [];
    for (const b of batches([...new Set(projectKeys.map((k) => k.toUpperCase()))], IN_BATCH))
      out.push(
        ...(await query(
          `SELECT s.issue_id, s.part_no, s.step, s.by_account_id, s.at FROM spare_part_step s JOIN itr_issue_fact f ON f.issue_id = s.issue_id WHERE f.project_key IN (${b.map(() => '?').join(', ')}) ORDER BY s.issue_id, s.part_no, s.at`,
          [...b],
          sparePartStepOf,
        )),
      );
    return out;
  },

  async erase(customerId) {
    await ensureSchema();
    // The return visits of the customer's issues hold the customer's own words: cleared, not deleted
    // (the visit's internal record stays, without what the customer said).
    const visits = await execute(
      'UPDATE return_visit SET customer_words = NULL WHERE customer_words IS NOT NULL AND issue_id IN (SELECT issue_id FROM issue_customer WHERE customer_id = ?)',
      [customerId],
    );
    const overrides = await execute('DELETE FROM issue_customer_override WHERE customer_id = ?', [customerId]);
    const links = await execute('DELETE FROM issue_customer WHERE customer_id = ?', [customerId]);
    const products = await execute('DELETE FROM customer_product WHERE customer_id = ?', [customerId]);
    const customers = await execute('DELETE FROM customer WHERE id = ?', [customerId]);
    // A staged or refused file may hold the customer's rows: every import not being applied drops its file.
    const staged = await query(
      "SELECT DISTINCT i.id FROM customer_import i JOIN customer_import_chunk c ON c.import_id = i.id WHERE i.state NOT IN ('queued', 'applying')",
      [],
      (r) => String(r['id']),
    );
    for (const id of staged) await execute('DELETE FROM customer_import_chunk WHERE import_id = ?', [id]);
    return {
      customers: customers.affectedRows,
      products: products.affectedRows,
      issueLinks: links.affectedRows,
      overrides: overrides.affectedRows,
      returnVisitWordsCleared: visits.affectedRows,
      stagedImportsDropped: staged.length,
    };
  },
};
