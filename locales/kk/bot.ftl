## Боттың қазақша мәтіндері. Әр кілт en/ және ru/ ішінде де бар (мұны тест тексереді).
## Мәтіндер — Telegram HTML: <b>, <i>, <code>. Қойылатын мәндерді бот өзі экрандайды.

language-name = Қазақша

## /start, /language

start-greeting =
    Сәлеметсіз бе, { $name }! Бұл — <b>Антикоррупциялық майдан</b> боты.

    Мұнда азаматтар сыбайлас жемқорлық туралы қауіпсіз түрде хабарлай алады, антикоррупциялық комиссарлар хабарламаларды жергілікті жерде тексереді, өзгеріс елшілері жиналған дәлелдер негізінде мемлекеттік органдарға өтініш жолдайды, ал омбудсмендер баршаға хабарландыру жасайды.

    Бот тілін таңдаңыз:
start-welcome =
    <b>Антикоррупциялық майданға</b> қош келдіңіз.

    Сіздің рөлдеріңіз: { $roles }.
    Мәтін енгізу өрісінің жанындағы мәзірде сіздің командаларыңыз бар; /help оларды түсіндіреді, ал /privacy бот сіз туралы не сақтайтынын айтады.
language-choose = Бот тілін таңдаңыз:
language-saved = Дайын: бот енді қазақша сөйлейді.

## /help

help-roles = <b>Сіздің рөлдеріңіз:</b> { $roles }
help-commands = <b>Сіздің командаларыңыз:</b>
help-line = /{ $command } — { $description }
help-footer = /cancel кез келген қадамда кез келген диалогты тоқтатады. Сіз растамаған ештеңе сақталмайды.

## Рөлдер

role-citizen = азамат
role-commissar = антикоррупциялық комиссар
role-ambassador = өзгеріс елшісі
role-ombudsman = омбудсмен
role-coordinator = үйлестіруші
role-in-region = { $role } ({ $region })

## Командалар мәзірі (әрқайсысы бір жол, 256 таңбадан аспайды)

command-start = Қайта бастау: сәлемдесу және мәзіріңіз
command-help = Рөлдеріңіз бен командаларыңыз
command-region = Өңіріңізді таңдау
command-language = Тілді өзгерту
command-privacy = Бот не сақтайды және оны кім көреді
command-cancel = Ағымдағы диалогтан шығу
command-myregions = Комиссар ретінде бекітілген өңірлеріңіз
command-stats = Статистика: адамдар, жазылушылар, еріктілер
command-grant = Ерікті рөлін беру
command-revoke = Ерікті рөлін алып тастау
command-staff = Ерікті рөлі бар барлық адамдар

## /privacy

privacy-text =
    <b>Құпиялылық</b>

    <b>Бот сіз туралы не сақтайды:</b> Telegram id нөміріңіз, Telegram-да көрсетілетін атыңыз бен пайдаланушы атыңыз, өзіңіз таңдаған тіл мен өңір, сондай-ақ үйлестіруші сізге берген ерікті рөлі (егер болса).

    <b>Хабарламалармен жұмыс істейтіндер оларды кім жібергенін ешқашан білмейді.</b> Комиссарлар мен өзгеріс елшілері сіздің Telegram id нөміріңізді де, атыңызды да, пайдаланушы атыңызды да, телефон нөміріңізді де көрмейді; олар сізге тек бот арқылы жаза алады.

    <b>Анонимді режимде</b> хабарлама мен аккаунтыңыз арасында ешқандай байланыс сақталмайды. Оның орнына сіз түбіртек кодын аласыз: оны сақтаңыз, бұл хабарламаңызға қайта оралудың жалғыз жолы. Ашылған кодпен жұмыс істеп отырғанда (30 минуттан аспайды) бот қай хабарламаны ашқаныңызды есте сақтайды — дерекқордың көшірмесінен ғана оқылмайтын шифрланған түрде — содан кейін ұмытады.

    <b>Арнайы өкілеттікпен жасалатын әрбір әрекет</b> (рөлдерді беру және алып тастау, мәртебелерді өзгерту, дәлелдерді қарау, таратулар) аудит журналына жазылады; онда хабарлама жіберушілер туралы деректер жоқ.

    <b>Бұл ботқа кім жазатынын Telegram-ның өзі біледі</b>, Telegram-дағы кез келген чаттағыдай. Егер бұл сіз үшін қауіпті болса, бөлек Telegram аккаунтынан жазыңыз.

## /cancel және диалогтар

cancel-done = Тоқтатылды. Ештеңе сақталған жоқ.
cancel-nothing = Тоқтататын ештеңе жоқ.

## /region

region-choose = Өңіріңізді таңдаңыз: хабарламалар, азаматтарды қабылдау және хабарландырулар соған сәйкес іріктеледі.
region-current = Қазіргі өңіріңіз: <b>{ $region }</b>.
region-saved = Сіздің өңіріңіз: <b>{ $region }</b>.

## /myregions

myregions-list =
    { $count ->
        [0] Сіз әлі ешбір өңірге бекітілмегенсіз: үйлестірушіге хабарласыңыз.
        [one] Сіз { $count } өңірде комиссар болып бекітілгенсіз: { $regions }.
       *[other] Сіз { $count } өңірде комиссар болып бекітілгенсіз: { $regions }.
    }

## /stats

stats-title = <b>Статистика</b>
stats-people =
    { $count ->
        [one] Ботты { $count } адам пайдаланады
       *[other] Ботты { $count } адам пайдаланады
    }
stats-subscribers =
    { $count ->
        [one] Хабарландыруларға { $count } жазылушы
       *[other] Хабарландыруларға { $count } жазылушы
    }
stats-languages = Тілдер: орыс тілі — { $ru }, қазақ тілі — { $kk }, ағылшын тілі — { $en }, әлі таңдамағандар — { $unset }
stats-volunteers = Еріктілер: комиссарлар — { $commissars }, өзгеріс елшілері — { $ambassadors }, омбудсмендер — { $ombudsmen }, үйлестірушілер — { $coordinators }
stats-regions = Адам саны ең көп өңірлер: { $regions }
stats-region-count = { $region } — { $count }

## Үйлестіруші көретін адамдар

person-unknown = Telegram id <code>{ $id }</code> (ботқа әлі жазбаған)
person-named = { $name } (id <code>{ $id }</code>)
person-with-username = { $name } (@{ $username }, id <code>{ $id }</code>)

## /grant

grant-ask-person = Кімге рөл бересіз? Адамның Telegram id нөмірін немесе, егер ол ботқа бұрын жазған болса, @username-ін жіберіңіз.
grant-ask-role = Қандай рөл бересіз? Кімге: { $person }
grant-ask-region-required = Қай өңірде? Комиссар әрқашан белгілі бір өңірде жұмыс істейді.
grant-ask-region = Бүкіл елге ме, әлде бір өңірге ме?
grant-confirm = <b>{ $role }</b> рөлін бересіз бе? Кімге: { $person }
grant-done = Дайын: <b>{ $role }</b> рөлі берілді. Кімге: { $person }. Оның мәзірі жаңартылды.
grant-done-waiting = Дайын: <b>{ $role }</b> рөлі берілді. Кімге: { $person }. Жаңа командалар ол ботқа алғаш жазғанда көрінеді.
grant-already = Бұл адамда <b>{ $role }</b> рөлі бұрыннан бар: { $person }. Ештеңе өзгерген жоқ.

## /revoke

revoke-ask-person = Кімнің рөлін алып тастайсыз? Telegram id немесе @username жіберіңіз.
revoke-ask-grant = Қай рөлді алып тастайсыз? Кімнен: { $person }
revoke-confirm = <b>{ $role }</b> рөлін алып тастайсыз ба? Кімнен: { $person }
revoke-done = Дайын: <b>{ $role }</b> рөлі алып тасталды. Кімнен: { $person }.
revoke-holds-nothing = Бұл адамда ерікті рөлі жоқ: { $person }.
revoke-not-held = Бұл адамда <b>{ $role }</b> рөлі жоқ: { $person }. Ештеңе өзгерген жоқ.

## /staff

staff-empty = Әзірге ешкімде ерікті рөлі жоқ. Рөл беру: /grant
staff-title =
    { $count ->
        [one] <b>Ерікті рөлдері ({ $count }):</b>
       *[other] <b>Ерікті рөлдері ({ $count }):</b>
    }
staff-line = • { $role }: { $person }

## Түймелер

button-back = ← Артқа
button-cancel = ✕ Болдырмау
button-grant = ✓ Рөл беру
button-revoke = ✓ Алып тастау
button-nationwide = Бүкіл ел

## Басқа ешкім жауап бермегенде

fallback-command-for-role = /{ $command } командасы мына рөлдерге арналған: { $roles }. Сізде қажетті рөл жоқ. Сіздің командаларыңыз: /help
fallback-unknown-command = /{ $command } деген команда жоқ. Сіздің командаларыңыз: /help
fallback-text = Түсінбедім. Мәзірден команда таңдаңыз немесе /help деп жазыңыз.
fallback-unsupported = Мұндай нәрсені бұл жерде өңдей алмаймын. Мәзірден команда таңдаңыз немесе /help деп жазыңыз.
fallback-in-conversation = Бұл қадамда мұндай жауап жарамайды. Соңғы сұраққа жауап беріңіз немесе шығу үшін /cancel деп жазыңыз.
fallback-stale-button = Бұл түйме енді жұмыс істемейді. Мәзірден қайта бастаңыз.

## Бас тартулар мен ақаулар

blocked-refusal = Кешіріңіз, бұл аккаунтты Антикоррупциялық майданның үйлестірушілері бұғаттаған, сондықтан бот одан ештеңе қабылдай алмайды.
error-generic = Біздің тарапта қате орын алды. Ештеңе өзгерген жоқ; бір минуттан кейін қайталап көріңіз.
error-store-unavailable = Бот уақытша қолжетімсіз. Ештеңе өзгерген жоқ; бір минуттан кейін қайталап көріңіз.
error-not-allowed = Сізде мұны істеуге құқық жоқ.
error-invalid-input = Бұл дерек жарамсыз. Ештеңе өзгерген жоқ.
error-not-found = Ештеңе табылмады.
error-unknown-role = «{ $role }» деген рөл жоқ. Қолжетімді рөлдер: commissar, ambassador, ombudsman, coordinator.
error-unknown-region = «{ $region }» деген өңір жоқ.
error-region-required = Комиссар әрқашан белгілі бір өңірде жұмыс істейді: өңірді таңдаңыз.
error-person-reference = Telegram id (тек цифрлар) немесе @username жіберіңіз.
error-person-not-found = { $reference } пайдаланушы атымен ботқа ешкім жазбаған. Орнына адамның Telegram id нөмірін жіберіңіз.
error-revoke-self = Өзіңіздің үйлестіруші рөліңізді алып тастай алмайсыз: басқа үйлестірушіден сұраңыз.
error-unknown-language = Бұл тіл қолжетімсіз.
error-grant-usage = /grant немесе /grant ID РӨЛ ӨҢІР деп жазыңыз, мысалы: /grant 123456789 commissar ALA
error-revoke-usage = /revoke немесе /revoke ID РӨЛ ӨҢІР деп жазыңыз, мысалы: /revoke 123456789 commissar ALA

## Мәтін енгізу өрісінің астындағы пернетақта

menu-report = 📝 Жемқорлықты хабарлау
menu-my-tips = 📂 Хабарламаларым
menu-receipt = 🔑 Түбіртек коды
menu-subscription = 🔔 Хабарландырулар

command-report = Сыбайлас жемқорлық туралы хабарлау
command-mytips = Хабарламаларыңыз және олардың барысы
command-receipt = Анонимді хабарламаны түбіртек коды арқылы ашу
command-subscribe = Хабарландырулар: жазылу немесе бас тарту

## Хабарлама жіберу (/report)

report-intro = Хабарламаңызды құрастырайық: сегіз қысқа сұрақ. Әр сұрақтың астында: ← Артқа алдыңғы сұраққа қайтарады, ✕ Болдырмау жобаны жояды. «Жіберу» түймесін баспайынша, ештеңе жіберілмейді.
report-progress = <i>Қадам: { $step } / { $total }</i>
report-ask-category = Бұл не туралы? Санатты таңдаңыз.
report-ask-region = Бұл қай өңірде болды?
report-ask-body = Қай мемлекеттік орган немесе ұйым туралы сөз болып отыр? Атауын жіберіңіз, мысалы: «Қала әкімдігі, жер қатынастары бөлімі» немесе «№12 мектеп».
report-ask-description = Не болды? Өз сөзіңізбен сипаттаңыз: кім, не, қанша көлемде, қалай болғанын. Көлемі: { $minimum } таңбадан { $maximum } таңбаға дейін.
report-ask-when = Бұл қашан болды?
report-when-today = Бүгін
report-when-week = Осы аптада
report-when-earlier = Бұрынырақ
report-when-date = Күнін енгізу
report-ask-date = Күнді КК.АА.ЖЖЖЖ пішімінде жіберіңіз, мысалы 15.03.2026.
report-ask-where = Бұл қай жерде болды? Геопозиция жіберіңіз (📎 → Геопозиция), мекенжайды жазыңыз немесе «Өткізіп жіберу» түймесін басыңыз.
report-ask-evidence = Дәлелдер қосыңыз: фото, бейне, дауыстық хабарламалар немесе құжаттар (PDF, Word, Excel, суреттер), ең көбі { $limit } файл, әрқайсысы { $size } МБ-тан аспауы керек. Альбоммен жіберуге болады. Бәрін қосып болған соң «Дайын» түймесін басыңыз, ал қосатын ештеңе болмаса — «Өткізіп жіберу».
report-evidence-added =
    { $count ->
        [one] 📎 { $count } файл тіркелді (ең көбі { $limit }). Тағы жіберіңіз немесе «Дайын» түймесін басыңыз.
       *[other] 📎 { $count } файл тіркелді (ең көбі { $limit }). Тағы жіберіңіз немесе «Дайын» түймесін басыңыз.
    }
report-ask-identity =
    <b>Мұны сіз жібергеніңізді кім біле алады?</b>

    🔒 <b>Құпия</b>: бот хабарламаның барысы туралы сізге хабарлап, сұрақтарды жеткізіп отыру үшін аккаунтыңызбен байланысты сақтайды. Хабарламалармен жұмыс істейтіндер сіздің Telegram id нөміріңізді, атыңызды, пайдаланушы атыңызды және телефоныңызды ешқашан көрмейді.

    🕶 <b>Анонимді</b>: бот хабарлама мен аккаунтыңыз арасында ешқандай байланыс сақтамайды. Оның орнына сіз түбіртек кодын аласыз: ол арқылы мәртебені тексеріп, сұрақтарға жауап бере аласыз. Кодты жоғалтсаңыз, хабарламаңызды сіз үшін ешкім таба алмайды.
report-ask-edit = Нені өзгерткіңіз келеді?
report-field-category = Санат
report-field-region = Өңір
report-field-body = Орган немесе ұйым
report-field-description = Не болды
report-field-when = Қашан
report-field-where = Қай жерде
report-field-evidence = Дәлелдер
report-field-identity = Жіберу режимі
report-summary =
    <b>Жібермес бұрын хабарламаңызды тексеріңіз</b>

    <b>Санат:</b> { $category }
    <b>Өңір:</b> { $region }
    <b>Орган немесе ұйым:</b> { $body }
    <b>Не болды:</b> { $description }
    <b>Қашан:</b> { $when }
    <b>Қай жерде:</b> { $where }
    <b>Дәлелдер:</b> { $evidence }
    <b>Жіберу режимі:</b> { $identity }
report-where-location = геопозиция { $latitude }, { $longitude }
report-where-none = көрсетілмеген
report-evidence-none = жоқ
report-identity-confidential = 🔒 құпия
report-identity-anonymous = 🕶 анонимді
evidence-photo =
    { $count ->
        [one] { $count } фото
       *[other] { $count } фото
    }
evidence-video =
    { $count ->
        [one] { $count } бейне
       *[other] { $count } бейне
    }
evidence-document =
    { $count ->
        [one] { $count } құжат
       *[other] { $count } құжат
    }
evidence-voice =
    { $count ->
        [one] { $count } дауыстық хабарлама
       *[other] { $count } дауыстық хабарлама
    }
report-sent-confidential = ✅ Рақмет. Сіздің <b>#{ $number }</b> хабарламаңыз қабылданды. Оның мәртебесі өзгерген сайын осында хабар келеді; /mytips оны кез келген уақытта көрсетеді.
report-sent-anonymous =
    ✅ Рақмет. Сіздің <b>#{ $number }</b> хабарламаңыз анонимді түрде қабылданды.

    Түбіртек кодыңыз:
    <code>{ $code }</code>

    <b>Оны дәл қазір сақтап алыңыз: ол тек бір рет көрсетіледі</b>, ал бот сіздің аккаунтыңыздан хабарламаға апаратын ештеңе сақтамайды. Мәртебені көру және сұрақтарға жауап беру үшін кодты осы ботқа жіберіңіз (немесе /receipt командасын пайдаланыңыз). Кейін бұл чатты өшіріп тастауыңызға болады.
report-use-buttons = Сұрақтың астындағы түймелермен жауап беріңіз немесе шығу үшін /cancel деп жазыңыз.
report-text-expected = Бұл жауапты мәтін түрінде жіберіңіз.
report-where-expected = Геопозиция жіберіңіз, мекенжайды мәтінмен жазыңыз немесе «Өткізіп жіберу» түймесін басыңыз.
report-files-expected = Бұл қадамда файлдар (фото, бейне, дауыстық хабарлама, құжат) жіберіңіз немесе «Дайын» түймесін басыңыз.

## Хабарлама мәртебелері

tip-status-new = қабылданды, комиссарды күтуде
tip-status-taken = комиссар қолға алды
tip-status-in_work = тексерілуде
tip-status-info_needed = қосымша ақпарат қажет
tip-status-resolved = шешілді
tip-status-unfounded = расталмады
tip-status-passed = өзгеріс елшісіне берілді
tip-status-appeal_sent = мемлекеттік органға өтініш жіберілді
tip-status-answered = мемлекеттік орган жауап берді
tip-status-withdrawn = қайтарып алынды
tip-status-reopened = қайта ашылды

## Хабарлама туралы хабарлар

notify-tip-status = <b>#{ $number }</b> хабарлама: { $status }.
notify-tip-status-note =
    <b>#{ $number }</b> хабарлама: { $status }.

    { $note }
notify-tip-question =
    ❓ Сіздің <b>#{ $number }</b> хабарламаңыз бойынша сұрақ:

    { $question }

    Жауап беру үшін «Жауап беру» түймесін басыңыз. Сұрақ қойған адам сіздің атыңызды көрмейді.
notify-tip-answer = ✉ <b>#{ $number }</b> хабарламаның авторы жауап берді.
notify-tip-reopened = ↩ <b>#{ $number }</b> хабарлама қайта ашылды: оның авторы мәселе шешілмегенін айтады.
follow-up-question = Сіздің <b>#{ $number }</b> хабарламаңыз шешілді деп белгіленді. Мәселе шынымен шешілді ме?
follow-up-thanks-yes = Рақмет! <b>#{ $number }</b> хабарлама: мәселе шешілді. Пікір қалдыра аласыз немесе «Өткізіп жіберу» түймесін басыңыз.
follow-up-thanks-partly = Рақмет. <b>#{ $number }</b> хабарлама: мәселе ішінара шешілді. Пікір қалдыра аласыз немесе «Өткізіп жіберу» түймесін басыңыз.
follow-up-thanks-no = Рақмет. <b>#{ $number }</b> хабарлама комиссар үшін қайта ашылды. Пікір қалдыра аласыз немесе «Өткізіп жіберу» түймесін басыңыз.
follow-up-comment-saved = <b>#{ $number }</b> хабарлама бойынша пікіріңіз сақталды.
follow-up-done = Жауабыңызға рақмет.

## Хабарлама авторының көзімен

tip-card =
    <b>#{ $number } хабарлама</b>: { $status } (соңғы өзгеріс: { $changed })

    <b>Санат:</b> { $category }
    <b>Өңір:</b> { $region }
    <b>Орган немесе ұйым:</b> { $body }
    <b>Не болды:</b> { $description }
    <b>Қашан:</b> { $when }
    <b>Қай жерде:</b> { $where }
    <b>Дәлелдер:</b> { $evidence }
tip-card-evidence =
    { $count ->
        [0] жоқ
        [one] { $count } файл
       *[other] { $count } файл
    }
tip-card-history = <b>Тарих</b>
tip-history-line = { $at } — { $status }
tip-card-thread = <b>Хат алмасу</b>
tip-thread-question = <i>{ $at }, сұрақ:</i> { $text }
tip-thread-answer =
    <i>{ $at }, сіздің жауабыңыз:</i> { $text }{ $files ->
        [0] {""}
       *[other] {" "}📎 { $files }
    }

## /mytips

my-tips-empty = Сізде әзірге құпия хабарламалар жоқ. Анонимді хабарламалар мұнда көрсетілмейді: оларды түбіртек коды арқылы ашыңыз (/receipt). Хабарлау үшін /report командасын пайдаланыңыз.
my-tips-title =
    { $count ->
        [one] <b>Сіздің хабарламаңыз</b> (соңғы өзгергені бірінші):
       *[other] <b>Сіздің { $count } хабарламаңыз</b> (соңғы өзгергендері бірінші):
    }
my-tips-line = #{ $number } — { $status } ({ $changed })
withdraw-confirm = <b>#{ $number }</b> хабарламаны қайтарып аласыз ба? Онымен енді ешкім айналыспайды.
withdraw-done = <b>#{ $number }</b> хабарлама қайтарып алынды.

## Хабарламамен жұмыс істейтін адамға жауаптар

answer-ask = <b>#{ $number }</b> хабарлама бойынша жауабыңызды жіберіңіз: мәтін, фото, бейне, дауыстық хабарлама немесе құжат. Ол сіздің атыңызсыз жеткізіледі.
answer-passed = ✉ <b>#{ $number }</b> хабарлама бойынша жеткізілді. Тағы жіберіңіз немесе «Дайын» түймесін басыңыз.
answer-finished = Рақмет, жауабыңыз жеткізілді.

## Түбіртек кодтары (/receipt)

receipt-ask = Анонимді хабарламаңыздың түбіртек кодын жіберіңіз (24 әріп пен цифр, мысалы ABCD-EFGH-…). Код жазылған хабарламаңыз чаттан бірден өшіріледі.
receipt-code-expected = Түбіртек кодын мәтінмен жіберіңіз немесе /cancel деп жазыңыз.

## Хабарландырулар (/subscribe)

subscription-none = Сіз хабарландыруларға жазылмағансыз.
subscription-nationwide = Сіз бүкіл ел бойынша хабарландырулар аласыз.
subscription-region = Сіз мына өңір бойынша хабарландырулар аласыз: <b>{ $region }</b>.
subscription-choose = Қандай хабарландырулар алғыңыз келетінін таңдаңыз:
subscription-left = Сіз хабарландырулардан бас тарттыңыз. /subscribe оларды қайта қосады.

## Хабарлама түймелері

button-skip = Өткізіп жіберу →
button-send = ✅ Жіберу
button-edit = ✏️ Өзгерту
button-evidence-done = ✓ Дайын
button-evidence-clear = 🗑 Файлдарды жою
button-confidential = 🔒 Құпия
button-anonymous = 🕶 Анонимді
button-open-tip = Хабарламаны ашу
button-reply = ✉ Жауап беру
button-follow-up-yes = Иә
button-follow-up-no = Жоқ
button-follow-up-partly = Ішінара
button-tip-number = #{ $number } хабарлама
button-previous = ← Жаңалары
button-next = Ескілері →
button-withdraw = Хабарламаны қайтарып алу
button-withdraw-yes = Иә, қайтарып алу
button-keep = Жоқ, қалсын
button-answer-done = ✓ Дайын
button-unsubscribe = Хабарландырулардан бас тарту

## Хабарламаларға қатысты бас тартулар

flood-slow-down = Сіз хабарламаларды тым жиі жіберіп жатырсыз. Бірнеше секунд күтіңіз; осы аралықта жіберілген хабарламалар өңделмеді.
error-tip-body-short = Атауы тым қысқа: кемінде { $minimum } таңба болуы керек.
error-tip-body-long = Атауы тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-tip-description-short = Сәл толығырақ жазыңызшы: қазір { $length } таңба, кемінде { $minimum } керек.
error-tip-description-long = Мәтін тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек. Қысқартыңыз немесе қалғанын дәлелдер қадамында құжат ретінде жіберіңіз.
error-tip-address-short = Мекенжай тым қысқа: кемінде { $minimum } таңба болуы керек.
error-tip-address-long = Мекенжай тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-tip-question-short = Сұрақ тым қысқа: кемінде { $minimum } таңба болуы керек.
error-tip-question-long = Сұрақ тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-follow-up-comment-short = Пікір бос.
error-follow-up-comment-long = Пікір тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-tip-date-format = Күн дұрыс танылмады. Оны КК.АА.ЖЖЖЖ пішімінде жіберіңіз, мысалы 15.03.2026.
error-tip-date-future = Бұл күн әлі келген жоқ. Оқиға болған күнді жіберіңіз.
error-tip-date-too-old = Күн { $earliest } күнінен ерте болмауы керек.
error-tip-location = Бұл геопозиция жарамсыз.
error-evidence-too-many = Бір хабарламаға ең көбі { $limit } файл тіркеуге болады. Бұл файл қосылмады; «Дайын» түймесін басыңыз.
error-evidence-kind = Мұндай файлды тіркеуге болмайды. Фото, бейне, дауыстық хабарлама немесе құжат (PDF, Word, Excel, сурет) жіберіңіз.
error-evidence-too-big = Файл көлемі { $size } МБ; әр файл ең көбі { $limit } МБ болуы керек. Файл қосылмады.
error-evidence-type = «{ $name }» файлының түрін тіркеуге болмайды. Рұқсат етілгендері: PDF, Word, Excel, PowerPoint, OpenDocument, мәтін, сурет, аудио және бейне.
error-tip-category = Мұндай санат жоқ. Түймелердің бірін таңдаңыз.
error-tip-daily-limit = Сіз бүгін { $limit } хабарлама жібердіңіз, бұл бір аккаунт үшін тәуліктік шек. Ертең жалғастырыңыз.
error-tip-already-sent = Бұл хабарлама жіберіліп қойған. Оны /mytips көрсетеді; жаңасын /report арқылы бастауға болады.
error-tip-not-found = Сіздің хабарламаларыңыздың арасында мұндай хабарлама жоқ.
error-tip-withdraw-taken = #{ $number } хабарламаны комиссар қолға алып қойған, сондықтан оны енді қайтарып алу мүмкін емес. Комиссарға «Жауап беру» түймесі арқылы жаза аласыз.
error-receipt-wrong = Бұл түбіртек коды ешбір хабарламаны ашпайды. Тексеріп, қайта жіберіңіз.
error-receipt-wait = Қате код тым көп енгізілді. { $minutes } мин. кейін қайталап көріңіз.
error-receipt-expired = Жауап беру үшін түбіртек кодын қайта жіберіңіз (/receipt): қауіпсіздігіңіз үшін бот ашылған кодты біраз уақыттан кейін ұмытады.
error-tip-status = Мұндай мәртебе жоқ.
error-tip-status-moved = #{ $number } хабарламаны қазір бұл мәртебеге ауыстыру мүмкін емес.
error-tip-closed = #{ $number } хабарлама жабылған: онымен енді ешкім айналыспайды.
error-answer-empty = Жауап бос: мәтін немесе файл жіберіңіз.
error-answer-long = Жауап тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-follow-up-answered = Сіз #{ $number } хабарлама бойынша жауап беріп қойғансыз.

## Комиссарлар: кезек, хабарлама карточкасы, хабарламамен жұмыс (/queue, /assignments)

command-queue = Өңірлеріңіздегі жаңа хабарламалар
command-assignments = Жұмысыңыздағы хабарламалар және олардың мерзімдері
command-checks = Жергілікті жердегі тексерулер: жоспарлау және тексеру парақтарын толтыру
command-violations = Сіз тіркеген бұзушылықтар
command-receptions = Азаматтарды қабылдау уақыттарыңыз
command-reception = Комиссардың қабылдауына жазылу
command-overdue = Жұмыстағы мерзімі өткен хабарламалар

queue-all-categories = барлық санат
queue-title =
    { $count ->
        [one] <b>{ $count } жаңа хабарлама</b> ({ $category }), ең ескісі бірінші:
       *[other] <b>{ $count } жаңа хабарлама</b> ({ $category }), ең ескілері бірінші:
    }
queue-empty = Өңірлеріңізде жаңа хабарлама жоқ ({ $category }).
queue-line = #{ $number } · { $category } · { $region } · { $body } · қабылданды: { $received }
queue-choose-category = Қай санаттағы хабарламаларды көрсету керек?
button-queue-filter = 🗂 Санат
button-queue-all = Барлық санат
button-page-previous = ← Алдыңғы
button-page-next = Келесі →

tip-card-unassigned = <b>Мерзімдер:</b> комиссар хабарламаны қолға алғанда басталады.
tip-card-tipster-confidential = <b>Автор:</b> құпия: сіздің сұрақтарыңызды және әр өзгерісті хабар ретінде алады.
tip-card-tipster-anonymous = <b>Автор:</b> анонимді: сұрақтар мен өзгерістерді хабарламаны түбіртек кодымен ашқанда ғана көреді.
tip-card-assignee = <b>Комиссар:</b> { $name }
tip-when-today = жіберілген күні, { $date }
tip-when-week = { $date } дейінгі апта ішінде
tip-card-deadlines =
    <b>Мерзімдер:</b> алғашқы әрекет — { $first_action }; шешу — { $resolve }
deadline-met = { $at } орындалды
tip-history-line-note = { $at } — { $status }: { $note }
tip-history-reassigned = үйлестіруші хабарламаны басқа комиссарға берді
tip-history-follow_up = қайта ашылды: автор мәселе шешілмегенін хабарлады
tip-history-tipster_answered = автор жауап берді
tip-history-assignee_left = кезекке қайтарылды: комиссар өңірде енді жұмыс істемейді
tip-thread-answer-handler =
    <i>{ $at }, автордың жауабы:</i> { $text }{ $files ->
        [0] {""}
       *[other] {" "}📎 { $files }
    }
tip-card-violations = <b>Бұзушылықтар</b>
violation-line = #{ $number } · { $severity } · { $body }
evidence-caption = #{ $number } хабарлама, файл: { $position } / { $count }, қабылданды: { $received }

button-take = ✋ Қолға алу
button-in-work = ▶ Жұмысты бастау
button-ask-tipster = ❓ Авторға сұрақ қою
button-record-violation = 📌 Бұзушылықты тіркеу
button-resolved = ✅ Шешілді
button-unfounded = 🚫 Расталмады
button-pass = ➡ Өзгеріс елшісіне
button-give-back = ↩ Кезекке қайтару
button-reassign = 👤 Басқа комиссарға беру
button-show-evidence = 📎 Дәлелдерді көрсету

take-done = Сіз #{ $number } хабарламаны қолға алдыңыз. Алғашқы әрекет мерзімі — { $first_action } (жұмысты бастау, авторға сұрақ қою немесе шешім қабылдау); шешу мерзімі — { $resolve }. Хабарлама енді /assignments тізімінде.
status-changed = #{ $number } хабарламаның жаңа мәртебесі: { $status }. Құпия хабарламаның авторына хабар жіберіледі, анонимді хабарламаның авторы мұны түбіртек коды арқылы көреді.
note-ask-resolved = #{ $number } хабарлама бойынша нәтиже қандай? Автор бұл мәтінді оқиды (құпия хабарламаның авторы оны хабар ретінде алады), сондықтан оған арнап, ол білмеуі тиіс есімдерсіз жазыңыз. Кемінде 10 таңба.
note-ask-unfounded = #{ $number } хабарлама неге расталмады? Автор себебін оқиды, сондықтан оған арнап жазыңыз. Кемінде 10 таңба.
note-ask-passed = #{ $number } хабарлама бойынша өзгеріс елшілеріне нені және не себепті бересіз? Мұны тек хабарламалармен жұмыс істейтіндер көреді.
note-ask-giveback = #{ $number } хабарламаны кезекке неге қайтарасыз? Мұны тек хабарламалармен жұмыс істейтіндер көреді; хабарлама қайтадан өңір комиссарын күтеді.
question-ask = #{ $number } хабарлама бойынша сұрағыңызды жазыңыз (кемінде 5 таңба). Құпия хабарламаның авторы оны боттан алады; анонимді хабарламаның авторы сұрақты хабарламаны түбіртек кодымен ашқанда ғана көреді, сондықтан жауап кешігуі мүмкін. Сіз де, автор да бір-біріңіздің кім екеніңізді білмейсіздер.
question-sent = #{ $number } хабарлама бойынша сұрақ жеткізілді. Автор жауап бергенде сізге хабарланады, ал хабарлама «тексерілуде» мәртебесіне қайтады.
assignments-empty = Жұмысыңызда бірде-бір хабарлама жоқ. Жаңаларын /queue көрсетеді.
assignments-title =
    { $count ->
        [one] <b>Жұмысыңызда { $count } хабарлама бар</b>, мерзімі ең жақыны бірінші:
       *[other] <b>Жұмысыңызда { $count } хабарлама бар</b>, мерзімі ең жақындары бірінші:
    }
assignment-line = #{ $number } · { $category } · { $status } · шешу мерзімі: { $due }
assignment-line-late = ⚠ #{ $number } · { $category } · { $status } · шешу мерзімі: { $due } · мерзімі өтті

error-handler-tip-not-found = #{ $number } хабарлама сіздің өңірлеріңізде жоқ.
error-tip-already-taken = #{ $number } хабарламаны басқа комиссар қолға алып қойған.
error-tip-not-yours = #{ $number } хабарлама басқа комиссарға бекітілген.
error-tip-note-short = Сәл толығырақ жазыңызшы: кемінде { $minimum } таңба болуы керек.
error-tip-note-long = Мәтін тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.

## Үйлестірушілер (/overdue)

overdue-empty = Мерзімі өткен хабарлама жоқ.
overdue-title =
    { $count ->
        [one] <b>Мерзімі өткен { $count } хабарлама</b>:
       *[other] <b>Мерзімі өткен { $count } хабарлама</b>:
    }
reassign-choose = #{ $number } хабарламаны сол өңірдің қай комиссарына бересіз? Мерзімдер өзгермейді.
reassign-nobody = #{ $number } хабарламаның өңірінде басқа комиссар жоқ.
reassign-done = #{ $number } хабарлама басқа комиссарға берілді; екі комиссарға да хабарланды.
button-person = { $name }
error-reassign-not-commissar = Бұл адам хабарлама өңірінің комиссары емес.
error-reassign-same = Хабарлама осы комиссарға бекітіліп қойған.

## Еріктілерге хабарлар мен еске салулар

notify-tip-assigned = Үйлестіруші сізге #{ $number } хабарламаны берді. Ол /assignments тізімінде.
notify-tip-unassigned = Үйлестіруші #{ $number } хабарламаны басқа комиссарға берді.
remind-unclaimed = ⏰ #{ $number } хабарлама өңіріңіздің кезегінде күтіп тұр (кезекке түскен уақыты: { $since }). Оны қолға алыңыз.
remind-no-commissar = ⏰ #{ $number } хабарлама «{ $region }» өңірінің кезегінде күтіп тұр (кезекке түскен уақыты: { $since }), ал бұл өңірде бірде-бір комиссар жоқ. Комиссар тағайындаңыз (/grant) немесе хабарламаны ашыңыз.
deadline-first_action_soon = алғашқы әрекет
deadline-first_action_overdue = алғашқы әрекет
deadline-resolve_soon = шешу
deadline-resolve_overdue = шешу
remind-deadline-soon = ⏰ #{ $number } хабарлама: { $deadline } мерзімі — { $due }.
remind-deadline-passed = ⚠ #{ $number } хабарлама: { $deadline } мерзімі өтіп кетті ({ $due }). Хабарламаны ашып, жұмысты жалғастырыңыз немесе оны кезекке қайтарыңыз.
remind-escalation = ⚠ Мерзім өтті: #{ $number } хабарлама, { $deadline } мерзімі { $due } аяқталды. Барлығын /overdue көрсетеді.

## Жергілікті жердегі тексерулер (/checks)

checks-empty = Сізде әзірге жергілікті жердегі тексерулер жоқ.
checks-title =
    { $count ->
        [one] <b>Сіздің тексеруіңіз</b>:
       *[other] <b>Сіздің тексерулеріңіз</b> ({ $count }):
    }
checks-line = #{ $number } · { $kind } · { $target } · { $date } · { $status } · { $answered }/{ $items }
button-check-number = #{ $number } тексеру
button-plan-check = ➕ Тексеруді жоспарлау
check-ask-kind = Тексерудің қай түрі?
check-ask-region = Қай өңірде?
check-ask-target = Нені тексересіз? Органның, ұйымның немесе нысанның атауын жазыңыз (2–200 таңба).
check-ask-reference = Сатып алудың лот немесе шарт нөмірі:
check-ask-date = Тексеру күні (КК.АА.ЖЖЖЖ) немесе «Бүгін»:
button-today = Бүгін
check-status-planned = жоспарланған
check-status-in_progress = жүріп жатыр
check-status-done = аяқталды
check-status-cancelled = болдырылмаған
check-card =
    <b>#{ $number } тексеру</b>: { $kind } — { $status }
    <b>Нысан:</b> { $target }
    <b>Лот немесе шарт:</b> { $reference }
    <b>Өңір:</b> { $region }
    <b>Күні:</b> { $date }
    <b>Тексеру парағы:</b> жауап берілгені — { $answered } / { $items }
checklist-line = { $mark } { $text }
checklist-item =
    #{ $number } тексеру, тармақ: { $position } / { $items }

    <b>{ $text }</b>
button-answer-yes = ✅ Иә
button-answer-no = ❌ Жоқ
button-answer-na = ➖ Қолданылмайды
button-fill-checklist = 📝 Тексеру парағын толтыру
button-finish-check = ✓ Тексеруді аяқтау
button-cancel-check = ✕ Тексеруді болдырмау
check-cancelled = #{ $number } тексеру болдырылмады.
error-check-kind = Тексерудің мұндай түрі жоқ. Түймелердің бірін таңдаңыз.
error-check-target-short = Атауы тым қысқа: кемінде { $minimum } таңба болуы керек.
error-check-target-long = Атауы тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-check-reference-short = Сатып алу мониторингі үшін лот немесе шарт нөмірі міндетті.
error-check-reference-long = Нөмір тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-check-date = Күн дұрыс танылмады. Оны КК.АА.ЖЖЖЖ пішімінде жіберіңіз, мысалы 15.03.2026.
error-check-date-range = Күн бүгіннен бір жыл бұрын мен бір жыл кейінгі аралықта болуы керек.
error-check-not-found = Мұндай тексеру жоқ.
error-check-not-yours = Бұл тексеру басқа комиссарға тиесілі.
error-check-closed = #{ $number } тексеру аяқталған, оны енді өзгерту мүмкін емес.
error-check-cancelled = #{ $number } тексеру болдырылмады: ол бойынша ештеңе жазуға болмайды.
error-check-unanswered =
    { $count ->
        [one] Тексеру парағының { $count } тармағына әлі жауап берілмеген.
       *[other] Тексеру парағының { $count } тармағына әлі жауап берілмеген.
    }

## Бұзушылықтар

violation-ask-what = Бұзушылық неден тұрады? Сипаттап жазыңыз (10–2000 таңба).
violation-ask-body = Оны қай орган немесе ұйым жасады? Мына атауды қалдыру үшін түймені басыңыз: { $body }. Немесе басқа атау жазыңыз.
button-keep-body = Қалдыру
violation-ask-rule = Қай норма бұзылды (заң, бап, ереже)? Немесе «Өткізіп жіберу» түймесін басыңыз.
violation-ask-severity = Бұзушылық қаншалықты ауыр?
severity-low = Төмен
severity-medium = Орташа
severity-high = Жоғары
severity-critical = Критикалық
violation-ask-amount = Бұзушылыққа қатысты сома, теңгемен (мысалы, 1 500 000), немесе «Өткізіп жіберу» түймесін басыңыз.
violation-ask-files = Дәлелдерді жіберіңіз: фото, бейне, дауыстық хабарламалар немесе құжаттар — кемінде біреу, ең көбі { $limit } файл. Бот әр файлдың қабылданған сәтін және оның SHA-256 мәнін тіркейді. Содан кейін «Дайын» түймесін басыңыз.
violation-file-received = { $count }-файл қабылданды. SHA-256: <code>{ $sha256 }</code>
violation-files-expected = Дәлел ретінде файлдар жіберіңіз немесе «Дайын» түймесін басыңыз.
violation-summary =
    <b>Бұзушылық</b> ({ $source })
    <b>Орган:</b> { $body }
    <b>Мәні:</b> { $description }
    <b>Бұзылған норма:</b> { $rule }
    <b>Ауырлығы:</b> { $severity }
    <b>Сома:</b> { $amount }
    <b>Дәлелдер:</b> { $files }

    Сақталғаннан кейін дәлелдерді толықтыруға болады, бірақ өзгертуге болмайды.
button-save = ✅ Сақтау
violation-source-check = #{ $number } тексеру
violation-source-tip = #{ $number } хабарлама
violation-card =
    <b>#{ $number } бұзушылық</b> ({ $source })
    <b>Орган:</b> { $body }
    <b>Мәні:</b> { $description }
    <b>Бұзылған норма:</b> { $rule }
    <b>Ауырлығы:</b> { $severity }
    <b>Сома:</b> { $amount }
    <b>Тіркелген уақыты:</b> { $recorded }
    <b>Дәлелдер:</b> { $files }
violation-evidence-caption =
    #{ $number } бұзушылық, файл: { $position } / { $count }
    Қабылданды: { $received }
    SHA-256: { $sha256 }
    Telegram file id: { $unique }
button-add-evidence = ➕ Дәлел қосу
button-violation-number = #{ $number } бұзушылық
violations-empty = Сіз әлі бірде-бір бұзушылық тіркемегенсіз.
violation-ask-more-files = #{ $number } бұзушылық бойынша қосымша дәлелдер жіберіңіз. Әр файл бірден сақталады және оны жою мүмкін емес; бұрыннан барлары өзгеріссіз қалады. Аяқтағанда «Дайын» түймесін басыңыз.
violation-file-added = #{ $number } бұзушылыққа қосылды. SHA-256: <code>{ $sha256 }</code>
violation-files-finished = #{ $number } бұзушылықтың дәлелдері сақталды.
error-violation-what-short = Толығырақ сипаттаңызшы: кемінде { $minimum } таңба болуы керек.
error-violation-what-long = Мәтін тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-violation-body-short = Атауы тым қысқа: кемінде { $minimum } таңба болуы керек.
error-violation-body-long = Атауы тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-violation-rule-short = Тым қысқа: кемінде { $minimum } таңба болуы керек.
error-violation-rule-long = Мәтін тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-violation-amount = Сома дұрыс танылмады. Цифрмен жіберіңіз, мысалы 1 500 000 немесе 2500,50.
error-violation-incomplete = Бұзушылық толық толтырылмаған: тексеруден немесе хабарламадан қайта бастаңыз.
error-violation-no-evidence = Бұзушылыққа кемінде бір дәлел файлы қажет.
error-violation-too-many = Бір бұзушылыққа ең көбі { $limit } файл тіркеуге болады. Бұл файл қосылмады.
error-violation-not-found = Сіздің өңірлеріңізде мұндай бұзушылық жоқ.
error-violation-not-yours = Бұзушылыққа дәлелді оны тіркеген комиссар ғана қоса алады.

## Азаматтарды қабылдау (/receptions — комиссарларға, /reception — азаматтарға)

slots-empty = Сізде алдағы қабылдау уақыттары жоқ.
slots-title =
    { $count ->
        [one] <b>Алдағы қабылдауыңыз</b>:
       *[other] <b>Алдағы қабылдауларыңыз</b> ({ $count }):
    }
slot-line = #{ $number } · { $at } · { $place } · { $region } · жазылғандар: { $booked } / { $capacity }
button-publish-slot = ➕ Қабылдау уақытын жариялау
button-cancel-slot = ✕ #{ $number } қабылдауды болдырмау
button-cancel-slot-yes = Иә, болдырмау
button-keep-slot = Жоқ, қалдыру
slot-ask-region = Қай өңірде?
slot-ask-time = Қашан? Жергілікті күн мен уақытты КК.АА.ЖЖЖЖ СС:ММ пішімінде жіберіңіз, мысалы 15.03.2026 10:00.
slot-ask-place = Қай жерде? Мекенжай мен кабинетті жазыңыз.
slot-ask-capacity = Қанша адамды қабылдай аласыз? 1-ден 100-ге дейінгі сан жазыңыз.
slot-published = #{ $number } қабылдау жарияланды: { $at }, { $place }, орын саны: { $capacity }. Өңір азаматтары оған /reception арқылы жазыла алады; сізге бір күн және бір сағат бұрын еске салынады.
slot-cancel-confirm = #{ $number } қабылдауды болдырмайсыз ба? Жазылғандардың бәріне хабарланады.
slot-cancelled =
    #{ $number } қабылдау болдырылмады. { $count ->
        [0] Оған ешкім жазылмаған еді.
        [one] Жазылған { $count } адамға хабарланды.
       *[other] Жазылған { $count } адамға хабарланды.
    }
error-reception-time = Күн мен уақыт дұрыс танылмады. Оларды КК.АА.ЖЖЖЖ СС:ММ пішімінде жіберіңіз, мысалы 15.03.2026 10:00.
error-reception-time-range = Қабылдау болашақта, бір жыл ішінде болуы керек.
error-reception-place-short = Орын сипаттамасы тым қысқа: кемінде { $minimum } таңба болуы керек.
error-reception-place-long = Орын сипаттамасы тым ұзын: { $length } таңба, ең көбі { $maximum } болуы керек.
error-reception-capacity = { $minimum } мен { $maximum } аралығындағы сан жіберіңіз.

bookings-title = <b>Сіздің жазылуларыңыз:</b>
booking-line = #{ $number } · { $at } · { $place }
open-slots-title = <b>Өңіріңізде жазылуға болатын қабылдаулар:</b>
open-slots-empty = Өңіріңізде әзірге бірде-бір комиссар қабылдау уақытын жарияламаған.
button-book = #{ $number } қабылдауға жазылу
button-cancel-booking = ✕ #{ $number } қабылдауға жазылуымды болдырмау
booking-done = Сіз #{ $number } қабылдауға жазылдыңыз: { $at }, { $place }. Бот сізге бір күн және бір сағат бұрын еске салады.
booking-cancelled = Жазылуыңыздың күші жойылды.
reception-cancelled-notice = Комиссар қабылдауды болдырмады: { $at }, { $place }. Басқа уақыттарды /reception көрсетеді.
remind-reception_day = ⏰ Еске салу: комиссардың қабылдауы — { $at }, { $place }; сіз жазылғансыз.
remind-reception_hour = ⏰ Жақында, { $at }: комиссардың қабылдауы, { $place }; сіз жазылғансыз.
remind-reception_day-commissar = ⏰ Еске салу: сіздің қабылдау уақытыңыз — { $at }, { $place }; жазылғандар: { $booked }.
remind-reception_hour-commissar = ⏰ Жақында, { $at }: сіздің қабылдау уақытыңыз, { $place }; жазылғандар: { $booked }.
error-reception-no-region = Алдымен өңіріңізді таңдаңыз (/region): қабылдаулар әр өңірде жеке өткізіледі.
error-reception-not-found = Өңіріңізде мұндай қабылдау жоқ.
error-reception-cancelled = Бұл қабылдаудың немесе жазылудың күші жойылған.
error-reception-past = Бұл қабылдау өтіп кеткен.
error-reception-full = Бұл қабылдаудың барлық орны толған.
error-reception-booked-already = Сіз бұл қабылдауға жазылып қойғансыз.
