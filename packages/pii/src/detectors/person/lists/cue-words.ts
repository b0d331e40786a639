// Words around a name that make it one. Lower-case; "_" stands for a space.
import { wordSet } from './split';

/** Titles and honorifics written before a name: "Mr. Smith", "Frau Schneider", "Sra. López". */
export const TITLES = wordSet(`
mr mrs ms mx miss mister dr doctor prof professor sir dame lord lady herr herrn frau fr hr mme mlle madame
monsieur m sr sra srta señor señora señorita sñr dott dottssa dra sig signor signora sigra dhr mevr mevrouw
meneer rev reverend father sister brother capt captain col colonel gen general lt lieutenant sgt sergeant
judge justice hon rabbi imam pastor sheikh ing mag
`);

/** Greetings before a name: "Dear Jane,", "Hallo Herr ...", "Hola María". */
export const GREETINGS = wordSet(`
dear dearest hi hello hey hiya howdy greetings morning hallo moin servus liebe lieber liebes geehrte geehrter
bonjour bonsoir salut coucou cher chère chers hola estimado estimada querido querida ciao salve caro cara
gentile gentilissimo gentilissima olá oi prezado prezada beste hoi witam drogi droga szanowny szanowna hej
kære hei
`);

/** Words that close a message before a signature line: "Best regards,\nJane Doe". */
export const CLOSINGS = wordSet(`
regards regard thanks thank thx cheers best sincerely yours truly respectfully cordially faithfully love xoxo
wishes br grüße gruß grüssen grüßen gruss lg mfg cordialement amitiés salutations saludos atentamente abrazos
saluti distinti cordiali groet groeten pozdrawiam hilsen hälsningar
`);

/**
 * Words right before a name that introduce a person: "call Jane", "ask Priya", "cc: Tom".
 * Weaker than a title; the name still has to look like one.
 */
export const VERB_CUES = wordSet(`
call called calling ask asked asking contact contacted contacting email emailed emailing e-mail mail mailed
text texted ping pinged message messaged tell told thank thanks thx meet met meeting invite invited
introduce introduced notify notified remind reminded pay paid hire hired cc bcc attn attention per
tag tagged loop looped mention mentioned page paged help helped visit visited congratulate congratulations
welcome welcomed
`);

/** "... to Jane": the verb before "to" makes the "to" a cue. */
export const TO_VERBS = wordSet(`
talk talked speak spoke spoken reach out forward forwarded send sent assign assigned escalate escalated
report reported write wrote reply replied respond responded introduce introduced give gave pass passed
hand handed refer referred according belongs belonged addressed married engaged
`);

/** "... by Jane": signed by, approved by. */
export const BY_VERBS = wordSet(`
approved signed reported created sent written submitted requested reviewed handled assigned authored edited
prepared raised opened closed resolved owned managed led hosted presented filed made
`);

/** "... with Jane": meet with, spoke with. */
export const WITH_VERBS = wordSet(`
speak spoke spoken talk talked talking meet met meeting call called chat chatted chatting work worked working
sync synced lunch dinner coffee
`);

/** Field labels that introduce a person's name: "Name:", "Patient:", "customer_name". */
export const NAME_LABELS = wordSet(`
name names fullname surname surnames forename forenames patient cardholder holder beneficiary recipient sender
applicant attendee assignee reporter requester requestor author owner signatory signed contact guest passenger
employee customer client tenant landlord debtor creditor payee payer driver insured policyholder nominee
nome cognome nombre apellido apellidos vorname nachname nom prénom prenom naam voornaam achternaam imię nazwisko
`);

/** Words before a label that keep it about a person: "Full name:", "customer_name". */
export const PERSON_QUALIFIERS = wordSet(`
full first last given family middle maiden legal birth customer client patient employee contact guest passenger
user your my his her their holder account cardholder card emergency next kin parent guardian spouse partner
primary secondary billing shipping sender recipient display real
`);

/** Phrases (previous words, nearest last) that introduce oneself: "my name is Jane". Strong. */
export const SELF_STRONG = [
  ['my', 'name', 'is'],
  ['my', "name's"],
  ['call', 'me'],
  ['me', 'llamo'],
  ['mi', 'nombre', 'es'],
  ["m'appelle"],
  ['ich', 'heiße'],
  ['ich', 'heisse'],
  ['mein', 'name', 'ist'],
  ['mi', 'chiamo'],
  ['mijn', 'naam', 'is'],
  ['meu', 'nome', 'é'],
  ['nazywam', 'się'],
  ['name', 'is'],
] as const;

/** Weaker self-introductions: "I'm Jane", "this is Jane from billing". */
export const SELF_WEAK = [
  ['i', 'am'],
  ["i'm"],
  ['im'],
  ['this', 'is'],
  ["it's"],
  ['ich', 'bin'],
  ['je', 'suis'],
  ['soy'],
  ['sono'],
  ['ik', 'ben'],
  ['eu', 'sou'],
] as const;
