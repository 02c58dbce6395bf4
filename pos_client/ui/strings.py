"""Every text the window shows, in Russian and English. `tr(key, **params)` formats one."""

from __future__ import annotations

from pos_client.core.money import format_money

LANGUAGES = {"ru": "Русский", "en": "English"}

_TEXTS: dict[str, tuple[str, str]] = {
    # key: (Russian, English)
    "window_title": (
        "Касса — {outlet}, терминал {terminal}",
        "Till — {outlet}, terminal {terminal}",
    ),
    "scan_placeholder": (
        "Сканируйте товар или карту, или введите штрихкод и нажмите Enter",
        "Scan an item or a card, or type a barcode and press Enter",
    ),
    "col_no": ("№", "#"),
    "col_item": ("Товар", "Item"),
    "col_qty": ("Кол-во", "Qty"),
    "col_price": ("Цена", "Price"),
    "col_sum": ("Сумма", "Amount"),
    "empty_receipt_hint": (
        "Чек пуст — сканируйте первый товар",
        "The receipt is empty — scan the first item",
    ),
    "subtotal": ("Сумма без скидок", "Subtotal"),
    "discount": ("Скидка", "Discount"),
    "total": ("К оплате", "Total"),
    "points_to_earn": ("Будет начислено баллов: {points}", "Points to earn: {points}"),
    "points_paid": (
        "Оплата баллами: {amount} ({points} б.)",
        "Paid with points: {amount} ({points} pts)",
    ),
    "action_points": ("F6  Баллы", "F6  Points"),
    "redeem_title": ("Оплата баллами", "Pay with points"),
    "redeem_label": (
        "Списать баллов (доступно {points}, 1 балл = {rate}):",
        "Points to spend ({points} available, 1 point = {rate}):",
    ),
    "err_no_member_points": (
        "Сначала определите покупателя — баллы списываются с его счёта",
        "Identify the member first — points come from their account",
    ),
    "err_nothing_redeemable": (
        "Баллами сейчас оплатить нельзя: нет доступных баллов или сумма слишком мала",
        "Points cannot pay for this receipt: no points available or the total is too small",
    ),
    "member_none": ("Покупатель не определён", "No member identified"),
    "member_prompt": (
        "Сканируйте карту или QR-код из приложения (F3 — номер карты, F4 — телефон)",
        "Scan the card or app QR code (F3 — card number, F4 — phone)",
    ),
    "member_tier": ("Уровень: {tier}", "Tier: {tier}"),
    "member_card": ("Карта {card}", "Card {card}"),
    "member_phone": ("Телефон {phone}", "Phone {phone}"),
    "member_points": ("Баллы: {points}", "Points: {points}"),
    "member_pending": ("Ожидают начисления: {points}", "Pending: {points}"),
    "member_expiring": ("Сгорят {points} б. {day}", "{points} pts expire on {day}"),
    "tier_basic": ("Базовый", "Basic"),
    "tier_silver": ("Серебряный", "Silver"),
    "tier_gold": ("Золотой", "Gold"),
    "action_qty": ("F2  Количество", "F2  Quantity"),
    "action_card": ("F3  Карта", "F3  Card"),
    "action_phone": ("F4  Телефон", "F4  Phone"),
    "action_remove": ("Del  Удалить", "Del  Remove"),
    "action_return": ("F5  Возврат", "F5  Return"),
    "action_cancel": ("F8  Отменить чек", "F8  Cancel receipt"),
    "action_pay": ("F12  Оплата", "F12  Pay"),
    "menu_terminal": ("&Терминал", "&Terminal"),
    "menu_sync_now": ("Синхронизировать сейчас", "Sync now"),
    "menu_work_offline": ("Работать без сети", "Work offline"),
    "menu_quit": ("Выход", "Quit"),
    "menu_language": ("&Язык", "&Language"),
    "status_online": ("● В сети", "● Online"),
    "status_offline": ("● Нет связи", "● Offline"),
    "status_working_offline": ("● Работа без сети", "● Working offline"),
    "status_connecting": ("● Подключение…", "● Connecting…"),
    "status_refused": ("● Токен отклонён", "● Token refused"),
    "status_bad_answer": ("● Сервер отвечает с ошибкой", "● Server answers wrongly"),
    "status_store_error": ("● Ошибка базы данных", "● Database error"),
    "status_cache_warning": ("⚠ Данные с сервера не приняты", "⚠ Server data refused"),
    "status_waiting": ("Ожидают отправки: {count}", "Waiting to sync: {count}"),
    "status_dead": ("Отклонено: {count}", "Rejected: {count}"),
    "status_conflicts": ("Конфликтов: {count}", "Conflicts: {count}"),
    "status_clock": (
        "⚠ Часы кассы расходятся с сервером на {seconds} с",
        "⚠ The till's clock is {seconds} s off the server's",
    ),
    "status_last_sync": ("Синхронизация: {time}", "Last sync: {time}"),
    "status_never": ("ещё не было", "never"),
    "status_outlet": ("{outlet} · {terminal}", "{outlet} · {terminal}"),
    "qty_title": ("Количество", "Quantity"),
    "qty_label": ("Количество для «{item}»:", "Quantity of “{item}”:"),
    "card_title": ("Карта покупателя", "Member card"),
    "card_label": ("Номер карты:", "Card number:"),
    "phone_title": ("Поиск по телефону", "Find by phone"),
    "phone_label": ("Номер телефона покупателя:", "The member's phone number:"),
    "phone_find": ("Найти", "Find"),
    "ok": ("OK", "OK"),
    "cancel": ("Отмена", "Cancel"),
    "close": ("Закрыть", "Close"),
    "menu_problems": ("Проблемы синхронизации…", "Sync problems…"),
    "problems_title": ("Проблемы синхронизации", "Sync problems"),
    "problems_summary": (
        "Отклонено сервером: {dead}. Конфликтов: {conflicts}. Сообщите в офис программы.",
        "Rejected by the server: {dead}. Conflicts: {conflicts}. Tell the programme's office.",
    ),
    "problems_none": (
        "Проблем нет: все продажи приняты сервером",
        "No problems: the server took every sale",
    ),
    "problems_list": ("Что", "What"),
    "problems_receipt": ("Чек", "Receipt"),
    "problems_reason": ("Причина", "Reason"),
    "problems_at": ("Когда", "When"),
    "problems_dead_letter": ("Отклонено", "Rejected"),
    "problems_conflict": ("Конфликт", "Conflict"),
    "problems_kind_sale": ("продажа", "sale"),
    "problems_kind_return": ("возврат", "return"),
    "problems_kind_audit": ("журнал действий", "audit log"),
    "problems_kind_enrolment": ("новый участник", "new member"),
    "reason_phone_already_enrolled": (
        "этот номер уже у другого участника — профиль создан без номера",
        "another member has this number — the profile was made without it",
    ),
    "reason_card_already_linked": (
        "карта уже у другого участника — профиль создан без неё",
        "another member has this card — the profile was made without it",
    ),
    "reason_member_id_taken": ("такой номер участника уже есть", "that member id exists already"),
    "problems_overdraft": ("сверх остатка: {points} б.", "beyond the balance: {points} points"),
    "problems_export": ("Выгрузить в CSV…", "Export to CSV…"),
    "problems_exported": ("Выгружено строк: {count} в {path}", "{count} rows exported to {path}"),
    "problems_export_failed": ("Не удалось выгрузить: {error}", "Could not export: {error}"),
    "reason_points_overdrawn": (
        "списано больше баллов, чем было на счёте",
        "more points spent than the member had",
    ),
    "reason_coupon_already_used": ("купон уже был использован", "the coupon had been used already"),
    "reason_unknown_member": ("участник неизвестен серверу", "the server does not know the member"),
    "reason_unknown_sale": (
        "сервер не знает исходную продажу",
        "the server does not know the sale",
    ),
    "reason_return_exceeds_sale": (
        "возвращено больше, чем продано",
        "more returned than was sold",
    ),
    "reason_key_reused": (
        "ключ уже использован для другой записи",
        "the key was used for another record",
    ),
    "pay_title": ("Оплата", "Payment"),
    "pay_total": ("К оплате: {total}", "Total: {total}"),
    "pay_cash": ("Наличные", "Cash"),
    "pay_card": ("Банковская карта", "Bank card"),
    "pay_received": ("Получено от покупателя:", "Cash received:"),
    "pay_change": ("Сдача: {change}", "Change: {change}"),
    "pay_short": ("Не хватает {missing}", "{missing} short"),
    "pay_confirm": ("Enter  Провести", "Enter  Complete"),
    "sale_title": ("Чек № {number}", "Receipt No. {number}"),
    "sale_done": ("Продажа проведена", "Sale completed"),
    "sale_new": ("Enter  Следующий покупатель", "Enter  Next customer"),
    "receipt_tender_cash": ("Наличные", "Cash"),
    "receipt_tender_card": ("Карта", "Card"),
    "receipt_change": ("Сдача", "Change"),
    "receipt_points": ("Начислено баллов", "Points earned"),
    "receipt_points_paid": ("Оплачено баллами", "Paid with points"),
    "receipt_balance": ("Баланс баллов", "Points balance"),
    "receipt_pending": ("Ожидают начисления", "Pending points"),
    "receipt_member": ("Покупатель", "Member"),
    "added": ("Добавлено: {item}", "Added: {item}"),
    "member_attached": ("Покупатель: {name}", "Member: {name}"),
    "looking_up_card": ("Ищем карту {card} на сервере…", "Looking up card {card} on the server…"),
    "looking_up_phone": (
        "Ищем телефон {phone} на сервере…",
        "Looking up phone {phone} on the server…",
    ),
    "err_bad_barcode": (
        "Штрихкод «{code}» не читается: нужны только цифры",
        "Barcode “{code}” is not valid: digits only",
    ),
    "err_unknown_barcode": (
        "Товар со штрихкодом {code} не найден в каталоге",
        "No product with barcode {code} in the catalog",
    ),
    "err_unknown_code": (
        "Код {code} — не товар и не карта покупателя",
        "Code {code} is neither a product nor a member card",
    ),
    "err_bad_check_digit": (
        "Штрихкод {code} прочитан с ошибкой (контрольная цифра) — отсканируйте ещё раз",
        "Barcode {code} was misread (check digit) — scan it again",
    ),
    "err_unreadable_code": (
        "Код не читается: пустой, слишком длинный или с управляющими символами",
        "The code cannot be used: empty, too long or with control characters",
    ),
    "err_unknown_coupon": (
        "Купон {code} не действует в этом магазине",
        "Coupon {code} is not valid in this store",
    ),
    "err_coupon_already_taken": (
        "Купон {code} уже принят для этого чека",
        "Coupon {code} is already taken for this receipt",
    ),
    "coupon_taken": ("Купон принят: {code}", "Coupon taken: {code}"),
    "err_coupon_used_here": (
        "Купон {code} этот покупатель уже использовал",
        "This customer has already used coupon {code}",
    ),
    "err_coupon_refused_coupon_already_used": (
        "Купон {code} уже использован в другом магазине или канале — снят с чека",
        "Coupon {code} was already used in another store or channel; taken off the receipt",
    ),
    "err_coupon_refused_coupon_reserved_elsewhere": (
        "Купон {code} сейчас в чеке на другой кассе — снят с чека",
        "Coupon {code} is on an open receipt at another till; taken off the receipt",
    ),
    "err_coupon_refused": (
        "Центральный сервер не принял купон {code} — снят с чека",
        "The loyalty hub did not accept coupon {code}; taken off the receipt",
    ),
    "err_offline_too_long": (
        "Нет связи больше {limit} ч: списание баллов недоступно до синхронизации",
        "Offline for over {limit} h: points cannot be spent until the till syncs",
    ),
    "err_offline_once_per_member": (
        "Без сети покупатель списывает баллы один раз, до синхронизации",
        "Offline, a customer spends points once until the till syncs",
    ),
    "err_offline_terminal_cap": (
        "Без сети на кассе уже списано {limit} баллов: это предел до синхронизации",
        "Offline, this till has reached its limit of {limit} points until it syncs",
    ),
    "err_redeem_above_limit": (
        "Сейчас можно списать не больше {limit} баллов",
        "At most {limit} points can be spent now",
    ),
    "receipt_number_title": ("Возврат по чеку", "Return by receipt"),
    "receipt_number_label": (
        "Номер чека — или отсканируйте штрихкод с чека",
        "The receipt number, or scan the barcode on the receipt",
    ),
    "return_title": ("Возврат по чеку № {number}", "Return on receipt No. {number}"),
    "return_heading": (
        "Чек № {number} от {when}. Сколько вернуть по каждой строке?",
        "Receipt No. {number} of {when}. How many of each line come back?",
    ),
    "return_col_item": ("Товар", "Item"),
    "return_col_sold": ("Продано", "Sold"),
    "return_col_back": ("Вернуть", "Return"),
    "return_col_refund": ("К возврату", "Refund"),
    "return_sold": ("{quantity} шт. · {total}", "{quantity} pcs · {total}"),
    "return_of_left": (" из {left}", " of {left}"),
    "return_pick_lines": (
        "Укажите количество в строках, которые возвращают",
        "Set the quantity on the lines that come back",
    ),
    "return_by_card": ("на банковскую карту", "to the bank card"),
    "return_by_cash": ("наличными", "in cash"),
    "return_refund": ("Вернуть покупателю {refund} {tender}", "Refund {refund} {tender}"),
    "return_points_reversed": (
        "Начисленные за покупку баллы списываются: {points}",
        "Points earned on the sale taken back: {points}",
    ),
    "return_points_refunded": (
        "Потраченные баллы возвращаются на счёт: {points}",
        "Points spent on the sale given back: {points}",
    ),
    "return_confirm": ("Оформить возврат", "Make the return"),
    "return_done": (
        "Возврат по чеку № {number} оформлен: вернуть {refund} {tender}",
        "Return on receipt No. {number} done: refund {refund} {tender}",
    ),
    "err_return_with_open_receipt": (
        "Сначала завершите или отмените текущий чек (F8)",
        "Finish or cancel the open receipt first (F8)",
    ),
    "err_receipt_other_till": (
        "Чек пробит на другой кассе ({terminal}) — возврат оформляется там",
        "The receipt is from another till ({terminal}); make the return there",
    ),
    "err_bad_receipt_number": ("«{text}» — не номер чека", "“{text}” is not a receipt number"),
    "err_unknown_receipt_number": (
        "Чека № {number} нет в журнале этой кассы",
        "Receipt No. {number} is not in this till's journal",
    ),
    "err_unknown_receipt": ("Чек {sale} не найден на этой кассе", "No receipt {sale} on this till"),
    "err_bad_return": ("Возврат невозможен: {detail}", "Cannot return: {detail}"),
    "err_app_code_malformed": (
        "Код из приложения повреждён — попросите покупателя обновить экран",
        "The app code is damaged — ask the customer to refresh the screen",
    ),
    "err_app_code_unknown_key": (
        "Код из приложения подписан неизвестным ключом — синхронизируйте терминал",
        "The app code is signed with an unknown key — sync the terminal",
    ),
    "err_app_code_bad_signature": (
        "Код из приложения поддельный: подпись неверна",
        "The app code is forged: the signature does not match",
    ),
    "err_app_code_expired": (
        "Код из приложения устарел — попросите покупателя открыть его заново",
        "The app code has expired — ask the customer to open it again",
    ),
    "err_app_code_replayed": (
        "Этот код из приложения уже использован — нужен новый код (снимок экрана не подходит)",
        "This app code was already used — a fresh code is needed (screenshots do not work)",
    ),
    "err_unknown_member": (
        "Покупатель {member} не найден в кэше терминала",
        "Member {member} is not in this terminal's cache",
    ),
    "phone_app_title": ("Приложение покупателя (демо)", "Member's app (demo)"),
    "phone_app_renews": ("Код обновится через {seconds} с", "The code changes in {seconds} s"),
    "phone_app_hint": (
        "Поднесите экран с кодом к веб-камере кассы",
        "Hold this screen up to the till's webcam",
    ),
    "phone_app_hint_synthetic": (
        "Камера кассы учебная: нажмите кнопку, и код появится в её кадре",
        "The till has a simulated camera: press the button to put the code in its view",
    ),
    "phone_app_hold": ("Поднести к камере", "Hold up to the camera"),
    "phone_app_away": ("Убрать от камеры", "Take away from the camera"),
    "camera_starting": ("Камера включается…", "Starting the camera…"),
    "camera_failed": (
        "Камера не отвечает (отключена или занята). Пробуем снова…",
        "The camera does not answer (unplugged or busy). Retrying…",
    ),
    "camera_ended": ("Камера: снимки закончились", "Camera: no more pictures"),
    "err_bad_card": ("Номер карты «{card}» не читается", "Card number “{card}” is not valid"),
    "err_unknown_card": ("Карта {card} не найдена", "Card {card} not found"),
    "err_card_offline": (
        "Карта {card} не найдена в кэше терминала, а сервер недоступен",
        "Card {card} is not in this terminal's cache and the server is unreachable",
    ),
    "err_bad_phone_empty": ("Введите номер телефона", "Type the phone number"),
    "err_bad_phone_too_long": ("Слишком длинный номер", "The number is too long"),
    "err_bad_phone_not_a_number": (
        "Номер телефона — это цифры, можно с «+» в начале",
        "A phone number is digits, with an optional “+” first",
    ),
    "err_bad_phone_invalid": (
        "Такого номера не бывает: проверьте цифры и код страны",
        "No such number: check the digits and the country code",
    ),
    "err_unknown_phone": (
        "Покупатель с телефоном {phone} не найден",
        "No member with phone {phone}",
    ),
    "err_phone_offline": (
        "Телефона {phone} нет в кэше терминала, а сервер недоступен",
        "Phone {phone} is not in this terminal's cache and the server is unreachable",
    ),
    "err_scan_while_dialog": (
        "Скан не принят: сначала закончите в открытом окне",
        "Scan not taken: finish in the open window first",
    ),
    "err_bad_quantity": ("Количество должно быть от 1 до 999", "Quantity must be from 1 to 999"),
    "err_empty_receipt": ("Чек пуст — нечего оплачивать", "The receipt is empty — nothing to pay"),
    "err_cash_short": ("Получено меньше суммы к оплате", "Cash received is less than the total"),
    "err_no_line": ("Выберите строку чека", "Select a receipt line first"),
    "err_bad_amount": (
        "Сумма «{text}» не понята: введите, например, 1500 или 1500,50",
        "Amount “{text}” is not understood: type e.g. 1500 or 1500.50",
    ),
    "err_store_locked": (
        "База данных занята другим процессом. Продажа не записана, чек сохранён — повторите",
        "The database is locked by another process. "
        "Nothing was written; the receipt is kept — try again",
    ),
    "err_store_read_only": (
        "База данных только для чтения. Продажа не записана, чек сохранён. Позовите администратора",
        "The database is read-only. Nothing was written; the receipt is kept. Call store IT",
    ),
    "err_store_disk_full": (
        "Диск заполнен. Продажа не записана, чек сохранён. Позовите администратора",
        "The disk is full. Nothing was written; the receipt is kept. Call store IT",
    ),
    "err_store_corrupt": (
        "База данных повреждена. Позовите администратора",
        "The database is damaged. Call store IT",
    ),
    "err_store_io": ("Ошибка базы данных: {detail}", "Database error: {detail}"),
    "err_store_newer_schema": (
        "База данных новее программы",
        "The database is newer than this program",
    ),
    "err_start_newer_schema": (
        "Журнал продаж {path} записан более новой версией pos-client ({detail}). "
        "Установите эту версию или новее; журнал не изменён.",
        "The sales journal {path} was written by a newer pos-client ({detail}). "
        "Install that version or a newer one; the journal was not changed.",
    ),
    "err_start_locked": (
        "Журнал продаж {path} занят: pos-client уже запущен? ({detail})",
        "The sales journal {path} is locked: is pos-client already running? ({detail})",
    ),
    "err_start_read_only": (
        "Журнал продаж {path} только для чтения ({detail}). Позовите администратора",
        "The sales journal {path} is read-only ({detail}). Call store IT",
    ),
    "err_start_disk_full": (
        "Диск заполнен, журнал продаж {path} не открыть ({detail}). Позовите администратора",
        "The disk is full; the sales journal {path} cannot be opened ({detail}). Call store IT",
    ),
    "err_start_corrupt": (
        "Журнал продаж {path} повреждён ({detail}). Восстановите копию: pos-client restore",
        "The sales journal {path} is damaged ({detail}). Restore a copy: pos-client restore",
    ),
    "err_start_io": (
        "Журнал продаж {path} не открывается: {detail}",
        "The sales journal {path} cannot be opened: {detail}",
    ),
    "setup_title": ("Настройка кассы", "Setting up this till"),
    "setup_intro": (
        "Эта касса ещё не настроена. Введите данные, которые выдал администратор программы "
        "лояльности (loyalty-hub terminal add). Настройки сохранятся в {path}, токен — в "
        "хранилище паролей системы или в файл, доступный только этому пользователю.",
        "This till is not set up yet. Enter what the loyalty programme's administrator gave "
        "you (loyalty-hub terminal add). The settings go to {path}, the token to the "
        "system's password store or a file only this user can read.",
    ),
    "setup_api_url": ("Адрес сервера", "Hub address"),
    "setup_outlet_id": ("Магазин", "Outlet"),
    "setup_terminal_id": ("Номер кассы", "Terminal ID"),
    "setup_token": ("Токен", "Token"),
    "setup_language": ("Язык", "Language"),
    "setup_test": ("Проверить связь", "Test connection"),
    "setup_save": ("Сохранить и начать", "Save and start"),
    "setup_quit": ("Выйти", "Quit"),
    "setup_testing": ("Связываемся с {url}…", "Contacting {url}…"),
    "setup_hub_ok": (
        "Связь есть: {url} отвечает и принимает токен этой кассы",
        "Connected: {url} answers and accepts this till's token",
    ),
    "setup_hub_unavailable": (
        "Сервер не отвечает: {detail}. Проверьте адрес и сеть",
        "The hub does not answer: {detail}. Check the address and the network",
    ),
    "setup_hub_refused": (
        "Сервер не принял токен: проверьте токен и номер кассы",
        "The hub refused the token: check the token and the terminal ID",
    ),
    "setup_hub_bad_answer": (
        "По этому адресу отвечает не сервер программы лояльности ({detail})",
        "What answers at this address is not the loyalty hub ({detail})",
    ),
    "setup_not_saved": ("Настройки не сохранены: {detail}", "Settings not saved: {detail}"),
    "setup_bad_api_url": (
        "Адрес сервера должен начинаться с http:// или https://",
        "The hub address must start with http:// or https://",
    ),
    "setup_bad_outlet_id": (
        "Магазин: от 1 до 64 латинских букв, цифр, «.», «_» или «-»",
        "Outlet: 1 to 64 letters, digits, '.', '_' or '-'",
    ),
    "setup_bad_terminal_id": (
        "Номер кассы: от 1 до 64 латинских букв, цифр, «.», «_» или «-»",
        "Terminal ID: 1 to 64 letters, digits, '.', '_' or '-'",
    ),
    "setup_bad_token": (
        "Токен: от 16 до 512 символов без пробелов, как его выдал loyalty-hub terminal add",
        "Token: 16 to 512 characters without spaces, as loyalty-hub terminal add printed it",
    ),
    # -- staff, shifts, overrides ---------------------------------------------------------
    "login_title": ("Вход кассира", "Cashier login"),
    "login_hint": (
        "Выберите себя в списке (↑ ↓), наберите PIN и нажмите Enter — или приложите бейдж",
        "Pick your name (↑ ↓), type your PIN and press Enter — or scan your badge",
    ),
    "login_pin": ("PIN", "PIN"),
    "login_button": ("Войти", "Log in"),
    "login_no_staff": (
        "Список сотрудников ещё не получен: касса загрузит его при первой связи с сервером",
        "The staff list has not arrived yet: the till gets it when it first reaches the hub",
    ),
    "role_cashier": ("кассир", "cashier"),
    "role_senior_cashier": ("старший кассир", "senior cashier"),
    "role_manager": ("менеджер", "manager"),
    "err_wrong_pin": ("Неверный PIN. Осталось попыток: {left}", "Wrong PIN. Tries left: {left}"),
    "err_staff_locked": (
        "{name}: вход заблокирован до {until} после неверных PIN",
        "{name} is locked out until {until} after wrong PINs",
    ),
    "err_staff_locked_now": (
        "Слишком много неверных PIN: {name} — вход заблокирован на {minutes} мин.",
        "Too many wrong PINs: {name} is locked out for {minutes} min",
    ),
    "err_unknown_staff": ("Выберите сотрудника в списке", "Pick a person from the list"),
    "err_unknown_badge": (
        "Этого бейджа нет в списке сотрудников магазина",
        "This badge is not on the store's staff list",
    ),
    "err_not_an_approver": (
        "{name} не может подтвердить это действие",
        "{name} may not approve this action",
    ),
    "err_approval_used": (
        "Это подтверждение уже использовано: нужно новое",
        "This approval has been used: a new one is needed",
    ),
    "err_approval_other_action": (
        "Подтверждение было дано для другого действия",
        "The approval was given for another action",
    ),
    "err_badge_at_till": (
        "Это бейдж сотрудника. Чтобы сменить кассира, выйдите: Ctrl+L",
        "This is a staff badge. To change cashier, log out first: Ctrl+L",
    ),
    "err_no_open_shift": (
        "Смена не открыта: откройте её в меню «Смена»",
        "No shift is open: open one in the Shift menu",
    ),
    "err_shift_already_open": ("Смена уже открыта", "A shift is already open"),
    "err_shift_unsynced": (
        "Не отправлено на сервер: {waiting}. Отметьте, что вы знаете об этом, чтобы закрыть смену",
        "Not sent to the hub yet: {waiting}. Tick that you know, to close the shift",
    ),
    "err_cash_move_zero": ("Сумма должна быть больше нуля", "The amount must be above zero"),
    "err_cash_move_reason": ("Укажите причину", "Give the reason"),
    "err_cash_out_exceeds": (
        "По расчёту в кассе {amount}: больше изъять нельзя",
        "The drawer should hold {amount}: no more can be taken out",
    ),
    "err_bad_cash_amount": (
        "Сумма — от 0 до 10 000 000 ₽, например 5000 или 5000,50",
        "An amount from 0 to 10 000 000 ₽, like 5000 or 5000.50",
    ),
    "err_nothing_to_void": (
        "По чеку №{number} уже всё возвращено",
        "Everything on receipt {number} has been returned already",
    ),
    "err_logout_open_receipt": (
        "Сначала оплатите или отмените чек",
        "Pay or cancel the receipt first",
    ),
    "menu_shift": ("Смена", "Shift"),
    "menu_cash_in": ("Внесение наличных…", "Cash in…"),
    "menu_cash_out": ("Изъятие наличных…", "Cash out…"),
    "menu_shift_report": ("Отчёт по смене…", "Shift report…"),
    "menu_close_shift": ("Закрыть смену…", "Close shift…"),
    "menu_void": ("Сторно оплаченного чека…", "Void a paid receipt…"),
    "menu_logout": ("Выйти (сменить кассира)", "Log out (change cashier)"),
    "open_shift_title": ("Открытие смены", "Open shift"),
    "open_shift_label": (
        "{name}, сколько наличных в кассе на начало смены?",
        "{name}, how much cash is in the drawer at the start?",
    ),
    "open_shift_ok": ("Открыть смену", "Open shift"),
    "cash_in_title": ("Внесение наличных", "Cash in"),
    "cash_out_title": ("Изъятие наличных", "Cash out"),
    "cash_amount_label": ("Сумма", "Amount"),
    "cash_reason_label": ("Причина", "Reason"),
    "cash_in_reason": ("Размен", "Change float"),
    "cash_out_reason": ("Инкассация", "Collection"),
    "close_shift_title": ("Закрытие смены", "Close shift"),
    "close_counted_label": ("Пересчитано наличных в кассе", "Cash counted in the drawer"),
    "close_unsynced": (
        "Я знаю: на сервер ещё не отправлено {waiting}, они уйдут при следующей связи",
        "I know: {waiting} not sent to the hub yet; they go at the next connection",
    ),
    "close_confirm": ("Закрыть смену", "Close shift"),
    "shift_report_title": ("Смена №{number}", "Shift {number}"),
    "shift_opened_by": ("Открыта {at}: {name}", "Opened {at} by {name}"),
    "shift_closed_by": ("Закрыта {at}: {name}", "Closed {at} by {name}"),
    "report_sales": ("Продажи: {count}", "Sales: {count}"),
    "report_returns": ("Возвраты: {count}", "Returns: {count}"),
    "report_tender_cash": ("  наличными", "  in cash"),
    "report_tender_card": ("  картой", "  by card"),
    "report_points_earned": ("Начислено баллов", "Points earned"),
    "report_points_spent": ("Списано баллов", "Points spent"),
    "report_points_reversed": ("Баллов снято возвратами", "Points taken back by returns"),
    "report_points_refunded": ("Баллов возвращено покупателям", "Points given back by returns"),
    "report_coupons": ("Погашено купонов", "Coupons used"),
    "report_float": ("Наличные на начало", "Opening float"),
    "report_cash_in": ("Внесено", "Cash in"),
    "report_cash_out": ("Изъято", "Cash out"),
    "report_expected": ("Должно быть в кассе", "Expected in the drawer"),
    "report_counted": ("Пересчитано", "Counted"),
    "report_difference": ("Расхождение", "Difference"),
    "report_waiting": ("Не отправлено на сервер", "Not sent to the hub"),
    "approval_title": ("Подтверждение менеджера", "Manager approval"),
    "approval_void": (
        "Сторно чека №{number} на {total}: вернуть всё, что осталось по чеку",
        "Void receipt {number} of {total}: take back everything left on it",
    ),
    "approval_redeem": (
        "Списание баллов сверх офлайн-лимита. Причина отказа: {reason}",
        "Spending points above the offline cap. Refused because: {reason}",
    ),
    "approval_who": ("Подтверждает", "Approved by"),
    "approval_pin": ("PIN подтверждающего", "Their PIN"),
    "approval_ok": ("Подтвердить", "Approve"),
    "logged_in": ("Кассир: {name}", "Cashier: {name}"),
    "shift_opened": ("Смена №{number} открыта", "Shift {number} is open"),
    "shift_closed": ("Смена №{number} закрыта", "Shift {number} is closed"),
    "cash_moved_in": ("Внесено {amount}", "{amount} put in"),
    "cash_moved_out": ("Изъято {amount}", "{amount} taken out"),
    "void_done": (
        "Чек №{number} сторнирован: вернуть {refund} {tender}",
        "Receipt {number} voided: refund {refund} {tender}",
    ),
    "cap_waived": (
        "Менеджер разрешил списание сверх офлайн-лимита для этого чека",
        "A manager allowed spending above the offline cap on this receipt",
    ),
    "status_cashier": ("Кассир: {name}, смена №{number}", "Cashier: {name}, shift {number}"),
    "status_cashier_no_shift": (
        "Кассир: {name}, смена не открыта",
        "Cashier: {name}, no shift open",
    ),
    "status_nobody": ("Никто не вошёл", "Nobody logged in"),
    "receipt_cashier": ("Кассир", "Cashier"),
    "receipt_copy": ("КОПИЯ ЧЕКА", "RECEIPT COPY"),
    "receipt_total": ("ИТОГ", "TOTAL"),
    "receipt_where": ("Терминал {terminal} · {channel}", "Terminal {terminal} · {channel}"),
    "channel_store": ("магазин", "store"),
    "channel_web": ("интернет-магазин", "web shop"),
    "channel_app": ("приложение", "app"),
    "receipt_keep": ("Чек нужен для возврата", "Keep the receipt for returns"),
    "receipt_points_spent": ("Списано баллов", "Points spent"),
    "receipt_stamps": ("Штампы: {name}", "Stamps: {name}"),
    "sale_print": ("Ctrl+P  Копия чека", "Ctrl+P  Print a copy"),
    "report_print": ("Печать", "Print"),
    "menu_reprint": ("Напечатать копию последнего чека", "Print a copy of the last receipt"),
    "print_what_receipt": ("Чек № {number}", "Receipt {number}"),
    "print_what_report": ("Отчёт по смене № {number}", "Shift {number} report"),
    "print_sending": ("{what}: печать…", "{what}: printing…"),
    "print_done": ("{what} напечатан", "{what} printed"),
    "print_not_set_up": (
        "Принтер чеков не настроен — документ только на экране (printer в config.toml)",
        "No receipt printer is set up — shown on screen only (printer in config.toml)",
    ),
    "print_unplugged": (
        "{what} не напечатан: принтер не отвечает — проверьте кабель и питание.",
        "{what} not printed: the printer does not answer — check its cable and power.",
    ),
    "print_out_of_paper": (
        "{what} не напечатан: в принтере нет бумаги — вставьте новую ленту.",
        "{what} not printed: the printer is out of paper — load a new roll.",
    ),
    "print_failed": (
        "{what} не напечатан: ошибка принтера (подробности в журнале).",
        "{what} not printed: the printer failed (details in the log).",
    ),
    "print_sale_kept": (
        "Продажа проведена и сохранена; Ctrl+P — напечатать копию.",
        "The sale is complete and saved; Ctrl+P prints a copy.",
    ),
    "err_no_sales_yet": (
        "На этой кассе ещё не было продаж",
        "No sale has been made on this till yet",
    ),
    "customer_title": ("Экран покупателя — {outlet}", "Customer display — {outlet}"),
    "customer_welcome": ("Добро пожаловать! {outlet}", "Welcome! {outlet}"),
    "customer_discount": ("Ваша скидка: {amount}", "You save: {amount}"),
    "customer_total": ("К оплате: {total}", "To pay: {total}"),
    "customer_points": ("Будет начислено баллов: +{points}", "Points you will earn: +{points}"),
    "customer_show_app": (
        "Покажите QR-код из приложения или карту — начислим баллы",
        "Show your app code or card to earn points",
    ),
    "customer_member": ("{name} · баллов на счёте: {points}", "{name} · points balance: {points}"),
    "customer_thanks": ("Спасибо за покупку!", "Thank you for shopping with us!"),
    "customer_change": ("Ваша сдача: {change}", "Your change: {change}"),
    "customer_earned": ("Начислено баллов: +{points}", "Points earned: +{points}"),
    "customer_balance": ("Баллов на счёте: {points}", "Points balance: {points}"),
    "action_enrol": ("F7  Анкета", "F7  Join"),
    "enrol_title": ("Новый участник программы", "New programme member"),
    "enrol_name": ("Имя и фамилия", "Name"),
    "enrol_phone": ("Телефон", "Phone"),
    "enrol_card": ("Карта (сканируйте, если выдаёте)", "Card (scan one to link it)"),
    "enrol_terms": (
        "Принимает правила программы (ред. {version})",
        "Accepts the programme terms (version {version})",
    ),
    "enrol_marketing": (
        "Согласен получать сообщения об акциях",
        "Agrees to messages about offers",
    ),
    "enrol_ok": ("Зарегистрировать", "Enrol"),
    "enrolled": (
        "{name} — участник программы; баллы за эту покупку начислятся",
        "{name} has joined; this purchase earns points",
    ),
    "err_enrol_no_terms_consent": (
        "Без согласия с правилами программы регистрация невозможна",
        "No enrolment without the customer accepting the programme terms",
    ),
    "err_enrol_name": (
        "Введите имя буквами (от 2 до 80 знаков)",
        "Type the name in letters (2 to 80 characters)",
    ),
    "err_enrol_phone_known": (
        "Номер {phone} уже зарегистрирован: {name}",
        "{phone} is already a member's: {name}",
    ),
    "err_enrol_member_on_receipt": (
        "К чеку уже привязан участник: {name}",
        "A member is already on this receipt: {name}",
    ),
    "err_enrol_bad_card": ("«{card}» — не карта программы", "“{card}” is not a programme card"),
    "err_enrol_card_taken": (
        "Карта {card} уже у другого участника",
        "Card {card} already belongs to a member",
    ),
    "member_marketing_yes": ("Рассылки: согласен", "Offers by message: yes"),
    "member_marketing_no": ("Рассылки: не согласен", "Offers by message: no"),
    "help_title": ("Клавиши кассы (F1)", "Till keys (F1)"),
    "help_key": ("Клавиша", "Key"),
    "help_action": ("Что делает", "What it does"),
    "help_scan": (
        "сканер, или код и Enter: товар, карта, QR-код, купон, чек для возврата",
        "scanner, or a code and Enter: item, card, app code, coupon, receipt to return",
    ),
    "help_qty": (
        "количество выбранной строки (цифры на цифровой клавиатуре)",
        "quantity of the selected line (numpad digits)",
    ),
    "help_card": ("ввести номер карты вручную", "type a card number"),
    "help_phone": ("найти участника по телефону", "find the member by phone"),
    "help_return": (
        "возврат: номер чека или штрихкод с чека",
        "return: the receipt number or the code on it",
    ),
    "help_points": ("оплатить часть баллами", "pay part with points"),
    "help_enrol": ("анкета: новый участник с согласием", "enrol a new member with consent"),
    "help_remove": ("удалить выбранную строку", "remove the selected line"),
    "help_cancel": ("отменить чек", "cancel the receipt"),
    "help_pay": ("оплата: наличные или карта", "pay: cash or bank card"),
    "help_sync": ("синхронизировать сейчас", "sync now"),
    "help_problems": ("проблемы синхронизации, выгрузка в CSV", "sync problems, export to CSV"),
    "help_reprint": ("копия последнего чека", "a copy of the last receipt"),
    "help_void": (
        "сторно оплаченного чека (PIN менеджера)",
        "void a paid receipt (a manager's PIN)",
    ),
    "help_cash": ("внесение / изъятие наличных", "cash put in / taken out"),
    "help_report": ("отчёт по смене (X-отчёт)", "the shift report (X report)"),
    "help_close": ("закрыть смену", "close the shift"),
    "help_logout": ("выйти (смена кассира)", "log out (change cashier)"),
    "menu_help": ("Справка по клавишам", "Keys help"),
    "receipt_coupon": ("Купон на следующую покупку", "Coupon for your next purchase"),
}


class Language:
    current = "ru"


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    Language.current = language


def tr(key: str, **params: object) -> str:
    """The text for `key` in the current language; money params (int kopecks) are formatted."""
    ru, en = _TEXTS[key]
    text = ru if Language.current == "ru" else en
    shown = {
        k: format_money(v) if _is_money(k) and isinstance(v, int) else v for k, v in params.items()
    }
    return text.format(**shown) if shown else text


def has_text(key: str) -> bool:
    return key in _TEXTS


def _is_money(name: str) -> bool:
    return name in {"total", "change", "missing", "received", "amount"}
