import openapiTS, { astToString } from 'openapi-typescript';

const header = [
  "// Generated from the API's /openapi.json by openapi-typescript: do not edit.",
  '// Regenerate: `pnpm vitest run apps/api/test/openapi-client.test.ts -u` (or `pnpm --filter @llmops/client generate <url>`).',
  '',
].join('\n');

/** The TypeScript types (`paths`, `components`, `operations`) of an OpenAPI document. */
export async function generateTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `${header}${astToString(ast)}`;
}
