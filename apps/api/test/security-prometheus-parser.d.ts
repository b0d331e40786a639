// Types for the test-only Prometheus text parser (the package ships none).
declare module 'parse-prometheus-text-format' {
  export interface PrometheusSample {
    labels?: Record<string, string>;
    value?: string;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  export interface PrometheusFamily {
    name: string;
    help: string;
    type: string;
    metrics: PrometheusSample[];
  }
  /** Throws on any line that is not valid text exposition. */
  export default function parsePrometheusTextFormat(text: string): PrometheusFamily[];
}
