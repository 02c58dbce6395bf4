<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
<context>
    <name>CustomerDisplay</name>
    <message>
        <source>Customer display — {outlet}</source>
        <translation>Экран покупателя — {outlet}</translation>
    </message>
    <message>
        <source>Welcome! {outlet}</source>
        <translation>Добро пожаловать! {outlet}</translation>
    </message>
    <message>
        <source>You save: {amount}</source>
        <translation>Ваша скидка: {amount}</translation>
    </message>
    <message>
        <source>To pay: {total}</source>
        <translation>К оплате: {total}</translation>
    </message>
    <message>
        <source>Points you will earn: +{points}</source>
        <translation>Будет начислено баллов: +{points}</translation>
    </message>
    <message>
        <source>Show your app code or card to earn points</source>
        <translation>Покажите QR‑код из приложения или карту — начислим баллы</translation>
    </message>
    <message>
        <source>{name} · points balance: {points}</source>
        <translation>{name} · баллов на счёте: {points}</translation>
    </message>
    <message>
        <source>Thank you for shopping with us!</source>
        <translation>Спасибо за покупку!</translation>
    </message>
    <message>
        <source>Your change: {change}</source>
        <translation>Ваша сдача: {change}</translation>
    </message>
    <message>
        <source>Points earned: +{points}</source>
        <translation>Начислено баллов: +{points}</translation>
    </message>
    <message>
        <source>Points balance: {points}</source>
        <translation>Баллов на счёте: {points}</translation>
    </message>
</context>
<context>
    <name>Enrolment</name>
    <message>
        <source>New programme member</source>
        <translation>Новый участник программы</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя и фамилия</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Card (scan one to link it)</source>
        <translation>Карта (сканируйте, если выдаёте)</translation>
    </message>
    <message>
        <source>Accepts the programme terms (version {version})</source>
        <translation>Принимает правила программы (ред. {version})</translation>
    </message>
    <message>
        <source>Agrees to messages about offers</source>
        <translation>Согласен получать сообщения об акциях</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <source>{name} has joined; this purchase earns points</source>
        <translation>{name} — участник программы; баллы за эту покупку начислятся</translation>
    </message>
</context>
<context>
    <name>FindItem</name>
    <message>
        <source>Find an item</source>
        <translation>Поиск товара</translation>
    </message>
    <message>
        <source>Part of the name, SKU or barcode digits</source>
        <translation>Часть названия, артикул или цифры штрихкода</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Add to receipt</source>
        <translation>Добавить в чек</translation>
    </message>
    <message>
        <source>Type at least {count} characters of the name</source>
        <translation>Введите не меньше {count} букв названия</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”</source>
        <translation>По запросу «{query}» ничего не найдено</translation>
    </message>
    <message>
        <source>The first {count} shown: type another word to narrow the list</source>
        <translation>Показаны первые {count}: добавьте слово, чтобы сузить список</translation>
    </message>
    <message>
        <source>Found: {count}. ↑↓ choose, Enter adds</source>
        <translation>Найдено: {count}. ↑↓ — выбрать, Enter — добавить в чек</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Till keys (F1)</source>
        <translation>Клавиши кассы (F1)</translation>
    </message>
    <message>
        <source>scanner, or a code and Enter: item, card, app code, coupon, receipt</source>
        <translation>сканер или код и Enter: товар, карта, QR‑код, купон, чек</translation>
    </message>
    <message>
        <source>quantity of the line (or numpad digits)</source>
        <translation>количество строки (или цифры на цифровой клавиатуре)</translation>
    </message>
    <message>
        <source>find an item by name (or type it and Enter)</source>
        <translation>найти товар по названию (или набрать и Enter)</translation>
    </message>
    <message>
        <source>type a card number</source>
        <translation>ввести номер карты вручную</translation>
    </message>
    <message>
        <source>find the member by phone</source>
        <translation>найти участника по телефону</translation>
    </message>
    <message>
        <source>return: the receipt number or the code on it</source>
        <translation>возврат: номер чека или штрихкод с чека</translation>
    </message>
    <message>
        <source>pay part with points</source>
        <translation>оплатить часть баллами</translation>
    </message>
    <message>
        <source>enrol a new member with consent</source>
        <translation>анкета: новый участник с согласием</translation>
    </message>
    <message>
        <source>the member&apos;s personal offers</source>
        <translation>персональные предложения участника</translation>
    </message>
    <message>
        <source>put the receipt aside; on an empty till, take one up</source>
        <translation>отложить чек; на пустой кассе — вернуть</translation>
    </message>
    <message>
        <source>pay: cash, card, or both</source>
        <translation>оплата: наличные, карта или обе</translation>
    </message>
    <message>
        <source>void a paid receipt (manager)</source>
        <translation>сторно оплаченного чека (менеджер)</translation>
    </message>
    <message>
        <source>return without a receipt (manager)</source>
        <translation>возврат без чека (менеджер)</translation>
    </message>
    <message>
        <source>open the drawer, no sale (manager)</source>
        <translation>ящик без продажи (менеджер)</translation>
    </message>
    <message>
        <source>a new price for the line (manager)</source>
        <translation>новая цена строки (менеджер)</translation>
    </message>
    <message>
        <source>high contrast on and off</source>
        <translation>высокий контраст вкл./выкл.</translation>
    </message>
    <message>
        <source>remove the selected line</source>
        <translation>удалить выбранную строку</translation>
    </message>
    <message>
        <source>cancel the receipt</source>
        <translation>отменить чек</translation>
    </message>
    <message>
        <source>sync now</source>
        <translation>синхронизировать сейчас</translation>
    </message>
    <message>
        <source>sync problems, export to CSV</source>
        <translation>проблемы синхронизации, выгрузка в CSV</translation>
    </message>
    <message>
        <source>a copy of the last receipt</source>
        <translation>копия последнего чека</translation>
    </message>
    <message>
        <source>cash put in / taken out</source>
        <translation>внесение / изъятие наличных</translation>
    </message>
    <message>
        <source>the shift report (X report)</source>
        <translation>отчёт по смене (X-отчёт)</translation>
    </message>
    <message>
        <source>close the shift</source>
        <translation>закрыть смену</translation>
    </message>
    <message>
        <source>log out (change cashier)</source>
        <translation>выйти (смена кассира)</translation>
    </message>
    <message>
        <source>this list of keys</source>
        <translation>этот список клавиш</translation>
    </message>
    <message>
        <source>The receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>The customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Returns and copies</source>
        <translation>Возвраты и копии чеков</translation>
    </message>
    <message>
        <source>The shift and the till</source>
        <translation>Смена и касса</translation>
    </message>
</context>
<context>
    <name>Member</name>
    <message>
        <source>No member identified</source>
        <translation>Покупатель не определён</translation>
    </message>
    <message>
        <source>Scan the card or app QR code (F3 — card number, F4 — phone)</source>
        <translation>Сканируйте карту или QR‑код из приложения (F3 — номер карты, F4 — телефон)</translation>
    </message>
    <message>
        <source>Tier: {tier}</source>
        <translation>Уровень: {tier}</translation>
    </message>
    <message>
        <source>Card {card}</source>
        <translation>Карта {card}</translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation>Телефон {phone}</translation>
    </message>
    <message>
        <source>Points: {points}</source>
        <translation>Баллы: {points}</translation>
    </message>
    <message>
        <source>Pending: {points}</source>
        <translation>Ожидают начисления: {points}</translation>
    </message>
    <message>
        <source>{points} pts expire on {day}</source>
        <translation>Сгорят {points} б. {day}</translation>
    </message>
    <message>
        <source>Basic</source>
        <translation>Базовый</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Серебряный</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Золотой</translation>
    </message>
    <message>
        <source>{amount} more in purchases to {tier}</source>
        <translation>До уровня «{tier}» осталось купить на {amount}</translation>
    </message>
    <message>
        <source>Purchases already reach {tier}</source>
        <translation>Покупки уже дают уровень «{tier}»</translation>
    </message>
    <message>
        <source>The programme&apos;s top tier</source>
        <translation>Высший уровень программы</translation>
    </message>
    <message>
        <source>F11 applies the personal offers: {offers}</source>
        <translation>F11 — персональные предложения: {offers}</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>Карта покупателя</translation>
    </message>
    <message>
        <source>Card number:</source>
        <translation>Номер карты:</translation>
    </message>
    <message>
        <source>Find by phone</source>
        <translation>Поиск по телефону</translation>
    </message>
    <message>
        <source>The member&apos;s phone number:</source>
        <translation>Номер телефона покупателя:</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Member: {name}</source>
        <translation>Покупатель: {name}</translation>
    </message>
    <message>
        <source>Looking up card {card} on the server…</source>
        <translation>Ищем карту {card} на сервере…</translation>
    </message>
    <message>
        <source>Looking up phone {phone} on the server…</source>
        <translation>Ищем телефон {phone} на сервере…</translation>
    </message>
    <message>
        <source>Member&apos;s app (demo)</source>
        <translation>Приложение покупателя (демо)</translation>
    </message>
    <message>
        <source>The code changes in {seconds} s</source>
        <translation>Код обновится через {seconds} с</translation>
    </message>
    <message>
        <source>Hold this screen up to the till&apos;s webcam</source>
        <translation>Поднесите экран с кодом к веб-камере кассы</translation>
    </message>
    <message>
        <source>The till has a simulated camera: press the button to put the code in its view</source>
        <translation>Камера кассы учебная: нажмите кнопку, и код появится в её кадре</translation>
    </message>
    <message>
        <source>Hold up to the camera</source>
        <translation>Поднести к камере</translation>
    </message>
    <message>
        <source>Take away from the camera</source>
        <translation>Убрать от камеры</translation>
    </message>
    <message>
        <source>Offers by message: yes</source>
        <translation>Рассылки: согласен</translation>
    </message>
    <message>
        <source>Offers by message: no</source>
        <translation>Рассылки: не согласен</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;Terminal</source>
        <translation>&amp;Терминал</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Работать без сети</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Высокий контраст</translation>
    </message>
    <message>
        <source>Sync problems…</source>
        <translation>Проблемы синхронизации…</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <source>Cash in…</source>
        <translation>Внесение наличных…</translation>
    </message>
    <message>
        <source>Cash out…</source>
        <translation>Изъятие наличных…</translation>
    </message>
    <message>
        <source>Shift report…</source>
        <translation>Отчёт по смене…</translation>
    </message>
    <message>
        <source>Close shift…</source>
        <translation>Закрыть смену…</translation>
    </message>
    <message>
        <source>Void a paid receipt…</source>
        <translation>Сторно оплаченного чека…</translation>
    </message>
    <message>
        <source>Change the line&apos;s price…</source>
        <translation>Изменить цену строки…</translation>
    </message>
    <message>
        <source>Return without a receipt…</source>
        <translation>Возврат без чека…</translation>
    </message>
    <message>
        <source>Open the drawer, no sale…</source>
        <translation>Открыть ящик без продажи…</translation>
    </message>
    <message>
        <source>Log out (change cashier)</source>
        <translation>Выйти (сменить кассира)</translation>
    </message>
    <message>
        <source>Print a copy of the last receipt</source>
        <translation>Напечатать копию последнего чека</translation>
    </message>
    <message>
        <source>Keys help</source>
        <translation>Справка по клавишам</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Identify the member first — points come from their account</source>
        <translation>Сначала определите покупателя — баллы списываются с его счёта</translation>
    </message>
    <message>
        <source>Points cannot pay for this receipt: no points available or the total is too small</source>
        <translation>Баллами сейчас оплатить нельзя: нет доступных баллов или сумма слишком мала</translation>
    </message>
    <message>
        <source>The cash part must be more than nothing and less than {total}</source>
        <translation>Наличными — больше нуля и меньше {total}</translation>
    </message>
    <message>
        <source>Barcode “{code}” is not valid: digits only</source>
        <translation>Штрихкод «{code}» не читается: нужны только цифры</translation>
    </message>
    <message>
        <source>No product with barcode {code} in the catalog</source>
        <translation>Товар со штрихкодом {code} не найден в каталоге</translation>
    </message>
    <message>
        <source>Code {code} is neither a product nor a member card</source>
        <translation>Код {code} — не товар и не карта покупателя</translation>
    </message>
    <message>
        <source>Barcode {code} was misread (check digit) — scan it again</source>
        <translation>Штрихкод {code} прочитан с ошибкой (контрольная цифра) — отсканируйте ещё раз</translation>
    </message>
    <message>
        <source>The code cannot be used: empty, too long or with control characters</source>
        <translation>Код не читается: пустой, слишком длинный или с управляющими символами</translation>
    </message>
    <message>
        <source>Coupon {code} is not valid in this store</source>
        <translation>Купон {code} не действует в этом магазине</translation>
    </message>
    <message>
        <source>Coupon {code} is already taken for this receipt</source>
        <translation>Купон {code} уже принят для этого чека</translation>
    </message>
    <message>
        <source>This customer has already used coupon {code}</source>
        <translation>Купон {code} этот покупатель уже использовал</translation>
    </message>
    <message>
        <source>Coupon {code} was already used in another store or channel; taken off the receipt</source>
        <translation>Купон {code} уже использован в другом магазине или канале — снят с чека</translation>
    </message>
    <message>
        <source>Coupon {code} is on an open receipt at another till; taken off the receipt</source>
        <translation>Купон {code} сейчас в чеке на другой кассе — снят с чека</translation>
    </message>
    <message>
        <source>The loyalty hub did not accept coupon {code}; taken off the receipt</source>
        <translation>Центральный сервер не принял купон {code} — снят с чека</translation>
    </message>
    <message>
        <source>Offline for over {limit} h: points cannot be spent until the till syncs</source>
        <translation>Нет связи больше {limit} ч: списание баллов недоступно до синхронизации</translation>
    </message>
    <message>
        <source>Offline, a customer spends points once until the till syncs</source>
        <translation>Без сети покупатель списывает баллы один раз, до синхронизации</translation>
    </message>
    <message>
        <source>Offline, this till has reached its limit of {limit} points until it syncs</source>
        <translation>Без сети на кассе уже списано {limit} баллов: это предел до синхронизации</translation>
    </message>
    <message>
        <source>At most {limit} points can be spent now</source>
        <translation>Сейчас можно списать не больше {limit} баллов</translation>
    </message>
    <message>
        <source>Finish or cancel the open receipt first (F8)</source>
        <translation>Сначала завершите или отмените текущий чек (F8)</translation>
    </message>
    <message>
        <source>Asking the server for receipt No. {number} of till {terminal}…</source>
        <translation>Запрашиваем у сервера чек № {number} кассы {terminal}…</translation>
    </message>
    <message>
        <source>The server has no receipt No. {number} of till {terminal}</source>
        <translation>На сервере нет чека № {number} кассы {terminal}</translation>
    </message>
    <message>
        <source>Receipt No. {number} is from till {terminal} and the server is not answering: take the return when the till is back online</source>
        <translation>Чек № {number} пробит на кассе {terminal}, а сервер не отвечает: оформите возврат, когда касса снова будет в сети</translation>
    </message>
    <message>
        <source>The server refused this till&apos;s token: receipt No. {number} of till {terminal} cannot be fetched</source>
        <translation>Сервер не принял токен кассы: чек № {number} кассы {terminal} получить нельзя</translation>
    </message>
    <message>
        <source>The server&apos;s answer about receipt No. {number} of till {terminal} cannot be read; nothing was changed</source>
        <translation>Ответ сервера о чеке № {number} кассы {terminal} не удалось прочитать; ничего не изменено</translation>
    </message>
    <message>
        <source>Receipt No. {number} of till {terminal} arrived while a window was open: close it and scan the receipt again</source>
        <translation>Чек № {number} кассы {terminal} пришёл, когда было открыто окно: закройте его и отсканируйте чек ещё раз</translation>
    </message>
    <message>
        <source>Receipt No. {number} is from till {terminal}: only its own till voids it; take a return here (F5)</source>
        <translation>Чек № {number} пробит на кассе {terminal}: аннулировать его можно только там; здесь оформите возврат (F5)</translation>
    </message>
    <message>
        <source>“{text}” is not a receipt number</source>
        <translation>«{text}» — не номер чека</translation>
    </message>
    <message>
        <source>Receipt No. {number} is not in this till&apos;s journal</source>
        <translation>Чека № {number} нет в журнале этой кассы</translation>
    </message>
    <message>
        <source>No receipt {sale} on this till</source>
        <translation>Чек {sale} не найден на этой кассе</translation>
    </message>
    <message>
        <source>Cannot return: {detail}</source>
        <translation>Возврат невозможен: {detail}</translation>
    </message>
    <message>
        <source>The app code is damaged — ask the customer to refresh the screen</source>
        <translation>Код из приложения повреждён — попросите покупателя обновить экран</translation>
    </message>
    <message>
        <source>The app code is signed with an unknown key — sync the terminal</source>
        <translation>Код из приложения подписан неизвестным ключом — синхронизируйте терминал</translation>
    </message>
    <message>
        <source>The app code is forged: the signature does not match</source>
        <translation>Код из приложения поддельный: подпись неверна</translation>
    </message>
    <message>
        <source>The app code has expired — ask the customer to open it again</source>
        <translation>Код из приложения устарел — попросите покупателя открыть его заново</translation>
    </message>
    <message>
        <source>This app code was already used — a fresh code is needed (screenshots do not work)</source>
        <translation>Этот код из приложения уже использован — нужен новый код (снимок экрана не подходит)</translation>
    </message>
    <message>
        <source>Member {member} is not in this terminal&apos;s cache</source>
        <translation>Покупатель {member} не найден в кэше терминала</translation>
    </message>
    <message>
        <source>Card number “{card}” is not valid</source>
        <translation>Номер карты «{card}» не читается</translation>
    </message>
    <message>
        <source>Card {card} not found</source>
        <translation>Карта {card} не найдена</translation>
    </message>
    <message>
        <source>Card {card} is not in this terminal&apos;s cache and the server is unreachable</source>
        <translation>Карта {card} не найдена в кэше терминала, а сервер недоступен</translation>
    </message>
    <message>
        <source>Type the phone number</source>
        <translation>Введите номер телефона</translation>
    </message>
    <message>
        <source>The number is too long</source>
        <translation>Слишком длинный номер</translation>
    </message>
    <message>
        <source>A phone number is digits, with an optional “+” first</source>
        <translation>Номер телефона — это цифры, можно с «+» в начале</translation>
    </message>
    <message>
        <source>No such number: check the digits and the country code</source>
        <translation>Такого номера не бывает: проверьте цифры и код страны</translation>
    </message>
    <message>
        <source>No member with phone {phone}</source>
        <translation>Покупатель с телефоном {phone} не найден</translation>
    </message>
    <message>
        <source>Phone {phone} is not in this terminal&apos;s cache and the server is unreachable</source>
        <translation>Телефона {phone} нет в кэше терминала, а сервер недоступен</translation>
    </message>
    <message>
        <source>Scan not taken: finish in the open window first</source>
        <translation>Скан не принят: сначала закончите в открытом окне</translation>
    </message>
    <message>
        <source>Quantity must be from 1 to 999</source>
        <translation>Количество должно быть от 1 до 999</translation>
    </message>
    <message>
        <source>This product is sold by weight: weigh it and scan the scale&apos;s label</source>
        <translation>Товар продаётся на вес: взвесьте его и отсканируйте этикетку весов</translation>
    </message>
    <message>
        <source>A weighed item&apos;s quantity is its label: scan one more label for more</source>
        <translation>Количество весового товара — на его этикетке: чтобы добавить ещё, отсканируйте ещё одну</translation>
    </message>
    <message>
        <source>The scale label&apos;s weight cannot be sold: weigh the goods again</source>
        <translation>Вес на этикетке весов не подходит для продажи: взвесьте товар заново</translation>
    </message>
    <message>
        <source>Scale label {code}: no product sold by weight has this code in the catalog</source>
        <translation>Этикетка весов {code}: в каталоге нет весового товара с этим кодом</translation>
    </message>
    <message>
        <source>The receipt is empty — nothing to pay</source>
        <translation>Чек пуст — нечего оплачивать</translation>
    </message>
    <message>
        <source>Cash received is less than the total</source>
        <translation>Получено меньше суммы к оплате</translation>
    </message>
    <message>
        <source>Select a receipt line first</source>
        <translation>Выберите строку чека</translation>
    </message>
    <message>
        <source>The new price must be more than zero</source>
        <translation>Новая цена должна быть больше нуля</translation>
    </message>
    <message>
        <source>The line already has this price</source>
        <translation>У строки уже эта цена</translation>
    </message>
    <message>
        <source>Say why the price changes (up to 120 characters)</source>
        <translation>Укажите причину изменения цены (до 120 символов)</translation>
    </message>
    <message>
        <source>Amount “{text}” is not understood: type e.g. 1500 or 1500.50</source>
        <translation>Сумма «{text}» не понята: введите, например, 1500 или 1500,50</translation>
    </message>
    <message>
        <source>The database is locked by another process. Nothing was written; the receipt is kept — try again</source>
        <translation>База данных занята другим процессом. Продажа не записана, чек сохранён — повторите</translation>
    </message>
    <message>
        <source>The database is read-only. Nothing was written; the receipt is kept. Call store IT</source>
        <translation>База данных только для чтения. Продажа не записана, чек сохранён. Позовите администратора</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was written; the receipt is kept. Call store IT</source>
        <translation>Диск заполнен. Продажа не записана, чек сохранён. Позовите администратора</translation>
    </message>
    <message>
        <source>The database is damaged. Call store IT</source>
        <translation>База данных повреждена. Позовите администратора</translation>
    </message>
    <message>
        <source>Database error: {detail}</source>
        <translation>Ошибка базы данных: {detail}</translation>
    </message>
    <message>
        <source>The database is newer than this program</source>
        <translation>База данных новее программы</translation>
    </message>
    <message>
        <source>The sales journal {path} was written by a newer pos-client ({detail}). Install that version or a newer one; the journal was not changed.</source>
        <translation>Журнал продаж {path} записан более новой версией pos-client ({detail}). Установите эту версию или новее; журнал не изменён.</translation>
    </message>
    <message>
        <source>The sales journal {path} is locked: is pos-client already running? ({detail})</source>
        <translation>Журнал продаж {path} занят: pos-client уже запущен? ({detail})</translation>
    </message>
    <message>
        <source>The sales journal {path} is read-only ({detail}). Call store IT</source>
        <translation>Журнал продаж {path} только для чтения ({detail}). Позовите администратора</translation>
    </message>
    <message>
        <source>The disk is full; the sales journal {path} cannot be opened ({detail}). Call store IT</source>
        <translation>Диск заполнен, журнал продаж {path} не открыть ({detail}). Позовите администратора</translation>
    </message>
    <message>
        <source>The sales journal {path} is damaged ({detail}). Restore a copy: pos-client restore</source>
        <translation>Журнал продаж {path} повреждён ({detail}). Восстановите копию: pos-client restore</translation>
    </message>
    <message>
        <source>The sales journal {path} cannot be opened: {detail}</source>
        <translation>Журнал продаж {path} не открывается: {detail}</translation>
    </message>
    <message>
        <source>Wrong PIN. Tries left: {left}</source>
        <translation>Неверный PIN. Осталось попыток: {left}</translation>
    </message>
    <message>
        <source>{name} is locked out until {until} after wrong PINs</source>
        <translation>{name}: вход заблокирован до {until} после неверных PIN</translation>
    </message>
    <message>
        <source>Too many wrong PINs: {name} is locked out for {minutes} min</source>
        <translation>Слишком много неверных PIN: {name} — вход заблокирован на {minutes} мин.</translation>
    </message>
    <message>
        <source>Pick a person from the list</source>
        <translation>Выберите сотрудника в списке</translation>
    </message>
    <message>
        <source>This badge is not on the store&apos;s staff list</source>
        <translation>Этого бейджа нет в списке сотрудников магазина</translation>
    </message>
    <message>
        <source>{name} may not approve this action</source>
        <translation>{name} не может подтвердить это действие</translation>
    </message>
    <message>
        <source>This approval has been used: a new one is needed</source>
        <translation>Это подтверждение уже использовано: нужно новое</translation>
    </message>
    <message>
        <source>The approval was given for another action</source>
        <translation>Подтверждение было дано для другого действия</translation>
    </message>
    <message>
        <source>This is a staff badge. To change cashier, log out first: Ctrl+L</source>
        <translation>Это бейдж сотрудника. Чтобы сменить кассира, выйдите: Ctrl+L</translation>
    </message>
    <message>
        <source>No shift is open: open one in the Shift menu</source>
        <translation>Смена не открыта: откройте её в меню «Смена»</translation>
    </message>
    <message>
        <source>A shift is already open</source>
        <translation>Смена уже открыта</translation>
    </message>
    <message>
        <source>Not sent to the hub yet: {waiting}. Tick that you know, to close the shift</source>
        <translation>Не отправлено на сервер: {waiting}. Отметьте, что вы знаете об этом, чтобы закрыть смену</translation>
    </message>
    <message>
        <source>The amount must be above zero</source>
        <translation>Сумма должна быть больше нуля</translation>
    </message>
    <message>
        <source>Give the reason</source>
        <translation>Укажите причину</translation>
    </message>
    <message>
        <source>Give the reason the drawer opens with no sale</source>
        <translation>Укажите, зачем открыть ящик без продажи</translation>
    </message>
    <message>
        <source>This till has no cash drawer to open</source>
        <translation>У этой кассы нет денежного ящика</translation>
    </message>
    <message>
        <source>Finish or cancel the receipt first: its payment opens the drawer</source>
        <translation>Сначала завершите или отмените чек: ящик откроется при оплате</translation>
    </message>
    <message>
        <source>The drawer should hold {amount}: no more can be taken out</source>
        <translation>По расчёту в кассе {amount}: больше изъять нельзя</translation>
    </message>
    <message>
        <source>An amount from 0 to 10 000 000 ₽, like 5000 or 5000.50</source>
        <translation>Сумма — от 0 до 10 000 000 ₽, например 5000 или 5000,50</translation>
    </message>
    <message>
        <source>Everything on receipt {number} has been returned already</source>
        <translation>По чеку №{number} уже всё возвращено</translation>
    </message>
    <message>
        <source>Pay or cancel the receipt first</source>
        <translation>Сначала оплатите или отмените чек</translation>
    </message>
    <message>
        <source>The receipt is empty: nothing to put aside</source>
        <translation>Чек пуст — откладывать нечего</translation>
    </message>
    <message>
        <source>Pay, cancel or put aside the receipt on the till first</source>
        <translation>Сначала оплатите, отмените или отложите текущий чек</translation>
    </message>
    <message>
        <source>Receipt No. {number} is no longer put aside</source>
        <translation>Отложенного чека № {number} уже нет</translation>
    </message>
    <message>
        <source>The receipt put aside cannot be read: {detail}</source>
        <translation>Отложенный чек не читается: {detail}</translation>
    </message>
    <message>
        <source>The receipt left open when the till stopped is back (lines: {count})</source>
        <translation>Восстановлен чек, открытый до остановки кассы (строк: {count})</translation>
    </message>
    <message>
        <source>The receipt left open when the till stopped is back (lines: {count}); identify the member again</source>
        <translation>Восстановлен чек, открытый до остановки кассы (строк: {count}); определите покупателя заново</translation>
    </message>
    <message>
        <source>Personal offers on the receipt: {offers}</source>
        <translation>Персональные предложения в чеке: {offers}</translation>
    </message>
    <message>
        <source>Identify the member first: personal offers are theirs</source>
        <translation>Сначала определите участника: персональные предложения — его</translation>
    </message>
    <message>
        <source>{name} has no personal offers to apply on this receipt</source>
        <translation>У участника {name} нет персональных предложений для этого чека</translation>
    </message>
    <message>
        <source>Scan the goods the customer brings back first</source>
        <translation>Сначала отсканируйте товары, которые возвращает покупатель</translation>
    </message>
    <message>
        <source>Write down why the goods come back without a receipt</source>
        <translation>Укажите, почему товар возвращают без чека</translation>
    </message>
    <message>
        <source>No sale has been made on this till yet</source>
        <translation>На этой кассе ещё не было продаж</translation>
    </message>
    <message>
        <source>No enrolment without the customer accepting the programme terms</source>
        <translation>Без согласия с правилами программы регистрация невозможна</translation>
    </message>
    <message>
        <source>Type the name in letters (2 to 80 characters)</source>
        <translation>Введите имя буквами (от 2 до 80 знаков)</translation>
    </message>
    <message>
        <source>{phone} is already a member&apos;s: {name}</source>
        <translation>Номер {phone} уже зарегистрирован: {name}</translation>
    </message>
    <message>
        <source>A member is already on this receipt: {name}</source>
        <translation>К чеку уже привязан участник: {name}</translation>
    </message>
    <message>
        <source>“{card}” is not a programme card</source>
        <translation>«{card}» — не карта программы</translation>
    </message>
    <message>
        <source>Card {card} already belongs to a member</source>
        <translation>Карта {card} уже у другого участника</translation>
    </message>
</context>
<context>
    <name>Parked</name>
    <message>
        <source>Receipts put aside</source>
        <translation>Отложенные чеки</translation>
    </message>
    <message>
        <source>Choose the receipt to take up again (Enter):</source>
        <translation>Выберите чек, чтобы вернуть его на кассу (Enter):</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Put aside at</source>
        <translation>Отложен в</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Take up</source>
        <translation>Вернуть на кассу</translation>
    </message>
    <message>
        <source>Receipt put aside as No. {number}. Ins on an empty till takes it up again</source>
        <translation>Чек отложен под № {number}. Ins на пустой кассе — вернуть его</translation>
    </message>
    <message>
        <source>No receipts are put aside</source>
        <translation>Отложенных чеков нет</translation>
    </message>
    <message>
        <source>Receipt No. {number} put aside is back on the till</source>
        <translation>Отложенный чек № {number} снова на кассе</translation>
    </message>
    <message>
        <source>Receipt No. {number} put aside is back on the till; identify the member again</source>
        <translation>Отложенный чек № {number} снова на кассе; определите покупателя заново</translation>
    </message>
</context>
<context>
    <name>Payment</name>
    <message>
        <source>Points to earn: {points}</source>
        <translation>Будет начислено баллов: {points}</translation>
    </message>
    <message>
        <source>Paid with points: {amount} ({points} pts)</source>
        <translation>Оплата баллами: {amount} ({points} б.)</translation>
    </message>
    <message>
        <source>Pay with points</source>
        <translation>Оплата баллами</translation>
    </message>
    <message>
        <source>Points to spend ({points} available, 1 point = {rate}):</source>
        <translation>Списать баллов (доступно {points}, 1 балл = {rate}):</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>К оплате: {total}</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Банковская карта</translation>
    </message>
    <message>
        <source>Cash + card</source>
        <translation>Наличные + карта</translation>
    </message>
    <message>
        <source>Cash part (no change, the rest by card):</source>
        <translation>Наличными (без сдачи, остаток — картой):</translation>
    </message>
    <message>
        <source>By card: {amount}</source>
        <translation>Картой: {amount}</translation>
    </message>
    <message>
        <source>Cash received:</source>
        <translation>Получено от покупателя:</translation>
    </message>
    <message>
        <source>Change: {change}</source>
        <translation>Сдача: {change}</translation>
    </message>
    <message>
        <source>{missing} short</source>
        <translation>Не хватает {missing}</translation>
    </message>
    <message>
        <source>Enter  Complete</source>
        <translation>Enter  Провести</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Receipt {number}</source>
        <translation>Чек № {number}</translation>
    </message>
    <message>
        <source>Shift {number} report</source>
        <translation>Отчёт по смене № {number}</translation>
    </message>
    <message>
        <source>{what}: printing…</source>
        <translation>{what}: печать…</translation>
    </message>
    <message>
        <source>{what} printed</source>
        <translation>{what} напечатан</translation>
    </message>
    <message>
        <source>No receipt printer is set up — shown on screen only (printer in config.toml)</source>
        <translation>Принтер чеков не настроен — документ только на экране (printer в config.toml)</translation>
    </message>
    <message>
        <source>{what} not printed: the printer does not answer — check its cable and power.</source>
        <translation>{what} не напечатан: принтер не отвечает — проверьте кабель и питание.</translation>
    </message>
    <message>
        <source>{what} not printed: the printer is out of paper — load a new roll.</source>
        <translation>{what} не напечатан: в принтере нет бумаги — вставьте новую ленту.</translation>
    </message>
    <message>
        <source>{what} not printed: the printer failed (details in the log).</source>
        <translation>{what} не напечатан: ошибка принтера (подробности в журнале).</translation>
    </message>
    <message>
        <source>The sale is complete and saved; Ctrl+P prints a copy.</source>
        <translation>Продажа проведена и сохранена; Ctrl+P — напечатать копию.</translation>
    </message>
    <message>
        <source>The cash drawer did not open: the printer does not answer. Open it with its key.</source>
        <translation>Денежный ящик не открылся: принтер не отвечает. Откройте ящик ключом.</translation>
    </message>
    <message>
        <source>The cash drawer did not open (details in the log). Open it with its key.</source>
        <translation>Денежный ящик не открылся (подробности в журнале). Откройте ящик ключом.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Начислено баллов</translation>
    </message>
    <message>
        <source>Paid with points</source>
        <translation>Оплачено баллами</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>Баланс баллов</translation>
    </message>
    <message>
        <source>Pending points</source>
        <translation>Ожидают начисления</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Return by receipt</source>
        <translation>Возврат по чеку</translation>
    </message>
    <message>
        <source>The receipt number, or scan the barcode on the receipt</source>
        <translation>Номер чека — или отсканируйте штрихкод с чека</translation>
    </message>
    <message>
        <source>or pick it from the receipts of the day (↓):</source>
        <translation>или выберите его среди чеков за день (↓):</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>No receipts on {day} at this till</source>
        <translation>На этой кассе нет чеков за {day}</translation>
    </message>
    <message>
        <source>price changed from {old}: {reason}</source>
        <translation>цена изменена с {old}: {reason}</translation>
    </message>
    <message>
        <source>{kg} kg × {price}/kg</source>
        <translation>{kg} кг × {price}/кг</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>RECEIPT COPY</source>
        <translation>КОПИЯ ЧЕКА</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>ИТОГ</translation>
    </message>
    <message>
        <source>Terminal {terminal} · {channel}</source>
        <translation>Терминал {terminal} · {channel}</translation>
    </message>
    <message>
        <source>Keep the receipt for returns</source>
        <translation>Чек нужен для возврата</translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>Списано баллов</translation>
    </message>
    <message>
        <source>Stamps: {name}</source>
        <translation>Штампы: {name}</translation>
    </message>
    <message>
        <source>Coupon for your next purchase</source>
        <translation>Купон на следующую покупку</translation>
    </message>
</context>
<context>
    <name>Returns</name>
    <message>
        <source>Return on receipt No. {number}</source>
        <translation>Возврат по чеку № {number}</translation>
    </message>
    <message>
        <source>Receipt No. {number} of {when}. How many of each line come back?</source>
        <translation>Чек № {number} от {when}. Сколько вернуть по каждой строке?</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>К возврату</translation>
    </message>
    <message>
        <source>{quantity} pcs · {total}</source>
        <translation>{quantity} шт. · {total}</translation>
    </message>
    <message>
        <source>{kg} kg · {total}</source>
        <translation>{kg} кг · {total}</translation>
    </message>
    <message>
        <source> of {left}</source>
        <translation> из {left}</translation>
    </message>
    <message>
        <source>Set the quantity on the lines that come back</source>
        <translation>Укажите количество в строках, которые возвращают</translation>
    </message>
    <message>
        <source>to the bank card</source>
        <translation>на банковскую карту</translation>
    </message>
    <message>
        <source>in cash</source>
        <translation>наличными</translation>
    </message>
    <message>
        <source>— {cash} in cash and {card} to the bank card</source>
        <translation>— {cash} наличными и {card} на банковскую карту</translation>
    </message>
    <message>
        <source>Refund {refund} {tender}</source>
        <translation>Вернуть покупателю {refund} {tender}</translation>
    </message>
    <message>
        <source>Points earned on the sale taken back: {points}</source>
        <translation>Начисленные за покупку баллы списываются: {points}</translation>
    </message>
    <message>
        <source>Points spent on the sale given back: {points}</source>
        <translation>Потраченные баллы возвращаются на счёт: {points}</translation>
    </message>
    <message>
        <source>Make the return</source>
        <translation>Оформить возврат</translation>
    </message>
    <message>
        <source>Return on receipt No. {number} done: refund {refund} {tender}</source>
        <translation>Возврат по чеку № {number} оформлен: вернуть {refund} {tender}</translation>
    </message>
    <message>
        <source>Return on receipt No. {number} of till {terminal} done: refund {refund} {tender}</source>
        <translation>Возврат по чеку № {number} кассы {terminal} оформлен: вернуть {refund} {tender}</translation>
    </message>
    <message>
        <source>Receipt No. {number} of till {terminal}, {when}. How many of each line come back?</source>
        <translation>Чек № {number} кассы {terminal} от {when}. Сколько вернуть по каждой строке?</translation>
    </message>
    <message>
        <source>Return without a receipt</source>
        <translation>Возврат без чека</translation>
    </message>
    <message>
        <source>Scan the goods the customer brings back. The refund is today&apos;s price without a card; no points are taken back or given. A manager approves it.</source>
        <translation>Отсканируйте товары, которые возвращает покупатель. Возвращается сегодняшняя цена без карты; баллы не списываются и не начисляются. Возврат подтверждает менеджер.</translation>
    </message>
    <message>
        <source>Barcode: scan it or type it and press Enter</source>
        <translation>Штрихкод: отсканируйте или введите и нажмите Enter</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Refund by:</source>
        <translation>Чем вернуть деньги:</translation>
    </message>
    <message>
        <source>Reason (the customer&apos;s words):</source>
        <translation>Причина (со слов покупателя):</translation>
    </message>
    <message>
        <source>Nothing scanned yet</source>
        <translation>Пока ничего не отсканировано</translation>
    </message>
    <message>
        <source>Ask a manager</source>
        <translation>Позвать менеджера</translation>
    </message>
    <message>
        <source>Return without a receipt done: refund {refund} {tender}</source>
        <translation>Возврат без чека оформлен: вернуть {refund} {tender}</translation>
    </message>
</context>
<context>
    <name>Setup</name>
    <message>
        <source>Setting up this till</source>
        <translation>Настройка кассы</translation>
    </message>
    <message>
        <source>This till is not set up yet. Enter what the loyalty programme&apos;s administrator gave you (loyalty-hub terminal add). The settings go to {path}, the token to the system&apos;s password store or a file only this user can read.</source>
        <translation>Эта касса ещё не настроена. Введите данные, которые выдал администратор программы лояльности (loyalty-hub terminal add). Настройки сохранятся в {path}, токен — в хранилище паролей системы или в файл, доступный только этому пользователю.</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Terminal ID</source>
        <translation>Номер кассы</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Токен</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Проверить связь</translation>
    </message>
    <message>
        <source>Save and start</source>
        <translation>Сохранить и начать</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Contacting {url}…</source>
        <translation>Связываемся с {url}…</translation>
    </message>
    <message>
        <source>Connected: {url} answers and accepts this till&apos;s token</source>
        <translation>Связь есть: {url} отвечает и принимает токен этой кассы</translation>
    </message>
    <message>
        <source>The hub does not answer: {detail}. Check the address and the network</source>
        <translation>Сервер не отвечает: {detail}. Проверьте адрес и сеть</translation>
    </message>
    <message>
        <source>The hub refused the token: check the token and the terminal ID</source>
        <translation>Сервер не принял токен: проверьте токен и номер кассы</translation>
    </message>
    <message>
        <source>The hub knows this token as terminal {terminal_id} of outlet {outlet_id}: correct the outlet and terminal ID, or use this terminal&apos;s own token</source>
        <translation>На сервере этот токен принадлежит кассе {terminal_id} магазина {outlet_id}: исправьте магазин и номер кассы или введите токен этой кассы</translation>
    </message>
    <message>
        <source>What answers at this address is not the loyalty hub ({detail})</source>
        <translation>По этому адресу отвечает не сервер программы лояльности ({detail})</translation>
    </message>
    <message>
        <source>Settings not saved: {detail}</source>
        <translation>Настройки не сохранены: {detail}</translation>
    </message>
    <message>
        <source>The hub address must start with http:// or https://</source>
        <translation>Адрес сервера должен начинаться с http:// или https://</translation>
    </message>
    <message>
        <source>Outlet: 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Магазин: от 1 до 64 латинских букв, цифр, «.», «_» или «-»</translation>
    </message>
    <message>
        <source>Terminal ID: 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Номер кассы: от 1 до 64 латинских букв, цифр, «.», «_» или «-»</translation>
    </message>
    <message>
        <source>Token: 16 to 512 characters without spaces, as loyalty-hub terminal add printed it</source>
        <translation>Токен: от 16 до 512 символов без пробелов, как его выдал loyalty-hub terminal add</translation>
    </message>
</context>
<context>
    <name>Shift</name>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Opening the shift</source>
        <translation>Открытие смены</translation>
    </message>
    <message>
        <source>{name}, how much cash is in the drawer at the start?</source>
        <translation>{name}, сколько наличных в кассе на начало смены?</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение наличных</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Изъятие наличных</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Change float</source>
        <translation>Размен</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Инкассация</translation>
    </message>
    <message>
        <source>Closing the shift</source>
        <translation>Закрытие смены</translation>
    </message>
    <message>
        <source>Cash counted in the drawer</source>
        <translation>Пересчитано наличных в кассе</translation>
    </message>
    <message>
        <source>I know: {waiting} not sent to the hub yet; they go at the next connection</source>
        <translation>Я знаю: на сервер ещё не отправлено {waiting}, они уйдут при следующей связи</translation>
    </message>
    <message>
        <source>Receipts put aside: {count}. They stay at this till for the next shift (Ins)</source>
        <translation>Отложенных чеков: {count}. Они останутся на кассе до следующей смены (Ins)</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <source>Expected in the drawer: {amount}</source>
        <translation>Должно быть в кассе: {amount}</translation>
    </message>
    <message>
        <source>The count matches the expected cash</source>
        <translation>Пересчёт сходится с ожидаемой суммой</translation>
    </message>
    <message>
        <source>Short by {amount}</source>
        <translation>Недостача: {amount}</translation>
    </message>
    <message>
        <source>Over by {amount}</source>
        <translation>Излишек: {amount}</translation>
    </message>
    <message>
        <source>Shift {number}</source>
        <translation>Смена №{number}</translation>
    </message>
    <message>
        <source>Opened {at} by {name}</source>
        <translation>Открыта {at}: {name}</translation>
    </message>
    <message>
        <source>Closed {at} by {name}</source>
        <translation>Закрыта {at}: {name}</translation>
    </message>
    <message>
        <source>Shift {number} is open</source>
        <translation>Смена №{number} открыта</translation>
    </message>
    <message>
        <source>Shift {number} is closed</source>
        <translation>Смена №{number} закрыта</translation>
    </message>
    <message>
        <source>{amount} put in</source>
        <translation>Внесено {amount}</translation>
    </message>
    <message>
        <source>{amount} taken out</source>
        <translation>Изъято {amount}</translation>
    </message>
</context>
<context>
    <name>ShiftReport</name>
    <message>
        <source>Sales: {count}</source>
        <translation>Продажи: {count}</translation>
    </message>
    <message>
        <source>Returns: {count}</source>
        <translation>Возвраты: {count}</translation>
    </message>
    <message>
        <source>  in cash</source>
        <translation>  наличными</translation>
    </message>
    <message>
        <source>  by card</source>
        <translation>  картой</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Начислено баллов</translation>
    </message>
    <message>
        <source>Points spent</source>
        <translation>Списано баллов</translation>
    </message>
    <message>
        <source>Points taken back by returns</source>
        <translation>Баллов снято возвратами</translation>
    </message>
    <message>
        <source>Points given back by returns</source>
        <translation>Баллов возвращено покупателям</translation>
    </message>
    <message>
        <source>Coupons used</source>
        <translation>Погашено купонов</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Наличные на начало</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Изъято</translation>
    </message>
    <message>
        <source>Drawer opened, no sale</source>
        <translation>Ящик открыт без продажи</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Должно быть в кассе</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Пересчитано</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Расхождение</translation>
    </message>
    <message>
        <source>Not sent to the hub</source>
        <translation>Не отправлено на сервер</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Cashier login</source>
        <translation>Вход кассира</translation>
    </message>
    <message>
        <source>Pick your name (↑ ↓), type your PIN and press Enter — or scan your badge</source>
        <translation>Выберите себя в списке (↑ ↓), наберите PIN и нажмите Enter — или приложите бейдж</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>The staff list has not arrived yet: the till gets it when it first reaches the hub</source>
        <translation>Список сотрудников ещё не получен: касса загрузит его при первой связи с сервером</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <source>senior cashier</source>
        <translation>старший кассир</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Подтверждение менеджера</translation>
    </message>
    <message>
        <source>Void receipt {number} of {total}: take back everything left on it</source>
        <translation>Сторно чека №{number} на {total}: вернуть всё, что осталось по чеку</translation>
    </message>
    <message>
        <source>Spending points above the offline cap. Refused because: {reason}</source>
        <translation>Списание баллов сверх офлайн-лимита. Причина отказа: {reason}</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Подтверждает</translation>
    </message>
    <message>
        <source>Their PIN</source>
        <translation>PIN подтверждающего</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Кассир: {name}</translation>
    </message>
    <message>
        <source>Receipt {number} voided: refund {refund} {tender}</source>
        <translation>Чек №{number} сторнирован: вернуть {refund} {tender}</translation>
    </message>
    <message>
        <source>Return without a receipt: {count} pcs, refund {refund} {tender}. Reason: {reason}</source>
        <translation>Возврат без чека: {count} шт., вернуть {refund} {tender}. Причина: {reason}</translation>
    </message>
    <message>
        <source>New price for {item}: {new} instead of {old}. Reason: {reason}</source>
        <translation>Новая цена «{item}»: {new} вместо {old}. Причина: {reason}</translation>
    </message>
    <message>
        <source>Price override</source>
        <translation>Изменение цены</translation>
    </message>
    <message>
        <source>{item} costs {price}. New price for one, then the reason (a manager approves):</source>
        <translation>«{item}» стоит {price}. Новая цена за штуку и причина (подтверждает менеджер):</translation>
    </message>
    <message>
        <source>Ask a manager</source>
        <translation>Позвать менеджера</translation>
    </message>
    <message>
        <source>{item} now costs {price}, approved by a manager</source>
        <translation>«{item}» теперь стоит {price}, менеджер подтвердил</translation>
    </message>
    <message>
        <source>Open the drawer, no sale</source>
        <translation>Открыть ящик без продажи</translation>
    </message>
    <message>
        <source>Why does the drawer open with nothing sold? A manager approves it.</source>
        <translation>Зачем открыть ящик без продажи? Нужно разрешение менеджера.</translation>
    </message>
    <message>
        <source>Open the cash drawer, no sale: {reason}</source>
        <translation>Открыть денежный ящик без продажи: {reason}</translation>
    </message>
    <message>
        <source>The drawer opens, no sale, approved by {name}</source>
        <translation>Ящик открывается без продажи, разрешил(а) {name}</translation>
    </message>
    <message>
        <source>A manager allowed spending above the offline cap on this receipt</source>
        <translation>Менеджер разрешил списание сверх офлайн-лимита для этого чека</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>● Online</source>
        <translation>● В сети</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Нет связи</translation>
    </message>
    <message>
        <source>● Working offline</source>
        <translation>● Работа без сети</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Подключение…</translation>
    </message>
    <message>
        <source>● Token refused</source>
        <translation>● Токен отклонён</translation>
    </message>
    <message>
        <source>● Server answers wrongly</source>
        <translation>● Сервер отвечает с ошибкой</translation>
    </message>
    <message>
        <source>● Another till&apos;s token</source>
        <translation>● Токен другой кассы</translation>
    </message>
    <message>
        <source>● Database error</source>
        <translation>● Ошибка базы данных</translation>
    </message>
    <message>
        <source>⚠ Server data refused</source>
        <translation>⚠ Данные с сервера не приняты</translation>
    </message>
    <message>
        <source>Waiting to sync: {count}</source>
        <translation>Ожидают отправки: {count}</translation>
    </message>
    <message>
        <source>Rejected: {count}</source>
        <translation>Отклонено: {count}</translation>
    </message>
    <message>
        <source>Conflicts: {count}</source>
        <translation>Конфликтов: {count}</translation>
    </message>
    <message>
        <source>⚠ The till&apos;s clock is {seconds} s off the server&apos;s</source>
        <translation>⚠ Часы кассы расходятся с сервером на {seconds} с</translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>Синхронизация: {time}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ещё не было</translation>
    </message>
    <message>
        <source>{outlet} · {terminal}</source>
        <translation>{outlet} · {terminal}</translation>
    </message>
    <message>
        <source>{name} · shift {number}</source>
        <translation>{name} · смена {number}</translation>
    </message>
    <message>
        <source>{name} · no shift open</source>
        <translation>{name} · смена не открыта</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Никто не вошёл</translation>
    </message>
</context>
<context>
    <name>SyncProblems</name>
    <message>
        <source>Sync problems</source>
        <translation>Проблемы синхронизации</translation>
    </message>
    <message>
        <source>Rejected by the server: {dead}. Conflicts: {conflicts}. Tell the programme&apos;s office.</source>
        <translation>Отклонено сервером: {dead}. Конфликтов: {conflicts}. Сообщите в офис программы.</translation>
    </message>
    <message>
        <source>No problems: the server took every sale</source>
        <translation>Проблем нет: все продажи приняты сервером</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <source>sale</source>
        <translation>продажа</translation>
    </message>
    <message>
        <source>return</source>
        <translation>возврат</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>журнал действий</translation>
    </message>
    <message>
        <source>return without a receipt</source>
        <translation>возврат без чека</translation>
    </message>
    <message>
        <source>new member</source>
        <translation>новый участник</translation>
    </message>
    <message>
        <source>another member has this number — the profile was made without it</source>
        <translation>этот номер уже у другого участника — профиль создан без номера</translation>
    </message>
    <message>
        <source>another member has this card — the profile was made without it</source>
        <translation>карта уже у другого участника — профиль создан без неё</translation>
    </message>
    <message>
        <source>that member id exists already</source>
        <translation>такой номер участника уже есть</translation>
    </message>
    <message>
        <source>beyond the balance: {points} points</source>
        <translation>сверх остатка: {points} б.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Отправить повторно</translation>
    </message>
    <message>
        <source>Back in the queue: {count}; they go with this sync</source>
        <translation>Снова в очереди: {count}; уйдут с этой синхронизацией</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Выгрузить в CSV…</translation>
    </message>
    <message>
        <source>{count} rows exported to {path}</source>
        <translation>Выгружено строк: {count} в {path}</translation>
    </message>
    <message>
        <source>Could not export: {error}</source>
        <translation>Не удалось выгрузить: {error}</translation>
    </message>
    <message>
        <source>more points spent than the member had</source>
        <translation>списано больше баллов, чем было на счёте</translation>
    </message>
    <message>
        <source>the coupon had been used already</source>
        <translation>купон уже был использован</translation>
    </message>
    <message>
        <source>the server does not know the member</source>
        <translation>участник неизвестен серверу</translation>
    </message>
    <message>
        <source>the server does not know the sale</source>
        <translation>сервер не знает исходную продажу</translation>
    </message>
    <message>
        <source>more returned than was sold</source>
        <translation>возвращено больше, чем продано</translation>
    </message>
    <message>
        <source>the key was used for another record</source>
        <translation>ключ уже использован для другой записи</translation>
    </message>
</context>
<context>
    <name>Till</name>
    <message>
        <source>Till — {outlet}, terminal {terminal}</source>
        <translation>Касса — {outlet}, терминал {terminal}</translation>
    </message>
    <message>
        <source>Scan an item or a card, or type a barcode or a name and press Enter</source>
        <translation>Сканируйте товар или карту, или наберите штрихкод или название и Enter</translation>
    </message>
    <message>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>The receipt is empty — scan the first item</source>
        <translation>Чек пуст — сканируйте первый товар</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Сумма без скидок</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>К оплате</translation>
    </message>
    <message>
        <source>F6  Points</source>
        <translation>F6  Баллы</translation>
    </message>
    <message>
        <source>F2  Quantity</source>
        <translation>F2  Количество</translation>
    </message>
    <message>
        <source>F3  Card</source>
        <translation>F3  Карта</translation>
    </message>
    <message>
        <source>F4  Phone</source>
        <translation>F4  Телефон</translation>
    </message>
    <message>
        <source>Del  Remove</source>
        <translation>Del  Удалить</translation>
    </message>
    <message>
        <source>F5  Return</source>
        <translation>F5  Возврат</translation>
    </message>
    <message>
        <source>F8  Cancel receipt</source>
        <translation>F8  Отменить чек</translation>
    </message>
    <message>
        <source>F12  Pay</source>
        <translation>F12  Оплата</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Quantity of “{item}”:</source>
        <translation>Количество для «{item}»:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Receipt No. {number}</source>
        <translation>Чек № {number}</translation>
    </message>
    <message>
        <source>Sale completed</source>
        <translation>Продажа проведена</translation>
    </message>
    <message>
        <source>Enter  Next customer</source>
        <translation>Enter  Следующий покупатель</translation>
    </message>
    <message>
        <source>Added: {item}</source>
        <translation>Добавлено: {item}</translation>
    </message>
    <message>
        <source>Coupon taken: {code}</source>
        <translation>Купон принят: {code}</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Камера включается…</translation>
    </message>
    <message>
        <source>The camera does not answer (unplugged or busy). Retrying…</source>
        <translation>Камера не отвечает (отключена или занята). Пробуем снова…</translation>
    </message>
    <message>
        <source>Camera: no more pictures</source>
        <translation>Камера: снимки закончились</translation>
    </message>
    <message>
        <source>store</source>
        <translation>магазин</translation>
    </message>
    <message>
        <source>web shop</source>
        <translation>интернет-магазин</translation>
    </message>
    <message>
        <source>app</source>
        <translation>приложение</translation>
    </message>
    <message>
        <source>Ctrl+P  Print a copy</source>
        <translation>Ctrl+P  Копия чека</translation>
    </message>
    <message>
        <source>F7  Join</source>
        <translation>F7  Анкета</translation>
    </message>
</context>
</TS>
