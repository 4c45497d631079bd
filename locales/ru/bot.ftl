## Тексты бота на русском. Каждый ключ есть и в en/, и в kk/ (это проверяет тест).
## Тексты — Telegram HTML: <b>, <i>, <code>. Подставляемые значения бот экранирует сам.

language-name = Русский

## /start, /language

start-greeting =
    Здравствуйте, { $name }! Это бот <b>Антикоррупционного фронта</b>.

    Здесь граждане безопасно сообщают о коррупции, антикоррупционные комиссары проверяют сообщения на месте, послы перемен превращают доказательства в обращения в госорганы, а омбудсмены обращаются ко всем.

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
command-stats = Цифры: люди, подписчики, волонтёры
command-grant = Выдать роль волонтёра
command-revoke = Снять роль волонтёра
command-staff = Все, у кого есть роль волонтёра

## /privacy

privacy-text =
    <b>Конфиденциальность</b>

    <b>Что бот хранит о вас:</b> ваш Telegram id, имя и имя пользователя в том виде, как их показывает Telegram, выбранные язык и регион, а также роль волонтёра, если её выдал координатор.

    <b>Те, кто работает с сообщениями, никогда не узнают, кто их прислал.</b> Комиссары и послы перемен не видят ваш Telegram id, имя, имя пользователя или номер телефона; написать вам они могут только через бота.

    <b>Анонимный режим</b> не хранит никакой связи между сообщением и вашим аккаунтом. Вместо этого вы получаете код квитанции: сохраните его, это единственный путь назад к вашему сообщению.

    <b>Каждое привилегированное действие</b> (выдача и снятие ролей, смена статусов, просмотр доказательств, рассылки) записывается в журнал аудита, в котором нет данных о заявителях.

    <b>Сам Telegram знает, кто пишет этому боту</b>, как и в любом чате Telegram. Если для вас это риск, пишите с отдельного аккаунта Telegram.

## /cancel и диалоги

cancel-done = Отменено. Ничего не сохранено.
cancel-nothing = Отменять нечего.

## /region

region-choose = Выберите свой регион: по нему будут подбираться сообщения, приёмы граждан и объявления.
region-current = Ваш регион сейчас: <b>{ $region }</b>.
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

stats-title = <b>Цифры</b>
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
stats-languages = Языки: русский { $ru }, казахский { $kk }, английский { $en }
stats-volunteers = Волонтёры: комиссары { $commissars }, послы перемен { $ambassadors }, омбудсмены { $ombudsmen }, координаторы { $coordinators }
stats-regions = Регионы, где больше всего людей: { $regions }
stats-region-count = { $region } — { $count }

## Люди глазами координатора

person-unknown = Telegram id <code>{ $id }</code> (ещё не писал боту)
person-named = { $name } (id <code>{ $id }</code>)
person-with-username = { $name } (@{ $username }, id <code>{ $id }</code>)

## /grant

grant-ask-person = Кому выдать роль? Пришлите Telegram id человека или его @username, если он уже писал боту.
grant-ask-role = Какую роль выдать? Кому: { $person }
grant-ask-region-required = В каком регионе? Комиссар всегда работает в регионе.
grant-ask-region = На всю страну или на один регион?
grant-confirm = Выдать роль <b>{ $role }</b>? Кому: { $person }
grant-done = Готово: роль <b>{ $role }</b> выдана. Кому: { $person }. Меню обновлено.
grant-already = Роль <b>{ $role }</b> у этого человека уже есть: { $person }. Ничего не изменилось.

## /revoke

revoke-ask-person = У кого снять роль? Пришлите Telegram id или @username.
revoke-ask-grant = Какую роль снять? У кого: { $person }
revoke-confirm = Снять роль <b>{ $role }</b>? У кого: { $person }
revoke-done = Готово: роль <b>{ $role }</b> снята. У кого: { $person }. Меню обновлено.
revoke-holds-nothing = У этого человека нет ролей волонтёра: { $person }.
revoke-not-held = У этого человека нет роли <b>{ $role }</b>: { $person }. Ничего не изменилось.

## /staff

staff-empty = Ролей волонтёров пока нет ни у кого. Выдать роль: /grant
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

fallback-command-for-role = Команда /{ $command } — для ролей: { $roles }. У вас такой роли нет. Ваши команды: /help
fallback-unknown-command = Команды /{ $command } нет. Ваши команды: /help
fallback-text = Я не понял. Выберите команду в меню или посмотрите /help.
fallback-unsupported = Здесь я не могу это использовать. Выберите команду в меню или посмотрите /help.
fallback-in-conversation = Это не подходит для этого шага. Воспользуйтесь кнопками выше или /cancel, чтобы выйти.
fallback-stale-button = Эта кнопка больше не работает. Начните заново из меню.

## Отказы и сбои

blocked-refusal = Извините, этот аккаунт заблокирован координаторами Антикоррупционного фронта, поэтому бот не может ничего от него принимать.
error-generic = Что-то пошло не так на нашей стороне. Ничего не изменилось; попробуйте ещё раз через минуту.
error-store-unavailable = Бот временно недоступен. Ничего не изменилось; попробуйте ещё раз через минуту.
error-not-allowed = У вас нет права это делать.
error-invalid-input = Это нельзя использовать. Ничего не изменилось.
error-not-found = Ничего не найдено.
error-unknown-role = Роли «{ $role }» нет. Роли: commissar, ambassador, ombudsman, coordinator.
error-unknown-region = Региона «{ $region }» нет.
error-region-required = Комиссар всегда работает в регионе: выберите регион.
error-person-reference = Пришлите Telegram id (только цифры) или @username.
error-person-not-found = Никто с именем пользователя { $reference } боту не писал. Используйте его Telegram id.
error-revoke-self = Нельзя снять с себя роль координатора: попросите другого координатора.
error-unknown-language = Такого языка нет.
error-grant-usage = Напишите /grant или /grant ID РОЛЬ РЕГИОН, например: /grant 123456789 commissar ALA
error-revoke-usage = Напишите /revoke или /revoke ID РОЛЬ РЕГИОН, например: /revoke 123456789 commissar ALA
