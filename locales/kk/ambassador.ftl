## Өзгеріс елшілері: тәуекелдер көрінісі, тізілім, өтініштер; сандар мен экспорт

command-risks = Тәуекелдер көрінісі: органдар мен өңірлер бойынша бұзушылықтар мен хабарламалар
command-register = Өзекті мәселелер мен сыбайлас жемқорлық тәуекелдерінің тізілімі
command-appeals = Мемлекеттік органдарға өтініштер және олардың мерзімдері
command-export = Хабарламаларды, бұзушылықтарды немесе өтініштерді CSV түрінде алу

button-last-days = { $days } күн

risks-title = <b>Тәуекелдер көрінісі</b>, { $period } ({ $days } күн)
risks-empty = Бұл кезеңде бұзушылық та, хабарлама да жоқ.
risks-by-region = <b>Өңірлер бойынша</b> (бұзушылықтар · хабарламалар, алдыңғы кезеңмен салыстырғанда):
risks-by-body = <b>Бұзушылығы ең көп органдар</b>:
risks-line = { $name }: { $violations } ({ $violations_trend }) · { $tips } ({ $tips_trend })
risks-by-severity = <b>Бұзушылықтар ауырлығы бойынша</b>: { $counts }
risks-by-category = <b>Хабарламалар санаттар бойынша</b>: { $counts }
risks-count = { $name } — { $count }
risks-by-month = <b>Айлар бойынша</b> (бұзушылықтар · хабарламалар):
risks-month-line = { $month }: { $violations } · { $tips }
risks-trend-note = ▲▼ — кезеңге дейінгі дәл сондай күндер санымен салыстыру. Сан артындағы бұзушылықтарды көру үшін 🔎 басыңыз.
risks-behind =
    { $count ->
        [0] Бұл кезеңде «{ $what }» бойынша бұзушылық жоқ.
        [one] «{ $what }» бойынша <b>{ $count } бұзушылық</b>:
       *[other] «{ $what }» бойынша <b>{ $count } бұзушылық</b>:
    }
risks-violation-line = <b>#{ $number}</b> · { $severity } · { $body } · { $date }
    { $description }
error-risk-nothing-behind = Бұл санның артында енді ештеңе жоқ. /risks қайта ашыңыз.

notify-tip-passed = ➡ Комиссар #{ $number } хабарламаны елшілерге берді: { $category }, { $region }, { $body }. Оны /register ішіндегі жазбаға байланыстырыңыз.

entry-kind-pain-point = Өзекті мәселе
entry-kind-corruption-risk = Сыбайлас жемқорлық тәуекелі
entry-status-open = ашық
entry-status-appeal-sent = өтініш жіберілді
entry-status-answered = жауап алынды
entry-status-closed = жабық

register-title =
    { $count ->
        [one] <b>Тізілім</b>: { $count } жазба
       *[other] <b>Тізілім</b>: { $count } жазба
    }
register-empty = Тізілім бос. Алғашқы өзекті мәселені немесе сыбайлас жемқорлық тәуекелін қосыңыз.
register-line = #{ $number } · { $kind } · { $level } · { $status } · { $region } · { $body }
button-entry-number = Жазба #{ $number }
button-new-entry = ➕ Жаңа жазба

entry-ask-region = Жазба қай өңірге қатысты?
entry-ask-body = Қай мемлекеттік орган туралы? (2–200 таңба)
entry-ask-kind = Бұл өзекті мәселе ме, әлде сыбайлас жемқорлық тәуекелі ме?
entry-ask-level = Қаншалықты маңызды?
entry-ask-description = Мәселені сипаттаңыз: не дұрыс емес, қайда, қаншалықты жиі. (10–2000 таңба)
entry-created = #{ $number } жазба тізілімге енгізілді.
error-entry-body-short = Тым қысқа: кемінде { $minimum } таңба керек.
error-entry-body-long = Тым ұзын: { $length } таңба, ең көбі { $maximum }.
error-entry-description-short = Сәл толығырақ жазыңыз: кемінде { $minimum } таңба.
error-entry-description-long = Тым ұзын: { $length } таңба, ең көбі { $maximum }.
error-entry-not-found = #{ $number } жазба сіздің өңірлеріңіздің тізілімінде жоқ.
error-entry-closed = #{ $number } жазба жабық.

entry-card =
    <b>Жазба #{ $number }</b> · { $kind } · { $level } · { $status }
    Өңір: { $region }
    Орган: { $body }

    { $description }
entry-card-violations =
    { $count ->
        [0] <b>Бұзушылықтар</b>: әлі байланыстырылмаған.
       *[other] <b>Бұзушылықтар</b> ({ $count }):
    }
entry-card-tips =
    { $count ->
        [0] <b>Хабарламалар</b>: әлі байланыстырылмаған.
       *[other] <b>Хабарламалар</b> ({ $count }):
    }
entry-tip-line = #{ $number } · { $category } · { $body } · { $status }
entry-card-appeals = <b>Өтініштер</b>:
button-link-violation = 🔗 Бұзушылықты байланыстыру
button-link-tip = 🔗 Хабарламаны байланыстыру
button-write-appeal = ✉ Өтініш жазу
button-close-entry = ✓ Жазбаны жабу

entry-ask-violation-number =
    { $suggested ->
        [0] #{ $number } жазбаға байланыстыратын бұзушылықтың нөмірін жіберіңіз (комиссарлардың жазбаларындағыдай, мысалы 42).
       *[other] #{ $number } жазбаға байланыстыру үшін өңірдің бұзушылығын таңдаңыз (алдымен — сол орган бойынша) немесе оның нөмірін жіберіңіз.
    }
entry-ask-tip-number =
    { $suggested ->
        [0] #{ $number } жазбаға байланыстыратын хабарламаның нөмірін жіберіңіз (мысалы 17).
       *[other] #{ $number } жазбаға байланыстыру үшін елшілерге берілген хабарламаны таңдаңыз немесе өңірдің басқа хабарламасының нөмірін жіберіңіз.
    }
error-entry-violation-number = Тек бұзушылықтың нөмірін жіберіңіз, мысалы 42.
error-entry-tip-number = Тек хабарламаның нөмірін жіберіңіз, мысалы 17.
error-entry-violation-not-found = #{ $number } бұзушылық осы тізілім жазбасының өңірінде жоқ.
error-entry-tip-not-found = #{ $number } хабарлама осы тізілім жазбасының өңірінде жоқ.
entry-violation-linked = #{ $number } бұзушылық #{ $entry } жазбаға байланыстырылды.
entry-violation-already = #{ $number } бұзушылық #{ $entry } жазбаға бұрын байланыстырылған.
entry-tip-linked = #{ $number } хабарлама #{ $entry } жазбаға байланыстырылды.
entry-tip-already = #{ $number } хабарлама #{ $entry } жазбаға бұрын байланыстырылған.

appeals-title =
    { $count ->
        [one] <b>Өтініштер</b>: { $count }
       *[other] <b>Өтініштер</b>: { $count }
    }
appeals-empty = Әзірге өтініш жоқ. Өтінішті /register ішіндегі жазбадан жазыңыз.
appeal-line = #{ $number } · { $addressee } · { $status }
appeal-status-draft = жоба, жіберілмеген
appeal-status-sent = жіберілді, жауап { $due } дейін
appeal-status-overdue = ⏰ жауап { $due } бастап кешікті
appeal-status-answered = жауап алынды
button-open-appeal = Өтініш #{ $number }
button-open-appeal-plain = Өтінішті ашу

appeal-ask-addressee = #{ $number } жазба бойынша өтініш ({ $body }). Кімге жолданады? Орган және оның басшысы, мысалы «Алматы қаласының әкіміне …».
appeal-ask-subject = Өтініштің тақырыбы, бір жолмен.
appeal-ask-body = Өтініш мәтіні ({ $limit } таңбаға дейін). Кейін оны хатта түзетуге болады.
appeal-ask-violations =
    { $chosen ->
        [0] Өтініш негізделетін бұзушылықтарды таңдаңыз (олардың дәлелдері қосымшаға енеді), содан кейін «Дайын» басыңыз.
       *[other] Таңдалды: { $chosen }. Тағы таңдаңыз немесе «Дайын» басыңыз.
    }
error-appeal-addressee-short = Алушы тым қысқа: кемінде { $minimum } таңба керек.
error-appeal-addressee-long = Алушы тым ұзын: { $length } таңба, ең көбі { $maximum }.
error-appeal-subject-short = Тақырып тым қысқа: кемінде { $minimum } таңба керек.
error-appeal-subject-long = Тақырып тым ұзын: { $length } таңба, ең көбі { $maximum }.
error-appeal-body-short = Сәл толығырақ жазыңыз: кемінде { $minimum } таңба.
error-appeal-body-long = Тым ұзын: { $length } таңба, ең көбі { $maximum }.
error-appeal-no-violations = Алдымен #{ $number } жазбаға кемінде бір бұзушылықты байланыстырыңыз: өтініш дәлелдерге сүйенеді.
error-appeal-choose-violations = Осы жазбаның кемінде бір бұзушылығын таңдаңыз.
error-appeal-not-found = #{ $number } өтініш сіздің өңірлеріңіздің өтініштерінде жоқ.
appeal-created = #{ $number } өтініш жазылды. Міне хат — түзетіп, жіберіңіз.
appeal-letter-caption = #{ $number } өтініш: хат, қосымшасында дәлелдер және олардың SHA-256 хештері.

appeal-card =
    <b>Өтініш #{ $number }</b> (жазба #{ $entry })
    Кімге: { $addressee }
    Тақырып: { $subject }
    Күйі: { $status }
    Бұзушылықтар: { $violations }, дәлел файлдары: { $files }
appeal-card-sent = { $sent } жіберілді; жауап <b>{ $due }</b> дейін күтіледі ({ $days } жұмыс күні).
appeal-card-answer =
    <b>Жауап</b> { $at } жазылды: { $text }
    Құжат: { $document }
button-appeal-letter = 📄 Хат (DOCX)
button-appeal-sent = 📮 Жіберілгенін белгілеу
button-appeal-answer-file = 📎 Жауап
button-appeal-answer = 📨 Жауапты жазу

appeal-ask-sent-date = #{ $number } өтініш қай күні жіберілді? Күнді енгізіңіз (31.12.2026) немесе «Бүгін» басыңыз. Жауап { $days } жұмыс күнінен кейін тиесілі; демалыс және мереке күндері есептелмейді.
error-appeal-sent-date = Күнді 31.12.2026 түрінде енгізіңіз.
error-appeal-sent-future = Бұл күн әлі келген жоқ.
error-appeal-sent-before-written = Өтініш { $written } жазылған; оны одан бұрын жіберу мүмкін емес.
error-appeal-already-sent = #{ $number } өтініш жіберілген деп белгіленген.
appeal-sent-recorded = #{ $number } өтініш жіберілген деп белгіленді. Жауап <b>{ $due }</b> дейін күтіледі ({ $days } жұмыс күні); бот еске салады.

appeal-ask-answer = «{ $addressee }» алушының #{ $number } өтінішке жауабын жіберіңіз: мәтінін немесе құжатын (жазбамен бірге болса да болады).
error-appeal-answer = Жауаптың мәтінін немесе құжатын жіберіңіз.
error-appeal-answer-short = Жауаптың мәтінін немесе құжатын жіберіңіз.
error-appeal-answer-long = Тым ұзын: { $length } таңба, ең көбі { $maximum }. Жауапты құжат етіп жіберіңіз.
error-appeal-answer-kind = Жауапты мәтін немесе құжат (PDF, DOCX…) етіп жіберіңіз.
error-appeal-not-awaiting = #{ $number } өтініш жауап күтіп тұрған жоқ.
appeal-answer-recorded =
    { $tips ->
        [0] #{ $number } өтінішке жауап жазылды.
        [one] #{ $number } өтінішке жауап жазылды; байланысты { $tips } хабарлама «мемлекеттік орган жауап берді» күйіне өтті, авторына хабарланды.
       *[other] #{ $number } өтінішке жауап жазылды; байланысты { $tips } хабарлама «мемлекеттік орган жауап берді» күйіне өтті, авторларына хабарланды.
    }

appeal-remind-due-soon = ⏳ #{ $number } өтінішке ({ $addressee }: { $subject }) жауап <b>{ $due }</b> дейін күтіледі — 3 жұмыс күнінен кейін.
appeal-remind-due-today = ⏳ #{ $number } өтінішке ({ $addressee }: { $subject }) жауап <b>бүгін</b>, { $due } күтіледі.
appeal-remind-overdue = ⏰ #{ $number } өтінішке ({ $addressee }: { $subject }) жауап { $due } дейін келуі керек еді, бірақ жазылмаған. Келсе — жазыңыз, келмесе — органға еске салыңыз.
appeal-remind-escalation = ⏰ #{ $number } өтінішке ({ $addressee }: { $subject }) жауап кешікті: мерзімі { $due } дейін еді.

## Хат (DOCX): қарапайым белгілер, белгілеусіз

letter-to = Кімге:
letter-region = Өңір:
letter-subject = Тақырып:
letter-violations = Сыбайлас жемқорлыққа қарсы майдан комиссарлары тіркеген бұзушылықтар
letter-rule = Бұзылған норма:
letter-amount = Сома:
letter-closing = Өтінішті қарап, заңда белгіленген мерзімде жауап беруіңізді сұраймыз.
letter-annex = Қосымша: дәлелдер
letter-annex-note = Әр файл қабылданған кезде есептелген SHA-256 хешімен анықталады; бір файл әрқашан бірдей хеш береді.
letter-col-violation = Бұзушылық
letter-col-file = Файл
letter-col-kind = Түрі
letter-col-received = Қабылданды
letter-col-sha256 = SHA-256
evidence-kind-photo = фото
evidence-kind-video = бейне
evidence-kind-document = құжат
evidence-kind-voice = дауыстық хабарлама

## Хабарламалар мен өтініштер бойынша сандар (/stats)

stats-tips-title = <b>Хабарламалар</b>, { $period }: { $count }
stats-by-status = Күйлері бойынша: { $counts }
stats-by-region = Өңірлер бойынша: { $counts }
stats-by-category = Санаттар бойынша: { $counts }
stats-count = { $name } — { $count }
stats-none = жоқ
stats-medians = Жұмысқа алуға дейінгі уақыттың медианасы: { $take }; шешуге дейін: { $resolve }
stats-duration = { $days } күн { $hours } сағ { $minutes } мин
stats-duration-none = —
stats-overdue = Қазір кешіккені: тапсырмалар { $assignments }; жауап күтетін өтініштер { $awaiting }, оның ішінде кешіккені { $appeals }
stats-appeals-bodies = Органдар бойынша өтініштер (жауап берді / кешікті):
stats-appeals-body = { $body }: { $answered } / { $overdue }
stats-chart-title = Хабарламалар, { $period }
stats-chart-status = Күйлері бойынша
stats-chart-category = Санаттар бойынша
stats-chart-region = Өңірлер бойынша
stats-chart-appeals = Органдар бойынша өтініштер
stats-chart-answered = жауап алынды
stats-chart-overdue = кешікті

## Экспорт (/export)

export-ask-kind = Нені экспорттау керек?
export-kind-tips = Хабарламалар
export-kind-violations = Бұзушылықтар
export-kind-appeals = Өтініштер
export-ask-period = Қай кезең? Түймені басыңыз немесе күндерді енгізіңіз: 01.01.2026–31.03.2026.
export-period-expected = Кезеңді 01.01.2026–31.03.2026 түрінде енгізіңіз немесе түймені басыңыз.
error-period-format = Кезеңді 01.01.2026–31.03.2026 түрінде енгізіңіз.
error-period-order = Кезеңнің бірінші күні соңғы күнінен кейін.
error-period-range = Бұл кезең әлі басталған жоқ.
export-ask-region = Қай өңір?
export-all-regions = Барлық өңірлер
export-caption =
    { $count ->
        [one] { $kind }, { $period }, { $region }: { $count } жол. Файлда хабарлама авторлары туралы дерек жоқ.
       *[other] { $kind }, { $period }, { $region }: { $count } жол. Файлда хабарлама авторлары туралы дерек жоқ.
    }
