import { CustomerAdmin, CustomerImport } from '../app/customers';
import type { CustomerFunctions } from '../contract/customers';
import type { Implementing } from './envelope';
import { callerOf, fieldsOf } from './payload';

/**
 * The admin page's Customers subpage (src/app/customers, Jira admins only): the chunked CSV import,
 * the list and erasure. Parsing beyond the payload's shape is the use case's (it refuses per field).
 */
export function customerFunctions(
  importer: CustomerImport = new CustomerImport(),
  admin: CustomerAdmin = new CustomerAdmin(),
): Implementing<CustomerFunctions> {
  return {
    startCustomerImport: (payload, context) => {
      const p = fieldsOf(payload);
      return importer.start(callerOf(context), {
        chunkCount: p['chunkCount'],
        byteCount: p['byteCount'],
        sha256: p['sha256'],
      });
    },
    uploadCustomerImportChunk: (payload, context) => {
      const p = fieldsOf(payload);
      return importer.uploadChunk(callerOf(context), { importId: p['importId'], index: p['index'], text: p['text'] });
    },
    previewCustomerImport: (payload, context) =>
      importer.preview(callerOf(context), { importId: fieldsOf(payload)['importId'] }),
    commitCustomerImport: (payload, context) => {
      const p = fieldsOf(payload);
      return importer.commit(callerOf(context), { importId: p['importId'], confirm: p['confirm'] });
    },
    getCustomerImportStatus: (payload, context) =>
      importer.status(callerOf(context), { importId: fieldsOf(payload)['importId'] }),
    listCustomers: (payload, context) => {
      const p = fieldsOf(payload);
      return admin.list(callerOf(context), { query: p['query'], offset: p['offset'] });
    },
    getCustomer: (payload, context) => admin.get(callerOf(context), { customerId: fieldsOf(payload)['customerId'] }),
    eraseCustomer: (payload, context) => {
      const p = fieldsOf(payload);
      return admin.erase(callerOf(context), { customerId: p['customerId'], confirm: p['confirm'] });
    },
  };
}
