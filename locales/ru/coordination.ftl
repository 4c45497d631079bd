## Координация: приглашения, модерация, справочники и журнал аудита

command-invite = Пригласить в роль по ссылке
command-invites = Действующие приглашения; отозвать
command-block = Заблокировать аккаунт
command-unblock = Разблокировать аккаунт
command-catalog = Регионы, категории сообщений и сроки
command-audit = Журнал аудита: кто, что и когда сделал

error-nationwide-only = Это может сделать только координатор всей страны.

## /invite

invite-ask-role = Какую роль даёт приглашение?
invite-ask-region = Для какого региона?
invite-ask-uses = Сколько человек может воспользоваться ссылкой? Нажмите кнопку или пришлите число от 1 до { $most }.
button-invite-uses =
    { $count ->
        [one] { $count } человек
        [few] { $count } человека
       *[many] { $count } человек
    }
invite-ask-lifetime = Сколько действует ссылка?
button-invite-days =
    { $count ->
        [one] { $count } день
        [few] { $count } дня
       *[many] { $count } дней
    }
invite-created =
    Приглашение готово: <b>{ $role }</b>, использований: { $uses }, действует до { $expires }.

    { $link }

    Отправьте ссылку только тем, кому она предназначена: каждый, кто её откроет, получит роль. Бот показывает её один раз и не хранит.
error-invite-uses = Пришлите целое число от 1 до { $most }.
error-invite-region = Приглашать можно только в свои регионы.
error-invite-not-found = Такого приглашения нет.
error-invite-already-revoked = Это приглашение уже отозвано.

## /invites

invites-empty = Действующих приглашений нет. Создать: /invite
invites-title =
    { $count ->
        [one] <b>{ $count } действующее приглашение:</b>
        [few] <b>{ $count } действующих приглашения:</b>
       *[many] <b>{ $count } действующих приглашений:</b>
    }
invites-line = #{ $id } · { $role } · осталось { $left } из { $uses } · до { $expires } · создал(а) { $creator }
invites-revoke-hint = Отозвать приглашение:
button-invite-revoke = ✕ Отозвать #{ $id }
invite-revoked = Приглашение #{ $id } отозвано: ссылка больше не работает.

## Открытие приглашения

invite-welcome =
    Добро пожаловать в Антикоррупционный фронт! Теперь ваша роль: <b>{ $role }</b>.

    Ваши новые команды (они есть и в меню):
    { $commands }

    /help покажет всё, что вы можете сделать.
error-invite-invalid = Это приглашение недействительно. Попросите координатора, который его прислал, о новой ссылке.
error-invite-expired = Срок действия приглашения истёк. Попросите координатора, который его прислал, о новой ссылке.
error-invite-used = Приглашением уже воспользовались все, для кого оно было предназначено. Попросите координатора о новой ссылке.
error-invite-revoked = Это приглашение отозвано координаторами.
error-invite-opened-before = Вы уже воспользовались этим приглашением. Если роль с тех пор сняли, обратитесь к координатору.
error-invite-already-held = У вас уже есть эта роль. Ничего не изменилось.
error-invite-wait = Слишком много недействительных приглашений. Попробуйте снова через { $minutes } мин.

## /block, /unblock

block-ask-person = Кого заблокировать? Пришлите @username или Telegram id.
block-ask-reason = Почему блокируется { $person }? Напишите причину одним предложением: она попадёт в журнал аудита.
block-confirm =
    Заблокировать { $person }?

    Причина: { $reason }

    Бот будет вежливо отказывать этому аккаунту и ничего от него не примет; роли останутся, пока их не снимут.
button-block = ⛔ Заблокировать
block-done = Заблокирован: { $person }.
block-already = Этот аккаунт уже заблокирован: { $person }.
unblock-ask-person = Кого разблокировать? Пришлите @username или Telegram id.
unblock-confirm = Разблокировать { $person }? Бот снова будет работать для этого аккаунта.
button-unblock = ✓ Разблокировать
unblock-done = Разблокирован: { $person }.
unblock-not-blocked = Этот аккаунт не заблокирован: { $person }.
error-block-reason-short = Причина слишком короткая: нужно хотя бы { $minimum } символа.
error-block-reason-long = Причина слишком длинная: { $length } символов, можно не больше { $maximum }.
error-block-unknown = Никто с { $reference } боту не писал.
error-block-self = Нельзя заблокировать самого себя.
error-block-coordinator = Координатора заблокировать нельзя. Сначала снимите роль координатора (/revoke).
error-block-outside-region = Вы модерируете только людей своего региона (своих регионов): у этого человека роль или место жительства в другом регионе.

## /audit

audit-title =
    { $count ->
        [one] <b>Журнал аудита: { $count } запись</b>
        [few] <b>Журнал аудита: { $count } записи</b>
       *[many] <b>Журнал аудита: { $count } записей</b>
    }
audit-filtered = Только: { $filters }
audit-filter-person = действия и записи о человеке: { $person }
audit-filter-period = { $first } – { $last }
audit-empty = Здесь пусто.
audit-line = { $at } · { $who } · <b>{ $action }</b> · { $object } { $details }
audit-actor =
    { $kind ->
        [shell] командная строка оператора
        [tipster] автор сообщения
       *[system] сам бот
    }
audit-object =
    { $kind ->
        [user] человек
        [tip] сообщение
        [invite] приглашение
        [check] проверка
        [violation] нарушение
        [reception] приём
        [category] категория
        [region] регион
       *[other] { $kind }
    } #{ $id }
audit-action =
    { $action ->
        [role-grant] роль выдана
        [role-revoke] роль снята
        [invite-created] приглашение создано
        [invite-revoked] приглашение отозвано
        [invite-redeemed] приглашение использовано
        [user-blocked] аккаунт заблокирован
        [user-unblocked] аккаунт разблокирован
        [tip-submitted] сообщение отправлено
        [tip-withdrawn] сообщение отозвано
        [tip-status] статус сообщения изменён
        [tip-question] вопрос автору
        [tip-answer] ответ автора
        [tip-follow_up] ответ на повторный опрос
        [tip-evidence_viewed] просмотр материалов сообщения
        [tip-reassigned] сообщение передано другому комиссару
        [check-planned] проверка запланирована
        [check-done] проверка завершена
        [check-cancelled] проверка отменена
        [violation-recorded] нарушение записано
        [violation-evidence_added] доказательства добавлены
        [violation-evidence_viewed] просмотр доказательств нарушения
        [reception-published] приём опубликован
        [reception-cancelled] приём отменён
        [category-created] категория добавлена
        [category-changed] категория изменена
        [region-changed] регион изменён
        [audit-viewed] просмотр журнала аудита
        [broadcast-sent] объявление отправлено
        [broadcast-scheduled] объявление запланировано
        [broadcast-cancelled] объявление остановлено
        [retention-purged] удалены тексты старых сообщений
        [appeal-created] обращение составлено
        [appeal-letter] выдано письмо обращения
        [appeal-sent] обращение отправлено
        [appeal-overdue] ответ на обращение просрочен
        [appeal-answered] получен ответ на обращение
        [export-created] выгрузка данных
        [risk-created] запись реестра создана
        [risk-closed] запись реестра закрыта
        [risk-tip_linked] сообщение привязано к записи
        [risk-violation_linked] нарушение привязано к записи
       *[other] { $action }
    }
button-audit-person = 👤 Человек
button-audit-action = ⚙ Действие
button-audit-period = 📅 Период
button-audit-clear = ✕ Все записи
button-audit-any-action = Любое действие
audit-ask-action = Какое действие?
audit-ask-person = Чьи записи (что человек сделал и что сделали с ним)? Пришлите @username или Telegram id.
audit-ask-period = За какой период? Пришлите две даты, например 01.11.2026–30.11.2026, или один день.
error-audit-period = Пришлите период двумя датами, например 01.11.2026–30.11.2026 (первая не позже второй), или одну дату.

## /catalog

catalog-title = <b>Категории сообщений</b> (нажмите, чтобы изменить):
catalog-category-line = <b>{ $name }</b> ({ $code }, { $status }): первое действие — в течение { $first }, решение — в течение { $resolve }
catalog-active = действует
catalog-inactive = отключена
catalog-days =
    { $count ->
        [one] { $count } дня
        [few] { $count } дней
       *[many] { $count } дней
    }
catalog-hours =
    { $count ->
        [one] { $count } часа
        [few] { $count } часов
       *[many] { $count } часов
    }
catalog-choose = Выберите категорию:
catalog-names = По-русски: { $ru }
    По-казахски: { $kk }
    По-английски: { $en }
button-catalog-add = + Новая категория
button-catalog-regions = 🗺 Регионы
button-catalog-rename = ✎ Название { $language }
button-catalog-sla = ⏱ Сроки
button-catalog-deactivate = Отключить
button-catalog-activate = Включить
catalog-off-mark = ⏸
catalog-regions-title = <b>Регионы</b> (⏸ — отключены). Нажмите на регион, чтобы переименовать, включить или отключить его:
catalog-region-line = <b>{ $name }</b> ({ $code }, { $status })
catalog-ask-name = Пришлите новое название на языке { $language }.
catalog-ask-new-name = Новая категория. Пришлите её название на языке { $language }.
catalog-added = Категория добавлена: <b>{ $name }</b> ({ $code }). Сроки — по умолчанию; при необходимости измените их ниже.
catalog-ask-first-action = «{ $name }»: в течение какого времени комиссар должен впервые действовать по взятому сообщению? Сейчас — в течение { $current }. Пришлите часы или дни, например 12ч или 3д (от 1 часа до 30 дней).
catalog-ask-resolve = А в течение какого времени сообщение должно быть решено? Сейчас — в течение { $current }. Пришлите часы или дни, например 14д (не меньше срока первого действия, не больше 365 дней).
catalog-sla-saved = Сохранено. Новые сроки действуют для сообщений, взятых с этого момента; у уже взятых сроки не меняются.
error-catalog-name-short = Название слишком короткое: нужно хотя бы { $minimum } символа.
error-catalog-name-long = Название слишком длинное: { $length } символов, можно не больше { $maximum }.
error-catalog-duration = Пришлите число часов или дней, например 12ч или 3д.
error-catalog-first-action = Срок первого действия — от 1 часа до 30 дней.
error-catalog-resolve = Срок решения — не меньше срока первого действия и не больше 365 дней.
error-catalog-unknown = Такой категории или региона нет.
error-catalog-code-taken = Категория с таким кодом уже есть.
