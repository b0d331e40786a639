import { nodesOf, type RedisClient } from './connection';

/**
 * Waits until the writes this connection made so far are on at least `replicas` replicas (Redis
 * `WAIT`), at most `timeoutMs`; on a cluster, on every master (each connection to a master waits for
 * its own writes). Returns the fewest replicas any master reached: fewer than asked means the timeout
 * passed first (a replica down or lagging), and the writes may still be lost if their master dies now.
 *
 * Redis replication is asynchronous: without this, a write acknowledged by a master that dies before
 * its replica received it is lost when the replica is promoted. WAIT makes that window end before the
 * caller answers; it does not make Redis strongly consistent (a replica that acked may still lose the
 * write if it is not the one promoted).
 */
export async function waitForReplicas(client: RedisClient, replicas: number, timeoutMs: number): Promise<number> {
  const masters = nodesOf(client, 'master');
  const acked = await Promise.all(masters.map(async (node) => Number(await node.call('WAIT', replicas, timeoutMs))));
  return acked.length === 0 ? 0 : Math.min(...acked);
}
