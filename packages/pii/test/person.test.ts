import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../src/detect';
import { detectPersons, type PersonDetectorStats } from '../src/detectors/person';
import { ENTITY_TYPES } from '../src/types';

const names = (text: string, options?: Parameters<typeof detectPersons>[1]): string[] => detectPersons(text, options).map((e) => e.value);
const newStats = (): PersonDetectorStats => ({ tokens: 0, pieces: 0, deferred: 0, nlpCalls: 0, nlpChars: 0 });

describe('detectPersons finds names in every cue form', () => {
  it.each([
    ['title', 'Please ask Mrs. Eleanor Vance to sign.', ['Eleanor Vance']],
    ['title without a dot', 'Dr Fatima Al-Sayed reviewed the scan.', ['Fatima Al-Sayed']],
    ['German and French titles', 'Herr Müller und Mme Dubois sind da.', ['Müller', 'Dubois']],
    ['Spanish title', 'El Sr. Javier Ortega llamará mañana.', ['Javier Ortega']],
    ['title before particles', 'Dr. van der Berg is on call.', ['van der Berg']],
    ['name field', 'Name: Jane Doe', ['Jane Doe']],
    ['qualified field', 'Cardholder name: Anna Kowalska', ['Anna Kowalska']],
    ['JSON keys', '{"first_name":"Lucas","last_name":"Moreau"}', ['Lucas', 'Moreau']],
    ['form field in capitals', 'NAME: JOHN SMITH\nDOB: 1990-01-01', ['JOHN SMITH']],
    ['greeting', 'Dear Michael,\nthanks for your patience.', ['Michael']],
    ['greeting with an ambiguous name', 'Hi Will, can you approve this?', ['Will']],
    ['my name is', 'My name is Zorblax Quintavius and I need help.', ['Zorblax Quintavius']],
    ["I'm", "Hi! I'm Ravi, I'll be your contact.", ['Ravi']],
    ['call', 'For payroll questions call John Smith at <PHONE_1>', ['John Smith']],
    ['ask / contact / email', 'Ask Priya, contact Laura Hill or email Benjamin Ward.', ['Priya', 'Laura Hill', 'Benjamin Ward']],
    ['cc', 'cc: Marcus Lee', ['Marcus Lee']],
    ['signature', 'Best regards,\nLukas Becker\nHead of Procurement', ['Lukas Becker']],
    ['dash signature', 'Thanks for the help.\n-- \nJonathan Price', ['Jonathan Price']],
    ['wrote:', 'On Tue, 5 Mar 2024 at 10:02, Peter Novak <peter@example.com> wrote:', ['Peter Novak']],
    ['name + email', 'Dana White (dana.white@example.com) asked for a refund.', ['Dana White']],
    ['name + phone', 'Nora Lindgren, +46 70 123 45 67', ['Nora Lindgren']],
    ['suffix kept in the span', 'Martin Luther King Jr. spoke here.', ['Martin Luther King Jr.']],
    ['degree left out of the span', 'Jane Doe, PhD, will chair the panel.', ['Jane Doe']],
    ['initials', 'J. R. Smith and John F. Kennedy signed.', ['J. R. Smith', 'John F. Kennedy']],
    ['hyphens and apostrophes', "Jean-Luc Picard met Liam O'Connor and D'Arcy Collins.", ['Jean-Luc Picard', "Liam O'Connor", "D'Arcy Collins"]],
    ['particles', 'Ludwig van Beethoven and Mohammed bin Salman.', ['Ludwig van Beethoven', 'Mohammed bin Salman']],
    ['al- prefix', 'Khalid al-Rashid renewed his plan.', ['Khalid al-Rashid']],
    ['no cue', 'I met Sarah yesterday; Kenji Tanaka joined later.', ['Sarah', 'Kenji Tanaka']],
    ['chat speakers', '[10:02] Priya: can you check?\n[10:03] Tom: on it', ['Priya', 'Tom']],
    ['possessive left out', "Mrs. Nakamura's flight was rebooked.", ['Nakamura']],
    ['ambiguous given name with a surname', 'Paris Hilton stayed at the hotel in Paris.', ['Paris Hilton']],
  ])('%s', (_label, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('detectPersons does not take capitalised non-names', () => {
  it.each([
    ['sentence-initial common words', 'Yesterday the team shipped it. Unfortunately The Payment Failed.'],
    ['title-case heading', 'Quarterly Revenue Report For Acme Corp'],
    ['months and weekdays', 'The audit is on Monday, March 4; invoices issued in May are due in June.'],
    ['modal verbs that are names', 'Will the April release include it? May I ask why?'],
    ['products and companies', 'Apple and Google rejected it; we moved from Microsoft Teams to Slack.'],
    ['brands named after people', "Morgan Stanley, Johnson & Johnson and Ben & Jerry's reported."],
    ['a city that is also a given name', 'Flights to Paris are cheap; we have offices in Denver and Austin.'],
    ['place names built on given names', 'San Francisco, Port Elizabeth and Lake Louise.'],
    ['streets and hotels', 'The Baker Street branch and the Hilton Hotel.'],
    ['job titles and teams', 'Dear Hiring Manager,\nthe Product Manager approved it.\nRegards,\nThe Support Team'],
    ['salutations to roles', 'Dear Customer, Hi Team, Hello World!'],
    ['shouting', 'PLEASE DO NOT REPLY TO THIS EMAIL. THE CUSTOMER IS VERY ANGRY.'],
    ['code and identifiers', 'Call Console.WriteLine, new HttpClient(), getJohnName() and user_Name; JavaScript too.'],
    ['a product in a name field', 'Product name: Deluxe Coffee Maker\nPrice: 19.99'],
    ['a word before a number', 'Troy 9792 3011 1777 3247 and Lot 20240315-001 passed QA.'],
    ['German nouns', 'Die Rechnung für die Bestellung ist angehängt.'],
  ])('%s', (_label, text) => {
    expect(names(text)).toEqual([]);
  });

  it('never reports a pseudonym token, whatever cue surrounds it', () => {
    const cues = ['Dear ', 'Name: ', 'Mr. ', 'call ', 'Regards,\n', 'My name is ', '', 'cc: ', '-- \n'];
    const afters = ['', ' wrote:', ',', ' Smith', ' at <EMAIL_1>', ': hi', '\n'];
    const tokens = ENTITY_TYPES.map((t) => `<${t}_`);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...cues), fc.constantFrom(...tokens), fc.nat(99), fc.constantFrom(...afters)), { minLength: 1, maxLength: 6 }),
        (parts) => {
          const text = parts.map(([cue, token, n, after]) => `${cue}${token}${n + 1}>${after}`).join(' ');
          const spans = [...text.matchAll(/<[A-Z_]+_\d+>/g)].map((m) => [m.index, m.index + m[0].length]);
          for (const e of detectPersons(text)) {
            for (const [s, t] of spans) expect(e.start >= (t ?? 0) || e.end <= (s ?? 0)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('offsets are UTF-16 code units', () => {
  it('around emoji and CJK', () => {
    const text = '😀👩‍💻 请联系 John Smith 获取更多信息。🎉 Dear Zoë 💐, 고객 Min-jun Lee 님';
    const found = detectPersons(text);
    expect(found.map((e) => e.value)).toEqual(['John Smith', 'Zoë', 'Min-jun Lee']);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.value);
    expect(found[0]?.start).toBe(text.indexOf('John'));
  });

  it('through detect(), next to other entities', () => {
    const text = '🎉 Contact Ms. Laura Hill at laura.h@example.co.uk or +44 7911 123456.';
    const person = detect(text).find((e) => e.type === 'PERSON');
    expect(person).toEqual({ type: 'PERSON', start: text.indexOf('Laura'), end: text.indexOf(' at'), value: 'Laura Hill' });
  });
});

describe('bounded work', () => {
  const MB = 1 << 20;
  const fill = (unit: string, size = MB): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

  it.each([
    ['capitalised words', 'Aaaa '],
    ['unknown pairs', 'Zorblax Quix '],
    ['name pairs', 'John Smith '],
    ['title cues', 'Mr. Aaaa '],
    ['particles', 'Aaaa van '],
    ['initials', 'A. '],
    ['pseudonym tokens', '<PERSON_1> '],
  ])('%s: tokens, pieces and tagger characters stay within linear bounds', (_label, unit) => {
    const stats = newStats();
    const found = detectPersons(fill(unit), { stats });
    expect(stats.tokens).toBeLessThanOrEqual(MB / 2);
    expect(stats.pieces).toBeLessThanOrEqual(stats.tokens);
    expect(found.length).toBeLessThanOrEqual(stats.pieces);
    expect(stats.nlpChars).toBeLessThanOrEqual(4096);
  });

  it('doubling the input doubles the work, and the tagger budget does not grow', () => {
    const one = newStats();
    const two = newStats();
    detectPersons(fill('we met Zorblax Quix and Anna. '), { stats: one });
    detectPersons(fill('we met Zorblax Quix and Anna. ', 2 * MB), { stats: two });
    expect(two.tokens).toBeGreaterThanOrEqual(2 * one.tokens - 3);
    expect(two.tokens).toBeLessThanOrEqual(2 * one.tokens + 3);
    expect(one.deferred).toBeGreaterThan(0);
    expect(two.nlpChars).toBeLessThanOrEqual(4096);
  });

  it('asks the tagger nothing when nlp is off or the budget is 0', () => {
    for (const options of [{ nlp: false }, { nlpBudgetChars: 0 }]) {
      const stats = newStats();
      detectPersons('Zorblax Quix and Li Na met Will Smith.', { ...options, stats });
      expect(stats.deferred).toBeGreaterThan(0);
      expect(stats.nlpCalls).toBe(0);
    }
  });

  it('the tagger settles what the lexicons cannot', () => {
    expect(names('Li Na won the match.', { nlp: false })).toEqual([]);
    expect(names('Li Na won the match.')).toEqual(['Li Na']);
  });
});
