command-broadcast = Жазылушыларға немесе еріктілерге хабарландыру жіберу
command-broadcasts = Хабарландыруларым: барысы, оқығандар, тоқтату

broadcast-ask-message =
    <b>Жаңа хабарландыру</b>
    Оны адамдар қалай алуы керек болса, дәл солай жіберіңіз: мәтін (жуан қаріп, курсив және сілтемелер сақталады) немесе сипаттамасы бар фото, бейне не құжат.
error-broadcast-content = Хабарландыру — бұл мәтін немесе сипаттамасы бар фото, бейне не құжат. Солардың бірін жіберіңіз немесе /cancel деп жазыңыз.
broadcast-ask-audience = Кімге жіберу керек?
button-audience-all = 📣 Барлық жазылушыларға
button-audience-region = 📍 Бір өңірдің жазылушыларына
button-audience-role = 👥 Бір рөлдегі еріктілерге
button-audience-role-region = 👥📍 Бір өңірдегі бір рөл еріктілеріне
error-broadcast-audience = Бұл жерде мұндай таңдау жоқ. /broadcast арқылы қайта бастаңыз.
error-broadcast-region = Хабарландыруларды тек өз өңіріңізге (өңірлеріңізге) жібере аласыз.
broadcast-ask-role = Қай еріктілерге?
broadcast-role-commissar = Комиссарларға
broadcast-role-ambassador = Өзгеріс елшілеріне
broadcast-role-ombudsman = Омбудсмендерге
broadcast-role-coordinator = Үйлестірушілерге
broadcast-ask-region = Қай өңірге?
broadcast-ask-acknowledge = «Оқыдым» түймесін қосасыз ба? Оны қанша адам басқанын көресіз.
button-broadcast-with-ack = ✅ Түймемен
button-broadcast-without-ack = Түймесіз
broadcast-audience-all = барлық жазылушыларға
broadcast-audience-region = { $region } бойынша жазылушыларға
broadcast-audience-role = { $role }
broadcast-audience-role-region = { $role } ({ $region })
broadcast-ack-yes = «Оқыдым» түймесімен
broadcast-ack-no = түймесіз
broadcast-summary =
    ☝️ Алушылар хабарландыруды осылай көреді.
    <b>Кімге:</b> { $audience }
    <b>Алушылар саны:</b> { $count }
    { $acknowledge }
broadcast-nobody = Қазір бұл аудиторияда ешкім жоқ, сондықтан хабарландыру жіберілмейді.
button-broadcast-send-now = 🚀 Қазір жіберу
button-broadcast-schedule = 🕒 Жоспарлау
broadcast-ask-time = Қашан жіберу керек? Жергілікті күн мен уақытты жазыңыз, мысалы 31.12.2026 09:00.
error-broadcast-time = Күн мен уақытты былай жазыңыз: 31.12.2026 09:00.
error-broadcast-time-range = Қазіргі сәттен кейінгі және екі айдан аспайтын уақытты таңдаңыз.
error-broadcast-already-sent = Бұл хабарлама хабарландыру ретінде жіберіліп қойған.
broadcast-confirmed =
    📣 #{ $number } хабарландыру { $count ->
        [one] { $count } адамға
       *[other] { $count } адамға
    } жіберіліп жатыр. Барысы төменде көрсетілген.
broadcast-scheduled =
    🕒 #{ $number } хабарландыру { $at } уақытында { $count ->
        [one] { $count } адамға
       *[other] { $count } адамға
    } жіберіледі. /broadcasts оны көрсетеді және тоқтатуға мүмкіндік береді.
broadcasts-empty = Сіз әлі бірде-бір хабарландыру жібермегенсіз. Жаңасын құрастыру: /broadcast.
broadcasts-title = <b>Соңғы хабарландырулар</b>
broadcast-line =
    #{ $number } · { $at } · { $status }
    жеткізілді: { $sent } / { $total }, ботты бұғаттағандар: { $blocked }, жеткізілмеді: { $failed }{ $acknowledge ->
        [true] , оқығандар: { $acknowledged }
       *[false] {""}
    }
broadcast-status-scheduled = 🕒 жоспарланған
broadcast-status-sending = 📤 жіберілуде
broadcast-status-done = ✅ жіберілді
broadcast-status-cancelled = ⛔ тоқтатылды
button-broadcast-stop-number = ⛔ #{ $number } тоқтату
button-broadcast-stop = ⛔ Тоқтату
broadcast-stop-confirm = #{ $number } хабарландыруды тоқтатасыз ба? Оны алып қойғандарда ол сақталады, ал басқа ешкімге жіберілмейді.
button-broadcast-stop-yes = ⛔ Иә, тоқтату
button-broadcast-keep = Жоқ, жалғассын
broadcast-stopped = ⛔ #{ $number } хабарландыру тоқтатылды. Оны алғандар: { $sent } / { $total }.
button-broadcast-acknowledge = ✅ Оқыдым
broadcast-acknowledged = Рақмет, белгіленді.
broadcast-acknowledged-before = Сіз оқығаныңызды бұрын растағансыз.
error-broadcast-preview = Бұл — алдын ала көрініс: алушыларда түйме жұмыс істейді.
error-broadcast-unknown = Бұл хабарландыру табылмады.
error-broadcast-not-yours = Мұны тек хабарландырудың авторы немесе үйлестіруші жасай алады.
error-broadcast-finished = Бұл хабарландыру аяқталып қойған.
broadcast-progress-scheduled =
    🕒 <b>#{ $number } хабарландыру</b> { $at } уақытында жіберіледі, алушылар саны: { $total }.
broadcast-progress-sending =
    📤 <b>#{ $number } хабарландыру</b> жіберілуде
    Жеткізілді: { $sent } / { $total }
    Ботты бұғаттағандар: { $blocked } · жеткізілмеді: { $failed }
    Қалғаны: { $left } · аяқталуына шамамен { $eta }
broadcast-progress-done =
    ✅ <b>#{ $number } хабарландыру</b> жіберілді
    Жеткізілді: { $sent } / { $total }
    Ботты бұғаттағандар: { $blocked } · жеткізілмеді: { $failed }
    Қанша адам оқығанын /broadcasts көрсетеді.
broadcast-progress-stopped =
    ⛔ <b>#{ $number } хабарландыру</b> тоқтатылды
    Жеткізілді: { $sent } / { $total } · жіберілмеді: { $cancelled }
    Ботты бұғаттағандар: { $blocked } · жеткізілмеді: { $failed }

outcome-tip-resolved = ✅ <b>Шешілді</b>: «{ $category }» санаты бойынша хабарламаны ({ $region }) еріктілеріміз тексерді, мәселе хабарлама түскеннен кейін { $days } { $days ->
        [one] күн
       *[other] күн
    } ішінде шешілді.
tip-card-purged = <i>(хабарламаның мәтіні жойылды: ол әлдеқашан жабылған)</i>
broadcast-goes-on = Жақсы, хабарландыру жалғасады.
outcome-appeal-answered = 📨 <b>Жауап алынды</b>: «{ $addressee }» ({ $region }) елшілеріміздің { $sent } күнгі өтінішіне жауап берді{ $late ->
        [true] , бірақ заңда белгіленген мерзімнен кеш (мерзімі { $due }).
       *[false] {" "}заңда белгіленген мерзімде.
    }
outcome-appeal-overdue = ⏰ <b>Жауап жоқ</b>: «{ $addressee }» ({ $region }) елшілеріміздің { $sent } күнгі өтінішіне жауап бермеді; заңда белгіленген мерзім { $due } күні аяқталды.
