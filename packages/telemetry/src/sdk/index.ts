export { TracingEnvShape, TracingEnv, SamplerName, tracingConfigOf, type TracingConfig, type TracingExporterConfig } from './env';
export { startTracing, samplerOf, type Tracing, type TracingLogger, type StartTracingOptions } from './start';
