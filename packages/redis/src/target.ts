/**
 * Where Redis is: one server (`redis://`, `rediss://`) or a Redis Cluster (`redis+cluster://` or
 * `rediss+cluster://` followed by a comma-separated list of seed nodes, credentials optional:
 * `redis+cluster://:password@10.0.0.1:7000,10.0.0.2:7000`). A client needs one reachable seed to
 * discover every other node.
 */
export type RedisTarget = { kind: 'single'; url: string } | { kind: 'cluster'; nodes: ClusterNode[]; username?: string; password?: string; tls: boolean };

export interface ClusterNode {
  host: string;
  port: number;
}

export class RedisTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisTargetError';
  }
}

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#@]+)\/?$/;

/** True for a `redis+cluster://` (or `rediss+cluster://`) URL. */
export function isClusterUrl(url: string): boolean {
  return /^rediss?\+cluster:\/\//.test(url);
}

/** Parses a Redis URL; a malformed cluster URL throws RedisTargetError naming what is wrong (never the password). */
export function parseRedisTarget(url: string): RedisTarget {
  if (!isClusterUrl(url)) return { kind: 'single', url };
  const match = CLUSTER_URL.exec(url);
  if (!match) throw new RedisTargetError('a cluster URL reads redis+cluster://[user:password@]host:port[,host:port...]');
  const [, scheme, credentials, hosts] = match;
  const nodes = hosts!.split(',').map((part) => parseNode(part.trim()));
  const [username, password] = credentials ? splitCredentials(credentials) : [undefined, undefined];
  return { kind: 'cluster', nodes, tls: scheme === 'rediss', ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

function parseNode(part: string): ClusterNode {
  // host:port, or [ipv6]:port; the port defaults to 6379.
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(part);
  const port = match?.[2] ? Number(match[2]) : 6379;
  if (!match || port < 1 || port > 65_535) throw new RedisTargetError(`"${part.slice(0, 64)}" is not host:port`);
  const host = match[1]!.startsWith('[') ? match[1]!.slice(1, -1) : match[1]!;
  return { host, port };
}

function splitCredentials(credentials: string): [string | undefined, string | undefined] {
  const colon = credentials.indexOf(':');
  const decode = (value: string) => {
    try {
      return decodeURIComponent(value);
    } catch {
      throw new RedisTargetError('the cluster URL has badly escaped credentials');
    }
  };
  if (colon < 0) return [decode(credentials) || undefined, undefined];
  return [decode(credentials.slice(0, colon)) || undefined, decode(credentials.slice(colon + 1)) || undefined];
}
