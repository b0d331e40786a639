// Given names written for this detector, to cover what the faker locale data lacks in Latin script:
// romanised East Asian, South Asian, Arabic, Persian, Hebrew, African, Slavic, Greek, Gaelic and
// common English short forms. Written by hand from general knowledge; not copied from a list.
export const GIVEN_NAMES = `
wei fang jing min lei jun yan hui ying xin hao mei ling xiaoming xiaoling jian jie ming qiang tao yong
lina xiu xiuying yun zhen zhiwei zihan haoran yuxuan yichen zixuan ruoxi xinyi shu chen hong hua kai
bo ping qing rui song ting xia xue yue zhi zhong jiahui jiayi meiling weiwei junjie jianguo guoqiang
kenji hiroshi takashi akira yuki haruto sota yuto hinata yui aoi sakura hana yumi keiko naoko hiroko
taro ichiro kenta daisuke shota riku kaito emi ayumi haruka kazuki kenichi makoto masato naoki ryo
ryota satoshi shin shinji takumi tomoko yoko yoshiko yuko yusuke akiko ayaka chihiro eri kaori mai mami
megumi misaki nanami rina saki sayaka yuka yuna hikari kaede koharu mio riko sora tsubasa hayato
minjun seoyeon jihoon jiwoo hyunwoo soojin jiyeon jaehyun eunji yuna minji seojun doyun jiho hajun
jisoo jiwon minseo seoyun chaewon dahyun hyejin jungwoo sangmin seungho taeyang younghee youngsoo
min-jun seo-yeon ji-hoon ji-woo hyun-woo soo-jin ji-yeon jae-hyun eun-ji min-ji seo-jun ji-ho
priya raj rahul amit anil sunil vijay arjun aditya rohan ananya deepak neha pooja kavya lakshmi sanjay
suresh ramesh ravi krishna vikram karthik divya shreya anjali nisha aarav vivaan ishaan sai reyansh
ayaan krish dhruv kabir advik aadhya diya saanvi anika pari myra sara ira riya meera tara asha usha
geeta sita radha rani sunita anita kiran manoj rajesh mahesh ganesh dinesh naresh mukesh rakesh
arun varun tarun nikhil akhil sachin saurabh gaurav vishal vivek abhishek ankit rohit mohit sumit
arvind ashok prakash srinivas venkat balaji murali hari gopal shankar parvati savitri kamala padma
harpreet gurpreet manpreet jaspreet simran navjot amrit baljit kuldeep sandeep pradeep rupinder
mohammed muhammad mohamed mohammad ahmed ahmad ali omar umar hassan hasan hussein husain yusuf yousef
ibrahim khalid fatima aisha ayesha layla leila mariam maryam noor nour zainab amina karim rania samir
tariq tarek mustafa mostafa mahmoud hamza bilal faisal saad salman sultan walid yasmin yasmine zahra
hana huda iman jamila khadija laila lina malak nadia nadine rana reem salma samira sana sara soraya
abdul abdullah abdulrahman abdelaziz adel amir anas ayman aziz bashir farid fares fouad ghassan habib
hadi hakim hamid hisham imran ismail jamal jawad kamal majid marwan mounir nabil nasser nizar osama
qasim rami rashid riad said saleh salim sami sherif tamer wael waleed yahya yasser youssef ziad
reza ali-reza dariush farhad farzaneh hossein mahsa mehdi mina nasrin parisa payam ramin roya shirin
ariel avi avraham chaim dov eitan elad eyal gal guy ido itai lior moshe noam ofer oren shai shira tal
tamar yael yair yehuda yonatan yosef zohar noa maya michal efrat hila keren liat orit rivka sarit
chinedu ngozi oluwaseun adebayo kwame kofi ama abena thabo sipho zanele wanjiru njeri otieno chidi
chiamaka emeka ifeoma obinna uchenna adaeze chukwuemeka nnamdi oluwadamilare olumide tunde bukola
folake funmilayo yetunde ayodele babajide kehinde taiwo femi segun tolu temitope kunle dayo yaw
kwabena kwaku akosua efua esi adjoa nana kojo kwesi amara ayana nia zuri imani baraka jabari juma
kamau mwangi wairimu achieng akinyi atieno onyango odhiambo wambui nyambura lindiwe nomvula sibusiso
themba lerato palesa naledi bongani mandla sizwe tendai tatenda farai chipo rudo tapiwa amani
ivan dmitri dmitry sergei sergey alexei alexey andrei andrey nikolai mikhail vladimir yuri boris oleg
igor pavel anton artem maxim kirill denis roman ilya egor olga natasha natalia ekaterina yekaterina
tatiana svetlana irina elena anastasia yulia oksana galina ludmila larisa marina polina daria ksenia
alina vera nadezhda valentina zoya taras bohdan mykola mykhailo oleksandr oleksiy volodymyr yaroslav
nikos giorgos dimitris yannis kostas panagiotis christos vasilis eleni maria katerina sofia georgia
ioanna despina athena konstantinos stavros spyros thanos
siobhan niamh aoife saoirse ciara ciaran padraig eoin cian oisin sean seamus eamon fionn aisling
caoimhe roisin grainne orla sinead tadhg diarmuid donal colm darragh ruairi muireann eilidh iain
hamish callum mhairi morag ailsa catriona lachlan fergus angus alasdair kirsty rhona isla euan
jose juan carlos luis miguel jorge pedro pablo diego alejandro javier manuel rafael fernando ricardo
sofia lucia valentina camila isabella mariana gabriela daniela paula andrea carmen rosa pilar teresa
mateo santiago sebastian nicolas emiliano leonardo joaquin tomas ximena renata regina guadalupe
joao tiago goncalo rodrigo duarte afonso beatriz ines leonor matilde mariana francisca
juan-carlos jose-luis maria-jose ana-maria jean-luc jean-pierre jean-paul jean-marc marie-claire
marie-laure anne-sophie pierre-yves
bob bobby rob robbie bill billy will willie tom tommy jim jimmy mike mikey dave davy steve stevie
chris kate katie liz lizzie beth betty sue susie meg maggie jen jenny jess jessie becky vicky nicky
nick tony andy danny dan ben benny sam sammy alex pat patty joe joey jack jackie ken kenny ted teddy
fred freddie ed eddie al rick ricky dick rich richie greg matt matty josh zach zack jake nate pete
phil doug hank chuck chet lou larry gary barry jerry terry harry charlie ollie alfie archie freddy
abby addie allie annie cathy debbie dottie ellie emmy evie gracie hattie izzy jo josie lottie lucy
millie molly nellie polly rosie sadie sally tilly trish viv winnie
`;
