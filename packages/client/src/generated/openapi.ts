// Generated from the API's /openapi.json by openapi-typescript: do not edit.
// Regenerate: `pnpm vitest run apps/api/test/openapi-client.test.ts -u` (or `pnpm --filter @llmops/client generate <url>`).
export interface paths {
    "/admin/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bull Board: every queue and job, read-only unless BULL_BOARD_WRITES (a web page) */
        get: operations["getBullBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: queues, job durations, HTTP latency, cache, limits, usage; needs METRICS_TOKEN when it is set */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's batches, newest first */
        get: operations["openaiListBatches"];
        put?: never;
        /** Create a batch from an uploaded file: its lines become inference jobs in batch mode (cache, then the provider's Batch API) */
        post: operations["openaiCreateBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/batches/{batch_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch with its status, request counts and output files */
        get: operations["openaiRetrieveBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/batches/{batch_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a batch: waiting lines are dropped, running ones stopped; finished lines keep their output */
        post: operations["openaiCancelBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/chat/completions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible chat completion (stream: true for server-sent chunks), run as a one-item inference job */
        post: operations["openaiCreateChatCompletion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/embeddings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OpenAI-compatible embeddings of pseudonymized inputs (synchronous) */
        post: operations["openaiCreateEmbeddings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's uploaded files */
        get: operations["openaiListFiles"];
        put?: never;
        /** Upload a JSONL batch input file (multipart: file, purpose=batch); pseudonymized, counted against the storage limit */
        post: operations["openaiUploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file: an upload, or a batch output or error file */
        get: operations["openaiRetrieveFile"];
        put?: never;
        post?: never;
        /** Delete an uploaded file (its bytes leave the storage limit) */
        delete: operations["openaiDeleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/files/{file_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's content with the owner's data restored (batch outputs: OpenAI's JSONL lines with custom_id) */
        get: operations["openaiDownloadFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The models requests may name (the registry and MODEL_OVERRIDES) */
        get: operations["openaiListModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openai/v1/models/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model */
        get: operations["openaiRetrieveModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document (OpenAPI 3.1) */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Redis reachable and a worker seen recently */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/advice/rag-vs-fine-tune": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Monthly and first-year cost of RAG vs a fine-tuned model for a collection and the caller's traffic, with the break-even traffic and every input shown */
        post: operations["adviseRagOrFineTune"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cache/calibrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hit and wrong-hit rates of the semantic cache per similarity threshold on labelled prompt pairs, and the recommended threshold */
        post: operations["submitCacheCalibration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cache/calibrations/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hit and wrong-hit rates of the semantic cache per similarity threshold on labelled prompt pairs, and the recommended threshold -- up to 1,000 at once ({"jobs": [...]}); all validated before any is enqueued */
        post: operations["submitCacheCalibrationBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cache/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report the hit served to an item as wrong: the entry is removed, never answers that prompt again, and counts as a wrong hit */
        post: operations["reportCacheFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cache/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's similarity threshold for the cache's embedding (own or default, and from which calibration) and gray-band verification */
        get: operations["getCacheSettings"];
        put?: never;
        /** Set the threshold, or apply a calibration's recommendation in one call ({"fromCalibration": "<job id>"}), and gray-band verification */
        post: operations["setCacheSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cache/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's cache hit rate, similarity, wrong hits and dollars saved */
        get: operations["getCacheStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cache/warm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer queries ahead of traffic and store them in the semantic cache (a job) */
        post: operations["submitCacheWarm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cache/warming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's warming settings */
        get: operations["getCacheWarming"];
        put?: never;
        /** Scheduled warming of the most frequent recent misses: {enabled, every (ms), topN}; off by default */
        post: operations["setCacheWarming"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's collections: model, dimensions, chunk counts */
        get: operations["listCollections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One collection: model, dimensions, chunk count */
        get: operations["getCollection"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{name}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest documents (JSON {documents, model?} or NDJSON, one document per line): chunk, pseudonymize, embed changed chunks, upsert; a job */
        post: operations["ingestDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{name}/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete every chunk of a document (synchronous); announced on the docs:changed stream */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/collections/{name}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Nearest chunks to a query text (topK, metadata filter), with scores, offsets, metadata and the text restored for its owner */
        post: operations["searchCollection"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/evaluations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grade outputs (given or generated, N samples per case) with deterministic graders, embeddings and LLM judges; report against a baseline */
        post: operations["submitEvaluation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/evaluations/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-sample outputs and grades with the owner's personal data restored, paginated with a cursor */
        get: operations["listEvaluationResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/evaluations/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grade outputs (given or generated, N samples per case) with deterministic graders, embeddings and LLM judges; report against a baseline -- up to 1,000 at once ({"jobs": [...]}); all validated before any is enqueued */
        post: operations["submitEvaluationBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fine-tunes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fine-tune a model on a chat JSONL dataset or a collection export: every example checked by line, training cost estimated before any spend (`dryRun` answers only that), then upload, provider job, registration for the tenant and an optional held-out evaluation */
        post: operations["submitFineTune"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/fine-tunes/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's fine-tuned models, usable wherever a chat model is */
        get: operations["listTunedModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Batched chat completions with PII pseudonymization, semantic cache and optional RAG */
        post: operations["submitInference"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inference/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Item results with the owner's personal data restored, paginated with a cursor */
        get: operations["listInferenceResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the caller's jobs, newest first */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State, progress, attempts, timestamps, error and result summary of a job */
        get: operations["getJob"];
        put?: never;
        post?: never;
        /** Cancel: a waiting job is removed, an active one is told to stop */
        delete: operations["cancelJob"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-sent events: state, progress in order, then completion */
        get: operations["streamJobEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Item results of a job, paginated with a cursor */
        get: operations["listJobResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's limits: request rate, jobs at once, stored bytes, work caps and budgets, each with what is used and what remains */
        get: operations["getLimits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a prompt chain (inline `definition`, or a saved `pipeline` name and version) over inputs; a job, resumed step by step after a crash */
        post: operations["submitPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each input's output and step records (cache, usage, cost, the run that did it) with the owner's personal data restored, paginated with a cursor */
        get: operations["listPipelineResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's saved pipelines with their latest version */
        get: operations["listPipelineDefinitions"];
        put?: never;
        /** Save a pipeline definition (checked like a run) as the next version of its name */
        post: operations["savePipelineDefinition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pipelines/definitions/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A saved pipeline version (`?version=`, default the latest) with the owner's data restored */
        get: operations["getPipelineDefinition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's usage ledger: requests, tokens in/out and dollars by day (UTC), model and job type; default the last 30 days */
        get: operations["getUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Jobs waiting or running, or bytes of waiting work: what there is now, what the request adds, and the cap. */
        AdmissionRefusal: {
            cap: number;
            current: number;
            /** @enum {string} */
            limit: "concurrency.maxJobs" | "storage.maxWaitingBytes";
            requested: number;
        };
        /**
         * @example {
         *       "error": {
         *         "code": "budget_exceeded",
         *         "message": "budget.day.usd: the estimate $0.412 does not fit; budget $1, spent $0.7, held by running work $0.1, left $0.2",
         *         "details": {
         *           "estimate": "0.412",
         *           "limit": "budget.day.usd",
         *           "period": "day",
         *           "unit": "usd",
         *           "cap": "1",
         *           "spent": "0.7",
         *           "reserved": "0.1",
         *           "remaining": "0.2",
         *           "requested": "0.412"
         *         },
         *         "requestId": "req-3f9c"
         *       }
         *     }
         */
        BudgetExceededError: {
            error: {
                /** @constant */
                code: "budget_exceeded";
                details?: components["schemas"]["BudgetRefusal"];
                message: string;
                requestId: string;
            };
        };
        /** @description Which budget refused and its numbers: the cap, what is spent, held by running work, left, and what this request asked for. */
        BudgetRefusal: {
            cap: string | number;
            estimate: string | number;
            limit: string;
            model?: string;
            /** @enum {string} */
            period: "day" | "month" | "job";
            remaining: string | number;
            requested: string | number;
            reserved: string | number;
            spent: string | number;
            /** @enum {string} */
            unit: "usd" | "tokens";
        };
        /** @description One budget: its cap, what is spent, held by running work and left, and when the period ends (UTC). */
        BudgetStatus: {
            cap: string | number;
            limit: string;
            model?: string;
            /** @enum {string} */
            period: "day" | "month";
            remaining: string | number;
            reserved: string | number;
            resetsAt: string;
            spent: string | number;
            /** @enum {string} */
            unit: "usd" | "tokens";
        };
        /** @description One job per body of a bulk request, in order. */
        BulkAccepted: {
            jobs: {
                id: string;
                status: string;
            }[];
            replayed: boolean;
        };
        /** @description The wrong hit was counted (once per item) and the entry behind it removed. */
        CacheFeedbackOutcome: {
            entryRemoved?: boolean;
            itemId: string;
            jobId: string;
            kind: string;
            similarity: number;
            /** @enum {string} */
            status: "reported" | "already-reported";
        };
        /** @description The similarity threshold the caller's lookups use for the cache's embedding, where it comes from, and gray-band verification. */
        CacheSettings: {
            calibration?: string;
            defaultThreshold: number;
            embedding: {
                dimensions: number;
                id: string;
                model: string;
            };
            tenant: string;
            threshold: number;
            /** @enum {string} */
            thresholdSource: "tenant" | "default";
            verification: {
                band: number;
                minScore: number;
                /** @enum {string} */
                mode: "off" | "below" | "around";
                model: string;
            };
        };
        /** @description The caller's semantic cache counters: lookups, hits by kind, hit rate, mean similarity of semantic hits, wrong hits where reported, tokens and dollars saved, entries invalidated. */
        CacheStats: {
            bySimilarity?: {
                served: number;
                similarity: number;
                wrong: number;
            }[];
            embedding?: string;
            entriesInvalidated: number;
            exactHits: number;
            hitRate: number;
            lookups: number;
            meanSimilarity: number;
            misses: number;
            savedInputTokens: number;
            savedOutputTokens: number;
            savedUsd: string;
            semanticHits: number;
            tenant: string;
            wrongHitRate: number;
            wrongHits: number;
        } & {
            [key: string]: unknown;
        };
        /** @description `cancelled`: the job had not started and was removed (200); `cancelling`: the worker running it was told to stop (202). */
        CancelOutcome: {
            id: string;
            message?: string;
            /** @enum {string} */
            state: "cancelled" | "cancelling";
        };
        /** @description One of the caller's collections: its embedding model (fixed at creation), dimensions, distance and stored chunks. */
        Collection: {
            chunks: number;
            dimensions: number;
            distance: string;
            model: string;
            name: string;
        };
        CollectionList: {
            collections: components["schemas"]["Collection"][];
        };
        DocumentDeleted: {
            collection: string;
            deletedChunks: number;
            documentId: string;
        };
        /**
         * @description Every error: `{error: {code, message, details?, requestId}}`. Codes include invalid_request, malformed_json, unauthorized, not_found, method_not_allowed, conflict codes (job_finished, collection_mismatch, idempotency_in_progress), idempotency_key_reused, body_too_large, unsupported_media_type, budget_exceeded, work_too_large, rate_limited, limit_exceeded, unavailable, provider_busy, internal_error. A 5xx never carries a stack or internal message.
         * @example {
         *       "error": {
         *         "code": "invalid_request",
         *         "message": "body.items.0.id: letters, digits and _ . : - (max 200)",
         *         "details": {
         *           "issues": [
         *             {
         *               "path": "body.items.0.id",
         *               "message": "letters, digits and _ . : - (max 200)"
         *             }
         *           ]
         *         },
         *         "requestId": "req-3f9c"
         *       }
         *     }
         */
        Error: {
            error: {
                code: string;
                details?: {
                    [key: string]: unknown;
                };
                message: string;
                requestId: string;
            };
        };
        /** @description The fine-tune job was accepted, with the checked dataset and the training estimate. */
        FineTuneAccepted: {
            baseModel: string;
            estimate: {
                epochs: number;
                trainingPerMTok: string;
                usd: string;
            };
            examples: number;
            heldOutExamples: number;
            id: string;
            replayed: boolean;
            status: string;
            tokens: {
                dataset: number;
                largestExample: number;
                training: number;
            };
            trainingContextTokens: number;
            trainingExamples: number;
            type: string;
        };
        /** @description A dry run: the checked dataset, its tokens and the training estimate; nothing was spent or enqueued. */
        FineTuneEstimate: {
            baseModel: string;
            /** @constant */
            dryRun: true;
            estimate: {
                epochs: number;
                trainingPerMTok: string;
                usd: string;
            };
            examples: number;
            heldOutExamples: number;
            tokens: {
                dataset: number;
                largestExample: number;
                training: number;
            };
            trainingContextTokens: number;
            trainingExamples: number;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        /** @description An inference (or warming) job was accepted; `results` pages its answers with the caller's data restored. */
        InferenceAccepted: {
            id: string;
            replayed: boolean;
            results: string;
            status: string;
            type: string;
        };
        /**
         * @description One item's answer with the caller's personal data restored, how the cache served it, its tokens and dollars (integer nano-dollars as strings), and the RAG passages it used.
         * @example {
         *       "id": "q1",
         *       "index": 0,
         *       "status": "answered",
         *       "answer": "You accrue 2 days of leave per month. I will reply to jane@acme.example.",
         *       "cache": {
         *         "outcome": "miss"
         *       },
         *       "usage": {
         *         "inputTokens": 96,
         *         "outputTokens": 21
         *       },
         *       "costNanoUsd": "27000",
         *       "savedNanoUsd": "0",
         *       "savedTokens": 0,
         *       "documents": [
         *         {
         *           "collection": "handbook",
         *           "documentId": "leave-policy",
         *           "chunkId": "5b2f0c1e-7a8d-5e44-9b1e-0c2d3f4a5b6c",
         *           "score": 0.81
         *         }
         *       ]
         *     }
         */
        InferenceResultItem: {
            answer?: string;
            cache: {
                /** @enum {string} */
                kind?: "exact" | "semantic" | "coalesced";
                /** @enum {string} */
                outcome: "hit" | "miss" | "off";
                similarity?: number;
                source?: string;
            };
            costNanoUsd: string;
            documents: {
                chunkId: string;
                collection: string;
                documentId: string;
                score: number;
            }[];
            error?: string;
            id: string;
            index: number;
            savedNanoUsd: string;
            savedTokens: number;
            /** @enum {string} */
            status: "answered" | "failed";
            usage: {
                inputTokens: number;
                outputTokens: number;
            };
        };
        /** @description Answers in item order; pass nextCursor as ?cursor for the next page (null on the last). */
        InferenceResultPage: {
            items: components["schemas"]["InferenceResultItem"][];
            nextCursor: string | null;
        };
        /** @description An ingestion job was accepted for this many documents into the collection (embedded with its model). */
        IngestAccepted: {
            collection: string;
            documents: number;
            id: string;
            model: string;
            replayed: boolean;
            status: string;
            type: string;
        };
        /**
         * @description A job as its owner sees it: state, progress, attempts, timestamps, error and (once completed) its summary result.
         * @example {
         *       "id": "inference-6f1c0d0e-2b7a-4a8e-9a57-3f1f8e0c6b11",
         *       "type": "inference",
         *       "state": "active",
         *       "progress": {
         *         "items": {
         *           "done": 250,
         *           "total": 1000
         *         }
         *       },
         *       "attempts": {
         *         "made": 1,
         *         "max": 5
         *       },
         *       "createdAt": "2026-11-28T09:00:00.000Z",
         *       "startedAt": "2026-11-28T09:00:01.120Z",
         *       "finishedAt": null,
         *       "error": null,
         *       "result": null
         *     }
         */
        Job: {
            attempts: {
                made: number;
                max: number;
            };
            createdAt: string;
            error: {
                code?: string;
                message: string;
            } | null;
            finishedAt: string | null;
            id: string;
            progress: unknown;
            result: components["schemas"]["JobResult"];
            startedAt: string | null;
            /** @enum {string} */
            state: "waiting" | "delayed" | "active" | "completed" | "failed" | "cancelled";
            type: string;
        };
        /**
         * @description The job was accepted: its id and where to poll it.
         * @example {
         *       "id": "evaluation-0b6c2a8e-51d4-4a52-8f0a-6a3d9e7c1f20",
         *       "type": "evaluation",
         *       "status": "/v1/jobs/evaluation-0b6c2a8e-51d4-4a52-8f0a-6a3d9e7c1f20",
         *       "replayed": false
         *     }
         */
        JobAccepted: {
            id: string;
            replayed: boolean;
            status: string;
            type: string;
        };
        /**
         * @description A job and where its item results are (absent for a job cancelled before it started).
         * @example {
         *       "id": "inference-6f1c0d0e-2b7a-4a8e-9a57-3f1f8e0c6b11",
         *       "type": "inference",
         *       "state": "active",
         *       "progress": {
         *         "items": {
         *           "done": 250,
         *           "total": 1000
         *         }
         *       },
         *       "attempts": {
         *         "made": 1,
         *         "max": 5
         *       },
         *       "createdAt": "2026-11-28T09:00:00.000Z",
         *       "startedAt": "2026-11-28T09:00:01.120Z",
         *       "finishedAt": null,
         *       "error": null,
         *       "result": null,
         *       "results": {
         *         "count": 250,
         *         "href": "/v1/jobs/inference-6f1c0d0e-2b7a-4a8e-9a57-3f1f8e0c6b11/results"
         *       }
         *     }
         */
        JobDetail: {
            attempts: {
                made: number;
                max: number;
            };
            createdAt: string;
            error: {
                code?: string;
                message: string;
            } | null;
            finishedAt: string | null;
            id: string;
            progress: unknown;
            result: components["schemas"]["JobResult"];
            results?: {
                count: number;
                href: string;
            };
            startedAt: string | null;
            /** @enum {string} */
            state: "waiting" | "delayed" | "active" | "completed" | "failed" | "cancelled";
            type: string;
        };
        /** @description A page of the caller's jobs, newest first; pass nextCursor as ?cursor for the next page (null on the last). */
        JobList: {
            jobs: components["schemas"]["Job"][];
            nextCursor: string | null;
        };
        /** @description The job's summary once completed (null before, and when it failed or was cancelled); its shape depends on `type`. Item results are paged at /v1/jobs/{id}/results. */
        JobResult: {
            batches: number;
            chunks: {
                deleted: number;
                new: number;
                unchanged: number;
            };
            collection: string;
            costUsd: string;
            documents: {
                new: number;
                total: number;
                unchanged: number;
                updated: number;
            };
            model: string;
            providerRequests: number;
            tokens: number;
            wasted?: {
                costUsd: string;
                inputTokens: number;
                outputTokens: number;
                requests: number;
                unknownOutcome: number;
            };
        } | {
            answered: number;
            cacheHits: number;
            costUsd: string;
            failed: number;
            inputTokens: number;
            items: number;
            outputTokens: number;
            providerCalls: number;
            savedTokens: number;
            savedUsd: string;
            wasted?: {
                costUsd: string;
                inputTokens: number;
                outputTokens: number;
                requests: number;
                unknownOutcome: number;
            };
        } | {
            warmed: number;
        } | {
            cases: number;
            comparison?: {
                baseline: string;
                improvements: number;
                metrics: {
                    baseline: number;
                    current: number;
                    difference: number;
                    grader: string;
                    lower: number;
                    /** @enum {string} */
                    metric: "mean" | "passRate";
                    pairs: number;
                    upper: number;
                    /** @enum {string} */
                    verdict: "regression" | "improvement" | "no-change";
                }[];
                regressions: number;
            };
            cost: {
                usd: string;
            };
            graders: {
                [key: string]: {
                    errors: number;
                    graded: number;
                    judgeAgreement?: number | null;
                    malformed: number;
                    mean: number;
                    passAtK: {
                        [key: string]: number;
                    };
                    passRate: number;
                    stdDev: number;
                    type: string;
                };
            };
            judge: {
                batchLines: number;
                gradesRequested: number;
                malformedRetries: number;
                requests: number;
            };
            perCase: {
                graders: {
                    [key: string]: {
                        graded: number;
                        mean: number;
                        passAtK: number;
                        passRate: number;
                        stdDev: number;
                    };
                };
                id: string;
            }[];
            samples: number;
            wasted?: {
                costUsd: string;
                inputTokens: number;
                outputTokens: number;
                requests: number;
                unknownOutcome: number;
            };
        } | {
            cost: {
                usd: string;
            };
            embedding?: {
                dimensions: number;
                model: string;
            };
            model: string;
            pairs: {
                different: number;
                feedback?: number;
                same: number;
            };
            recommendation: {
                falseMatchRate: number;
                hitRate: number;
                hits: number;
                threshold: number;
                wrongHitRate: number;
                wrongHits: number;
            } | null;
            table: {
                falseMatchRate: number;
                hitRate: number;
                hits: number;
                threshold: number;
                wrongHitRate: number;
                wrongHits: number;
            }[];
            targetWrongHitRate: number;
        } | {
            cacheHits: number;
            completed: number;
            costUsd: string;
            failed: number;
            inputs: number;
            inputTokens: number;
            outputTokens: number;
            providerCalls: number;
        } | {
            baseModel: string;
            costUsd: string;
            epochs: number;
            estimatedUsd: string;
            evaluation?: {
                base?: string;
                skipped?: string;
                tuned?: string;
            };
            events: {
                at: string;
                level: string;
                message: string;
            }[];
            examples: number;
            model: string;
            providerJobId: string;
            trainedTokens: number;
        } | null;
        /**
         * @description Every limit of the caller (TENANT_LIMITS) with its value, what is used and what remains.
         * @example {
         *       "tenant": "demo",
         *       "rate": {
         *         "perSecond": 100,
         *         "burst": 500,
         *         "remaining": 498
         *       },
         *       "concurrency": {
         *         "maxJobs": 10000,
         *         "used": 2,
         *         "remaining": 9998
         *       },
         *       "storage": {
         *         "maxWaitingBytes": 268435456,
         *         "used": 5120,
         *         "remaining": 268430336
         *       },
         *       "work": {
         *         "maxItemsPerJob": 10000,
         *         "maxCallsPerJob": 50000,
         *         "maxDocumentsPerRequest": 100000,
         *         "maxChunksPerRequest": 1000000
         *       },
         *       "budgets": [
         *         {
         *           "limit": "budget.day.usd",
         *           "period": "day",
         *           "unit": "usd",
         *           "cap": "5",
         *           "spent": "0.412",
         *           "reserved": "0.05",
         *           "remaining": "4.538",
         *           "resetsAt": "2026-11-29T00:00:00.000Z"
         *         }
         *       ]
         *     }
         */
        Limits: {
            budgets: components["schemas"]["BudgetStatus"][];
            concurrency: {
                maxJobs: number;
                remaining: number;
                used: number;
            };
            rate: {
                burst: number;
                perSecond: number;
                remaining: number;
            };
            storage: {
                maxWaitingBytes: number;
                remaining: number;
                used: number;
            };
            tenant: string;
            work: {
                maxCallsPerJob: number;
                maxChunksPerRequest: number;
                maxDocumentsPerRequest: number;
                maxItemsPerJob: number;
            };
        };
        /** @description OpenAI's Batch object. Its lines run as inference jobs in batch mode; output and error files appear once every job has ended (failed counts lines that failed or never ran). */
        OpenAIBatch: {
            cancelled_at: number | null;
            cancelling_at: number | null;
            completed_at: number | null;
            completion_window: string;
            created_at: number;
            endpoint: string;
            error_file_id: string | null;
            errors: {
                data: {
                    code: string;
                    line: null;
                    message: string;
                    param: null;
                }[];
                /** @constant */
                object: "list";
            } | null;
            expired_at: number | null;
            expires_at: number | null;
            failed_at: number | null;
            finalizing_at: number | null;
            id: string;
            in_progress_at: number | null;
            input_file_id: string;
            metadata: {
                [key: string]: string;
            } | null;
            model?: string;
            /** @constant */
            object: "batch";
            output_file_id: string | null;
            request_counts: {
                completed: number;
                failed: number;
                total: number;
            };
            /** @enum {string} */
            status: "in_progress" | "cancelling" | "cancelled" | "completed" | "expired" | "failed";
        };
        /** @description The caller's batches, newest first. */
        OpenAIBatchList: {
            data: components["schemas"]["OpenAIBatch"][];
            first_id: string | null;
            has_more: boolean;
            last_id: string | null;
            /** @constant */
            object: "list";
        };
        /** @description OpenAI's chat.completion with the caller's personal data restored. Usage is 0 on a cache hit (nothing was generated or billed; header x-llmops-cache says hit). With `stream: true` the same answer comes as `chat.completion.chunk` server-sent events, then `data: [DONE]`. */
        OpenAIChatCompletion: {
            choices: {
                /** @constant */
                finish_reason: "stop";
                index: number;
                logprobs: null;
                message: {
                    content: string;
                    refusal: null;
                    /** @constant */
                    role: "assistant";
                };
            }[];
            created: number;
            id: string;
            model: string;
            /** @constant */
            object: "chat.completion";
            system_fingerprint: null;
            usage: {
                completion_tokens: number;
                prompt_tokens: number;
                total_tokens: number;
            };
        };
        /** @description Vectors of the pseudonymized inputs, in input order: numbers, or base64 little-endian float32 with `encoding_format: "base64"`. */
        OpenAIEmbeddingList: {
            data: {
                embedding: number[] | string;
                index: number;
                /** @constant */
                object: "embedding";
            }[];
            model: string;
            /** @constant */
            object: "list";
            usage: {
                prompt_tokens: number;
                total_tokens: number;
            };
        };
        /** @description OpenAI's error shape: `{error: {message, type, param, code}}`. */
        OpenAIError: {
            error: {
                code: string | null;
                message: string;
                param: string | null;
                type: string;
            };
        };
        /** @description An uploaded batch input (purpose batch), or a batch output or error file (purpose batch_output). */
        OpenAIFile: {
            bytes: number;
            created_at: number;
            expires_at: number | null;
            filename: string;
            id: string;
            /** @constant */
            object: "file";
            /** @enum {string} */
            purpose: "batch" | "batch_output";
            /** @constant */
            status: "processed";
            status_details: null;
        };
        OpenAIFileDeleted: {
            /** @constant */
            deleted: true;
            id: string;
            /** @constant */
            object: "file";
        };
        /** @description The caller's uploaded files. */
        OpenAIFileList: {
            data: components["schemas"]["OpenAIFile"][];
            first_id: string | null;
            has_more: boolean;
            last_id: string | null;
            /** @constant */
            object: "list";
        };
        /** @description A model requests may name: in the registry or MODEL_OVERRIDES. */
        OpenAIModel: {
            created: number;
            id: string;
            /** @constant */
            object: "model";
            owned_by: string;
        };
        OpenAIModelList: {
            data: components["schemas"]["OpenAIModel"][];
            /** @constant */
            object: "list";
        };
        /** @description A pipeline run was accepted; `results` pages each input's output with the caller's data restored; `pipeline` names the saved version it runs. */
        PipelineAccepted: {
            id: string;
            pipeline?: {
                name: string;
                version: number;
            };
            replayed: boolean;
            results: string;
            status: string;
            type: string;
        };
        /** @description The caller's saved pipelines and their latest versions. */
        PipelineDefinitionList: {
            definitions: {
                latest: number;
                name: string;
            }[];
        };
        /** @description The name and the version this definition was saved as. */
        PipelineDefinitionSaved: {
            createdAt: string;
            name: string;
            version: number;
        };
        /** @description A saved pipeline version with the owner's personal data restored. */
        PipelineDefinitionView: {
            createdAt: string;
            definition: {
                inputs: string[];
                output: {
                    [key: string]: string;
                };
                steps: ({
                    collection: string;
                    id: string;
                    maxContextTokens?: number;
                    query: string;
                    topK?: number;
                    /** @constant */
                    type: "retrieve";
                } | {
                    id: string;
                    template: string;
                    /** @constant */
                    type: "prompt";
                } | {
                    cache?: {
                        /** @enum {string} */
                        mode: "off" | "exact" | "semantic";
                        threshold?: number;
                    };
                    id: string;
                    model: string;
                    parameters?: {
                        max_tokens?: number;
                        seed?: number;
                        temperature?: number;
                        top_p?: number;
                    };
                    prompt: string;
                    schema?: {
                        [key: string]: unknown;
                    };
                    system?: string;
                    /** @constant */
                    type: "generate";
                } | {
                    from: string;
                    id: string;
                    schema?: {
                        [key: string]: unknown;
                    };
                    /** @constant */
                    type: "parse";
                } | {
                    flags?: string;
                    from: string;
                    id: string;
                    /** @enum {string} */
                    onInvalid?: "fail" | "continue";
                    pattern?: string;
                    schema?: {
                        [key: string]: unknown;
                    };
                    /** @constant */
                    type: "validate";
                } | {
                    cases: {
                        [key: string]: string[];
                    };
                    default?: string[];
                    id: string;
                    on: string;
                    /** @constant */
                    type: "branch";
                } | {
                    id: string;
                    maxItems: number;
                    over: string;
                    step: {
                        template: string;
                        /** @constant */
                        type: "prompt";
                    } | {
                        cache?: {
                            /** @enum {string} */
                            mode: "off" | "exact" | "semantic";
                            threshold?: number;
                        };
                        model: string;
                        parameters?: {
                            max_tokens?: number;
                            seed?: number;
                            temperature?: number;
                            top_p?: number;
                        };
                        prompt: string;
                        schema?: {
                            [key: string]: unknown;
                        };
                        system?: string;
                        /** @constant */
                        type: "generate";
                    };
                    /** @constant */
                    type: "map";
                })[];
            };
            name: string;
            version: number;
        };
        /** @description Monthly and first-year cost of RAG against a fine-tuned model (exact decimals), the break-even traffic and every input with its source. */
        RagVsFineTuneAdvice: {
            breakEven: {
                firstYearQueries: number | null;
                monthlyQueries: number | null;
            };
            cheaper: {
                /** @enum {string} */
                firstYear: "rag" | "fine-tune";
                /** @enum {string} */
                monthly: "rag" | "fine-tune";
            };
            firstYear: {
                fineTune: string;
                rag: string;
            };
            inputs: {
                [key: string]: unknown;
            };
            monthly: {
                fineTune: string;
                rag: string;
            };
            notes: string[];
            prices: {
                [key: string]: string;
            };
            sources: {
                [key: string]: string;
            };
            table: {
                fineTune: string;
                how: string;
                item: string;
                rag: string;
            }[];
        };
        /** @description The tenant's request rate: the burst, what is left, and when to retry (also the Retry-After header). */
        RateRefusal: {
            cap: number;
            /** @constant */
            limit: "rate";
            remaining: number;
            retryAfterMs: number;
        };
        /** @description Ready when Redis answers and a worker reported recently; otherwise a 503 with the reason (and the usual error object). */
        Readiness: {
            error?: {
                code: string;
                message: string;
                requestId: string;
            };
            reason?: string;
            /** @enum {string} */
            redis: "ok" | "unreachable";
            /** @enum {string} */
            status: "ready" | "not_ready";
            workers: number;
        };
        /** @description Item results in item order, `{id, index, result}` each (the job type decides `result`); pass nextCursor as ?cursor for the next page (null on the last). */
        ResultPage: {
            items: {
                id: string;
                index: number;
                result: unknown;
            }[];
            nextCursor: string | null;
        };
        /**
         * @description The nearest chunks, nearest first, with their text and metadata restored for the caller.
         * @example {
         *       "collection": "handbook",
         *       "model": "text-embedding-3-small",
         *       "hits": [
         *         {
         *           "id": "5b2f0c1e-7a8d-5e44-9b1e-0c2d3f4a5b6c",
         *           "score": 0.83,
         *           "documentId": "leave-policy",
         *           "chunkIndex": 0,
         *           "start": 0,
         *           "end": 74,
         *           "text": "Employees accrue 2 days of leave per month.",
         *           "metadata": {
         *             "lang": "en"
         *           }
         *         }
         *       ],
         *       "usage": {
         *         "tokens": 7,
         *         "costUsd": "0.00000014"
         *       }
         *     }
         */
        SearchResult: {
            collection: string;
            hits: {
                chunkIndex: number;
                documentId: string;
                end: number;
                id: string;
                metadata: {
                    [key: string]: string | number | boolean;
                };
                score: number;
                start: number;
                text: string;
            }[];
            model: string;
            usage: {
                costUsd: string;
                tokens: number;
            };
        };
        /**
         * @example {
         *       "error": {
         *         "code": "work_too_large",
         *         "message": "work.maxCallsPerJob: this request asks for 60000 (5000 cases x 4 samples x 3 calls); the cap is 50000",
         *         "details": {
         *           "limit": "work.maxCallsPerJob",
         *           "cap": 50000,
         *           "requested": 60000,
         *           "detail": "5000 cases x 4 samples x 3 calls"
         *         },
         *         "requestId": "req-3f9c"
         *       }
         *     }
         */
        TooLargeError: {
            error: {
                /** @enum {string} */
                code: "body_too_large" | "work_too_large";
                details?: components["schemas"]["WorkRefusal"] | components["schemas"]["ValidationDetails"];
                message: string;
                requestId: string;
            };
        };
        /**
         * @example {
         *       "error": {
         *         "code": "limit_exceeded",
         *         "message": "concurrency.maxJobs: 20 jobs waiting or running now, this request adds 1, the limit is 20",
         *         "details": {
         *           "limit": "concurrency.maxJobs",
         *           "cap": 20,
         *           "current": 20,
         *           "requested": 1
         *         },
         *         "requestId": "req-3f9c"
         *       }
         *     }
         */
        TooManyRequestsError: {
            error: {
                /** @enum {string} */
                code: "rate_limited" | "limit_exceeded";
                details?: components["schemas"]["RateRefusal"] | components["schemas"]["AdmissionRefusal"];
                message: string;
                requestId: string;
            };
        };
        /** @description The caller's fine-tuned models, newest first; usable wherever a chat model is. */
        TunedModelList: {
            models: {
                baseModel: string;
                createdAt: string;
                jobId: string;
                model: string;
                providerJobId: string;
                trainedTokens: number;
            }[];
        };
        /**
         * @description The caller's ledger between from and to (UTC days, inclusive), every provider call counted once, and its limits.
         * @example {
         *       "tenant": "demo",
         *       "from": "2026-11-01",
         *       "to": "2026-11-28",
         *       "days": [
         *         {
         *           "date": "2026-11-28",
         *           "model": "gpt-4o-mini",
         *           "jobType": "inference",
         *           "requests": 7,
         *           "inputTokens": 1204,
         *           "outputTokens": 388,
         *           "costUsd": "0.000413400",
         *           "costNanoUsd": "413400"
         *         }
         *       ],
         *       "totals": {
         *         "requests": 7,
         *         "inputTokens": 1204,
         *         "outputTokens": 388,
         *         "costUsd": "0.000413400",
         *         "costNanoUsd": "413400"
         *       }
         *     }
         */
        Usage: {
            days: components["schemas"]["UsageRow"][];
            from: string;
            limits?: components["schemas"]["Limits"];
            tenant: string;
            to: string;
            totals: {
                costNanoUsd: string;
                costUsd: string;
                inputTokens: number;
                outputTokens: number;
                requests: number;
            };
        };
        /** @description Provider requests, tokens and dollars of one UTC day, model and job type (dollars exact: costNanoUsd is integer nano-dollars). */
        UsageRow: {
            costNanoUsd: string;
            costUsd: string;
            date: string;
            inputTokens: number;
            jobType: string;
            model: string;
            outputTokens: number;
            requests: number;
        };
        /** @description One entry per wrong field: its path (`body.items.3.id`, `query.limit`, `headers.idempotency-key`), the rule it broke and, where there is one, the limit. Values are never echoed. */
        ValidationDetails: {
            issues: {
                limit?: number | string;
                message: string;
                path: string;
            }[];
        };
        /** @description `{field: "documentId" | "metadata.<key>", eq | in}` or `{and: [...]}`; it can only narrow the caller's own chunks. */
        VectorFilter: {
            eq: string | number | boolean;
            field: "documentId" | string;
        } | {
            field: "documentId" | string;
            in: (string | number | boolean)[];
        } | {
            and: components["schemas"]["VectorFilter"][];
        };
        /** @description Scheduled warming of the most frequent recent misses: on or off, every (ms), topN. */
        WarmingSettings: {
            enabled: boolean;
            every?: number;
            tenant: string;
            topN?: number;
        };
        /** @description A per-request work cap (`work.maxItemsPerJob`, `work.maxCallsPerJob`, ...), the computed amount and how it was computed. */
        WorkRefusal: {
            cap: number;
            detail: string;
            limit: string;
            requested: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getBullBoard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the Bull Board page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description missing or wrong admin credentials (ADMIN_TOKEN) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description METRICS_TOKEN is set and the request did not carry it */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    openaiListBatches: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a list of Batch objects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIBatchList"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiCreateBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    completion_window: "24h";
                    /** @enum {string} */
                    endpoint: "/v1/chat/completions";
                    input_file_id: string;
                    metadata?: {
                        [key: string]: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description the Batch object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIBatch"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description the tenant's budget cannot hold the batch */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description no such input file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description work over a cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiRetrieveBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the Batch object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIBatch"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description no such batch for this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiCancelBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the Batch object (cancelling or cancelled) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIBatch"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description no such batch for this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiCreateChatCompletion: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    max_completion_tokens?: number | null;
                    max_tokens?: number | null;
                    messages: {
                        content: string | {
                            text: string;
                            /** @constant */
                            type: "text";
                        }[];
                        /** @enum {string} */
                        role: "system" | "developer" | "user" | "assistant";
                    }[];
                    model: string;
                    n?: 1 | null;
                    seed?: number | null;
                    stream?: boolean | null;
                    stream_options?: {
                        include_usage?: boolean;
                    } | null;
                    temperature?: number | null;
                    top_p?: number | null;
                    user?: string;
                };
            };
        };
        responses: {
            /** @description a chat.completion, or chat.completion.chunk events then [DONE] */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIChatCompletion"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description the tenant's budget cannot hold the request */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description work over a cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description the job or the provider failed (not retried) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiCreateEmbeddings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dimensions?: number;
                    /** @enum {string} */
                    encoding_format?: "float" | "base64";
                    input: string | string[];
                    model: string;
                    user?: string;
                };
            };
        };
        responses: {
            /** @description a list of embeddings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIEmbeddingList"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description the tenant's budget cannot hold the request */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiListFiles: {
        parameters: {
            query?: {
                after?: string;
                limit?: number;
                order?: "asc" | "desc";
                purpose?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a list of File objects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIFileList"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiUploadFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the File object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIFile"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiRetrieveFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the File object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIFile"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description no such file for this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiDeleteFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIFileDeleted"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description no such file for this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiDownloadFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the JSONL */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description no such file for this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiListModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a list of Model objects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIModelList"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    openaiRetrieveModel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the Model object */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIModel"];
                };
            };
            /** @description invalid request: OpenAI error body {error: {message, type, param, code}} */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description missing or unknown API key (the tenant key as Bearer token) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description not a model the platform knows */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description over the tenant's request rate, jobs at once or storage (Retry-After) */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenAIError"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the API contract */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description not ready, with the reason */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    adviseRagOrFineTune: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    collection: string;
                    collectionTokens?: number;
                    /**
                     * @default {
                     *       "epochs": 3,
                     *       "freshnessDays": 30
                     *     }
                     */
                    fineTune?: {
                        baseModel?: string;
                        /** @default 3 */
                        epochs?: number;
                        /** @default 30 */
                        freshnessDays?: number;
                        trainingTokens?: number;
                    };
                    /**
                     * @default {
                     *       "model": "gpt-4o-mini",
                     *       "topK": 5,
                     *       "maxContextTokens": 1500
                     *     }
                     */
                    rag?: {
                        /** @default 1500 */
                        maxContextTokens?: number;
                        /** @default gpt-4o-mini */
                        model?: string;
                        /** @default 5 */
                        topK?: number;
                    };
                    traffic: {
                        /** @default 250 */
                        answerTokens?: number;
                        cacheHitRate?: number;
                        queriesPerMonth: number;
                        /** @default 50 */
                        questionTokens?: number;
                    };
                };
            };
        };
        responses: {
            /** @description the table, totals, break-even and inputs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RagVsFineTuneAdvice"];
                };
            };
            /** @description invalid body, unknown or untunable model, no token count */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such collection */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitCacheCalibration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "targetWrongHitRate": 0.02
                 *     }
                 */
                "application/json": {
                    maxCostUsd?: string;
                    model?: string;
                    pairs?: {
                        a: string;
                        b: string;
                        same: boolean;
                    }[];
                    targetWrongHitRate?: number;
                    thresholds?: number[];
                };
            };
        };
        responses: {
            /** @description accepted: the job id, with a Location header to poll */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            /** @description malformed JSON or a wrong field (each named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitCacheCalibrationBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    jobs: {
                        maxCostUsd?: string;
                        model?: string;
                        pairs?: {
                            a: string;
                            b: string;
                            same: boolean;
                        }[];
                        targetWrongHitRate?: number;
                        thresholds?: number[];
                    }[];
                };
            };
        };
        responses: {
            /** @description accepted: one job id per body, in order */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAccepted"];
                };
            };
            /** @description malformed JSON or a wrong field (body.jobs.<i>.<path>); nothing enqueued */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reportCacheFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    itemId: string;
                    jobId: string;
                };
            };
        };
        responses: {
            /** @description reported (or already reported) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheFeedbackOutcome"];
                };
            };
            /** @description invalid body (each wrong field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such job for this tenant, or no cache hit served to that item */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCacheSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the settings in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheSettings"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setCacheSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    fromCalibration?: string;
                    threshold?: number | null;
                    verification?: {
                        /** @default 0.05 */
                        band?: number;
                        /** @default 10 */
                        minScore?: number;
                        /** @enum {string} */
                        mode: "off" | "below" | "around";
                        /** @default gpt-4.1-nano */
                        model?: string;
                    } | null;
                };
            };
        };
        responses: {
            /** @description the settings now in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheSettings"];
                };
            };
            /** @description invalid body (each wrong field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no completed calibration of this tenant with that id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the calibration measured another embedding, or recommended nothing */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCacheStats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description counters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CacheStats"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitCacheWarm: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model": "gpt-4o-mini",
                 *       "queries": [
                 *         "How much leave do I get?",
                 *         "Who do I ask about payroll?"
                 *       ]
                 *     }
                 */
                "application/json": {
                    maxCostUsd?: string;
                    model: string;
                    /** @default {} */
                    parameters?: {
                        max_tokens?: number;
                        seed?: number;
                        temperature?: number;
                        top_p?: number;
                    };
                    queries: string[];
                    system?: string;
                };
            };
        };
        responses: {
            /** @description accepted */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InferenceAccepted"];
                };
            };
            /** @description invalid body (each wrong field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT), or the work asked for is over a cap (work.*): the cap and the computed amount */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCacheWarming: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarmingSettings"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setCacheWarming: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true,
                 *       "every": 3600000,
                 *       "topN": 50
                 *     }
                 */
                "application/json": {
                    enabled: boolean;
                    /** @default 3600000 */
                    every?: number;
                    /** @default 50 */
                    topN?: number;
                };
            };
        };
        responses: {
            /** @description the stored settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WarmingSettings"];
                };
            };
            /** @description invalid body (each wrong field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCollections: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the collections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectionList"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description collection name (the caller's own) */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the collection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            /** @description a wrong path or query parameter (named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such collection */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestDocuments: {
        parameters: {
            query?: {
                maxCostUsd?: string;
                model?: string;
            };
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description collection name (the caller's own) */
                name: string;
            };
            cookie?: never;
        };
        /** @description JSON as below, or `application/x-ndjson`: one element of `documents` per line, with `model` and `maxCostUsd` as query parameters. */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "documents": [
                 *         {
                 *           "id": "leave-policy",
                 *           "text": "Employees accrue 2 days of leave per month. Questions: hr@acme.example",
                 *           "metadata": {
                 *             "lang": "en",
                 *             "year": 2026
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    documents: {
                        id: string;
                        metadata?: {
                            [key: string]: string | number | boolean;
                        };
                        text: string;
                    }[];
                    maxCostUsd?: string;
                    model?: string;
                };
            };
        };
        responses: {
            /** @description the ingest job */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestAccepted"];
                };
            };
            /** @description invalid documents */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description not found for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the collection has another embedding model */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description not JSON or NDJSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description document id */
                id: string;
                /** @description collection name (the caller's own) */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted, with the chunk count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDeleted"];
                };
            };
            /** @description a wrong path or query parameter (named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such collection or document */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchCollection: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description collection name (the caller's own) */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "query": "how many days of leave?",
                 *       "topK": 3,
                 *       "filter": {
                 *         "field": "metadata.lang",
                 *         "eq": "en"
                 *       }
                 *     }
                 */
                "application/json": {
                    filter?: components["schemas"]["VectorFilter"];
                    query: string;
                    /** @default 10 */
                    topK?: number;
                };
            };
        };
        responses: {
            /** @description hits, nearest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResult"];
                };
            };
            /** @description invalid query or filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such collection */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description provider rate limiting */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitEvaluation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "cases": [
                 *         {
                 *           "id": "capital",
                 *           "input": "What is the capital of France?",
                 *           "expected": "Paris"
                 *         },
                 *         {
                 *           "id": "math",
                 *           "input": "What is 6 x 7?",
                 *           "expected": "42",
                 *           "output": "It is 42."
                 *         }
                 *       ],
                 *       "generate": {
                 *         "model": "gpt-4o-mini",
                 *         "seed": 7
                 *       },
                 *       "samples": 3,
                 *       "graders": [
                 *         {
                 *           "type": "contains",
                 *           "value": "Paris"
                 *         },
                 *         {
                 *           "type": "numeric",
                 *           "tolerance": 0.5
                 *         },
                 *         {
                 *           "type": "rubric",
                 *           "rubric": "correctness"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    baseline?: string;
                    bootstrap?: {
                        confidence?: number;
                        resamples?: number;
                        seed?: number;
                    };
                    cases: {
                        context?: string;
                        expected?: string;
                        id: string;
                        input: string;
                        output?: string;
                    }[];
                    embeddingModel?: string;
                    generate?: {
                        /** @constant */
                        cache?: false;
                        maxTokens?: number;
                        model: string;
                        pipeline?: {
                            input?: string;
                            name: string;
                            output?: string;
                            version: number;
                        };
                        seed?: number;
                        system?: string;
                        temperature?: number;
                    };
                    graders: ({
                        caseSensitive?: boolean;
                        name?: string;
                        /** @constant */
                        type: "exact";
                    } | {
                        caseSensitive?: boolean;
                        name?: string;
                        /** @constant */
                        type: "contains";
                        value?: string;
                    } | {
                        flags?: string;
                        name?: string;
                        pattern: string;
                        /** @constant */
                        type: "regex";
                    } | {
                        name?: string;
                        /** @constant */
                        type: "json";
                    } | {
                        name?: string;
                        schema: {
                            [key: string]: unknown;
                        };
                        /** @constant */
                        type: "json-schema";
                    } | {
                        name?: string;
                        relative?: boolean;
                        tolerance?: number;
                        /** @constant */
                        type: "numeric";
                    } | {
                        name?: string;
                        threshold?: number;
                        /** @constant */
                        type: "edit-distance";
                    } | {
                        model?: string;
                        name?: string;
                        threshold?: number;
                        /** @constant */
                        type: "embedding";
                    } | {
                        name?: string;
                        rubric: ("faithfulness" | "relevance" | "correctness") | {
                            criteria: string;
                            name: string;
                            /** @enum {string} */
                            reference: "expected" | "context" | "input" | "none";
                        };
                        threshold?: number;
                        /** @constant */
                        type: "rubric";
                    })[];
                    judge?: {
                        dedupe?: boolean;
                        maxAttempts?: number;
                        /** @enum {string} */
                        mode?: "chat" | "batch";
                        model?: string;
                        pollIntervalMs?: number;
                    };
                    maxCostUsd?: string;
                    samples?: number;
                };
            };
        };
        responses: {
            /** @description accepted: the job id, with a Location header to poll */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAccepted"];
                };
            };
            /** @description malformed JSON or a wrong field (each named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listEvaluationResults: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description job id (from the 202 of its submission) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of item results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultPage"];
                };
            };
            /** @description bad cursor or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such evaluation job for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitEvaluationBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    jobs: {
                        baseline?: string;
                        bootstrap?: {
                            confidence?: number;
                            resamples?: number;
                            seed?: number;
                        };
                        cases: {
                            context?: string;
                            expected?: string;
                            id: string;
                            input: string;
                            output?: string;
                        }[];
                        embeddingModel?: string;
                        generate?: {
                            /** @constant */
                            cache?: false;
                            maxTokens?: number;
                            model: string;
                            pipeline?: {
                                input?: string;
                                name: string;
                                output?: string;
                                version: number;
                            };
                            seed?: number;
                            system?: string;
                            temperature?: number;
                        };
                        graders: ({
                            caseSensitive?: boolean;
                            name?: string;
                            /** @constant */
                            type: "exact";
                        } | {
                            caseSensitive?: boolean;
                            name?: string;
                            /** @constant */
                            type: "contains";
                            value?: string;
                        } | {
                            flags?: string;
                            name?: string;
                            pattern: string;
                            /** @constant */
                            type: "regex";
                        } | {
                            name?: string;
                            /** @constant */
                            type: "json";
                        } | {
                            name?: string;
                            schema: {
                                [key: string]: unknown;
                            };
                            /** @constant */
                            type: "json-schema";
                        } | {
                            name?: string;
                            relative?: boolean;
                            tolerance?: number;
                            /** @constant */
                            type: "numeric";
                        } | {
                            name?: string;
                            threshold?: number;
                            /** @constant */
                            type: "edit-distance";
                        } | {
                            model?: string;
                            name?: string;
                            threshold?: number;
                            /** @constant */
                            type: "embedding";
                        } | {
                            name?: string;
                            rubric: ("faithfulness" | "relevance" | "correctness") | {
                                criteria: string;
                                name: string;
                                /** @enum {string} */
                                reference: "expected" | "context" | "input" | "none";
                            };
                            threshold?: number;
                            /** @constant */
                            type: "rubric";
                        })[];
                        judge?: {
                            dedupe?: boolean;
                            maxAttempts?: number;
                            /** @enum {string} */
                            mode?: "chat" | "batch";
                            model?: string;
                            pollIntervalMs?: number;
                        };
                        maxCostUsd?: string;
                        samples?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description accepted: one job id per body, in order */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAccepted"];
                };
            };
            /** @description malformed JSON or a wrong field (body.jobs.<i>.<path>); nothing enqueued */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over BODY_LIMIT */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with a different body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitFineTune: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    baseModel: string;
                    dataset: {
                        jsonl: string;
                    } | {
                        collection: string;
                        documentIds: string[];
                        prompt?: string;
                        system?: string;
                    };
                    /** @default false */
                    dryRun?: boolean;
                    /** @default 3 */
                    epochs?: number;
                    heldOut?: {
                        examples: number;
                        graders?: ({
                            caseSensitive?: boolean;
                            name?: string;
                            /** @constant */
                            type: "exact";
                        } | {
                            caseSensitive?: boolean;
                            name?: string;
                            /** @constant */
                            type: "contains";
                            value?: string;
                        } | {
                            flags?: string;
                            name?: string;
                            pattern: string;
                            /** @constant */
                            type: "regex";
                        } | {
                            name?: string;
                            /** @constant */
                            type: "json";
                        } | {
                            name?: string;
                            schema: {
                                [key: string]: unknown;
                            };
                            /** @constant */
                            type: "json-schema";
                        } | {
                            name?: string;
                            relative?: boolean;
                            tolerance?: number;
                            /** @constant */
                            type: "numeric";
                        } | {
                            name?: string;
                            threshold?: number;
                            /** @constant */
                            type: "edit-distance";
                        } | {
                            model?: string;
                            name?: string;
                            threshold?: number;
                            /** @constant */
                            type: "embedding";
                        } | {
                            name?: string;
                            rubric: ("faithfulness" | "relevance" | "correctness") | {
                                criteria: string;
                                name: string;
                                /** @enum {string} */
                                reference: "expected" | "context" | "input" | "none";
                            };
                            threshold?: number;
                            /** @constant */
                            type: "rubric";
                        })[];
                    };
                    maxCostUsd?: string;
                    /** @default 10000 */
                    pollIntervalMs?: number;
                    suffix?: string;
                };
            };
        };
        responses: {
            /** @description dry run: the checked dataset, token totals and the estimate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FineTuneEstimate"];
                };
            };
            /** @description accepted: the job id, its Location and the estimate */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FineTuneAccepted"];
                };
            };
            /** @description invalid dataset (problems by line number), model not tunable */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a budget */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description no such collection or document */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a work cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listTunedModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the models */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TunedModelList"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitInference: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "model": "gpt-4o-mini",
                 *       "parameters": {
                 *         "temperature": 0
                 *       },
                 *       "items": [
                 *         {
                 *           "id": "q1",
                 *           "messages": [
                 *             {
                 *               "role": "user",
                 *               "content": "How much leave do I get? Reply to jane@acme.example"
                 *             }
                 *           ]
                 *         },
                 *         {
                 *           "id": "q2",
                 *           "messages": [
                 *             {
                 *               "role": "system",
                 *               "content": "Answer in one sentence."
                 *             },
                 *             {
                 *               "role": "user",
                 *               "content": "Who do I ask about payroll?"
                 *             }
                 *           ]
                 *         }
                 *       ],
                 *       "cache": {
                 *         "mode": "semantic",
                 *         "threshold": 0.95
                 *       },
                 *       "rag": {
                 *         "collection": "handbook",
                 *         "topK": 3,
                 *         "maxContextTokens": 1500
                 *       },
                 *       "maxCostUsd": "0.50"
                 *     }
                 */
                "application/json": {
                    /**
                     * @default {
                     *       "mode": "semantic"
                     *     }
                     */
                    cache?: {
                        /**
                         * @default semantic
                         * @enum {string}
                         */
                        mode?: "semantic" | "exact" | "off";
                        threshold?: number;
                        /** @enum {string} */
                        verification?: "off" | "below" | "around";
                    };
                    items: {
                        id: string;
                        messages: {
                            content: string;
                            /** @enum {string} */
                            role: "system" | "user" | "assistant";
                        }[];
                    }[];
                    maxCostUsd?: string;
                    /**
                     * @default realtime
                     * @enum {string}
                     */
                    mode?: "realtime" | "batch";
                    model: string;
                    /** @default {} */
                    parameters?: {
                        max_tokens?: number;
                        seed?: number;
                        temperature?: number;
                        top_p?: number;
                    };
                    rag?: {
                        collection: string;
                        maxContextTokens: number;
                        topK: number;
                    };
                };
            };
        };
        responses: {
            /** @description accepted: the job id and its Location */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InferenceAccepted"];
                };
            };
            /** @description invalid body (each wrong field named) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a budget cannot hold the job's worst case (the tenant's per day/month or per model, or maxCostUsd): the estimate, cap, spent, held and left */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT), or the work asked for is over a cap (work.*): the cap and the computed amount */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listInferenceResults: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description job id (from the 202 of its submission) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of item results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InferenceResultPage"];
                };
            };
            /** @description bad cursor or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such inference job for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobList"];
                };
            };
            /** @description a wrong path or query parameter (named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description job id (from the 202 of its submission) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the job */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobDetail"];
                };
            };
            /** @description a wrong path or query parameter (named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such job for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description job id (from the 202 of its submission) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelOutcome"];
                };
            };
            /** @description the worker was told to stop */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelOutcome"];
                };
            };
            /** @description a wrong path or query parameter (named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such job for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description already finished */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamJobEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description job id (from the 202 of its submission) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description an event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description a wrong path or query parameter (named by its path) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such job for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listJobResults: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description job id (from the 202 of its submission) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of item results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultPage"];
                };
            };
            /** @description bad cursor or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such job for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLimits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description every limit with its value, use and remainder */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Limits"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitPipeline: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a repeat of this request return the first job (1-255 printable ASCII characters, no spaces); reusing it with another body is a 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    definition?: {
                        inputs: string[];
                        output: {
                            [key: string]: string;
                        };
                        steps: ({
                            collection: string;
                            id: string;
                            maxContextTokens?: number;
                            query: string;
                            topK?: number;
                            /** @constant */
                            type: "retrieve";
                        } | {
                            id: string;
                            template: string;
                            /** @constant */
                            type: "prompt";
                        } | {
                            cache?: {
                                /** @enum {string} */
                                mode: "off" | "exact" | "semantic";
                                threshold?: number;
                            };
                            id: string;
                            model: string;
                            parameters?: {
                                max_tokens?: number;
                                seed?: number;
                                temperature?: number;
                                top_p?: number;
                            };
                            prompt: string;
                            schema?: {
                                [key: string]: unknown;
                            };
                            system?: string;
                            /** @constant */
                            type: "generate";
                        } | {
                            from: string;
                            id: string;
                            schema?: {
                                [key: string]: unknown;
                            };
                            /** @constant */
                            type: "parse";
                        } | {
                            flags?: string;
                            from: string;
                            id: string;
                            /** @enum {string} */
                            onInvalid?: "fail" | "continue";
                            pattern?: string;
                            schema?: {
                                [key: string]: unknown;
                            };
                            /** @constant */
                            type: "validate";
                        } | {
                            cases: {
                                [key: string]: string[];
                            };
                            default?: string[];
                            id: string;
                            on: string;
                            /** @constant */
                            type: "branch";
                        } | {
                            id: string;
                            maxItems: number;
                            over: string;
                            step: {
                                template: string;
                                /** @constant */
                                type: "prompt";
                            } | {
                                cache?: {
                                    /** @enum {string} */
                                    mode: "off" | "exact" | "semantic";
                                    threshold?: number;
                                };
                                model: string;
                                parameters?: {
                                    max_tokens?: number;
                                    seed?: number;
                                    temperature?: number;
                                    top_p?: number;
                                };
                                prompt: string;
                                schema?: {
                                    [key: string]: unknown;
                                };
                                system?: string;
                                /** @constant */
                                type: "generate";
                            };
                            /** @constant */
                            type: "map";
                        })[];
                    };
                    inputs: {
                        [key: string]: string | number | boolean | string[];
                    }[];
                    maxCostUsd?: string;
                    pipeline?: {
                        name: string;
                        version?: number;
                    };
                };
            };
        };
        responses: {
            /** @description accepted: the job id, its Location and its results link */
            202: {
                headers: {
                    /** @description `true` when an earlier request with this Idempotency-Key made the job */
                    "Idempotent-Replayed"?: "true";
                    /** @description Where to poll the job (GET /v1/jobs/{id}) */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineAccepted"];
                };
            };
            /** @description invalid definition (each problem names its step) or inputs */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a budget */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetExceededError"];
                };
            };
            /** @description no such saved pipeline or collection */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the same Idempotency-Key is still being created by another request: repeat after Retry-After to get the job */
            409: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over a work cap */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate, jobs at once (concurrency.maxJobs) or waiting bytes (storage.maxWaitingBytes): the numbers, and Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPipelineResults: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description job id (from the 202 of its submission) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of input results */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultPage"];
                };
            };
            /** @description bad cursor or limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such pipeline job for this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPipelineDefinitions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description names and latest versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineDefinitionList"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    savePipelineDefinition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    definition: {
                        inputs: string[];
                        output: {
                            [key: string]: string;
                        };
                        steps: ({
                            collection: string;
                            id: string;
                            maxContextTokens?: number;
                            query: string;
                            topK?: number;
                            /** @constant */
                            type: "retrieve";
                        } | {
                            id: string;
                            template: string;
                            /** @constant */
                            type: "prompt";
                        } | {
                            cache?: {
                                /** @enum {string} */
                                mode: "off" | "exact" | "semantic";
                                threshold?: number;
                            };
                            id: string;
                            model: string;
                            parameters?: {
                                max_tokens?: number;
                                seed?: number;
                                temperature?: number;
                                top_p?: number;
                            };
                            prompt: string;
                            schema?: {
                                [key: string]: unknown;
                            };
                            system?: string;
                            /** @constant */
                            type: "generate";
                        } | {
                            from: string;
                            id: string;
                            schema?: {
                                [key: string]: unknown;
                            };
                            /** @constant */
                            type: "parse";
                        } | {
                            flags?: string;
                            from: string;
                            id: string;
                            /** @enum {string} */
                            onInvalid?: "fail" | "continue";
                            pattern?: string;
                            schema?: {
                                [key: string]: unknown;
                            };
                            /** @constant */
                            type: "validate";
                        } | {
                            cases: {
                                [key: string]: string[];
                            };
                            default?: string[];
                            id: string;
                            on: string;
                            /** @constant */
                            type: "branch";
                        } | {
                            id: string;
                            maxItems: number;
                            over: string;
                            step: {
                                template: string;
                                /** @constant */
                                type: "prompt";
                            } | {
                                cache?: {
                                    /** @enum {string} */
                                    mode: "off" | "exact" | "semantic";
                                    threshold?: number;
                                };
                                model: string;
                                parameters?: {
                                    max_tokens?: number;
                                    seed?: number;
                                    temperature?: number;
                                    top_p?: number;
                                };
                                prompt: string;
                                schema?: {
                                    [key: string]: unknown;
                                };
                                system?: string;
                                /** @constant */
                                type: "generate";
                            };
                            /** @constant */
                            type: "map";
                        })[];
                    };
                    name: string;
                };
            };
        };
        responses: {
            /** @description saved: name, version, createdAt */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineDefinitionSaved"];
                };
            };
            /** @description invalid definition (each problem names its step) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a collection it retrieves from does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description too many saved versions */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body over the route's limit (BODY_LIMIT) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooLargeError"];
                };
            };
            /** @description body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPipelineDefinition: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                /** @description collection name (the caller's own) */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the definition */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineDefinitionView"];
                };
            };
            /** @description bad version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such saved pipeline or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUsage: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description days and totals, and every limit with what is used and left */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Usage"];
                };
            };
            /** @description bad from/to */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or unknown API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description over the tenant's request rate: retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TooManyRequestsError"];
                };
            };
            /** @description Redis unreachable: retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before retrying */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
