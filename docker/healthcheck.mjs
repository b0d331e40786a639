#!/usr/bin/env node
// Container health check for the platform's images. Plain Node, no packages, so it runs in the
// slim runtime image (which has no curl) and costs one short-lived process per check.
//
// LLMOPS_APP (set by the Dockerfile from its APP build argument) picks the check:
//   api            GET http://127.0.0.1:$PORT/healthz (PORT default 3000) answers 2xx.
//   llm-simulator  GET http://127.0.0.1:$PORT/v1/models (PORT default 4010) answers 2xx.
//   worker         the worker has no HTTP port; its runtime writes a heartbeat every 5 s into the
//                  sorted set `${QUEUE_PREFIX}:workers` (packages/queue/src/keys.ts), member
//                  WORKER_ID (default `${hostname}-${pid}`), score Date.now(). Healthy means a
//                  member for this container (WORKER_ID, or any `${hostname}-*`) beat within
//                  WORKER_HEALTH_WINDOW_MS (default 30000). So a worker that is alive but has lost
//                  Redis, or whose event loop is stuck, turns unhealthy.
// Exit 0 healthy, 1 unhealthy (with the reason on stderr, which `docker inspect` shows).
/* global process, console, setTimeout, fetch, Buffer, URL -- Node globals, for eslint */
import net from 'node:net';
import { hostname } from 'node:os';
import tls from 'node:tls';

const env = process.env;
const deadline = setTimeout(() => unhealthy('no answer within 4 s'), 4000);
deadline.unref();

function unhealthy(reason) {
  console.error(`unhealthy: ${reason}`);
  process.exit(1);
}

async function httpCheck(path, defaultPort, headers = {}) {
  const url = `http://127.0.0.1:${env.PORT || defaultPort}${path}`;
  const response = await fetch(url, { headers }).catch((error) => unhealthy(`${url}: ${error.cause?.code ?? error.message}`));
  if (!response.ok) unhealthy(`${url} answered ${response.status}`);
}

/** Parses one RESP reply at `at`; returns [value, next offset] or undefined when incomplete. */
function parseReply(buf, at) {
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(buf[at]);
  const line = buf.toString('utf8', at + 1, eol);
  if (type === '+' || type === ':') return [line, eol + 2];
  if (type === '-') return [new Error(line), eol + 2];
  if (type === '$') {
    const length = Number(line);
    if (length < 0) return [null, eol + 2];
    if (buf.length < eol + 2 + length + 2) return undefined;
    return [buf.toString('utf8', eol + 2, eol + 2 + length), eol + 2 + length + 2];
  }
  if (type === '*') {
    const items = [];
    let next = eol + 2;
    for (let i = 0; i < Number(line); i++) {
      const parsed = parseReply(buf, next);
      if (!parsed) return undefined;
      items.push(parsed[0]);
      next = parsed[1];
    }
    return [items, next];
  }
  throw new Error(`unexpected reply type ${type}`);
}

/** Sends the commands pipelined on one connection and resolves with their replies. */
function redis(url, commands) {
  const encode = (args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const port = Number(url.port || 6379);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = url.protocol === 'rediss:' ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    let buf = Buffer.alloc(0);
    socket.on('error', reject);
    socket.on(url.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write(commands.map(encode).join('')));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      const replies = [];
      let at = 0;
      while (replies.length < commands.length) {
        const parsed = parseReply(buf, at);
        if (!parsed) return;
        replies.push(parsed[0]);
        at = parsed[1];
      }
      socket.end();
      resolve(replies);
    });
  });
}

async function workerCheck() {
  const url = new URL(env.REDIS_URL || 'redis://127.0.0.1:6379');
  const key = `${env.QUEUE_PREFIX || 'llmops'}:workers`;
  const windowMs = Number(env.WORKER_HEALTH_WINDOW_MS || 30_000);
  const commands = [];
  if (url.password) {
    const password = decodeURIComponent(url.password);
    commands.push(url.username ? ['AUTH', decodeURIComponent(url.username), password] : ['AUTH', password]);
  }
  const db = url.pathname.replace('/', '');
  if (db) commands.push(['SELECT', db]);
  commands.push(['ZRANGEBYSCORE', key, String(Date.now() - windowMs), '+inf']);
  const replies = await redis(url, commands).catch((error) => unhealthy(`redis ${url.host}: ${error.code ?? error.message}`));
  const failed = replies.find((reply) => reply instanceof Error);
  if (failed) unhealthy(`redis: ${failed.message}`);
  const members = replies.at(-1);
  const mine = env.WORKER_ID ? (id) => id === env.WORKER_ID : (id) => id.startsWith(`${hostname()}-`);
  if (!members.some(mine)) unhealthy(`no heartbeat from ${env.WORKER_ID || `${hostname()}-*`} in ${key} within ${windowMs} ms`);
}

const checks = {
  api: () => httpCheck('/healthz', 3000),
  'llm-simulator': () => httpCheck('/v1/models', 4010, { authorization: 'Bearer healthcheck' }),
  worker: workerCheck,
};
const check = checks[env.LLMOPS_APP];
if (!check) unhealthy(`LLMOPS_APP must be one of ${Object.keys(checks).join(', ')}, got ${env.LLMOPS_APP}`);
await check();
process.exit(0);
