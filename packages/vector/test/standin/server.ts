import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandinCollection } from './engine';
import { filterMatches, score, storedVector } from './engine';
import type { OpenApiValidator } from './schema';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  path: string;
  template: string;
  query: Record<string, string>;
  body: unknown;
}

/** A problem the stand-in found: an unknown route, or a body/response the schema rejects. */
export interface Violation {
  request: string;
  where: 'route' | 'body' | 'response';
  errors: string;
}

/** Qdrant stand-in: validates every request against the OpenAPI schema, records it, answers in memory. */
export class QdrantStandin {
  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly collections = new Map<string, StandinCollection>();
  /** Queued faults: the next requests answer with this status, or 'reset' drops the connection. */
  readonly faults: (number | 'reset')[] = [];
  #server: Server | undefined;
  #opId = 0;

  constructor(private readonly validator: OpenApiValidator) {}

  async start(): Promise<string> {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.violations.push({ request: `${req.method} ${req.url}`, where: 'route', errors: `stand-in crashed: ${String(error)}` });
        if (!res.headersSent) this.#send(res, 500, { status: { error: String(error) } });
      });
    });
    await new Promise<void>((r) => this.#server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((r) => (this.#server ? this.#server.close(() => r()) : r()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const label = `${method} ${url.pathname}`;
    const fault = this.faults.shift();
    if (fault === 'reset') return void req.socket.destroy();
    const route = this.validator.match(method, url.pathname);
    this.requests.push({ method, path: url.pathname, template: route?.template ?? '?', query: Object.fromEntries(url.searchParams), body });
    if (fault !== undefined) return this.#send(res, fault, { status: { error: `injected ${fault}` }, time: 0 });
    if (!route) {
      this.violations.push({ request: label, where: 'route', errors: 'no such path/method in the schema' });
      return this.#send(res, 404, { status: { error: `stand-in: unknown route ${label}` } });
    }
    if (route.validateBody && !route.validateBody(body ?? {})) {
      const errors = JSON.stringify(route.validateBody.errors?.slice(0, 3));
      this.violations.push({ request: label, where: 'body', errors });
      return this.#send(res, 400, { status: { error: `Format error in JSON body: ${errors}` }, time: 0 });
    }
    // The root answers VersionInfo without the usual {result, status, time} envelope.
    if (route.template === '/') return this.#send(res, 200, { title: 'qdrant - vector search engine (stand-in)', version: '1.19.0' });
    let answer: { status: number; result: unknown };
    try {
      answer = this.#answer(route.template, method, route.params, (body ?? {}) as Json);
    } catch (error) {
      answer = { status: 400, result: String(error) };
    }
    if (answer.status !== 200) return this.#send(res, answer.status, { status: { error: answer.result }, time: 0 });
    const envelope = { result: answer.result, status: 'ok', time: 0.0001 };
    if (route.validateResponse && !route.validateResponse(envelope)) {
      this.violations.push({ request: label, where: 'response', errors: JSON.stringify(route.validateResponse.errors?.slice(0, 3)) });
    }
    this.#send(res, 200, envelope);
  }

  #send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  #answer(template: string, method: string, params: Record<string, string>, body: Json): { status: number; result: unknown } {
    const ok = (result: unknown) => ({ status: 200, result });
    const name = params.collection_name ?? '';
    const col = this.collections.get(name);
    const notFound = { status: 404, result: `Not found: Collection \`${name}\` doesn't exist!` };
    const update = () => ok({ operation_id: ++this.#opId, status: 'completed' });
    const key = `${method} ${template}`;
    if (key === 'GET /collections') return ok({ collections: [...this.collections.keys()].map((n) => ({ name: n })) });
    if (key === 'PUT /collections/{collection_name}') {
      if (col) return { status: 409, result: `Wrong input: Collection \`${name}\` already exists!` };
      const vectors = body.vectors as { size: number; distance: StandinCollection['distance'] };
      this.collections.set(name, {
        size: vectors.size,
        distance: vectors.distance,
        metadata: (body.metadata as Json) ?? null,
        points: new Map(),
        indexes: new Map(),
      });
      return ok(true);
    }
    if (key === 'DELETE /collections/{collection_name}') return ok(this.collections.delete(name));
    if (!col) return notFound;
    const points = [...col.points.values()];
    switch (key) {
      case 'GET /collections/{collection_name}':
        return ok(this.#info(col));
      case 'PUT /collections/{collection_name}/index':
        col.indexes.set(String(body.field_name), body.field_schema);
        return update();
      case 'PUT /collections/{collection_name}/points': {
        for (const p of body.points as { id: string; vector: number[]; payload: Json }[]) {
          if (p.vector.length !== col.size)
            return { status: 400, result: `Wrong input: Vector dimension error: expected dim: ${col.size}, got ${p.vector.length}` };
          const existing = col.points.get(String(p.id));
          if (existing && body.update_filter && !filterMatches(body.update_filter as Json, existing)) continue;
          col.points.set(String(p.id), { id: p.id, vector: storedVector(col.distance, p.vector), payload: p.payload ?? {} });
        }
        return update();
      }
      case 'POST /collections/{collection_name}/points/delete': {
        const ids = body.points as string[] | undefined;
        for (const p of points) if (ids ? ids.includes(String(p.id)) : filterMatches(body.filter as Json, p)) col.points.delete(String(p.id));
        return update();
      }
      case 'POST /collections/{collection_name}/points/count':
        return ok({ count: points.filter((p) => filterMatches(body.filter as Json, p)).length });
      case 'POST /collections/{collection_name}/points/scroll': {
        const sorted = points.filter((p) => filterMatches(body.filter as Json, p)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
        const from = body.offset == null ? 0 : sorted.findIndex((p) => String(p.id) >= String(body.offset));
        const limit = Number(body.limit ?? 10);
        const page = sorted.slice(Math.max(0, from), Math.max(0, from) + limit);
        const nextPoint = sorted[Math.max(0, from) + limit];
        return ok({
          points: page.map((p) => ({ id: p.id, payload: body.with_payload === false ? null : p.payload })),
          next_page_offset: nextPoint?.id ?? null,
        });
      }
      case 'POST /collections/{collection_name}/points/query': {
        const query = body.query as number[];
        if (query.length !== col.size) return { status: 400, result: `Wrong input: Vector dimension error: expected dim: ${col.size}, got ${query.length}` };
        const sign = col.distance === 'Euclid' ? 1 : -1;
        const scored = points
          .filter((p) => filterMatches(body.filter as Json, p))
          .map((p) => ({ id: p.id, version: 1, score: score(col.distance, p.vector, query), payload: body.with_payload ? p.payload : null }))
          .sort((a, b) => sign * (a.score - b.score))
          .slice(0, Number(body.limit ?? 10));
        return ok({ points: scored });
      }
      default:
        return { status: 501, result: `stand-in: ${key} not implemented` };
    }
  }

  #info(col: StandinCollection): Json {
    return {
      status: 'green',
      optimizer_status: 'ok',
      segments_count: 1,
      points_count: col.points.size,
      indexed_vectors_count: 0,
      payload_schema: Object.fromEntries([...col.indexes].map(([k]) => [k, { data_type: 'keyword', points: col.points.size }])),
      config: {
        params: {
          vectors: { size: col.size, distance: col.distance },
          shard_number: 1,
          replication_factor: 1,
          write_consistency_factor: 1,
          on_disk_payload: true,
        },
        hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000, max_indexing_threads: 0, on_disk: false },
        optimizer_config: {
          deleted_threshold: 0.2,
          vacuum_min_vector_number: 1000,
          default_segment_number: 0,
          max_segment_size: null,
          memmap_threshold: null,
          indexing_threshold: 10000,
          flush_interval_sec: 5,
          max_optimization_threads: null,
        },
        wal_config: { wal_capacity_mb: 32, wal_segments_ahead: 0 },
        quantization_config: null,
        metadata: col.metadata,
      },
    };
  }
}
