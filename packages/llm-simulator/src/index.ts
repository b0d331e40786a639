export { startSimulator, type Simulator } from './server';
export { defaultConfig, SimConfig, SimConfigPatch, LatencySpec, type SimulatorOptions } from './options';
export { RequestLog, type LogEntry } from './log';
export { embedText, cosine } from './embeddings/vector';
export { EMBEDDING_LIMITS } from './embeddings/endpoint';
export { judge, type Verdict } from './chat/judge';
export { generateValue, type JsonSchema } from './chat/json-schema';
export { CHAT_MODELS, EMBEDDING_DIMENSIONS } from './models';
export { parseLatency } from './http/knobs';
