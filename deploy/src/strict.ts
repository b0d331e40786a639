import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { nameOf, type Manifest, type Rendered } from './render';
import { schemaKey, schemas } from './schemas';

/**
 * The JSON schemas Kubernetes publishes accept unknown fields (the API server drops or warns about
 * them), so a misspelt optional field (`terminationGracePeriodSecond`) would pass them silently. The
 * same schemas exist as TypeScript interfaces in the model packages: every manifest is typed as an
 * object literal `satisfies` its interface, and the compiler's excess-property check names each field
 * the schema does not have.
 */
export function unknownFieldProblems(targets: readonly Rendered[]): Map<string, string[]> {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const files = new Map<string, { text: string; owners: { line: number; manifest: Manifest }[]; target: string }>();
  for (const [index, rendered] of targets.entries()) {
    const imports = new Set<string>();
    const owners: { line: number; manifest: Manifest }[] = [];
    const body: string[] = [];
    let line = 0;
    for (const [position, manifest] of rendered.manifests.entries()) {
      const found = schemas[schemaKey(manifest)];
      if (!found) continue; // reported by schemaProblems
      imports.add(`import type { ${found.types.name} as T${position} } from '${found.types.module}';`);
      const json = JSON.stringify(manifest, null, 1);
      owners.push({ line, manifest });
      body.push(`export const m${position} = ${json} satisfies T${position};`);
      line += json.split('\n').length;
    }
    const header = [...imports];
    // Shift owners by the import lines that come first.
    const text = [...header, ...body].join('\n');
    files.set(`${here}__rendered_${index}__.ts`, {
      text,
      owners: owners.map((owner) => ({ ...owner, line: owner.line + header.length })),
      target: rendered.target,
    });
  }

  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name)?.text ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.getSourceFile = (name, language, ...rest) => {
    const file = files.get(name);
    return file ? ts.createSourceFile(name, file.text, language) : getSourceFile(name, language, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);

  const problems = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file && files.get(diagnostic.file.fileName);
    if (!file || !diagnostic.file || diagnostic.start === undefined) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      problems.set('(compiler)', [...(problems.get('(compiler)') ?? []), message]);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const owner = [...file.owners].reverse().find((candidate) => candidate.line <= line);
    const field = file.text.split('\n')[line]?.trim() ?? '';
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const list = problems.get(file.target) ?? [];
    list.push(`${owner ? nameOf(owner.manifest) : '?'}: ${shorten(message)} (at ${field.slice(0, 80)})`);
    problems.set(file.target, list);
  }
  return problems;
}

/** The compiler's messages name long generated interfaces; the first sentence says what is wrong. */
function shorten(message: string): string {
  const known = /Object literal may only specify known properties, and '([^']+)' does not exist in type '([^']+)'/.exec(message);
  if (known) return `unknown field ${known[1]} (not in ${known[2]!.replace(/^IIoK8sApi|^IComGithubKedacoreKedaV2Apis|^IComCoreosMonitoringV1/, '')})`;
  return message.length > 300 ? `${message.slice(0, 300)}…` : message;
}
