// Capitalised words that are never part of a person name here (they split a run of capitalised
// words), and words that mark a name-shaped run as an organisation or place. Written for this
// detector; lower-case, "_" stands for a space.
import { wordSet } from './split';

/** Closed-class words in the languages the corpus covers: articles, pronouns, prepositions, ... */
const FUNCTION_WORDS = `
a an the this that these those there here it its i me my mine we us our ours you your yours he him his she her hers
they them their theirs who whom whose which what when where why how whoever whatever whichever
and or nor but yet so if then else than because although though unless while whereas since until till
of in on at by for with without within from to into onto upon over under above below between among through
throughout during before after about around against along across behind beyond near off out up down via per
is are was were be been being am do does did done has have had having would shall should can could
might must not no yes yeah yep nope ok okay please also just only even still already again too very really
all any each every some many much more most few less least both either neither none one two three four five
six seven eight nine ten first second third last next previous new old other another such same own
re fw fwd aw ps nb eg ie etc vs cf ok
der die das den dem des ein eine einer einem einen und oder aber ich du er sie es wir ihr ihnen ihm
mit von vom für bei beim nach zu zum zur im am um auf aus an in ist sind war waren wird werden hat haben
bitte danke nicht kein keine sehr auch noch schon hier dort wie was wer wo wann warum
le la les un une des du de et ou mais je tu il elle nous vous ils elles avec pour par sur dans chez sans
est sont était merci oui non très aussi ici où quand comment pourquoi ce cette ces mon ma mes ton ta
el los las unos unas y o pero yo tú él ella nosotros vosotros ellos ellas usted ustedes con para por en sin
es son era gracias sí muy también aquí dónde cuándo cómo porque este esta estos estas mi mis su sus
il lo gli uno una e io lui lei noi voi loro con per tra fra è sono era grazie anche qui dove come
het een en maar ik jij hij zij wij jullie met voor door naar bij uit is zijn was niet geen ook hier waar
o os as um uma ou mas eu ele ela nós vocês com para por em sem é são era obrigado obrigada também aqui
`;

/** Months, weekdays, relative days and holidays (months that are also given names are ambiguous instead). */
const CALENDAR = `
january february march july september october november december feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat
today tomorrow yesterday tonight weekend weekday morning afternoon evening night noon midnight
januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
janvier février mars avril juin juillet août septembre octobre novembre décembre
lundi mardi mercredi jeudi vendredi samedi dimanche
enero febrero marzo mayo junio julio agosto septiembre octubre noviembre diciembre
lunes martes miércoles jueves viernes sábado domingo
gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
lunedì martedì mercoledì giovedì venerdì sabato
christmas xmas easter thanksgiving halloween ramadan eid diwali hanukkah passover ostern weihnachten noël navidad
q1 q2 q3 q4 fy h1 h2
`;

/** Roles, job titles and departments: "Dear Hiring Manager", "ask Legal", "the Support Team". */
const ROLES = `
team teams staff crew department dept division unit office desk group board committee council management
support helpdesk service services sales marketing finance accounting accounts billing payroll legal compliance
procurement purchasing operations ops engineering product design security it hr admin administration
research development logistics shipping warehouse reception frontdesk concierge recruiting recruitment talent
customer customers client clients user users member members guest guests visitor visitors patient patients
partner partners vendor vendors supplier suppliers applicant applicants candidate candidates employee employees
colleague colleagues friend friends everyone everybody all folks people guys ladies gentlemen sir madam madame
manager managers director directors president vice chief head lead leader officer executive exec chair chairman
chairwoman chairperson founder cofounder owner ceo cfo cto coo cio ciso vp svp evp gm pm
engineer engineers developer developers programmer architect analyst analysts consultant consultants specialist
coordinator administrator assistant associate intern trainee apprentice supervisor foreman technician operator
agent agents representative rep reps advisor adviser counsel attorney lawyer paralegal accountant auditor
clerk cashier secretary receptionist nurse physician surgeon pharmacist therapist dentist teacher tutor
instructor lecturer student students principal editor writer author reporter journalist photographer
designer scientist researcher inspector investigator detective sergeant constable lieutenant captain colonel
general admiral commander governor senator mayor minister ambassador secretary-general
senior junior principal staff associate assistant deputy acting interim regional global national
`;

/**
 * Words that turn a preceding name-shaped run into an organisation, place or thing
 * ("Hilton Hotel", "Baker Street", "Morgan Stanley Bank"). A segment directly followed by one is dropped.
 */
export const ORG_FOLLOWERS = wordSet(`
inc inc. ltd ltd. llc llp plc gmbh ag kg sa sas sarl srl spa bv nv ab oy as asa kk pty co corp corp. corporation
company companies group holding holdings partners associates brothers bros sons enterprises industries
international worldwide global labs lab technologies technology tech systems solutions software services consulting
capital ventures investments bank banking insurance financial finance trust fund foundation institute university
college school academy hospital clinic medical health pharma pharmaceuticals motors airlines airways energy foods
media studio studios records publishing press news times post journal magazine network networks telecom
street st road rd avenue ave boulevard blvd lane ln drive way court ct place pl square sq terrace crescent
park bridge river lake mountain mount mt island islands bay beach valley hills heights city county state province
district region center centre mall plaza tower towers building hall house church cathedral chapel temple mosque
museum library gallery theatre theater stadium arena airport station terminal port harbour harbor hotel hotels
resort inn motel restaurant cafe café bar pub shop store stores market supermarket pharmacy
team department office agency ministry council committee association society club union league federation
award awards prize act law protocol project program programme initiative platform framework library sdk api
cloud server edition version pro plus max mini ultra lite index theorem effect syndrome disease method
algorithm distribution test scale cup festival conference summit expo fair day week month year
`);

/** Form labels and headers that end in ":" ("Subject: Meeting", "Note: ...") and similar tokens. */
const LABELS = `
subject note notes status error warning info information debug trace fatal date time total subtotal tax
summary description title priority type category result results question answer step steps example update
updates action actions response request comment comments reason reference ref id number no nr amount
address phone email e-mail mail tel fax mobile cell web website url link attachment attachments file files
topic agenda minutes location venue room floor level item items order orders invoice ticket case issue bug
feature task tasks story epic sprint release build deploy deployment environment env region zone cluster node
input output prompt system assistant model tool function user bot ai llm gpt api key token secret password
welcome intro introduction overview background context conclusion appendix chapter section part figure
table chart step phase stage round version v attn attention regards thanks thank cheers best sincerely
hello hi hey dear greetings morning yours kind warm warmest cordially respectfully love xoxo br thx
mr mrs ms mx miss mister dr doctor prof professor sir dame lord lady herr herrn frau fr hr mme mlle
monsieur sr sra srta señor señora señorita dott dra sig signor signora dhr mevr mevrouw meneer
rev capt col gen lt sgt hon
`;

/** Nationalities, languages, religions and other capitalised adjectives. */
const DEMONYMS = `
english british american canadian australian irish scottish welsh french german dutch belgian swiss austrian
spanish portuguese italian greek polish czech slovak hungarian romanian bulgarian serbian croatian slovenian
russian ukrainian belarusian swedish norwegian danish finnish icelandic estonian latvian lithuanian turkish
arabic arab persian iranian iraqi syrian lebanese israeli hebrew egyptian moroccan algerian tunisian nigerian
kenyan ghanaian ethiopian african asian european latin latino hispanic chinese japanese korean vietnamese thai
indonesian malaysian filipino indian pakistani bangladeshi sri lankan nepali mexican brazilian argentinian
chilean colombian peruvian venezuelan cuban catholic protestant muslim islamic jewish hindu buddhist
sikh western eastern northern southern north south east west central
deutsch deutsche deutschen französisch englisch spanisch italienisch français française anglais allemand
español española inglés italiano italiana
`;

/** Products, companies and technical words that look like names in prose. */
const BRANDS_AND_TECH = `
apple google alphabet microsoft amazon aws meta facebook instagram whatsapp twitter x linkedin youtube tiktok
netflix spotify uber lyft airbnb oracle ibm intel amd nvidia cisco adobe salesforce sap siemens bosch philips
samsung sony lg huawei xiaomi lenovo asus acer hp toyota honda nissan bmw audi volkswagen vw porsche ferrari
lamborghini volvo hyundai kia fiat renault peugeot citroen skoda nike adidas puma zara ikea lego nestle unilever
visa mastercard amex paypal stripe square klarna revolut shopify slack zoom teams outlook gmail hotmail yahoo
excel word powerpoint onenote sharepoint onedrive dropbox box notion trello asana jira confluence atlassian
github gitlab bitbucket git docker kubernetes k8s helm terraform ansible jenkins circleci travis vercel netlify
heroku cloudflare akamai fastly datadog grafana prometheus kibana elastic elasticsearch splunk sentry pagerduty
linux ubuntu debian fedora centos redhat windows macos ios android chrome chromium firefox safari edge opera
python java javascript typescript node nodejs deno bun rust golang kotlin scala haskell perl php csharp dotnet
react angular vue svelte nextjs nuxt django flask fastapi rails laravel spring express nest nestjs
redis postgres postgresql mysql mariadb mongodb mongo sqlite cassandra kafka rabbitmq spark hadoop snowflake
databricks bigquery redshift dynamodb qdrant pinecone weaviate milvus lancedb bullmq openai anthropic chatgpt
gpt copilot bard llama mistral mixtral grok cohere huggingface pytorch tensorflow keras numpy pandas
zendesk freshdesk intercom hubspot mailchimp twilio sendgrid okta auth0 workday bamboohr gusto quickbooks xero
wikipedia reddit discord telegram signal skype webex wechat weibo alibaba tencent baidu yandex
`;

/** Common capitalised nouns in German, French, Spanish, Italian and Dutch business text. */
const FOREIGN_COMMON = `
rechnung rechnungen bestellung auftrag angebot vertrag kunde kunden kundin mitarbeiter mitarbeiterin firma
unternehmen abteilung geschäftsführer geschäftsführung leiter leiterin termin termine besprechung sitzung
anfrage antwort frage fragen problem probleme lösung bericht projekt projekte zahlung überweisung konto
betrag preis preise lieferung versand adresse straße strasse stadt land woche monat jahr tag tage heute morgen
grüße gruß grüßen freundlichen vielen dank hallo liebe lieber sehr geehrte geehrter damen herren team
facture commande devis contrat client cliente société entreprise service équipe rendez-vous réunion
demande réponse question problème solution rapport projet paiement virement compte montant prix livraison
adresse rue ville semaine mois année jour bonjour bonsoir salut cordialement madame monsieur messieurs
factura pedido presupuesto contrato cliente empresa servicio equipo reunión cita solicitud respuesta pregunta
problema solución informe proyecto pago transferencia cuenta importe precio entrega dirección calle ciudad
semana mes año día hola saludos estimado estimada querido querida señores
fattura ordine preventivo contratto cliente azienda servizio squadra riunione appuntamento richiesta risposta
domanda problema soluzione rapporto progetto pagamento bonifico conto importo prezzo consegna indirizzo via
città settimana mese anno giorno ciao buongiorno saluti gentile caro cara
factuur bestelling offerte contract klant bedrijf dienst afdeling vergadering afspraak verzoek antwoord vraag
probleem oplossing rapport project betaling rekening bedrag prijs levering adres straat stad week maand jaar dag
hallo hoi beste groeten
`;

/** Never a name word: a run of capitalised words is split at these ("Jr" ends a name; the span takes it back). */
export const NEVER_NAME = wordSet(
  FUNCTION_WORDS,
  CALENDAR,
  ROLES,
  LABELS,
  DEMONYMS,
  'jr sr phd esq mba cpa reply-to san santa santo são sankt saint sainte los las',
);

/** Capitalised common words and brands (a name only where the lexicons also list them). */
export const EXTRA_COMMON = wordSet(BRANDS_AND_TECH, FOREIGN_COMMON);

/**
 * Given names that are often something else: months, assistants, cities, brands. Such a name needs a
 * cue or a surname next to it ("June Carter", "Dear Paris,").
 */
export const AMBIGUOUS_NAMES = wordSet(`
april may june august augusta mai eve claude gemini alexa siri cortana jasper ruby julia ada django jenkins mercedes
chanel tiffany dell ford tesla porsche florence sydney victoria austin dallas houston jackson madison charlotte
phoenix savannah georgia virginia carolina alexandria orlando adelaide chelsea kingston lincoln washington
columbus denver aurora salem helena regina paris london jordan israel chad china india kenya asia africa
america florida montana nevada dakota brooklyn sierra siena verona lorraine valencia santiago lourdes
sofia vienna milan genoa florence berlin hamilton wellington winston churchill marshall sherman
rio lima quito havana santa san saint trinity angel angels christian christ jesus allah god lord
amazon nike apollo atlas echo nova luna stella orion venus mars jupiter mercury neptune pluto
`);

/** Lower-case particles inside names: "Ludwig van Beethoven", "Maria de la Cruz", "Mohammed bin Salman". */
export const PARTICLES = wordSet(`
van von der den de del della delle di da das dos du la le les ten ter zu af bin binti ibn bint al el
st. st
`);

/** Companies and brands named after people: a name-shaped run equal to one of these is not a person. */
export const BRAND_PHRASES = wordSet(`
morgan_stanley goldman_sachs wells_fargo herman_miller charles_schwab merrill_lynch lehman_brothers
harley_davidson harley-davidson rolls_royce rolls-royce louis_vuitton calvin_klein ralph_lauren
tommy_hilfiger hugo_boss christian_dior estée_lauder estee_lauder jack_daniel johnnie_walker walt_disney
warner_bros dow_jones mercedes-benz mercedes_benz aston_martin alfa_romeo land_rover ted_baker kate_spade
michael_kors tory_burch vera_wang ben_jerry ernst_young marks_spencer procter_gamble johnson_johnson
barnes_noble dolce_gabbana simon_schuster deloitte_touche arthur_andersen john_deere john_lewis
paul_smith tim_hortons betty_crocker ronald_mcdonald
`);
