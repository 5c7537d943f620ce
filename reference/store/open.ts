// In memory unless a data directory is given.
import { DurableStore } from './durable.js';
import { MemoryStore } from './memory.js';
import type { Store } from './store.js';

export async function openStore(dataDir?: string): Promise<Store> {
  return dataDir ? DurableStore.open(dataDir) : MemoryStore.open();
}
