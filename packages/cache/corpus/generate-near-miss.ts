// Writes corpus/near-miss.jsonl: labelled question pairs for the semantic cache where the different-
// meaning pairs differ in ONE fact (another country, city, product or year, or one word such as
// imported/exported), the pairs embeddings rate as near-identical. Same-meaning pairs are rewordings.
// `pnpm exec tsx corpus/generate-near-miss.ts`. Deterministic (seeded): the file only changes when this script does.
import { writeFileSync } from 'node:fs';

interface Template {
  slot: 'country' | 'city' | 'company' | 'product' | 'drug';
  base: (e: string, y: string) => string;
  rewordings: [(e: string, y: string) => string, (e: string, y: string) => string];
  /** The same question with one word changed (another fact). */
  word: (e: string, y: string) => string;
  /** Whether the question names a year (a number: the literal guard's case). */
  year: boolean;
}

const entities = {
  country: ['Laos', 'Switzerland', 'Peru', 'Norway', 'Kenya', 'Vietnam', 'Chile', 'Austria', 'Portugal', 'Ghana'],
  city: ['Lyon', 'Lille', 'Porto', 'Bergen', 'Leeds', 'Graz', 'Utrecht', 'Malmo'],
  company: ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay'],
  product: ['Zenbook 14', 'Latitude 7440', 'Spectre x360', 'Swift Go', 'Inspiron 16'],
  drug: ['ibuprofen', 'paracetamol', 'aspirin', 'loratadine', 'omeprazole'],
};
const years = ['2017', '2018', '2019', '2020', '2021', '2022'];

const templates: Template[] = [
  {
    slot: 'country',
    year: true,
    base: (e, y) => `Which goods were imported into ${e} in ${y}?`,
    rewordings: [(e, y) => `What goods did ${e} import in ${y}?`, (e, y) => `List the products ${e} brought in from abroad in ${y}.`],
    word: (e, y) => `Which goods were exported from ${e} in ${y}?`,
  },
  {
    slot: 'city',
    year: true,
    base: (e, y) => `What was the population of ${e} in ${y}?`,
    rewordings: [(e, y) => `How many people lived in ${e} in ${y}?`, (e, y) => `How large was the population of ${e} in ${y}?`],
    word: (e, y) => `What was the unemployment rate of ${e} in ${y}?`,
  },
  {
    slot: 'country',
    year: true,
    base: (e, y) => `Who was the head of state of ${e} in ${y}?`,
    rewordings: [(e, y) => `Who served as head of state of ${e} in ${y}?`, (e, y) => `In ${y}, who was ${e}'s head of state?`],
    word: (e, y) => `Who was the head of government of ${e} in ${y}?`,
  },
  {
    slot: 'country',
    year: false,
    base: (e) => `What is the capital city of ${e}?`,
    rewordings: [(e) => `Which city is the capital of ${e}?`, (e) => `Tell me the capital of ${e}.`],
    word: (e) => `What is the largest city of ${e}?`,
  },
  {
    slot: 'country',
    year: false,
    base: (e) => `How do I renew my passport in ${e}?`,
    rewordings: [(e) => `What are the steps to renew a passport in ${e}?`, (e) => `How can I get my passport renewed in ${e}?`],
    word: (e) => `How do I replace a lost passport in ${e}?`,
  },
  {
    slot: 'city',
    year: false,
    base: (e) => `What is the average salary of a nurse in ${e}?`,
    rewordings: [(e) => `How much does a nurse earn on average in ${e}?`, (e) => `What do nurses in ${e} typically get paid?`],
    word: (e) => `What is the average salary of a teacher in ${e}?`,
  },
  {
    slot: 'company',
    year: true,
    base: (e, y) => `When will the ${e} annual report for ${y} be published?`,
    rewordings: [(e, y) => `What is the publication date of the ${y} annual report of ${e}?`, (e, y) => `When does ${e} publish its annual report for ${y}?`],
    word: (e, y) => `When will the ${e} quarterly report for ${y} be published?`,
  },
  {
    slot: 'product',
    year: false,
    base: (e) => `What is the warranty period of the ${e} laptop?`,
    rewordings: [(e) => `How long is the ${e} laptop under warranty?`, (e) => `For how long is the warranty on the ${e} laptop valid?`],
    word: (e) => `What is the battery life of the ${e} laptop?`,
  },
  {
    slot: 'drug',
    year: false,
    base: (e) => `Is ${e} safe to take during pregnancy?`,
    rewordings: [(e) => `Can I take ${e} while pregnant?`, (e) => `Is it safe to use ${e} when pregnant?`],
    word: (e) => `Is ${e} safe to take while breastfeeding?`,
  },
  {
    slot: 'city',
    year: false,
    base: (e) => `What time does the ${e} office open on Mondays?`,
    rewordings: [(e) => `When does the ${e} office open on a Monday?`, (e) => `At what time on Mondays does the ${e} office open?`],
    word: (e) => `What time does the ${e} office close on Mondays?`,
  },
  {
    slot: 'country',
    year: false,
    base: (e) => `How many vacation days do employees in ${e} get per year?`,
    rewordings: [(e) => `How many days of annual leave do employees in ${e} receive?`, (e) => `What is the yearly vacation allowance for employees in ${e}?`],
    word: (e) => `How many sick days do employees in ${e} get per year?`,
  },
  {
    slot: 'country',
    year: false,
    base: (e) => `What is the VAT rate on books in ${e}?`,
    rewordings: [(e) => `How much VAT is charged on books in ${e}?`, (e) => `Which VAT rate applies to books sold in ${e}?`],
    word: (e) => `What is the VAT rate on restaurant meals in ${e}?`,
  },
];

// mulberry32, seeded: the same file on every run. Kept (not the platform's pure-rand) because it is
// the generator that wrote the committed corpus; another PRNG would write another file.
let state = 20_261_128;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[], not?: T): T => {
  const options = list.filter((x) => x !== not);
  return options[Math.floor(random() * options.length)]!;
};

const INSTANCES = 8;
const lines: string[] = [];
const line = (a: string, b: string, same: boolean, kind: string) => lines.push(JSON.stringify({ a, b, same, kind }));
for (const t of templates) {
  for (let i = 0; i < INSTANCES; i++) {
    const e = pick(entities[t.slot]);
    const y = pick(years);
    const asked = t.base(e, y);
    line(asked, t.rewordings[0](e, y), true, 'rewording');
    line(asked, t.rewordings[1](e, y), true, 'rewording');
    line(asked, t.base(pick(entities[t.slot], e), y), false, `one-fact-${t.slot}`);
    line(asked, t.word(e, y), false, 'one-fact-word');
    if (t.year) line(asked, t.base(e, pick(years, y)), false, 'one-fact-year');
  }
}
writeFileSync(new URL('./near-miss.jsonl', import.meta.url), lines.join('\n') + '\n');
process.stdout.write(`wrote ${lines.length} pairs\n`);
