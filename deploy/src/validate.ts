// Offline validation of deploy/kubernetes (no cluster needed), run by .ci/run:
//   pnpm --filter @llmops/deploy validate [--self-test]
// Renders the base and every overlay with `kubectl kustomize`, then checks each object against the
// Kubernetes 1.34 / KEDA / Prometheus Operator schemas (types, required fields, enums), for fields the
// schemas do not know (misspellings), and against the platform's own rules (policy.ts). --self-test
// also breaks good manifests in known ways and fails unless every fault is caught.
// Prints one line per check, closing with "N passed, N failed"; exits 1 on any failure.
import { fileURLToPath } from 'node:url';
import { checkAll, type TargetReport } from './checks';
import { kustomizations, render, RenderError, type Rendered } from './render';
import { selfTest } from './self-test';

const root = fileURLToPath(new URL('../kubernetes', import.meta.url));
const print = (line: string) => process.stdout.write(`${line}\n`);
let passed = 0;
let failed = 0;
const result = (ok: boolean, what: string, problems: readonly string[] = []) => {
  print(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  for (const problem of problems) print(`       - ${problem}`);
  if (ok) passed += 1;
  else failed += 1;
};

const rendered: Rendered[] = [];
for (const dir of kustomizations(root)) {
  try {
    rendered.push(render(root, dir));
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    result(false, `render ${dir}`, [error.message]);
  }
}
const reports: TargetReport[] = checkAll(rendered);
for (const report of reports) {
  result(report.schema.length === 0, `${report.target}: ${report.objects} objects match the Kubernetes/KEDA schemas`, report.schema);
  result(report.unknownFields.length === 0, `${report.target}: no field the schemas do not know`, report.unknownFields);
  result(report.policy.length === 0, `${report.target}: platform rules (security, probes, grace, PDBs, KEDA on every queue)`, report.policy);
}

if (process.argv.includes('--self-test')) {
  const good = rendered.find((entry) => entry.target.startsWith('overlays/')) ?? rendered[0];
  if (!good) result(false, 'self-test: nothing rendered to mutate');
  else {
    const outcome = selfTest(good);
    result(outcome.clean === 0, `self-test: ${good.target} unmutated has no problem`);
    for (const caught of outcome.caught) result(true, `self-test: caught ${caught.name} -- ${caught.first}`);
    result(
      outcome.missed.length === 0,
      `self-test: every injected fault caught (${outcome.caught.length}/${outcome.caught.length + outcome.missed.length})`,
      outcome.missed,
    );
  }
}

print(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
