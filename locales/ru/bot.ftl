## Тексты бота на русском. Каждый ключ есть и в en/, и в kk/ (это проверяет тест).
## Тексты — Telegram HTML: <b>, <i>, <code>. Подставляемые значения бот экранирует сам.

language-name = Русский

## /start, /language

start-greeting =
    Здравствуйте, { $name }! Это бот <b>Антикоррупционного фронта</b>.

    Здесь граждане могут безопасно сообщить о коррупции, антикоррупционные комиссары проверяют сообщения на месте, послы перемен на основе собранных доказательств готовят обращения в госорганы, а омбудсмены делают объявления для всех.

    Выберите язык бота:
start-welcome =
    Добро пожаловать в <b>Антикоррупционный фронт</b>.

    Ваши роли: { $roles }.
    В меню рядом с полем ввода — ваши команды; /help объясняет их, /privacy рассказывает, что бот хранит о вас.
language-choose = Выберите язык бота:
language-saved = Готово: бот теперь говорит по-русски.

## /help

help-roles = <b>Ваши роли:</b> { $roles }
help-commands = <b>Ваши команды:</b>
help-line = /{ $command } — { $description }
help-footer = /cancel прерывает любой диалог на любом шаге. То, что вы не подтвердили, не сохраняется.

## Роли

role-citizen = гражданин
role-commissar = антикоррупционный комиссар
role-ambassador = посол перемен
role-ombudsman = омбудсмен
role-coordinator = координатор
role-in-region = { $role } ({ $region })

## Меню команд (по одной строке, не длиннее 256 символов)

command-start = Начать заново: приветствие и ваше меню
command-help = Ваши роли и команды
command-region = Выбрать свой регион
command-language = Сменить язык
command-privacy = Что хранит бот и кто это видит
command-cancel = Прервать текущий диалог
command-myregions = Регионы, где вы комиссар
command-stats = Статистика: люди, подписчики, волонтёры
command-grant = Выдать роль волонтёра
command-revoke = Снять роль волонтёра
command-staff = Все, у кого есть роль волонтёра

## /privacy

privacy-text =
    <b>Конфиденциальность</b>

    <b>Что бот хранит о вас:</b> ваш Telegram id, имя и имя пользователя в том виде, в каком их показывает Telegram, выбранные язык и регион, а также роль волонтёра, если её выдал координатор.

    <b>Те, кто работает с сообщениями, никогда не узнают, кто их прислал.</b> Комиссары и послы перемен не видят ни вашего Telegram id, ни имени, ни имени пользователя, ни номера телефона; написать вам они могут только через бота.

    <b>В анонимном режиме</b> связь между сообщением и вашим аккаунтом не сохраняется вовсе. Вместо этого вы получаете код квитанции: сохраните его — только по нему можно вернуться к вашему сообщению. Пока вы работаете с открытым кодом (не дольше 30 минут), бот помнит, какое сообщение вы открыли, — в зашифрованном виде, который не прочесть по одной копии базы данных, — и затем забывает.

    <b>Каждое привилегированное действие</b> (выдача и снятие ролей, смена статусов, просмотр доказательств, рассылки) записывается в журнал аудита, в котором нет данных об авторах сообщений.

    <b>Сам Telegram знает, кто пишет этому боту</b>, как и в любом чате Telegram. Если для вас это опасно, пишите с отдельного аккаунта Telegram.

## /cancel и диалоги

cancel-done = Отменено. Ничего не сохранено.
cancel-nothing = Отменять нечего.

## /region

region-choose = Выберите свой регион: по нему будут подбираться сообщения, приёмы граждан и объявления.
region-current = Ваш текущий регион: <b>{ $region }</b>.
region-saved = Ваш регион: <b>{ $region }</b>.

## /myregions

myregions-list =
    { $count ->
        [0] Вы пока не закреплены ни за одним регионом: обратитесь к координатору.
        [one] Вы комиссар в { $count } регионе: { $regions }.
        [few] Вы комиссар в { $count } регионах: { $regions }.
       *[many] Вы комиссар в { $count } регионах: { $regions }.
    }

## /stats

stats-title = <b>Статистика</b>
stats-people =
    { $count ->
        [one] Ботом пользуется { $count } человек
        [few] Ботом пользуются { $count } человека
       *[many] Ботом пользуются { $count } человек
    }
stats-subscribers =
    { $count ->
        [one] { $count } подписчик на объявления
        [few] { $count } подписчика на объявления
       *[many] { $count } подписчиков на объявления
    }
stats-languages = Языки: русский — { $ru }, казахский — { $kk }, английский — { $en }, ещё не выбрали — { $unset }
stats-volunteers = Волонтёры: комиссары — { $commissars }, послы перемен — { $ambassadors }, омбудсмены — { $ombudsmen }, координаторы — { $coordinators }
stats-regions = Регионы, где больше всего людей: { $regions }
stats-region-count = { $region } — { $count }

## Люди глазами координатора

person-unknown = Telegram id <code>{ $id }</code> (переписки с ботом ещё не было)
person-named = { $name } (id <code>{ $id }</code>)
person-with-username = { $name } (@{ $username }, id <code>{ $id }</code>)

## /grant

grant-ask-person = Кому выдать роль? Пришлите Telegram id человека или его @username, если он уже писал боту.
grant-ask-role = Какую роль выдать? Кому: { $person }
grant-ask-region-required = В каком регионе? Комиссар всегда закреплён за конкретным регионом.
grant-ask-region = На всю страну или на один регион?
grant-confirm = Выдать роль <b>{ $role }</b>? Кому: { $person }
grant-done = Готово: роль <b>{ $role }</b> выдана. Кому: { $person }. Меню этого человека обновлено.
grant-done-waiting = Готово: роль <b>{ $role }</b> выдана. Кому: { $person }. Новые команды появятся у этого человека, когда он впервые напишет боту.
grant-already = У этого человека уже есть роль <b>{ $role }</b>: { $person }. Ничего не изменилось.

## /revoke

revoke-ask-person = У кого снять роль? Пришлите Telegram id или @username.
revoke-ask-grant = Какую роль снять? У кого: { $person }
revoke-confirm = Снять роль <b>{ $role }</b>? У кого: { $person }
revoke-done = Готово: роль <b>{ $role }</b> снята. У кого: { $person }.
revoke-holds-nothing = У этого человека нет ролей волонтёра: { $person }.
revoke-not-held = У этого человека нет роли <b>{ $role }</b>: { $person }. Ничего не изменилось.

## /staff

staff-empty = Пока ни у кого нет роли волонтёра. Выдать роль: /grant
staff-title =
    { $count ->
        [one] <b>{ $count } роль волонтёра:</b>
        [few] <b>{ $count } роли волонтёров:</b>
       *[many] <b>{ $count } ролей волонтёров:</b>
    }
staff-line = • { $role }: { $person }

## Кнопки

button-back = ← Назад
button-cancel = ✕ Отмена
button-grant = ✓ Выдать роль
button-revoke = ✓ Снять роль
button-nationwide = Вся страна

## Когда больше никто не ответил

fallback-command-for-role = Команда /{ $command } доступна только для роли: { $roles }. У вас нет нужной роли. Ваши команды: /help
fallback-unknown-command = Команды /{ $command } нет. Ваши команды: /help
fallback-text = Я не понял. Выберите команду в меню или посмотрите /help.
fallback-unsupported = Такие сообщения здесь не обрабатываются. Выберите команду в меню или посмотрите /help.
fallback-in-conversation = На этом шаге такой ответ не подходит. Ответьте на последний вопрос или нажмите /cancel, чтобы выйти.
fallback-stale-button = Эта кнопка больше не работает. Начните заново из меню.

## Отказы и сбои

blocked-refusal = Извините, этот аккаунт заблокирован координаторами Антикоррупционного фронта, поэтому бот не может ничего от него принимать.
error-generic = У нас что-то пошло не так. Ничего не изменилось; попробуйте ещё раз через минуту.
error-store-unavailable = Бот временно недоступен. Ничего не изменилось; попробуйте ещё раз через минуту.
error-not-allowed = У вас нет прав на это действие.
error-invalid-input = Эти данные не подходят. Ничего не изменилось.
error-not-found = Ничего не найдено.
error-unknown-role = Роли «{ $role }» не существует. Доступные роли: commissar, ambassador, ombudsman, coordinator.
error-unknown-region = Регион «{ $region }» не найден.
error-region-required = Комиссар всегда закреплён за конкретным регионом: выберите регион.
error-person-reference = Пришлите Telegram id (только цифры) или @username.
error-person-not-found = С именем пользователя { $reference } боту никто не писал. Укажите Telegram id этого человека.
error-revoke-self = Нельзя снять с себя роль координатора: попросите об этом другого координатора.
error-unknown-language = Этот язык недоступен.
error-grant-usage = Напишите /grant или /grant ID РОЛЬ РЕГИОН, например: /grant 123456789 commissar ALA
error-revoke-usage = Напишите /revoke или /revoke ID РОЛЬ РЕГИОН, например: /revoke 123456789 commissar ALA

## Клавиатура под полем ввода

menu-report = 📝 Сообщить о коррупции
menu-my-tips = 📂 Мои сообщения
menu-receipt = 🔑 Код квитанции
menu-subscription = 🔔 Объявления

command-report = Сообщить о коррупции
command-mytips = Ваши сообщения и что с ними стало
command-receipt = Открыть анонимное сообщение по коду квитанции
command-subscribe = Объявления: подписаться или отписаться

## Сообщение о коррупции (/report)

report-intro = Составим ваше сообщение: восемь коротких вопросов. Под каждым вопросом: ← Назад возвращает к предыдущему, ✕ Отмена удаляет черновик. Ничего не отправится, пока вы не нажмёте «Отправить».
report-progress = <i>Шаг { $step } из { $total }</i>
report-ask-category = О чём сообщение? Выберите категорию.
report-ask-region = В каком регионе это произошло?
report-ask-body = О каком госоргане или организации идёт речь? Пришлите название, например: «Акимат города, отдел земельных отношений» или «Школа № 12».
report-ask-description = Что произошло? Опишите своими словами: кто, что, на какую сумму, как это было. От { $minimum } до { $maximum } символов.
report-ask-when = Когда это произошло?
report-when-today = Сегодня
report-when-week = На этой неделе
report-when-earlier = Раньше
report-when-date = Указать дату
report-ask-date = Пришлите дату в формате ДД.ММ.ГГГГ, например 15.03.2026.
report-ask-where = Где это произошло? Отправьте геопозицию (📎 → Геопозиция), напишите адрес или нажмите «Пропустить».
report-ask-evidence = Добавьте доказательства: фото, видео, голосовые сообщения или документы (PDF, Word, Excel, изображения) — до { $limit } файлов, каждый не больше { $size } МБ. Можно отправлять альбомами. Когда добавите всё, нажмите «Готово», а если добавлять нечего — «Пропустить».
report-evidence-added =
    { $count ->
        [one] 📎 Прикреплён { $count } файл (максимум { $limit }). Отправьте ещё или нажмите «Готово».
        [few] 📎 Прикреплено { $count } файла (максимум { $limit }). Отправьте ещё или нажмите «Готово».
       *[many] 📎 Прикреплено { $count } файлов (максимум { $limit }). Отправьте ещё или нажмите «Готово».
    }
report-ask-identity =
    <b>Кто может узнать, что это сообщение отправили вы?</b>

    🔒 <b>Конфиденциально</b>: бот хранит связь с вашим аккаунтом, чтобы сообщать вам, что происходит с сообщением, и передавать вопросы. Те, кто работает с сообщениями, никогда не видят ни вашего Telegram id, ни имени, ни имени пользователя, ни телефона.

    🕶 <b>Анонимно</b>: бот не хранит никакой связи между сообщением и вашим аккаунтом. Вместо этого вы получите код квитанции: по нему можно узнавать статус и отвечать на вопросы. Если потеряете код, никто не сможет найти сообщение за вас.
report-ask-edit = Что вы хотите изменить?
report-field-category = Категория
report-field-region = Регион
report-field-body = Орган или организация
report-field-description = Что произошло
report-field-when = Когда
report-field-where = Где
report-field-evidence = Доказательства
report-field-identity = Режим отправки
report-summary =
    <b>Проверьте сообщение перед отправкой</b>

    <b>Категория:</b> { $category }
    <b>Регион:</b> { $region }
    <b>Орган или организация:</b> { $body }
    <b>Что произошло:</b> { $description }
    <b>Когда:</b> { $when }
    <b>Где:</b> { $where }
    <b>Доказательства:</b> { $evidence }
    <b>Режим отправки:</b> { $identity }
report-where-location = геопозиция { $latitude }, { $longitude }
report-where-none = не указано
report-evidence-none = нет
report-identity-confidential = 🔒 конфиденциальный
report-identity-anonymous = 🕶 анонимный
evidence-photo =
    { $count ->
        [one] { $count } фото
        [few] { $count } фото
       *[many] { $count } фото
    }
evidence-video =
    { $count ->
        [one] { $count } видео
        [few] { $count } видео
       *[many] { $count } видео
    }
evidence-document =
    { $count ->
        [one] { $count } документ
        [few] { $count } документа
       *[many] { $count } документов
    }
evidence-voice =
    { $count ->
        [one] { $count } голосовое сообщение
        [few] { $count } голосовых сообщения
       *[many] { $count } голосовых сообщений
    }
report-sent-confidential = ✅ Спасибо. Ваше сообщение <b>#{ $number }</b> получено. Когда его статус изменится, вы получите уведомление здесь; посмотреть его в любой момент можно через /mytips.
report-sent-anonymous =
    ✅ Спасибо. Ваше сообщение <b>#{ $number }</b> получено анонимно.

    Ваш код квитанции:
    <code>{ $code }</code>

    <b>Сохраните его сейчас: он показывается только один раз</b>, а бот не хранит ничего, что вело бы от вашего аккаунта к сообщению. Чтобы узнать статус и ответить на вопросы, отправьте код этому боту (или воспользуйтесь /receipt). Потом этот чат можно удалить.
report-use-buttons = Пожалуйста, ответьте кнопками под вопросом или нажмите /cancel, чтобы выйти.
report-text-expected = Пожалуйста, пришлите этот ответ текстом.
report-where-expected = Отправьте геопозицию, напишите адрес текстом или нажмите «Пропустить».
report-files-expected = На этом шаге присылайте файлы (фото, видео, голосовые сообщения, документы) или нажмите «Готово».

## Статусы сообщения

tip-status-new = получено, ждёт комиссара
tip-status-taken = взято комиссаром
tip-status-in_work = проверяется
tip-status-info_needed = нужна дополнительная информация
tip-status-resolved = решено
tip-status-unfounded = не подтвердилось
tip-status-passed = передано послу перемен
tip-status-appeal_sent = обращение направлено в госорган
tip-status-answered = госорган ответил
tip-status-withdrawn = отозвано
tip-status-reopened = открыто повторно

## Уведомления о сообщении

notify-tip-status = Сообщение <b>#{ $number }</b>: { $status }.
notify-tip-status-note =
    Сообщение <b>#{ $number }</b>: { $status }.

    { $note }
notify-tip-question =
    ❓ Вопрос по вашему сообщению <b>#{ $number }</b>:

    { $question }

    Чтобы ответить, нажмите «Ответить». Тот, кто спрашивает, не увидит вашего имени.
notify-tip-answer = ✉ Автор сообщения <b>#{ $number }</b> прислал ответ.
notify-tip-reopened = ↩ Сообщение <b>#{ $number }</b> открыто повторно: его автор сообщает, что проблема не устранена.
follow-up-question = Ваше сообщение <b>#{ $number }</b> отмечено как решённое. Проблема действительно устранена?
follow-up-thanks-yes = Спасибо! Сообщение <b>#{ $number }</b>: проблема устранена. Можете добавить комментарий или нажать «Пропустить».
follow-up-thanks-partly = Спасибо. Сообщение <b>#{ $number }</b>: проблема устранена частично. Можете добавить комментарий или нажать «Пропустить».
follow-up-thanks-no = Спасибо. Сообщение <b>#{ $number }</b> снова открыто для комиссара. Можете добавить комментарий или нажать «Пропустить».
follow-up-comment-saved = Ваш комментарий к сообщению <b>#{ $number }</b> сохранён.
follow-up-done = Спасибо за ответ.

## Сообщение глазами его автора

tip-card =
    <b>Сообщение #{ $number }</b>: { $status } (с { $changed })

    <b>Категория:</b> { $category }
    <b>Регион:</b> { $region }
    <b>Орган или организация:</b> { $body }
    <b>Что произошло:</b> { $description }
    <b>Когда:</b> { $when }
    <b>Где:</b> { $where }
    <b>Доказательства:</b> { $evidence }
tip-card-evidence =
    { $count ->
        [0] нет
        [one] { $count } файл
        [few] { $count } файла
       *[many] { $count } файлов
    }
tip-card-history = <b>История</b>
tip-history-line = { $at } — { $status }
tip-card-thread = <b>Переписка</b>
tip-thread-question = <i>{ $at }, вопрос:</i> { $text }
tip-thread-answer =
    <i>{ $at }, ваш ответ:</i> { $text }{ $files ->
        [0] {""}
       *[other] {" "}📎 { $files }
    }

## /mytips

my-tips-empty = У вас пока нет конфиденциальных сообщений. Анонимные сообщения здесь не показываются: открывайте их по коду квитанции (/receipt). Чтобы сообщить о коррупции, нажмите /report.
my-tips-title =
    { $count ->
        [one] <b>Ваши сообщения ({ $count })</b>, сначала недавно изменённые:
        [few] <b>Ваши сообщения ({ $count })</b>, сначала недавно изменённые:
       *[many] <b>Ваши сообщения ({ $count })</b>, сначала недавно изменённые:
    }
my-tips-line = #{ $number } — { $status } ({ $changed })
withdraw-confirm = Отозвать сообщение <b>#{ $number }</b>? Им больше никто не будет заниматься.
withdraw-done = Сообщение <b>#{ $number }</b> отозвано.

## Ответы тому, кто работает с сообщением

answer-ask = Пришлите ответ по сообщению <b>#{ $number }</b>: текст, фото, видео, голосовые сообщения или документы. Он будет передан без вашего имени.
answer-passed = ✉ Передано по сообщению <b>#{ $number }</b>. Отправьте ещё или нажмите «Готово».
answer-finished = Спасибо, ваш ответ передан.

## Коды квитанций (/receipt)

receipt-ask = Пришлите код квитанции вашего анонимного сообщения (24 буквы и цифры, например ABCD-EFGH-…). Сообщение с кодом сразу же будет удалено из чата.
receipt-code-expected = Пришлите код квитанции текстом или нажмите /cancel.

## Объявления (/subscribe)

subscription-none = Вы не подписаны на объявления.
subscription-nationwide = Вы получаете объявления по всей стране.
subscription-region = Вы получаете объявления по региону: <b>{ $region }</b>.
subscription-choose = Выберите, какие объявления получать:
subscription-left = Вы отписались от объявлений. Подписаться снова: /subscribe

## Кнопки сообщений

button-skip = Пропустить →
button-send = ✅ Отправить
button-edit = ✏️ Изменить
button-evidence-done = ✓ Готово
button-evidence-clear = 🗑 Удалить файлы
button-confidential = 🔒 Конфиденциально
button-anonymous = 🕶 Анонимно
button-open-tip = Открыть сообщение
button-reply = ✉ Ответить
button-follow-up-yes = Да
button-follow-up-no = Нет
button-follow-up-partly = Частично
button-tip-number = Сообщение #{ $number }
button-previous = ← Новые
button-next = Старые →
button-withdraw = Отозвать сообщение
button-withdraw-yes = Да, отозвать
button-keep = Нет, оставить
button-answer-done = ✓ Готово
button-unsubscribe = Отписаться от объявлений

## Отказы по сообщениям

flood-slow-down = Вы отправляете сообщения слишком быстро. Подождите несколько секунд: сообщения, отправленные за это время, не обработаны.
error-tip-body-short = Название слишком короткое: нужно не меньше { $minimum } символов.
error-tip-body-long = Название слишком длинное: символов — { $length }, можно не больше { $maximum }.
error-tip-description-short = Пожалуйста, расскажите чуть подробнее: сейчас символов — { $length }, нужно не меньше { $minimum }.
error-tip-description-long = Текст слишком длинный: символов — { $length }, можно не больше { $maximum }. Сократите его или пришлите остальное документом на шаге с доказательствами.
error-tip-address-short = Адрес слишком короткий: нужно не меньше { $minimum } символов.
error-tip-address-long = Адрес слишком длинный: символов — { $length }, можно не больше { $maximum }.
error-tip-question-short = Вопрос слишком короткий: нужно не меньше { $minimum } символов.
error-tip-question-long = Вопрос слишком длинный: символов — { $length }, можно не больше { $maximum }.
error-follow-up-comment-short = Комментарий пустой.
error-follow-up-comment-long = Комментарий слишком длинный: символов — { $length }, можно не больше { $maximum }.
error-tip-date-format = Это не похоже на дату. Пришлите её в формате ДД.ММ.ГГГГ, например 15.03.2026.
error-tip-date-future = Эта дата ещё не наступила. Пришлите дату, когда это произошло.
error-tip-date-too-old = Дата должна быть не раньше { $earliest }.
error-tip-location = Эта геопозиция не подходит.
error-evidence-too-many = К сообщению можно приложить не больше { $limit } файлов. Этот файл не добавлен; нажмите «Готово».
error-evidence-kind = Такой файл приложить нельзя. Присылайте фото, видео, голосовые сообщения или документы (PDF, Word, Excel, изображения).
error-evidence-too-big = Размер файла — { $size } МБ, а можно не больше { $limit } МБ на файл. Файл не добавлен.
error-evidence-type = Файл «{ $name }» такого типа приложить нельзя. Можно: PDF, Word, Excel, PowerPoint, OpenDocument, текст, изображения, аудио и видео.
error-tip-category = Такой категории нет. Выберите одну из кнопок.
error-tip-daily-limit = Сегодня вы уже отправили максимум сообщений, разрешённый одному аккаунту за день ({ $limit }). Пожалуйста, продолжите завтра.
error-tip-already-sent = Это сообщение уже отправлено. Его можно посмотреть в /mytips; новое сообщение — /report.
error-tip-not-found = Среди ваших сообщений такого нет.
error-tip-withdraw-taken = Сообщение #{ $number } уже взял в работу комиссар, поэтому отозвать его больше нельзя. Написать комиссару можно кнопкой «Ответить».
error-receipt-wrong = Этот код квитанции не подходит ни к одному сообщению. Проверьте его и пришлите ещё раз.
error-receipt-wait = Слишком много неверных кодов. Попробуйте снова через { $minutes } мин.
error-receipt-expired = Чтобы ответить, пришлите код квитанции ещё раз (/receipt): ради вашей безопасности бот через некоторое время забывает открытый код.
error-tip-status = Такого статуса нет.
error-tip-status-moved = Сообщение #{ $number } сейчас нельзя перевести в этот статус.
error-tip-closed = Сообщение #{ $number } закрыто: работа по нему больше не ведётся.
error-answer-empty = Ответ пустой: пришлите текст или файл.
error-answer-long = Ответ слишком длинный: символов — { $length }, можно не больше { $maximum }.
error-follow-up-answered = Вы уже ответили по сообщению #{ $number }.

## Комиссары: очередь, карточка сообщения, работа с сообщением (/queue, /assignments)

command-queue = Новые сообщения в ваших регионах
command-assignments = Сообщения у вас в работе и их сроки
command-checks = Выездные проверки: планирование и заполнение чек-листов
command-violations = Нарушения, которые вы зафиксировали
command-receptions = Ваши часы приёма граждан
command-reception = Записаться на приём к комиссару
command-overdue = Сообщения в работе с истёкшим сроком

queue-all-categories = все категории
queue-title =
    { $count ->
        [one] <b>{ $count } новое сообщение</b> ({ $category }), сначала самые старые:
        [few] <b>{ $count } новых сообщения</b> ({ $category }), сначала самые старые:
       *[many] <b>{ $count } новых сообщений</b> ({ $category }), сначала самые старые:
    }
queue-empty = В ваших регионах нет новых сообщений ({ $category }).
queue-line = #{ $number } · { $category } · { $region } · { $body } · получено { $received }
queue-choose-category = Сообщения какой категории показать?
button-queue-filter = 🗂 Категория
button-queue-all = Все категории
button-page-previous = ← Предыдущие
button-page-next = Следующие →

tip-card-unassigned = <b>Сроки:</b> начнут отсчитываться, когда комиссар возьмёт сообщение в работу.
tip-card-tipster-confidential = <b>Автор:</b> конфиденциальный: получает ваши вопросы и каждое изменение сообщениями.
tip-card-tipster-anonymous = <b>Автор:</b> анонимный: видит ваши вопросы и изменения, только когда открывает сообщение по коду квитанции.
tip-card-assignee = <b>Комиссар:</b> { $name }
tip-when-today = в день отправки, { $date }
tip-when-week = в течение недели до { $date }
tip-card-deadlines =
    <b>Сроки:</b> первого действия — { $first_action }; решения — { $resolve }
deadline-met = выполнено { $at }
tip-history-line-note = { $at } — { $status }: { $note }
tip-history-reassigned = координатор передал сообщение другому комиссару
tip-history-follow_up = открыто повторно: автор сообщил, что проблема не решена
tip-history-tipster_answered = автор ответил
tip-history-assignee_left = возвращено в очередь: комиссар больше не работает в регионе
tip-thread-answer-handler =
    <i>{ $at }, ответ автора:</i> { $text }{ $files ->
        [0] {""}
       *[other] {" "}📎 { $files }
    }
tip-card-violations = <b>Нарушения</b>
violation-line = #{ $number } · { $severity } · { $body }
evidence-caption = Сообщение #{ $number }, файл { $position } из { $count }, получен { $received }

button-take = ✋ Взять сообщение
button-in-work = ▶ Начать работу
button-ask-tipster = ❓ Задать вопрос автору
button-record-violation = 📌 Зафиксировать нарушение
button-resolved = ✅ Решено
button-unfounded = 🚫 Не подтвердилось
button-pass = ➡ Послам перемен
button-give-back = ↩ Вернуть в очередь
button-reassign = 👤 Переназначить
button-show-evidence = 📎 Показать доказательства

take-done = Вы взяли сообщение #{ $number }. Первое действие — до { $first_action } (начать работу, задать вопрос автору или принять решение); решить — до { $resolve }. Теперь оно в /assignments.
status-changed = Статус сообщения #{ $number } теперь: { $status }. Автор конфиденциального сообщения получит уведомление, автор анонимного увидит это по коду квитанции.
note-ask-resolved = Чем закончилась работа по сообщению #{ $number }? Автор прочитает этот текст (автор конфиденциального сообщения получит его сообщением), поэтому пишите для него и без имён, которые ему не следует знать. Не меньше 10 символов.
note-ask-unfounded = Почему сообщение #{ $number } не подтвердилось? Автор прочитает причину, поэтому пишите для него. Не меньше 10 символов.
note-ask-passed = Что вы передаёте послам перемен по сообщению #{ $number } и почему? Это видят только те, кто работает с сообщениями.
note-ask-giveback = Почему вы возвращаете сообщение #{ $number } в очередь? Это видят только те, кто работает с сообщениями; сообщение снова будет ждать комиссара региона.
question-ask = Напишите ваш вопрос по сообщению #{ $number } (не меньше 5 символов). Автор конфиденциального сообщения получит его от бота; автор анонимного увидит вопрос, только когда откроет сообщение по коду квитанции, поэтому ответ может задержаться. Ни вы, ни автор не узнаете, кто другой.
question-sent = Вопрос по сообщению #{ $number } передан. Когда автор ответит, вы получите уведомление, а сообщение вернётся в статус «проверяется».
assignments-empty = У вас в работе нет ни одного сообщения. Новые сообщения показывает /queue.
assignments-title =
    { $count ->
        [one] <b>{ $count } сообщение у вас в работе</b>, сначала с ближайшим сроком:
        [few] <b>{ $count } сообщения у вас в работе</b>, сначала с ближайшим сроком:
       *[many] <b>{ $count } сообщений у вас в работе</b>, сначала с ближайшим сроком:
    }
assignment-line = #{ $number } · { $category } · { $status } · решить до { $due }
assignment-line-late = ⚠ #{ $number } · { $category } · { $status } · решить до { $due } · просрочено

error-handler-tip-not-found = Сообщения #{ $number } нет в ваших регионах.
error-tip-already-taken = Сообщение #{ $number } уже взял другой комиссар.
error-tip-not-yours = Сообщение #{ $number } закреплено за другим комиссаром.
error-tip-note-short = Пожалуйста, напишите чуть подробнее: нужно не меньше { $minimum } символов.
error-tip-note-long = Текст слишком длинный: символов — { $length }, можно не больше { $maximum }.

## Координаторы (/overdue)

overdue-empty = Просроченных сообщений в работе нет.
overdue-title =
    { $count ->
        [one] <b>{ $count } просроченное сообщение</b>:
        [few] <b>{ $count } просроченных сообщения</b>:
       *[many] <b>{ $count } просроченных сообщений</b>:
    }
reassign-choose = Какому комиссару региона передать сообщение #{ $number }? Сроки останутся прежними.
reassign-nobody = В регионе сообщения #{ $number } нет другого комиссара.
reassign-done = Сообщение #{ $number } передано другому комиссару; оба комиссара уведомлены.
button-person = { $name }
error-reassign-not-commissar = Этот человек не комиссар региона, к которому относится сообщение.
error-reassign-same = Сообщение уже закреплено за этим комиссаром.

## Уведомления и напоминания волонтёрам

notify-tip-assigned = Координатор передал вам сообщение #{ $number }. Оно в /assignments.
notify-tip-unassigned = Координатор передал сообщение #{ $number } другому комиссару.
remind-unclaimed = ⏰ Сообщение #{ $number } ждёт в очереди вашего региона с { $since }. Пожалуйста, возьмите его в работу.
remind-no-commissar = ⏰ Сообщение #{ $number } ждёт с { $since } в очереди региона «{ $region }», где нет ни одного комиссара. Назначьте комиссара (/grant) или откройте сообщение.
deadline-first_action_soon = первого действия
deadline-first_action_overdue = первого действия
deadline-resolve_soon = решения
deadline-resolve_overdue = решения
remind-deadline-soon = ⏰ Сообщение #{ $number }: срок { $deadline } — { $due }.
remind-deadline-passed = ⚠ Сообщение #{ $number }: срок { $deadline } истёк { $due }. Откройте сообщение и продвиньте работу или верните его в очередь.
remind-escalation = ⚠ Просрочка: сообщение #{ $number }, срок { $deadline } истёк { $due }. Все просроченные сообщения — в /overdue.

## Выездные проверки (/checks)

checks-empty = У вас пока нет выездных проверок.
checks-title =
    { $count ->
        [one] <b>Ваши выездные проверки</b> ({ $count }):
        [few] <b>Ваши выездные проверки</b> ({ $count }):
       *[many] <b>Ваши выездные проверки</b> ({ $count }):
    }
checks-line = #{ $number } · { $kind } · { $target } · { $date } · { $status } · { $answered }/{ $items }
button-check-number = Проверка #{ $number }
button-plan-check = ➕ Запланировать проверку
check-ask-kind = Какой вид проверки?
check-ask-region = В каком регионе?
check-ask-target = Что вы проверяете? Укажите орган, организацию или объект (2–200 символов).
check-ask-reference = Номер лота или договора закупки:
check-ask-date = Дата проверки (ДД.ММ.ГГГГ) или «Сегодня»:
button-today = Сегодня
check-status-planned = запланирована
check-status-in_progress = идёт
check-status-done = завершена
check-status-cancelled = отменена
check-card =
    <b>Проверка #{ $number }</b>: { $kind } — { $status }
    <b>Объект:</b> { $target }
    <b>Лот или договор:</b> { $reference }
    <b>Регион:</b> { $region }
    <b>Дата:</b> { $date }
    <b>Чек-лист:</b> отвечено { $answered } из { $items }
checklist-line = { $mark } { $text }
checklist-item =
    Проверка #{ $number }, пункт { $position } из { $items }:

    <b>{ $text }</b>
button-answer-yes = ✅ Да
button-answer-no = ❌ Нет
button-answer-na = ➖ Неприменимо
button-fill-checklist = 📝 Заполнить чек-лист
button-finish-check = ✓ Завершить проверку
button-cancel-check = ✕ Отменить проверку
check-cancelled = Проверка #{ $number } отменена.
error-check-kind = Такого вида проверки нет. Выберите одну из кнопок.
error-check-target-short = Название слишком короткое: нужно не меньше { $minimum } символов.
error-check-target-long = Название слишком длинное: символов — { $length }, можно не больше { $maximum }.
error-check-reference-short = Для мониторинга закупок нужно указать номер лота или договора.
error-check-reference-long = Номер слишком длинный: символов — { $length }, можно не больше { $maximum }.
error-check-date = Это не похоже на дату. Пришлите её в формате ДД.ММ.ГГГГ, например 15.03.2026.
error-check-date-range = Дата должна быть в пределах года до или после сегодняшнего дня.
error-check-not-found = Такой проверки нет.
error-check-not-yours = Это проверка другого комиссара.
error-check-closed = Проверка #{ $number } завершена, изменить её больше нельзя.
error-check-cancelled = Проверка #{ $number } отменена: записать по ней ничего нельзя.
error-check-unanswered =
    { $count ->
        [one] Без ответа остался { $count } пункт чек-листа.
        [few] Без ответа остались { $count } пункта чек-листа.
       *[many] Без ответа остались { $count } пунктов чек-листа.
    }

## Нарушения

violation-ask-what = В чём состоит нарушение? Опишите его (от 10 до 2000 символов).
violation-ask-body = Какой орган или организация его допустили? Нажмите «Оставить», чтобы оставить: { $body }. Или напишите другое название.
button-keep-body = Оставить
violation-ask-rule = Какая норма нарушена (закон, статья, положение)? Или нажмите «Пропустить».
violation-ask-severity = Насколько серьёзно нарушение?
severity-low = Низкая
severity-medium = Средняя
severity-high = Высокая
severity-critical = Критическая
violation-ask-amount = Сумма, о которой идёт речь, в тенге (например, 1 500 000) — или нажмите «Пропустить».
violation-ask-files = Пришлите доказательства: фото, видео, голосовые сообщения или документы — хотя бы один и не больше { $limit } файлов. Бот фиксирует момент получения каждого файла и его SHA-256. Затем нажмите «Готово».
violation-file-received = Файл № { $count } получен. SHA-256: <code>{ $sha256 }</code>
violation-files-expected = Пришлите файлы с доказательствами или нажмите «Готово».
violation-summary =
    <b>Нарушение</b> ({ $source })
    <b>Орган:</b> { $body }
    <b>Суть:</b> { $description }
    <b>Нарушенная норма:</b> { $rule }
    <b>Серьёзность:</b> { $severity }
    <b>Сумма:</b> { $amount }
    <b>Доказательства:</b> { $files }

    После сохранения доказательства можно будет дополнять, но не изменять.
button-save = ✅ Сохранить
violation-source-check = проверка #{ $number }
violation-source-tip = сообщение #{ $number }
violation-card =
    <b>Нарушение #{ $number }</b> ({ $source })
    <b>Орган:</b> { $body }
    <b>Суть:</b> { $description }
    <b>Нарушенная норма:</b> { $rule }
    <b>Серьёзность:</b> { $severity }
    <b>Сумма:</b> { $amount }
    <b>Зафиксировано:</b> { $recorded }
    <b>Доказательства:</b> { $files }
violation-evidence-caption =
    Нарушение #{ $number }, файл { $position } из { $count }
    Получен { $received }
    SHA-256: { $sha256 }
    Telegram file id: { $unique }
button-add-evidence = ➕ Добавить доказательства
button-violation-number = Нарушение #{ $number }
violations-empty = Вы пока не зафиксировали ни одного нарушения.
violation-ask-more-files = Пришлите дополнительные доказательства по нарушению #{ $number }. Каждый файл сохраняется сразу и удалить его нельзя; уже сохранённые останутся без изменений. Когда закончите, нажмите «Готово».
violation-file-added = Добавлено к нарушению #{ $number }. SHA-256: <code>{ $sha256 }</code>
violation-files-finished = Доказательства по нарушению #{ $number } сохранены.
error-violation-what-short = Пожалуйста, опишите подробнее: нужно не меньше { $minimum } символов.
error-violation-what-long = Текст слишком длинный: символов — { $length }, можно не больше { $maximum }.
error-violation-body-short = Название слишком короткое: нужно не меньше { $minimum } символов.
error-violation-body-long = Название слишком длинное: символов — { $length }, можно не больше { $maximum }.
error-violation-rule-short = Слишком коротко: нужно не меньше { $minimum } символов.
error-violation-rule-long = Текст слишком длинный: символов — { $length }, можно не больше { $maximum }.
error-violation-amount = Это не похоже на сумму. Пришлите цифры, например 1 500 000 или 2500,50.
error-violation-incomplete = Нарушение заполнено не до конца: начните заново из проверки или сообщения.
error-violation-no-evidence = Для нарушения нужен хотя бы один файл с доказательствами.
error-violation-too-many = К нарушению можно приложить не больше { $limit } файлов. Этот файл не добавлен.
error-violation-not-found = Такого нарушения в ваших регионах нет.
error-violation-not-yours = Добавлять доказательства к нарушению может только комиссар, который его зафиксировал.

## Приёмы граждан (/receptions для комиссаров, /reception для граждан)

slots-empty = У вас нет предстоящих часов приёма.
slots-title =
    { $count ->
        [one] <b>Ваши предстоящие приёмы</b> ({ $count }):
        [few] <b>Ваши предстоящие приёмы</b> ({ $count }):
       *[many] <b>Ваши предстоящие приёмы</b> ({ $count }):
    }
slot-line = #{ $number } · { $at } · { $place } · { $region } · записались { $booked } из { $capacity }
button-publish-slot = ➕ Опубликовать часы приёма
button-cancel-slot = ✕ Отменить #{ $number }
button-cancel-slot-yes = Да, отменить
button-keep-slot = Нет, оставить
slot-ask-region = В каком регионе?
slot-ask-time = Когда? Пришлите местные дату и время в формате ДД.ММ.ГГГГ ЧЧ:ММ, например 15.03.2026 10:00.
slot-ask-place = Где? Адрес и кабинет.
slot-ask-capacity = Сколько человек вы можете принять? Число от 1 до 100.
slot-published = Приём #{ $number } опубликован: { $at }, { $place }, мест: { $capacity }. Граждане региона могут записаться на него через /reception; вам напомнят за день и за час до начала.
slot-cancel-confirm = Отменить приём #{ $number }? Все, кто на него записался, получат уведомление.
slot-cancelled =
    Приём #{ $number } отменён. { $count ->
        [0] На него никто не записывался.
        [one] Уведомлён { $count } записавшийся человек.
        [few] Уведомлены { $count } записавшихся человека.
       *[many] Уведомлены { $count } записавшихся человек.
    }
error-reception-time = Это не похоже на дату и время. Пришлите их в формате ДД.ММ.ГГГГ ЧЧ:ММ, например 15.03.2026 10:00.
error-reception-time-range = Приём должен быть в будущем, но не дальше чем через год.
error-reception-place-short = Описание места слишком короткое: нужно не меньше { $minimum } символов.
error-reception-place-long = Описание места слишком длинное: символов — { $length }, можно не больше { $maximum }.
error-reception-capacity = Пришлите число от { $minimum } до { $maximum }.

bookings-title = <b>Ваши записи:</b>
booking-line = #{ $number } · { $at } · { $place }
open-slots-title = <b>Приёмы в вашем регионе, на которые можно записаться:</b>
open-slots-empty = В вашем регионе пока ни один комиссар не опубликовал часы приёма.
button-book = Записаться на #{ $number }
button-cancel-booking = ✕ Отменить мою запись на #{ $number }
booking-done = Вы записаны на приём #{ $number }: { $at }, { $place }. Бот напомнит вам за день и за час до начала.
booking-cancelled = Ваша запись отменена.
reception-cancelled-notice = Комиссар отменил приём { $at } ({ $place }). Другие часы приёма можно найти в /reception.
remind-reception_day = ⏰ Напоминание: ваш приём у комиссара — { $at }, { $place }.
remind-reception_hour = ⏰ Скоро, в { $at }: ваш приём у комиссара, { $place }.
remind-reception_day-commissar = ⏰ Напоминание: ваши часы приёма — { $at }, { $place }; записались: { $booked }.
remind-reception_hour-commissar = ⏰ Скоро, в { $at }: ваши часы приёма, { $place }; записались: { $booked }.
error-reception-no-region = Сначала выберите свой регион (/region): приёмы проводятся в каждом регионе отдельно.
error-reception-not-found = Такого приёма в вашем регионе нет.
error-reception-cancelled = Этот приём или эта запись отменены.
error-reception-past = Этот приём уже прошёл.
error-reception-full = Все места на этот приём уже заняты.
error-reception-booked-already = Вы уже записаны на этот приём.
