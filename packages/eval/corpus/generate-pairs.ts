// Writes corpus/cache-pairs.jsonl: 200 labelled prompt pairs for semantic-cache calibration.
// `pnpm exec tsx corpus/generate-pairs.ts`. Deterministic (seeded), so the file only changes when
// this script does. Same-meaning pairs reword one request; different-meaning pairs keep the wording
// and change what is asked (hard negatives, the ones a lexical cache gets wrong) or ask something else.
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../src/random';

const verbs = ['reset', 'change', 'delete', 'download', 'update', 'cancel', 'export', 'add', 'remove', 'view'];
const objects = [
  'my password',
  'my email address',
  'my subscription',
  'an invoice',
  'my account',
  'the billing address',
  'my profile picture',
  'a team member',
  'an API key',
  'the payment method',
];
const frames = [
  'How do I {a}?',
  'How can I {a}?',
  'What is the way to {a}?',
  'I need to {a}. How?',
  'Steps to {a}, please',
  'Can you tell me how to {a}?',
  'Help me {a}',
  'Where do I go to {a}?',
];
const rewords: Record<string, string> = {
  'my password': 'the password of my login',
  'my email address': 'the email on my account',
  'my subscription': 'the plan I subscribed to',
  'an invoice': 'a bill',
  'my account': 'my user account',
  'the billing address': 'my billing address',
  'my profile picture': 'my avatar',
  'a team member': 'a colleague to the team',
  'an API key': 'an access key for the API',
  'the payment method': 'my card on file',
};

const random = seededRandom(7);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const fill = (frame: string, action: string) => {
  const text = frame.replace('{a}', action);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

const combos = verbs.flatMap((verb) => objects.map((object) => ({ verb, object })));
const chosen = combos.filter(() => random() < 0.65).slice(0, 50);
const lines: string[] = [];
for (const { verb, object } of chosen) {
  const action = `${verb} ${object}`;
  const [f1, f2] = [pick(frames), pick(frames.filter((frame) => frame !== frames[0]))];
  // Same meaning: another frame; and the same frame with the object reworded.
  lines.push(JSON.stringify({ a: fill(f1, action), b: fill(f2 === f1 ? frames[0]! : f2, action), same: true }));
  lines.push(JSON.stringify({ a: fill(f1, action), b: fill(pick(frames), `${verb} ${rewords[object]}`), same: true }));
  // Different meaning: one word of the request changed (same frame), and an unrelated request.
  const sibling = random() < 0.5 ? `${pick(verbs.filter((v) => v !== verb))} ${object}` : `${verb} ${pick(objects.filter((o) => o !== object))}`;
  lines.push(JSON.stringify({ a: fill(f1, action), b: fill(f1, sibling), same: false }));
  const other = pick(combos.filter((c) => c.verb !== verb && c.object !== object));
  lines.push(JSON.stringify({ a: fill(f1, action), b: fill(pick(frames), `${other.verb} ${other.object}`), same: false }));
}
writeFileSync(new URL('./cache-pairs.jsonl', import.meta.url), lines.join('\n') + '\n');
process.stdout.write(`wrote ${lines.length} pairs\n`);
