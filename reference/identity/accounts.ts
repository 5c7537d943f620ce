// Account primitives: RGW 19+ IAM accounts, ids "RGW" + 17 digits, names unique per tenant.
import type { Store } from '../store/store.js';
import { GatewayError } from '../errors.js';
import { ACCOUNT_ID_RE, newAccountId } from './generate.js';
import { NO_QUOTA, T, type AccountRecord } from './model.js';

export function nameKey(tenant: string, name: string): string {
  return `${tenant}$${name.toLowerCase()}`;
}

export function getAccount(store: Store, id: string): AccountRecord | undefined {
  return store.get<AccountRecord>(T.accounts, id);
}

export function newAccount(store: Store, input: Partial<AccountRecord> & { name: string }): AccountRecord {
  let id = input.id;
  if (id !== undefined && id !== '') {
    if (id.length !== 20) throw new GatewayError('InvalidArgument', 'account id must be 20 bytes long');
    if (!ACCOUNT_ID_RE.test(id)) throw new GatewayError('InvalidArgument', 'account id must start with RGW followed by 17 digits');
    if (store.get(T.accounts, id)) throw new GatewayError('AccountAlreadyExists');
  } else {
    do id = newAccountId();
    while (store.get(T.accounts, id));
  }
  const tenant = input.tenant ?? '';
  if (store.get(T.accountNames, nameKey(tenant, input.name))) throw new GatewayError('AccountAlreadyExists');
  return {
    id,
    tenant,
    name: input.name,
    email: input.email ?? '',
    maxUsers: input.maxUsers ?? 1000,
    maxRoles: input.maxRoles ?? 1000,
    maxGroups: input.maxGroups ?? 1000,
    maxAccessKeys: input.maxAccessKeys ?? 4,
    maxBuckets: input.maxBuckets ?? 1000,
    quota: { ...NO_QUOTA },
    bucketQuota: { ...NO_QUOTA },
  };
}
