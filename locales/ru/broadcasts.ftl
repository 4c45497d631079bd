command-broadcast = Объявление подписчикам или волонтёрам
command-broadcasts = Мои объявления: ход рассылки, прочтения, остановка

broadcast-ask-message =
    <b>Новое объявление</b>
    Пришлите сообщение ровно таким, каким его должны получить люди: текст (жирный шрифт, курсив и ссылки сохранятся) или фото, видео либо документ с подписью.
error-broadcast-content = Объявление — это текст или фото, видео, документ с подписью. Пришлите одно из этого или /cancel.
broadcast-ask-audience = Кому отправить?
button-audience-all = 📣 Всем подписчикам
button-audience-region = 📍 Подписчикам одного региона
button-audience-role = 👥 Волонтёрам одной роли
button-audience-role-region = 👥📍 Волонтёрам одной роли в регионе
error-broadcast-audience = Этот выбор здесь недоступен. Начните заново: /broadcast.
error-broadcast-region = Вы можете отправлять объявления только в свой регион (свои регионы).
broadcast-ask-role = Каким волонтёрам?
broadcast-role-commissar = Комиссарам
broadcast-role-ambassador = Амбассадорам перемен
broadcast-role-ombudsman = Омбудсменам
broadcast-role-coordinator = Координаторам
broadcast-ask-region = В каком регионе?
broadcast-ask-acknowledge = Добавить кнопку «Прочитал(а)»? Вы увидите, сколько человек её нажали.
button-broadcast-with-ack = ✅ С кнопкой
button-broadcast-without-ack = Без кнопки
broadcast-audience-all = всем подписчикам
broadcast-audience-region = подписчикам: { $region }
broadcast-audience-role = { $role }
broadcast-audience-role-region = { $role }: { $region }
broadcast-ack-yes = с кнопкой «Прочитал(а)»
broadcast-ack-no = без кнопки
broadcast-summary =
    ☝️ Так объявление увидят получатели.
    <b>Кому:</b> { $audience }
    <b>Получателей:</b> { $count }
    { $acknowledge }
broadcast-nobody = Сейчас в этой аудитории никого нет — отправлять некому.
button-broadcast-send-now = 🚀 Отправить сейчас
button-broadcast-schedule = 🕒 Запланировать
broadcast-ask-time = Когда отправить? Напишите местные дату и время, например 31.12.2026 09:00.
error-broadcast-time = Напишите дату и время так: 31.12.2026 09:00.
error-broadcast-time-range = Выберите момент позже текущего и не дальше чем через два месяца.
error-broadcast-already-sent = Это сообщение уже отправлено как объявление.
broadcast-confirmed =
    📣 Объявление №{ $number } отправляется { $count ->
        [one] { $count } человеку
        [few] { $count } людям
       *[many] { $count } людям
    }. Ход рассылки — ниже.
broadcast-scheduled =
    🕒 Объявление №{ $number } уйдёт { $at } — { $count ->
        [one] { $count } получатель
        [few] { $count } получателя
       *[many] { $count } получателей
    }. В /broadcasts его видно и можно остановить.
broadcasts-empty = Вы ещё не отправляли объявлений. Составить: /broadcast.
broadcasts-title = <b>Последние объявления</b>
broadcast-line =
    №{ $number } · { $at } · { $status }
    доставлено { $sent } из { $total }, заблокировали бота { $blocked }, не доставлено { $failed }{ $acknowledge ->
        [true] , прочитали { $acknowledged }
       *[false] {""}
    }
broadcast-status-scheduled = 🕒 запланировано
broadcast-status-sending = 📤 отправляется
broadcast-status-done = ✅ отправлено
broadcast-status-cancelled = ⛔ остановлено
button-broadcast-stop-number = ⛔ Остановить №{ $number }
button-broadcast-stop = ⛔ Остановить
broadcast-stop-confirm = Остановить объявление №{ $number }? У тех, кто уже получил, оно останется; остальным не придёт.
button-broadcast-stop-yes = ⛔ Да, остановить
button-broadcast-keep = Нет, пусть идёт
broadcast-stopped = ⛔ Объявление №{ $number } остановлено: его получили { $sent } из { $total }.
button-broadcast-acknowledge = ✅ Прочитал(а)
broadcast-acknowledged = Спасибо, отмечено.
broadcast-acknowledged-before = Вы уже подтвердили прочтение.
error-broadcast-preview = Это предпросмотр: у получателей кнопка будет работать.
error-broadcast-unknown = Объявление не найдено.
error-broadcast-not-yours = Это может сделать только автор объявления или координатор.
error-broadcast-finished = Это объявление уже завершено.
broadcast-progress-scheduled =
    🕒 <b>Объявление №{ $number }</b> уйдёт { $at }, получателей: { $total }.
broadcast-progress-sending =
    📤 <b>Объявление №{ $number }</b> отправляется
    Доставлено: { $sent } из { $total }
    Заблокировали бота: { $blocked } · не доставлено: { $failed }
    Осталось: { $left } · примерно { $eta }
broadcast-progress-done =
    ✅ <b>Объявление №{ $number }</b> отправлено
    Доставлено: { $sent } из { $total }
    Заблокировали бота: { $blocked } · не доставлено: { $failed }
    Сколько прочитали — в /broadcasts.
broadcast-progress-stopped =
    ⛔ <b>Объявление №{ $number }</b> остановлено
    Доставлено: { $sent } из { $total } · не отправлено: { $cancelled }
    Заблокировали бота: { $blocked } · не доставлено: { $failed }

outcome-tip-resolved = ✅ <b>Решено</b>: сообщение о нарушении «{ $category }» ({ $region }) проверено нашими волонтёрами и решено через { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    } после получения.
tip-card-purged = <i>(текст сообщения удалён: оно закрыто давно)</i>
broadcast-goes-on = Хорошо, рассылка продолжается.
outcome-appeal-answered = 📨 <b>Получен ответ</b>: «{ $addressee }» ({ $region }) ответил на обращение наших амбассадоров от { $sent }{ $late ->
        [true] , позже установленного законом срока (до { $due }).
       *[false] {" "}в установленный законом срок.
    }
outcome-appeal-overdue = ⏰ <b>Нет ответа</b>: «{ $addressee }» ({ $region }) не ответил на обращение наших амбассадоров от { $sent }; установленный законом срок истёк { $due }.
