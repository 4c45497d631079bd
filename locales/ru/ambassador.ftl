## Послы перемен: картина рисков, реестр, обращения; цифры и выгрузки

command-risks = Картина рисков: нарушения и сообщения по органам и регионам
command-register = Реестр болевых точек и коррупционных рисков
command-appeals = Обращения в госорганы и их сроки
command-export = Выгрузить сообщения, нарушения или обращения в CSV

button-last-days = { $days } дн.

risks-title = <b>Картина рисков</b>, { $period } ({ $days } дн.)
risks-empty = За этот период нет ни нарушений, ни сообщений.
risks-by-region = <b>По регионам</b> (нарушения · сообщения, в сравнении с предыдущим периодом):
risks-by-body = <b>Органы с наибольшим числом нарушений</b>:
risks-line = { $name }: { $violations } ({ $violations_trend }) · { $tips } ({ $tips_trend })
risks-by-severity = <b>Нарушения по тяжести</b>: { $counts }
risks-by-category = <b>Сообщения по категориям</b>: { $counts }
risks-count = { $name } — { $count }
risks-by-month = <b>По месяцам</b> (нарушения · сообщения):
risks-month-line = { $month }: { $violations } · { $tips }
risks-trend-note = ▲▼ — сравнение с тем же числом дней до периода. Нажмите 🔎, чтобы увидеть нарушения за цифрой.
risks-behind =
    { $count ->
        [0] За «{ $what }» в этом периоде нарушений нет.
        [one] <b>{ $count } нарушение</b> за «{ $what }»:
        [few] <b>{ $count } нарушения</b> за «{ $what }»:
       *[many] <b>{ $count } нарушений</b> за «{ $what }»:
    }
risks-violation-line = <b>#{ $number}</b> · { $severity } · { $body } · { $date }
    { $description }
error-risk-nothing-behind = За этой цифрой больше ничего нет. Откройте /risks заново.

notify-tip-passed = ➡ Комиссар передал послам сообщение #{ $number }: { $category }, { $region }, { $body }. Привяжите его к записи в /register.

entry-kind-pain-point = Болевая точка
entry-kind-corruption-risk = Коррупционный риск
entry-status-open = открыта
entry-status-appeal-sent = обращение направлено
entry-status-answered = получен ответ
entry-status-closed = закрыта

register-title =
    { $count ->
        [one] <b>Реестр</b>: { $count } запись
        [few] <b>Реестр</b>: { $count } записи
       *[many] <b>Реестр</b>: { $count } записей
    }
register-empty = Реестр пуст. Добавьте первую болевую точку или коррупционный риск.
register-line = #{ $number } · { $kind } · { $level } · { $status } · { $region } · { $body }
button-entry-number = Запись #{ $number }
button-new-entry = ➕ Новая запись

entry-ask-region = К какому региону относится запись?
entry-ask-body = О каком госоргане речь? (2–200 символов)
entry-ask-kind = Это болевая точка или коррупционный риск?
entry-ask-level = Насколько это серьёзно?
entry-ask-description = Опишите проблему: что не так, где, как часто. (10–2000 символов)
entry-created = Запись #{ $number } внесена в реестр.
error-entry-body-short = Слишком коротко: нужно не меньше { $minimum } символов.
error-entry-body-long = Слишком длинно: { $length } символов, можно не больше { $maximum }.
error-entry-description-short = Напишите чуть подробнее: не меньше { $minimum } символов.
error-entry-description-long = Слишком длинно: { $length } символов, можно не больше { $maximum }.
error-entry-not-found = Записи #{ $number } нет в реестре ваших регионов.
error-entry-closed = Запись #{ $number } закрыта.

entry-card =
    <b>Запись #{ $number }</b> · { $kind } · { $level } · { $status }
    Регион: { $region }
    Орган: { $body }

    { $description }
entry-card-violations =
    { $count ->
        [0] <b>Нарушения</b>: пока не привязаны.
       *[other] <b>Нарушения</b> ({ $count }):
    }
entry-card-tips =
    { $count ->
        [0] <b>Сообщения</b>: пока не привязаны.
       *[other] <b>Сообщения</b> ({ $count }):
    }
entry-tip-line = #{ $number } · { $category } · { $body } · { $status }
entry-card-appeals = <b>Обращения</b>:
button-link-violation = 🔗 Привязать нарушение
button-link-tip = 🔗 Привязать сообщение
button-write-appeal = ✉ Написать обращение
button-close-entry = ✓ Закрыть запись

entry-ask-violation-number =
    { $suggested ->
        [0] Пришлите номер нарушения, которое нужно привязать к записи #{ $number } (как в записях комиссаров, например 42).
       *[other] Выберите нарушение региона, чтобы привязать его к записи #{ $number } (сначала — по тому же органу), или пришлите его номер.
    }
entry-ask-tip-number =
    { $suggested ->
        [0] Пришлите номер сообщения, которое нужно привязать к записи #{ $number } (например 17).
       *[other] Выберите сообщение, переданное послам, чтобы привязать его к записи #{ $number }, или пришлите номер другого сообщения региона.
    }
error-entry-violation-number = Пришлите только номер нарушения, например 42.
error-entry-tip-number = Пришлите только номер сообщения, например 17.
error-entry-violation-not-found = Нарушения #{ $number } нет среди записей региона этой записи реестра.
error-entry-tip-not-found = Сообщения #{ $number } нет среди сообщений региона этой записи реестра.
entry-violation-linked = Нарушение #{ $number } привязано к записи #{ $entry }.
entry-violation-already = Нарушение #{ $number } уже было привязано к записи #{ $entry }.
entry-tip-linked = Сообщение #{ $number } привязано к записи #{ $entry }.
entry-tip-already = Сообщение #{ $number } уже было привязано к записи #{ $entry }.

appeals-title =
    { $count ->
        [one] <b>Обращения</b>: { $count }
        [few] <b>Обращения</b>: { $count }
       *[many] <b>Обращения</b>: { $count }
    }
appeals-empty = Обращений пока нет. Напишите обращение из записи в /register.
appeal-line = #{ $number } · { $addressee } · { $status }
appeal-status-draft = черновик, не отправлено
appeal-status-sent = отправлено, ответ до { $due }
appeal-status-overdue = ⏰ ответ просрочен с { $due }
appeal-status-answered = получен ответ
button-open-appeal = Обращение #{ $number }
button-open-appeal-plain = Открыть обращение

appeal-ask-addressee = Обращение по записи #{ $number } ({ $body }). Кому оно адресовано? Орган и его руководитель, например «Акиму г. Алматы …».
appeal-ask-subject = Тема обращения, одной строкой.
appeal-ask-body = Текст обращения (до { $limit } символов). Потом его можно поправить в письме.
appeal-ask-violations =
    { $chosen ->
        [0] Выберите нарушения, на которые опирается обращение (их доказательства войдут в приложение), затем нажмите «Готово».
       *[other] Выбрано: { $chosen }. Выберите ещё или нажмите «Готово».
    }
error-appeal-addressee-short = Адресат слишком короткий: нужно не меньше { $minimum } символов.
error-appeal-addressee-long = Адресат слишком длинный: { $length } символов, можно не больше { $maximum }.
error-appeal-subject-short = Тема слишком короткая: нужно не меньше { $minimum } символов.
error-appeal-subject-long = Тема слишком длинная: { $length } символов, можно не больше { $maximum }.
error-appeal-body-short = Напишите чуть подробнее: не меньше { $minimum } символов.
error-appeal-body-long = Слишком длинно: { $length } символов, можно не больше { $maximum }.
error-appeal-no-violations = Сначала привяжите к записи #{ $number } хотя бы одно нарушение: обращение опирается на доказательства.
error-appeal-choose-violations = Выберите хотя бы одно нарушение этой записи.
error-appeal-not-found = Обращения #{ $number } нет среди обращений ваших регионов.
appeal-created = Обращение #{ $number } составлено. Вот письмо — поправьте и отправьте его.
appeal-letter-caption = Обращение #{ $number }: письмо, в приложении — доказательства и их хеши SHA-256.

appeal-card =
    <b>Обращение #{ $number }</b> (запись #{ $entry })
    Кому: { $addressee }
    Тема: { $subject }
    Статус: { $status }
    Нарушений: { $violations }, файлов доказательств: { $files }
appeal-card-sent = Отправлено { $sent }; ответ ожидается до <b>{ $due }</b> ({ $days } рабочих дней).
appeal-card-answer =
    <b>Ответ</b> записан { $at }: { $text }
    Документ: { $document }
button-appeal-letter = 📄 Письмо (DOCX)
button-appeal-sent = 📮 Отметить отправку
button-appeal-answer-file = 📎 Ответ
button-appeal-answer = 📨 Записать ответ

appeal-ask-sent-date = В какой день отправлено обращение #{ $number }? Введите дату (31.12.2026) или нажмите «Сегодня». Ответ положен через { $days } рабочих дней; выходные и праздники не считаются.
error-appeal-sent-date = Введите дату в виде 31.12.2026.
error-appeal-sent-future = Этот день ещё не наступил.
error-appeal-sent-before-written = Обращение составлено { $written }; отправить его раньше было нельзя.
error-appeal-already-sent = Обращение #{ $number } уже отмечено как отправленное.
appeal-sent-recorded = Обращение #{ $number } отмечено как отправленное. Ответ ожидается до <b>{ $due }</b> ({ $days } рабочих дней); бот напомнит.

appeal-ask-answer = Пришлите ответ адресата «{ $addressee }» на обращение #{ $number }: текст или документ (можно с подписью).
error-appeal-answer = Пришлите текст ответа или документ.
error-appeal-answer-short = Пришлите текст ответа или документ.
error-appeal-answer-long = Слишком длинно: { $length } символов, можно не больше { $maximum }. Пришлите ответ документом.
error-appeal-answer-kind = Пришлите ответ текстом или документом (PDF, DOCX…).
error-appeal-not-awaiting = Обращение #{ $number } не ждёт ответа.
appeal-answer-recorded =
    { $tips ->
        [0] Ответ на обращение #{ $number } записан.
        [one] Ответ на обращение #{ $number } записан; { $tips } привязанное сообщение получило статус «госорган ответил», автору сообщено.
        [few] Ответ на обращение #{ $number } записан; { $tips } привязанных сообщения получили статус «госорган ответил», авторам сообщено.
       *[many] Ответ на обращение #{ $number } записан; { $tips } привязанных сообщений получили статус «госорган ответил», авторам сообщено.
    }

appeal-remind-due-soon = ⏳ Ответ на обращение #{ $number } ({ $addressee }: { $subject }) ожидается до <b>{ $due }</b> — через 3 рабочих дня.
appeal-remind-due-today = ⏳ Ответ на обращение #{ $number } ({ $addressee }: { $subject }) ожидается <b>сегодня</b>, { $due }.
appeal-remind-overdue = ⏰ Ответ на обращение #{ $number } ({ $addressee }: { $subject }) должен был прийти до { $due } и не записан. Запишите его, если он пришёл, или напомните органу.
appeal-remind-escalation = ⏰ Ответ на обращение #{ $number } ({ $addressee }: { $subject }) просрочен: срок был до { $due }.

## Письмо (DOCX): простые подписи, без разметки

letter-to = Кому:
letter-region = Регион:
letter-subject = Тема:
letter-violations = Нарушения, зафиксированные комиссарами Антикоррупционного фронта
letter-rule = Нарушенная норма:
letter-amount = Сумма:
letter-closing = Просим рассмотреть обращение и дать ответ в установленный законом срок.
letter-annex = Приложение: доказательства
letter-annex-note = Каждый файл определяется хешем SHA-256, вычисленным при его получении; один и тот же файл всегда даёт один и тот же хеш.
letter-col-violation = Нарушение
letter-col-file = Файл
letter-col-kind = Вид
letter-col-received = Получен
letter-col-sha256 = SHA-256
evidence-kind-photo = фото
evidence-kind-video = видео
evidence-kind-document = документ
evidence-kind-voice = голосовое сообщение

## Цифры по сообщениям и обращениям (/stats)

stats-tips-title = <b>Сообщения</b>, { $period }: { $count }
stats-by-status = По статусам: { $counts }
stats-by-region = По регионам: { $counts }
stats-by-category = По категориям: { $counts }
stats-count = { $name } — { $count }
stats-none = нет
stats-medians = Медиана времени до взятия в работу: { $take }; до решения: { $resolve }
stats-duration = { $days } дн. { $hours } ч { $minutes } мин
stats-duration-none = —
stats-overdue = Просрочено сейчас: назначений { $assignments }; обращений ждут ответа { $awaiting }, из них просрочено { $appeals }
stats-appeals-bodies = Обращения по органам (ответили / просрочено):
stats-appeals-body = { $body }: { $answered } / { $overdue }
stats-chart-title = Сообщения, { $period }
stats-chart-status = По статусам
stats-chart-category = По категориям
stats-chart-region = По регионам
stats-chart-appeals = Обращения по органам
stats-chart-answered = ответ получен
stats-chart-overdue = просрочено

## Выгрузки (/export)

export-ask-kind = Что выгрузить?
export-kind-tips = Сообщения
export-kind-violations = Нарушения
export-kind-appeals = Обращения
export-ask-period = За какой период? Нажмите кнопку или введите даты: 01.01.2026–31.03.2026.
export-period-expected = Введите период в виде 01.01.2026–31.03.2026 или нажмите кнопку.
error-period-format = Введите период в виде 01.01.2026–31.03.2026.
error-period-order = Первый день периода позже последнего.
error-period-range = Этот период ещё не начался.
export-ask-region = Какой регион?
export-all-regions = Все регионы
export-caption =
    { $count ->
        [one] { $kind }, { $period }, { $region }: { $count } строка. В файле нет данных об авторах сообщений.
        [few] { $kind }, { $period }, { $region }: { $count } строки. В файле нет данных об авторах сообщений.
       *[many] { $kind }, { $period }, { $region }: { $count } строк. В файле нет данных об авторах сообщений.
    }
