## Үйлестіру: шақырулар, модерация, анықтамалықтар және аудит журналы

command-invite = Сілтеме арқылы рөлге шақыру
command-invites = Белсенді шақырулар; кері қайтару
command-block = Аккаунтты бұғаттау
command-unblock = Аккаунтты бұғаттан шығару
command-catalog = Өңірлер, хабарлама санаттары және мерзімдер
command-audit = Аудит журналы: кім, не және қашан істеді

error-nationwide-only = Мұны тек бүкіл елдің үйлестірушісі істей алады.

## /invite

invite-ask-role = Шақыру қандай рөл береді?
invite-ask-region = Қай өңір үшін?
invite-ask-uses = Сілтемені неше адам пайдалана алады? Түймені басыңыз немесе 1-ден { $most }-ге дейінгі санды жіберіңіз.
button-invite-uses =
    { $count ->
        [one] { $count } адам
       *[other] { $count } адам
    }
invite-ask-lifetime = Сілтеме қанша уақыт жарамды?
button-invite-days =
    { $count ->
        [one] { $count } күн
       *[other] { $count } күн
    }
invite-created =
    Шақыру дайын: <b>{ $role }</b>, пайдалану саны: { $uses }, { $expires } дейін жарамды.

    { $link }

    Сілтемені тек арналған адамдарға жіберіңіз: оны ашқан әркім рөл алады. Бот оны бір рет көрсетеді және сақтамайды.
error-invite-uses = 1-ден { $most }-ге дейінгі бүтін сан жіберіңіз.
error-invite-region = Тек өз өңірлеріңізге шақыра аласыз.
error-invite-not-found = Мұндай шақыру жоқ.
error-invite-already-revoked = Бұл шақыру бұрын кері қайтарылған.

## /invites

invites-empty = Қазір белсенді шақыру жоқ. Жасау: /invite
invites-title =
    { $count ->
        [one] <b>Белсенді шақырулар ({ $count }):</b>
       *[other] <b>Белсенді шақырулар ({ $count }):</b>
    }
invites-line = #{ $id } · { $role } · { $uses } ішінен { $left } қалды · { $expires } дейін · жасаған: { $creator }
invites-revoke-hint = Шақыруды кері қайтару:
button-invite-revoke = ✕ #{ $id } кері қайтару
invite-revoked = #{ $id } шақыру кері қайтарылды: сілтеме енді жұмыс істемейді.

## Шақыруды ашу

invite-welcome =
    Антикоррупциялық майданға қош келдіңіз! Енді сіздің рөліңіз: <b>{ $role }</b>.

    Жаңа командаларыңыз (олар мәзірде де бар):
    { $commands }

    /help сіз істей алатынның бәрін көрсетеді.
error-invite-invalid = Бұл шақыру жарамсыз. Оны жіберген үйлестірушіден жаңа сілтеме сұраңыз.
error-invite-expired = Шақырудың мерзімі өтті. Оны жіберген үйлестірушіден жаңа сілтеме сұраңыз.
error-invite-used = Шақыруды ол арналған адамдардың бәрі пайдаланып қойды. Үйлестірушіден жаңа сілтеме сұраңыз.
error-invite-revoked = Бұл шақыруды үйлестірушілер кері қайтарды.
error-invite-opened-before = Сіз бұл шақыруды бұрын пайдаландыңыз. Егер рөл содан кейін алынса, үйлестірушіге хабарласыңыз.
error-invite-already-held = Сізде бұл рөл бұрыннан бар. Ештеңе өзгерген жоқ.
error-invite-wait = Жарамсыз шақырулар тым көп. { $minutes } мин кейін қайталап көріңіз.

## /block, /unblock

block-ask-person = Кімді бұғаттау керек? @username немесе Telegram id жіберіңіз.
block-ask-reason = { $person } неге бұғатталады? Себебін бір сөйлеммен жазыңыз: ол аудит журналына түседі.
block-confirm =
    { $person } бұғатталсын ба?

    Себебі: { $reason }

    Бот бұл аккаунтқа сыпайы түрде бас тартады және одан ештеңе қабылдамайды; рөлдері оларды біреу алып тастағанша қалады.
button-block = ⛔ Бұғаттау
block-done = Бұғатталды: { $person }.
block-already = Бұл аккаунт бұрыннан бұғатталған: { $person }.
unblock-ask-person = Кімді бұғаттан шығару керек? @username немесе Telegram id жіберіңіз.
unblock-confirm = { $person } бұғаттан шығарылсын ба? Бот бұл аккаунт үшін қайта жұмыс істейді.
button-unblock = ✓ Бұғаттан шығару
unblock-done = Бұғаттан шығарылды: { $person }.
unblock-not-blocked = Бұл аккаунт бұғатталмаған: { $person }.
error-block-reason-short = Себебі тым қысқа: кемінде { $minimum } таңба керек.
error-block-reason-long = Себебі тым ұзын: { $length } таңба, ең көбі { $maximum }.
error-block-unknown = { $reference } ботқа жазбаған.
error-block-self = Өзіңізді бұғаттай алмайсыз.
error-block-coordinator = Үйлестірушіні бұғаттауға болмайды. Алдымен үйлестіруші рөлін алып тастаңыз (/revoke).
error-block-outside-region = Сіз тек өз өңіріңіздің (өңірлеріңіздің) адамдарын модерациялайсыз: бұл адамның рөлі немесе тұрғылықты жері басқа өңірде.

## /audit

audit-title =
    { $count ->
        [one] <b>Аудит журналы: { $count } жазба</b>
       *[other] <b>Аудит журналы: { $count } жазба</b>
    }
audit-filtered = Тек: { $filters }
audit-filter-person = адамның әрекеттері және ол туралы жазбалар: { $person }
audit-filter-period = { $first } – { $last }
audit-empty = Мұнда бос.
audit-line = { $at } · { $who } · <b>{ $action }</b> · { $object } { $details }
audit-actor =
    { $kind ->
        [shell] оператордың командалық жолы
        [tipster] хабарлама авторы
       *[system] боттың өзі
    }
audit-object =
    { $kind ->
        [user] адам
        [tip] хабарлама
        [invite] шақыру
        [check] тексеру
        [violation] бұзушылық
        [reception] қабылдау
        [category] санат
        [region] өңір
       *[other] { $kind }
    } #{ $id }
audit-action =
    { $action ->
        [role-grant] рөл берілді
        [role-revoke] рөл алынды
        [invite-created] шақыру жасалды
        [invite-revoked] шақыру кері қайтарылды
        [invite-redeemed] шақыру пайдаланылды
        [user-blocked] аккаунт бұғатталды
        [user-unblocked] аккаунт бұғаттан шығарылды
        [tip-submitted] хабарлама жіберілді
        [tip-withdrawn] хабарлама кері алынды
        [tip-status] хабарлама мәртебесі өзгерді
        [tip-question] авторға сұрақ
        [tip-answer] автордың жауабы
        [tip-follow_up] қайта сұрауға жауап
        [tip-evidence_viewed] хабарлама материалдары қаралды
        [tip-reassigned] хабарлама басқа комиссарға берілді
        [check-planned] тексеру жоспарланды
        [check-done] тексеру аяқталды
        [check-cancelled] тексеру тоқтатылды
        [violation-recorded] бұзушылық жазылды
        [violation-evidence_added] дәлелдер қосылды
        [violation-evidence_viewed] бұзушылық дәлелдері қаралды
        [reception-published] қабылдау жарияланды
        [reception-cancelled] қабылдау тоқтатылды
        [category-created] санат қосылды
        [category-changed] санат өзгерді
        [region-changed] өңір өзгерді
        [audit-viewed] аудит журналы қаралды
        [broadcast-sent] хабарландыру жіберілді
        [broadcast-scheduled] хабарландыру жоспарланды
        [broadcast-cancelled] хабарландыру тоқтатылды
        [retention-purged] ескі хабарламалардың мәтіндері жойылды
        [appeal-created] өтініш жазылды
        [appeal-letter] өтініш хаты берілді
        [appeal-sent] өтініш жіберілді
        [appeal-overdue] өтініш жауабы кешікті
        [appeal-answered] өтінішке жауап алынды
        [export-created] деректер жүктелді
        [risk-created] тізілім жазбасы жасалды
        [risk-closed] тізілім жазбасы жабылды
        [risk-tip_linked] хабарлама жазбаға байланыстырылды
        [risk-violation_linked] бұзушылық жазбаға байланыстырылды
       *[other] { $action }
    }
button-audit-person = 👤 Адам
button-audit-action = ⚙ Әрекет
button-audit-period = 📅 Кезең
button-audit-clear = ✕ Барлық жазбалар
button-audit-any-action = Кез келген әрекет
audit-ask-action = Қандай әрекет?
audit-ask-person = Кімнің жазбалары (адам не істеді және оған не істелді)? @username немесе Telegram id жіберіңіз.
audit-ask-period = Қай кезең? Екі күн жіберіңіз, мысалы 01.11.2026–30.11.2026, немесе бір күн.
error-audit-period = Кезеңді екі күнмен жіберіңіз, мысалы 01.11.2026–30.11.2026 (біріншісі екіншісінен кеш емес), немесе бір күн.

## /catalog

catalog-title = <b>Хабарлама санаттары</b> (өзгерту үшін басыңыз):
catalog-category-line = <b>{ $name }</b> ({ $code }, { $status }): алғашқы әрекет — { $first } ішінде, шешім — { $resolve } ішінде
catalog-active = қолданыста
catalog-inactive = өшірілген
catalog-days =
    { $count ->
        [one] { $count } күн
       *[other] { $count } күн
    }
catalog-hours =
    { $count ->
        [one] { $count } сағат
       *[other] { $count } сағат
    }
catalog-choose = Санатты таңдаңыз:
catalog-names = Орысша: { $ru }
    Қазақша: { $kk }
    Ағылшынша: { $en }
button-catalog-add = + Жаңа санат
button-catalog-regions = 🗺 Өңірлер
button-catalog-rename = ✎ Атауы { $language }
button-catalog-sla = ⏱ Мерзімдер
button-catalog-deactivate = Өшіру
button-catalog-activate = Қосу
catalog-off-mark = ⏸
catalog-regions-title = <b>Өңірлер</b> (⏸ — өшірілген). Атауын өзгерту, қосу немесе өшіру үшін өңірді басыңыз:
catalog-region-line = <b>{ $name }</b> ({ $code }, { $status })
catalog-ask-name = Жаңа атауды { $language } тілінде жіберіңіз.
catalog-ask-new-name = Жаңа санат. Оның атауын { $language } тілінде жіберіңіз.
catalog-added = Санат қосылды: <b>{ $name }</b> ({ $code }). Мерзімдер әдепкі; қажет болса, төменде өзгертіңіз.
catalog-ask-first-action = «{ $name }»: комиссар алынған хабарлама бойынша алғашқы әрекетті қанша уақыт ішінде жасауы керек? Қазір: { $current } ішінде. Сағат немесе күн жіберіңіз, мысалы 12 сағ немесе 3 күн (1 сағаттан 30 күнге дейін).
catalog-ask-resolve = Ал хабарлама қанша уақыт ішінде шешілуі керек? Қазір: { $current } ішінде. Сағат немесе күн жіберіңіз, мысалы 14 күн (алғашқы әрекет мерзімінен кем емес, 365 күннен көп емес).
catalog-sla-saved = Сақталды. Жаңа мерзімдер осы сәттен бастап алынған хабарламаларға қолданылады; бұрын алынғандардың мерзімі өзгермейді.
error-catalog-name-short = Атауы тым қысқа: кемінде { $minimum } таңба керек.
error-catalog-name-long = Атауы тым ұзын: { $length } таңба, ең көбі { $maximum }.
error-catalog-duration = Сағат немесе күн санын жіберіңіз, мысалы 12 сағ немесе 3 күн.
error-catalog-first-action = Алғашқы әрекет мерзімі — 1 сағаттан 30 күнге дейін.
error-catalog-resolve = Шешім мерзімі алғашқы әрекет мерзімінен кем емес және 365 күннен көп емес.
error-catalog-unknown = Мұндай санат немесе өңір жоқ.
error-catalog-code-taken = Мұндай кодпен санат бұрыннан бар.
