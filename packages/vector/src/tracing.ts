import { Attr, SpanKind, withSpan, type Span, type SpanAttributes } from '@llmops/telemetry';

/**
 * A CLIENT span `<operation> <collection>` around one tenant data operation (no-op unless the app
 * started tracing). Attributes are the store, collection, tenant and counts: never vectors, filter
 * values or payloads.
 */
export function tracedOperation<T>(
  system: string | undefined,
  operation: string,
  collection: string,
  tenant: string,
  attributes: SpanAttributes,
  work: () => Promise<T>,
  describe?: (result: T, span: Span) => void,
): Promise<T> {
  const base = { [Attr.dbSystem]: system, [Attr.dbOperation]: operation, [Attr.dbCollection]: collection, [Attr.tenant]: tenant, ...attributes };
  return withSpan(
    `${operation} ${collection}`,
    base,
    async (span) => {
      const result = await work();
      describe?.(result, span);
      return result;
    },
    { kind: SpanKind.CLIENT, scope: '@llmops/vector' },
  );
}
