// In memory unless a data directory is given.
import { MemoryStore } from './memory.js';
import type { Store } from './store.js';

export async function openStore(dataDir?: string): Promise<Store> {
  if (dataDir) throw new Error('--data-dir: the durable store is not built yet');
  return MemoryStore.open();
}
