import { describe, expect, it } from 'vitest';
import { Cluster } from 'ioredis';
import { connectRedis, parseSentinels, redisDb, redisOptions, redisTargetOf } from './redis.ts';

describe('redis targets', () => {
  it('reads REDIS_URL whole: host, port, database, user and password', () => {
    expect(redisOptions('redis://u:p%40ss@cache:6390/4')).toEqual({ host: 'cache', port: 6390, username: 'u', password: 'p@ss', db: 4 });
  });

  it('with sentinels, asks them for the master and keeps only the database and password of REDIS_URL', () => {
    const t = redisTargetOf('redis://:geheim@ignored:1/2', { list: 's1:26379, s2:26380,s3', name: 'vt', password: 'sp' })!;
    expect(t.sentinels).toEqual([{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }, { host: 's3', port: 26379 }]);
    const o = redisOptions(t, { maxRetriesPerRequest: null });
    expect(o).toMatchObject({ sentinels: t.sentinels, name: 'vt', sentinelPassword: 'sp', role: 'master', password: 'geheim', db: 2, maxRetriesPerRequest: null });
    expect(o.host).toBeUndefined();
    // A write refused by a master that came back as a replica makes the connection look for the master again.
    expect((o.reconnectOnError as (e: Error) => unknown)(new Error('READONLY You can\'t write against a read only replica.'))).toBe(2);
    expect((o.reconnectOnError as (e: Error) => unknown)(new Error('ERR other'))).toBe(false);
  });

  it('with cluster nodes, connects a Cluster client that carries the password to every node', async () => {
    const t = redisTargetOf('redis://:geheim@ignored/0', undefined, 'n1:7000,n2')!;
    expect(t.clusterNodes).toEqual([{ host: 'n1', port: 7000 }, { host: 'n2', port: 6379 }]);
    const c = connectRedis(t, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    expect(c).toBeInstanceOf(Cluster);
    expect((c as Cluster).options).toMatchObject({ lazyConnect: true, enableOfflineQueue: false, redisOptions: { password: 'geheim', maxRetriesPerRequest: 1 } });
    expect(redisDb(c)).toBe(0);
    c.disconnect();
  });

  it('is nothing when neither REDIS_URL nor REDIS_SENTINELS is set (npm start then runs its own)', () => {
    expect(redisTargetOf(undefined)).toBeUndefined();
    expect(parseSentinels('[::1]:26379,[::2]')).toEqual([{ host: '::1', port: 26379 }, { host: '::2', port: 26379 }]);
  });
});
