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

    <b>В анонимном режиме</b> связь между сообщением и вашим аккаунтом не сохраняется вовсе. Вместо этого вы получаете код квитанции: сохраните его — только по нему можно вернуться к вашему сообщению.

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
