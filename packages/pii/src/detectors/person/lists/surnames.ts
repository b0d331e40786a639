// Surnames written for this detector, to add common family names the faker locale data lacks or
// spells differently: English, Gaelic, Iberian, romanised East and South Asian, Arabic, Persian,
// Hebrew, African, Slavic, Greek. Written by hand from general knowledge; not copied from a list.
export const SURNAMES = `
smith johnson williams brown jones miller davis garcia rodriguez wilson martinez anderson taylor thomas
hernandez moore martin jackson thompson white lopez lee gonzalez harris clark lewis robinson walker perez
hall young allen sanchez wright king scott green baker adams nelson hill ramirez campbell mitchell roberts
carter phillips evans turner torres parker collins edwards stewart flores morris nguyen murphy rivera cook
rogers morgan peterson cooper reed bailey bell gomez kelly howard ward cox diaz richardson wood watson
brooks bennett gray grey james reyes cruz hughes price myers long foster sanders ross morales powell
sullivan russell ortiz jenkins gutierrez perry butler barnes fisher henderson coleman simmons patterson
jordan reynolds hamilton graham kim gonzales alexander ramos wallace griffin west cole hayes chavez gibson
bryant ellis stevens murray ford marshall owens mcdonald harrison ruiz kennedy wells alvarez woods mendoza
castillo olson webb washington tucker freeman burns henry vasquez snyder simpson crawford jimenez porter
mason shaw gordon wagner hunter romero hicks dixon hunt palmer robertson black holmes stone meyer boyd
mills warren fox rose rice moreno schmidt patel ferguson nichols herrera medina ryan fernandez weaver
daniels stephens gardner payne kelley dunn pierce arnold tran spencer peters hawkins grant hansen castro
hoffman hart elliott cunningham knight bradley davies clarke lloyd hughes harvey pearson doe roe
obrien oconnor oneill odonnell oreilly osullivan omalley obrian o'brien o'connor o'neill o'donnell
o'reilly o'sullivan o'malley o'hara o'leary o'shea o'rourke o'keefe o'callaghan o'dowd
doherty byrne walsh kavanagh gallagher quinn fitzgerald mccarthy macleod mackenzie macdonald mcguire
mcallister mclaughlin mckenna mcmahon mcnamara mcbride mccann mcgrath mcdermott mcintyre mackay maclean
nic ní ó
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang xie tang
han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng su lu ding ren shen yao jin
wei lv fan fu gu hou kong lai meng qian qin shi tan wen xiong yan yin zhong chan cheung wong lau leung
ng chow tsang yip kwok lam mak tse yeung chiu
tanaka suzuki sato takahashi watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu saito yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima
maeda fujita ogawa goto okada hasegawa murakami kondo ishii sakamoto endo aoki fujii nishimura fukuda ota
miura fujiwara okamoto matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida
park choi jung jeong kang cho yoon jang lim oh seo shin kwon hwang ahn song yoo hong jeon ko moon yang
son baek heo nam sim noh ha kwak sung cha joo woo min ryu na jin
sharma singh kumar gupta reddy iyer nair menon rao das bose chatterjee banerjee mukherjee verma mehta shah
joshi desai kapoor malhotra agarwal aggarwal pillai raghunathan krishnan subramanian srinivasan
venkatesh ramanathan natarajan chandrasekhar bhat bhatt chopra khanna saxena sinha mishra pandey tiwari
dubey yadav chauhan thakur rathore jain shetty hegde kamath naidu choudhary chaudhary ghosh dutta sen
roy mitra basu sengupta dasgupta bhattacharya chakraborty acharya kulkarni deshpande patil pawar jadhav
gill sandhu dhillon sidhu grewal bajwa randhawa khan qureshi siddiqui ansari hussain malik chaudhry
butt awan mirza sheikh shaikh akhtar rahman islam uddin hossain chowdhury begum ahmed
al-sayed al-rashid al-masri al-hashimi al-farsi al-khalil al-amin al-najjar al-zahrani al-qahtani
al-otaibi al-ghamdi al-shamsi al-mansouri abdullah haddad khoury mansour nasser saleh rahman hakim
hamdan darwish haddad jaber khalil mahmoud mustafa najjar qasim saad sabbagh shadid suleiman yassin
aziz bakr farouk ghanem hafez hamdi ibrahim kassab karam nassar rizk salem sayed tawfik zaki
ahmadi hosseini rezaei mohammadi karimi moradi jafari rahimi hashemi mousavi sadeghi tehrani
cohen levi levy mizrahi peretz biton friedman katz shapiro goldberg rosenberg weiss klein kaplan
ben-david avraham dahan azoulay gabay ohana amar
okafor okoro eze mensah boateng mwangi kamau nkosi dlamini adeyemi okonkwo obi nwosu chukwu abubakar
bello musa adeleke balogun ogunleye oyelaran osei asante owusu appiah agyeman ofori addo otieno ochieng
odhiambo kiplagat kipchoge njoroge wanjiku mutua kariuki ndlovu mokoena khumalo zulu mahlangu moyo
ivanov ivanova petrov petrova smirnov smirnova kuznetsov kuznetsova popov popova volkov volkova sokolov
sokolova lebedev lebedeva kozlov kozlova novikov novikova morozov morozova pavlov pavlova semenov
egorov orlov orlova vasiliev fedorov mikhailov nikolaev romanov zaitsev shevchenko kovalenko bondarenko
tkachenko kravchenko melnyk boyko koval
papadopoulos papadopoulou georgiou nikolaou dimitriou ioannou konstantinou christodoulou pappas
karagiannis vlachos economou alexiou
`;
