// A Redis database number of the test's own, emptied, for the real processes a test starts (they take REDIS_URL whole,
// so their keys and queues cannot meet an earlier run's).
import { Redis } from 'ioredis';
import { TEST_REDIS_URL } from './env.ts';

export async function emptyRedisDb(db: number): Promise<string> {
  const url = `${TEST_REDIS_URL.replace(/\/\d*$/, '')}/${db}`;
  const r = new Redis(url);
  try {
    await r.flushdb();
  } finally {
    r.disconnect();
  }
  return url;
}
