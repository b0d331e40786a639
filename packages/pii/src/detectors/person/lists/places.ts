// World cities, regions and countries (the faker place data covers mostly the US): a given name that
// is also one of these needs a cue or a surname ("Paris Hilton", not "flights to Paris").
export const PLACES = `
tokyo osaka kyoto yokohama seoul busan beijing shanghai shenzhen guangzhou chengdu wuhan hangzhou nanjing
hongkong macau taipei singapore bangkok hanoi saigon jakarta manila kualalumpur mumbai delhi bangalore
bengaluru chennai kolkata hyderabad pune ahmedabad karachi lahore islamabad dhaka kathmandu colombo
dubai abudhabi doha riyadh jeddah muscat kuwait manama tehran baghdad damascus beirut amman jerusalem
telaviv haifa ankara istanbul izmir cairo alexandria casablanca rabat tunis algiers tripoli lagos abuja
accra nairobi mombasa kampala kigali addis dakar johannesburg pretoria durban capetown harare lusaka
london manchester birmingham liverpool leeds glasgow edinburgh cardiff belfast bristol oxford cambridge
dublin cork galway paris lyon marseille toulouse nice nantes bordeaux lille strasbourg brussels antwerp
amsterdam rotterdam utrecht eindhoven berlin hamburg munich münchen cologne köln frankfurt stuttgart
düsseldorf dresden leipzig hannover nuremberg bremen zurich zürich geneva genf basel bern vienna wien
salzburg graz prague brno bratislava budapest warsaw krakow kraków gdansk wroclaw vilnius riga tallinn
helsinki stockholm gothenburg oslo bergen copenhagen aarhus reykjavik madrid barcelona valencia seville
sevilla bilbao malaga lisbon lisboa porto rome roma milan milano naples napoli turin torino florence
firenze venice venezia bologna genoa palermo athens thessaloniki sofia bucharest belgrade zagreb
ljubljana sarajevo kyiv kiev lviv odesa minsk moscow petersburg novosibirsk
toronto montreal vancouver ottawa calgary edmonton quebec winnipeg halifax sydney melbourne brisbane perth
adelaide canberra auckland wellington christchurch mexico guadalajara monterrey bogota bogotá medellin
lima quito caracas santiago buenos aires montevideo asuncion lapaz sao paulo rio brasilia salvador
fortaleza recife havana kingston panama
usa uk uae eu europe asia africa america americas oceania antarctica australia canada brazil argentina
chile peru colombia venezuela ecuador bolivia uruguay paraguay cuba jamaica haiti germany france spain
portugal italy greece turkey russia ukraine poland czechia austria switzerland belgium netherlands holland
luxembourg denmark norway sweden finland iceland ireland scotland wales england britain estonia latvia
lithuania hungary romania bulgaria serbia croatia slovenia slovakia bosnia albania macedonia moldova
belarus georgia armenia azerbaijan kazakhstan uzbekistan china japan korea taiwan vietnam thailand
cambodia laos myanmar malaysia indonesia philippines india pakistan bangladesh nepal bhutan lanka iran
iraq syria lebanon jordan israel palestine egypt libya tunisia algeria morocco sudan ethiopia somalia
kenya uganda tanzania rwanda nigeria ghana senegal cameroon congo angola zambia zimbabwe mozambique
namibia botswana madagascar saudi qatar bahrain oman yemen kuwait afghanistan mongolia
deutschland frankreich spanien italien österreich schweiz niederlande england russland china japan
allemagne angleterre espagne italie suisse belgique pays-bas alemania francia inglaterra italia suiza
bavaria bayern tyrol tirol catalonia catalunya andalusia tuscany toscana provence normandy brittany
siberia scandinavia balkans caribbean mediterranean atlantic pacific arctic sahara alps himalaya amazonas
california texas florida newyork york ohio michigan illinois georgia virginia carolina arizona nevada
oregon washington colorado utah idaho montana wyoming dakota nebraska kansas oklahoma iowa missouri
arkansas louisiana mississippi alabama tennessee kentucky indiana wisconsin minnesota maine vermont
massachusetts connecticut jersey delaware maryland pennsylvania hawaii alaska ontario alberta manitoba
silicon valley manhattan brooklyn queens bronx hollywood
`;
