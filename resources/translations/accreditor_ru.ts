<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>AttendanceModel</name>
        <message>
            <source>Name (as written)</source>
            <translation>Имя (как написано)</translation>
        </message>
        <message>
            <source>Name (Latin)</source>
            <translation>Имя (латиницей)</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Прибыл</translation>
        </message>
    </context>
    <context>
        <name>BadgeCanvas</name>
        <message>
            <source>text</source>
            <translation>текст</translation>
        </message>
        <message>
            <source>band</source>
            <translation>полоса</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>фото</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>QR-код</translation>
        </message>
        <message>
            <source>zones</source>
            <translation>зоны</translation>
        </message>
        <message>
            <source>image</source>
            <translation>изображение</translation>
        </message>
        <message>
            <source>rect</source>
            <translation>прямоугольник</translation>
        </message>
        <message>
            <source>line</source>
            <translation>линия</translation>
        </message>
    </context>
    <context>
        <name>BadgeDesigner</name>
        <message>
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>Полоса</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Фото</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>QR-код</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Прямоугольник</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Линия</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Макет</translation>
        </message>
        <message>
            <source> Layout </source>
            <translation> Макет </translation>
        </message>
        <message>
            <source>Open layout file…</source>
            <translation>Открыть файл макета…</translation>
        </message>
        <message>
            <source>Design the {side} of the badge</source>
            <translation>Оформить сторону бейджа: {side}</translation>
        </message>
        <message>
            <source> Zoom </source>
            <translation> Масштаб </translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>По размеру</translation>
        </message>
        <message>
            <source>{zoom} (true size)</source>
            <translation>{zoom} (натуральный размер)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Добавить</translation>
        </message>
        <message>
            <source>Put a new element on the badge</source>
            <translation>Добавить на бейдж новый элемент</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Remove the selected element (Del)</source>
            <translation>Удалить выбранный элемент (Del)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Сохранить</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Сохранить как…</translation>
        </message>
        <message>
            <source>Preview: the badge as printed</source>
            <translation>Просмотр: бейдж как при печати</translation>
        </message>
        <message>
            <source>Properties</source>
            <translation>Свойства</translation>
        </message>
        <message>
            <source>Badge layout</source>
            <translation>Макет бейджа</translation>
        </message>
        <message>
            <source>Badge designer — {name}{star}</source>
            <translation>Конструктор бейджей — {name}{star}</translation>
        </message>
        <message>
            <source>Save badge layout</source>
            <translation>Сохранить макет бейджа</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Сохранено в {path}</translation>
        </message>
    </context>
    <context>
        <name>BadgePreview</name>
        <message>
            <source>Loading the guests…</source>
            <translation>Загрузка гостей…</translation>
        </message>
        <message>
            <source>Next hard case ▸</source>
            <translation>Следующий трудный случай ▸</translation>
        </message>
        <message>
            <source>Cycle through the guests most likely to break the layout</source>
            <translation>Перебрать гостей, на которых макет может «сломаться»</translation>
        </message>
        <message>
            <source>Preview guests</source>
            <translation>Гости для просмотра</translation>
        </message>
        <message>
            <source>Badge preview</source>
            <translation>Просмотр бейджа</translation>
        </message>
    </context>
    <context>
        <name>BatchPrintDialog</name>
        <message>
            <source>Registration number</source>
            <translation>Регистрационный номер</translation>
        </message>
        <message>
            <source>Name (Latin, family name first)</source>
            <translation>Имя (латиницей, сначала фамилия)</translation>
        </message>
        <message>
            <source>Delegation, then name</source>
            <translation>Делегация, затем имя</translation>
        </message>
        <message>
            <source>Country, then name</source>
            <translation>Страна, затем имя</translation>
        </message>
        <message>
            <source>Category, then name</source>
            <translation>Категория, затем имя</translation>
        </message>
        <message>
            <source>Why? e.g. lost, damaged, details changed</source>
            <translation>Почему? Напр.: утерян, повреждён, изменились данные</translation>
        </message>
        <message>
            <source>1 badge</source>
            <translation>1 бейдж</translation>
        </message>
        <message>
            <source>{count} badges</source>
            <translation>бейджей: {count}</translation>
        </message>
        <message>
            <source>1 page</source>
            <translation>1 страница</translation>
        </message>
        <message>
            <source>{count} pages</source>
            <translation>страниц: {count}</translation>
        </message>
        <message>
            <source>1 guest</source>
            <translation>1 гость</translation>
        </message>
        <message>
            <source>{count} guests</source>
            <translation>гостей: {count}</translation>
        </message>
        <message>
            <source>1 sheet</source>
            <translation>1 лист</translation>
        </message>
        <message>
            <source>{count} sheets</source>
            <translation>листов: {count}</translation>
        </message>
        <message>
            <source>the default printer</source>
            <translation>принтер по умолчанию</translation>
        </message>
        <message>
            <source>{badges} on {pages}</source>
            <translation>{badges}, {pages}</translation>
        </message>
        <message>
            <source>No badge to print: every guest was skipped.</source>
            <translation>Нечего печатать: все гости пропущены.</translation>
        </message>
        <message>
            <source>Nothing was printed: {why} No badge was marked printed.</source>
            <translation>Ничего не напечатано: {why} Ни один бейдж не отмечен как напечатанный.</translation>
        </message>
        <message>
            <source>Saved {made} to {path}.</source>
            <translation>Сохранено ({made}) в {path}.</translation>
        </message>
        <message>
            <source>Printed {made} on {printer}.</source>
            <translation>Напечатано ({made}) на {printer}.</translation>
        </message>
        <message>
            <source>They are not marked printed: {why}</source>
            <translation>Они не отмечены как напечатанные: {why}</translation>
        </message>
        <message>
            <source>{badges} marked printed.</source>
            <translation>Отмечено как напечатанные — {badges}.</translation>
        </message>
        <message>
            <source>Skipped {count}:</source>
            <translation>Пропущено: {count}:</translation>
        </message>
        <message>
            <source>Warnings:</source>
            <translation>Предупреждения:</translation>
        </message>
        <message>
            <source>There is nobody to print.</source>
            <translation>Печатать некого.</translation>
        </message>
        <message>
            <source>None of these {guests} gets a badge:</source>
            <translation>Никто из выбранных ({guests}) не получает бейдж:</translation>
        </message>
        <message>
            <source>{badges} to print on {sheets}; {guests} skipped:</source>
            <translation>К печати {badges} ({sheets}); пропущено — {guests}:</translation>
        </message>
        <message>
            <source>{badges} to print on {sheets}.</source>
            <translation>К печати {badges} ({sheets}).</translation>
        </message>
        <message>
            <source>Print badges</source>
            <translation>Печать бейджей</translation>
        </message>
        <message>
            <source>Guest</source>
            <translation>Гость</translation>
        </message>
        <message>
            <source>Why no badge</source>
            <translation>Почему без бейджа</translation>
        </message>
        <message>
            <source>Only guests whose badge is not printed yet</source>
            <translation>Только гости, чей бейдж ещё не напечатан</translation>
        </message>
        <message>
            <source>Also reprint badges already printed (the old ones stop working)</source>
            <translation>Перепечатать и уже напечатанные (старые перестанут действовать)</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Принтер</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Сохранить в PDF…</translation>
        </message>
        <message>
            <source>{printer} (not found)</source>
            <translation>{printer} (не найден)</translation>
        </message>
        <message>
            <source>Preview the first page to see the badges as they will print.</source>
            <translation>Откройте первую страницу, чтобы увидеть бейджи такими, какими они будут напечатаны.</translation>
        </message>
        <message>
            <source>Preview first page</source>
            <translation>Первая страница</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Печать</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Макет</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Порядок</translation>
        </message>
        <message>
            <source>Badges</source>
            <translation>Бейджи</translation>
        </message>
        <message>
            <source>Send to</source>
            <translation>Куда</translation>
        </message>
        <message>
            <source>Counting the badges…</source>
            <translation>Подсчёт бейджей…</translation>
        </message>
        <message>
            <source>Counting the badges</source>
            <translation>Подсчёт бейджей</translation>
        </message>
        <message>
            <source>The badges cannot be counted: {why}</source>
            <translation>Не удаётся подсчитать бейджи: {why}</translation>
        </message>
        <message>
            <source>Badges for all {guests} of the event</source>
            <translation>Бейджи для всех гостей мероприятия ({guests})</translation>
        </message>
        <message>
            <source>Badges for {guests}</source>
            <translation>Бейджи ({guests})</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Сохранить PDF…</translation>
        </message>
        <message>
            <source>Give the reason for the reprint first.</source>
            <translation>Сначала укажите причину перепечатки.</translation>
        </message>
        <message>
            <source>No preview: the badge signing key is still locked.</source>
            <translation>Нет просмотра: ключ подписи бейджей ещё заблокирован.</translation>
        </message>
        <message>
            <source>Rendering the first page…</source>
            <translation>Подготовка первой страницы…</translation>
        </message>
        <message>
            <source>Badge preview</source>
            <translation>Просмотр бейджа</translation>
        </message>
        <message>
            <source>There is no badge to preview.</source>
            <translation>Нет бейджей для просмотра.</translation>
        </message>
        <message>
            <source>No preview: {why}</source>
            <translation>Просмотр недоступен: {why}</translation>
        </message>
        <message>
            <source>Rendering {badges}…</source>
            <translation>Подготовка ({badges})…</translation>
        </message>
        <message>
            <source>Batch printing</source>
            <translation>Пакетная печать</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Отмена…</translation>
        </message>
        <message>
            <source>Rendered {done} of {badges}…</source>
            <translation>Подготовлено {done} ({badges})…</translation>
        </message>
        <message>
            <source>Sending {badges} to {printer}…</source>
            <translation>Отправка ({badges}) на {printer}…</translation>
        </message>
        <message>
            <source>Writing {name}…</source>
            <translation>Запись {name}…</translation>
        </message>
        <message>
            <source>The batch stopped: {why}
No badge was marked printed.</source>
            <translation>Пакет остановлен: {why}
Ни один бейдж не отмечен как напечатанный.</translation>
        </message>
        <message>
            <source>Batch printing failed</source>
            <translation>Пакетная печать не удалась</translation>
        </message>
    </context>
    <context>
        <name>BreakdownModel</name>
        <message>
            <source>Registered</source>
            <translation>Заявок</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Ожидается</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Прибыло</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>Явка</translation>
        </message>
    </context>
    <context>
        <name>CameraPhotoDialog</name>
        <message>
            <source>Take a photo</source>
            <translation>Снимок гостя</translation>
        </message>
        <message>
            <source>Face the camera, fill the dashed frame with the face, then Capture.</source>
            <translation>Смотрите в камеру, лицо — в пунктирную рамку, затем «Снять».</translation>
        </message>
        <message>
            <source>&amp;Capture</source>
            <translation>&amp;Снять</translation>
        </message>
        <message>
            <source>No camera found</source>
            <translation>Камера не найдена</translation>
        </message>
        <message>
            <source>The camera stopped: {why}</source>
            <translation>Камера остановилась: {why}</translation>
        </message>
    </context>
    <context>
        <name>CategoriesEditor</name>
        <message>
            <source>Category colour</source>
            <translation>Цвет категории</translation>
        </message>
        <message>
            <source>{name} (guest {guest}, badge {serial}) — {reason}</source>
            <translation>{name} (гость {guest}, бейдж {serial}) — {reason}</translation>
        </message>
    </context>
    <context>
        <name>CategoriesEditorDialog</name>
        <message>
            <source>{colour} is hard to tell from {other} with {vision} (ΔE {distance}, at least {minimum} is needed).</source>
            <translation>{colour} трудно отличить от {other} при {vision} (ΔE {distance}, нужно не меньше {minimum}).</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Код</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Default zones</source>
            <translation>Зоны по умолчанию</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Фото</translation>
        </message>
        <message>
            <source>Escort</source>
            <translation>Сопровождение</translation>
        </message>
        <message>
            <source>Categories and zones</source>
            <translation>Категории и зоны</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Категории</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>New category</source>
            <translation>Новая категория</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Удалить</translation>
        </message>
        <message>
            <source>Photo required on the badge</source>
            <translation>Фото на бейдже обязательно</translation>
        </message>
        <message>
            <source>Escort required</source>
            <translation>Требуется сопровождение</translation>
        </message>
        <message>
            <source>Other names in registration lists, comma-separated</source>
            <translation>Другие названия в списках регистрации, через запятую</translation>
        </message>
        <message>
            <source>Save category</source>
            <translation>Сохранить категорию</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Цвет</translation>
        </message>
        <message>
            <source>Also called</source>
            <translation>Другие названия</translation>
        </message>
        <message>
            <source>New zone</source>
            <translation>Новая зона</translation>
        </message>
        <message>
            <source>Save zone</source>
            <translation>Сохранить зону</translation>
        </message>
        <message>
            <source>Badges and gates show zones by code; the name is for people.</source>
            <translation>Бейджи и КПП показывают зоны кодом; название — для людей.</translation>
        </message>
        <message>
            <source>Cannot read the categories</source>
            <translation>Не удаётся прочитать категории</translation>
        </message>
        <message>
            <source>Add category</source>
            <translation>Добавить категорию</translation>
        </message>
        <message>
            <source>The colour {colour}</source>
            <translation>Цвет {colour}</translation>
        </message>
        <message>
            <source>Saved the category {name} ({code}).</source>
            <translation>Категория {name} ({code}) сохранена.</translation>
        </message>
        <message>
            <source>Deleted the category {code}.</source>
            <translation>Категория {code} удалена.</translation>
        </message>
        <message>
            <source>Add zone</source>
            <translation>Добавить зону</translation>
        </message>
        <message>
            <source>Saved the zone {name} ({code}).</source>
            <translation>Зона {name} ({code}) сохранена.</translation>
        </message>
        <message>
            <source>Deleted the zone {code}.</source>
            <translation>Зона {code} удалена.</translation>
        </message>
    </context>
    <context>
        <name>ColourEdit</name>
        <message>
            <source>Choose a colour</source>
            <translation>Выберите цвет</translation>
        </message>
        <message>
            <source>Choose colour…</source>
            <translation>Выбрать цвет…</translation>
        </message>
    </context>
    <context>
        <name>CropView</name>
        <message>
            <source>No photo yet: load a file.</source>
            <translation>Фото ещё нет: загрузите файл.</translation>
        </message>
    </context>
    <context>
        <name>DeskController</name>
        <message>
            <source>{when} at {station} by {user}</source>
            <translation>{when}, {station}, оператор {user}</translation>
        </message>
        <message>
            <source>{when} at {station}</source>
            <translation>{when}, {station}</translation>
        </message>
        <message>
            <source>{when} by {user}</source>
            <translation>{when}, оператор {user}</translation>
        </message>
        <message>
            <source>not printed yet</source>
            <translation>ещё не напечатан</translation>
        </message>
        <message>
            <source>printed {when}, serial {serial}</source>
            <translation>напечатан {when}, номер {serial}</translation>
        </message>
        <message>
            <source>serial {serial}</source>
            <translation>номер {serial}</translation>
        </message>
        <message>
            <source>{status}: {reason}</source>
            <translation>{status}: {reason}</translation>
        </message>
        <message>
            <source>{why} — nobody was checked in.</source>
            <translation>{why} — никто не зарегистрирован.</translation>
        </message>
        <message>
            <source>the printer refused the job</source>
            <translation>принтер отклонил задание</translation>
        </message>
        <message>
            <source>Queued check-in of {name} refused: {why}</source>
            <translation>Отложенная регистрация {name} отклонена: {why}</translation>
        </message>
        <message>
            <source>Queued check-ins sent to the event server: {count}</source>
            <translation>Отложенных регистраций отправлено на сервер мероприятия: {count}</translation>
        </message>
        <message>
            <source>Opening the event</source>
            <translation>Открытие мероприятия</translation>
        </message>
        <message>
            <source>Reading the guest</source>
            <translation>Чтение данных гостя</translation>
        </message>
        <message>
            <source>Found by code {code}: {name}</source>
            <translation>Найден по коду {code}: {name}</translation>
        </message>
        <message>
            <source>Unknown code: {code}</source>
            <translation>Неизвестный код: {code}</translation>
        </message>
        <message>
            <source>Unknown code (the scan was empty)</source>
            <translation>Неизвестный код (пустое сканирование)</translation>
        </message>
        <message>
            <source>Reading the scan</source>
            <translation>Чтение кода</translation>
        </message>
        <message>
            <source>Checking in</source>
            <translation>Регистрация</translation>
        </message>
        <message>
            <source>Check-in of {name} undone ({reason})</source>
            <translation>Регистрация {name} отменена ({reason})</translation>
        </message>
        <message>
            <source>Undoing the check-in</source>
            <translation>Отмена регистрации</translation>
        </message>
        <message>
            <source>This badge is already being printed.</source>
            <translation>Этот бейдж уже печатается.</translation>
        </message>
        <message>
            <source>The badge signing key is still locked; nothing was printed.</source>
            <translation>Ключ подписи бейджей ещё заблокирован; ничего не напечатано.</translation>
        </message>
        <message>
            <source>Printing the badge…</source>
            <translation>Печать бейджа…</translation>
        </message>
        <message>
            <source>Printing the badge… ({count} before it)</source>
            <translation>Печать бейджа… (в очереди перед ним: {count})</translation>
        </message>
        <message>
            <source>Printing a badge</source>
            <translation>Печать бейджа</translation>
        </message>
        <message>
            <source>Badge of {name} sent to the printer (serial {serial})</source>
            <translation>Бейдж {name} отправлен на печать (номер {serial})</translation>
        </message>
        <message>
            <source>Badge of {name} sent to the printer (serial {serial}, job {job})</source>
            <translation>Бейдж {name} отправлен на печать (номер {serial}, задание {job})</translation>
        </message>
        <message>
            <source>Badge of {name} NOT printed: {why} — nothing was recorded.</source>
            <translation>Бейдж {name} НЕ напечатан: {why} — ничего не записано.</translation>
        </message>
        <message>
            <source>Badge not printed: {why} Nothing was recorded.</source>
            <translation>Бейдж не напечатан: {why} Ничего не записано.</translation>
        </message>
        <message>
            <source>Walk-in {name} registered — pending until an organiser approves</source>
            <translation>Гость без записи {name} внесён — ожидает одобрения организатора</translation>
        </message>
        <message>
            <source>Registering a walk-in</source>
            <translation>Внесение гостя без записи</translation>
        </message>
        <message>
            <source>Walk-in not registered: </source>
            <translation>Гость без записи не внесён: </translation>
        </message>
        <message>
            <source>Saved: {fields}</source>
            <translation>Сохранено: {fields}</translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation>Ничего не изменилось</translation>
        </message>
        <message>
            <source>Saving the guest</source>
            <translation>Сохранение гостя</translation>
        </message>
        <message>
            <source>Not saved: </source>
            <translation>Не сохранено: </translation>
        </message>
        <message>
            <source>This guest is no longer in the event.</source>
            <translation>Этого гостя больше нет в мероприятии.</translation>
        </message>
        <message>
            <source>Not checked in. {why}</source>
            <translation>Не зарегистрирован. {why}</translation>
        </message>
        <message>
            <source>Already checked in at {when}</source>
            <translation>Уже зарегистрирован: {when}</translation>
        </message>
        <message>
            <source>Checked in by scan: {name}</source>
            <translation>Зарегистрирован по скану: {name}</translation>
        </message>
        <message>
            <source>Checked in: {name}</source>
            <translation>Зарегистрирован: {name}</translation>
        </message>
    </context>
    <context>
        <name>DeskView</name>
        <message>
            <source>Name in any script, organisation or passport — or scan a code</source>
            <translation>Имя на любом языке, организация или паспорт — или отсканируйте код</translation>
        </message>
        <message>
            <source>Check &amp;in</source>
            <translation>&amp;Регистрация</translation>
        </message>
        <message>
            <source>Check the guest in (Enter in the field does the same)</source>
            <translation>Зарегистрировать гостя (Enter в поле делает то же)</translation>
        </message>
        <message>
            <source>Check in &amp;&amp; &amp;print</source>
            <translation>Регистрация и &amp;печать</translation>
        </message>
        <message>
            <source>Print &amp;badge</source>
            <translation>Печать &amp;бейджа</translation>
        </message>
        <message>
            <source>&amp;Undo check-in</source>
            <translation>&amp;Отменить регистрацию</translation>
        </message>
        <message>
            <source>&amp;Edit guest</source>
            <translation>Изм&amp;енить гостя</translation>
        </message>
        <message>
            <source>&amp;New walk-in</source>
            <translation>&amp;Гость без записи</translation>
        </message>
        <message>
            <source>Opening the event… the guests are being indexed</source>
            <translation>Открытие мероприятия… гости индексируются</translation>
        </message>
        <message>
            <source>No guest matches “{query}”</source>
            <translation>Нет гостей по запросу «{query}»</translation>
        </message>
        <message>
            <source>The first {count} matches — type more to narrow them</source>
            <translation>Первые совпадения: {count} — уточните запрос</translation>
        </message>
        <message>
            <source>1 match</source>
            <translation>Совпадений: 1</translation>
        </message>
        <message>
            <source>{count} matches</source>
            <translation>Совпадений: {count}</translation>
        </message>
        <message>
            <source>Cannot check in — {status}: {advice}</source>
            <translation>Регистрация невозможна — {status}: {advice}</translation>
        </message>
        <message>
            <source>Reprint badge</source>
            <translation>Перепечатать бейдж</translation>
        </message>
        <message>
            <source>{name} already has a badge ({badge}). The new badge gets the next serial and the old one stops opening doors. Why is it reprinted?</source>
            <translation>У {name} уже есть бейдж ({badge}). Новый бейдж получит следующий номер, а старый перестанет открывать двери. Почему перепечатываем?</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>Утерян</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>Повреждён</translation>
        </message>
        <message>
            <source>Details changed</source>
            <translation>Изменились данные</translation>
        </message>
        <message>
            <source>Photo changed</source>
            <translation>Изменилось фото</translation>
        </message>
        <message>
            <source>Printer fault</source>
            <translation>Сбой принтера</translation>
        </message>
        <message>
            <source>Undo check-in</source>
            <translation>Отменить регистрацию</translation>
        </message>
        <message>
            <source>Undo the check-in of {name} ({when})? The reason is kept in the audit log.</source>
            <translation>Отменить регистрацию {name} ({when})? Причина сохранится в журнале аудита.</translation>
        </message>
        <message>
            <source>Wrong guest checked in</source>
            <translation>Зарегистрирован не тот гость</translation>
        </message>
        <message>
            <source>Guest left before the event</source>
            <translation>Гость ушёл до начала</translation>
        </message>
        <message>
            <source>Checked in by mistake</source>
            <translation>Зарегистрирован по ошибке</translation>
        </message>
    </context>
    <context>
        <name>FileFilters</name>
        <message>
            <source>Gate packages (*.gatepkg *.pkg);;All files (*)</source>
            <translation>Пакеты КПП (*.gatepkg *.pkg);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Public-key files (*.pem);;All files (*)</source>
            <translation>Файлы открытых ключей (*.pem);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Events and gate packages (*.accreditor *.gatepkg *.pkg);;All files (*)</source>
            <translation>Мероприятия и пакеты КПП (*.accreditor *.gatepkg *.pkg);;Все файлы (*)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Файлы PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Документы PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Badge layouts (*.json)</source>
            <translation>Макеты бейджей (*.json)</translation>
        </message>
        <message>
            <source>Registration lists (*.csv *.tsv *.tab *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
            <translation>Списки регистрации (*.csv *.tsv *.tab *.txt *.xlsx *.xlsm *.xls *.ods);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Column mappings (*.json);;All files (*)</source>
            <translation>Сопоставления столбцов (*.json);;Все файлы (*)</translation>
        </message>
        <message>
            <source>Report as JSON (*.json);;Report as CSV (*.csv)</source>
            <translation>Отчёт в JSON (*.json);;Отчёт в CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>Choose the registration list</source>
            <translation>Выберите список регистрации</translation>
        </message>
        <message>
            <source>A CSV, TSV or text export in any common encoding, or an XLSX, XLS or ODS workbook.</source>
            <translation>Выгрузка CSV, TSV или текст в любой распространённой кодировке либо книга XLSX, XLS или ODS.</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>Файл не выбран</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Выбрать файл…</translation>
        </message>
        <message>
            <source>Import a registration list</source>
            <translation>Импорт списка регистрации</translation>
        </message>
    </context>
    <context>
        <name>GateSetupDialog</name>
        <message>
            <source>Entry (in)</source>
            <translation>Вход</translation>
        </message>
        <message>
            <source>Exit (out)</source>
            <translation>Выход</translation>
        </message>
        <message>
            <source>Both ways (one door)</source>
            <translation>В обе стороны (одна дверь)</translation>
        </message>
        <message>
            <source>Give either the event's public-key file or the fingerprint, not both.</source>
            <translation>Укажите либо файл открытого ключа мероприятия, либо отпечаток ключа, но не оба.</translation>
        </message>
        <message>
            <source>Cannot read the public-key file {file} ({why}).</source>
            <translation>Не удаётся прочитать файл открытого ключа {file} ({why}).</translation>
        </message>
        <message>
            <source>Give the event's public-key file or the signing key's fingerprint (from the organiser, not from the package): without it anyone could have made the package.</source>
            <translation>Укажите файл открытого ключа мероприятия или отпечаток ключа подписи (от организатора, а не из пакета): без него пакет мог сделать кто угодно.</translation>
        </message>
        <message>
            <source>Set up the gate</source>
            <translation>Настройка КПП</translation>
        </message>
        <message>
            <source>Offline gate package</source>
            <translation>Автономный пакет КПП</translation>
        </message>
        <message>
            <source>event.pem, from `accreditor keys export-public`</source>
            <translation>event.pem, из `accreditor keys export-public`</translation>
        </message>
        <message>
            <source>or the fingerprint the organiser read out: 5647 5aa7 …</source>
            <translation>или отпечаток ключа, который продиктовал организатор: 5647 5aa7 …</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Обзор…</translation>
        </message>
        <message>
            <source>Package</source>
            <translation>Пакет</translation>
        </message>
        <message>
            <source>Public-key file</source>
            <translation>Файл открытого ключа</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Отпечаток ключа</translation>
        </message>
        <message>
            <source>Flag a second entry without an exit (anti-passback)</source>
            <translation>Отмечать повторный вход без выхода (антипасбэк)</translation>
        </message>
        <message>
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <source>Zone this gate opens</source>
            <translation>Зона, которую открывает КПП</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Направление</translation>
        </message>
        <message>
            <source>Gate name (in the log)</source>
            <translation>Название КПП (в журнале)</translation>
        </message>
        <message>
            <source>Show each verdict for</source>
            <translation>Показывать решение</translation>
        </message>
        <message>
            <source>Open the gate</source>
            <translation>Открыть КПП</translation>
        </message>
        <message>
            <source>Choose the gate package this gate works from.</source>
            <translation>Выберите пакет КПП, по которому работает этот КПП.</translation>
        </message>
        <message>
            <source>Trusted: gate package of {event}, made {made} UTC, signed by key {key} (fingerprint {fingerprint}).</source>
            <translation>Доверенный пакет КПП мероприятия {event}, создан {made} UTC, подписан ключом {key} (отпечаток {fingerprint}).</translation>
        </message>
        <message>
            <source>e.g. North door</source>
            <translation>напр. Северный вход</translation>
        </message>
        <message>
            <source>Only an entry gate can flag a second entry.</source>
            <translation>Только КПП на вход может отмечать повторный вход.</translation>
        </message>
        <message>
            <source>The gate package is not trusted yet: see above.</source>
            <translation>Пакету КПП пока нет доверия: см. выше.</translation>
        </message>
        <message>
            <source>Choose the zone this gate opens.</source>
            <translation>Выберите зону, которую открывает этот КПП.</translation>
        </message>
    </context>
    <context>
        <name>GateView</name>
        <message>
            <source>ENTRY</source>
            <translation>ВХОД</translation>
        </message>
        <message>
            <source>EXIT</source>
            <translation>ВЫХОД</translation>
        </message>
        <message>
            <source>ENTRY / EXIT</source>
            <translation>ВХОД / ВЫХОД</translation>
        </message>
        <message>
            <source>Escorted by protocol</source>
            <translation>В сопровождении протокола</translation>
        </message>
        <message>
            <source>Badge damaged, identity checked by hand</source>
            <translation>Бейдж повреждён, личность проверена вручную</translation>
        </message>
        <message>
            <source>Left without scanning out</source>
            <translation>Вышел без сканирования на выходе</translation>
        </message>
        <message>
            <source>Supervisor's instruction</source>
            <translation>Указание старшего смены</translation>
        </message>
        <message>
            <source>F9  override the last scan</source>
            <translation>F9  пропустить вопреки решению</translation>
        </message>
        <message>
            <source>F8  who is inside</source>
            <translation>F8  кто внутри</translation>
        </message>
        <message>
            <source>F10  camera</source>
            <translation>F10  камера</translation>
        </message>
        <message>
            <source>Space  ready</source>
            <translation>Пробел  готово</translation>
        </message>
        <message>
            <source>F9  override (reason required)</source>
            <translation>F9  пропустить (нужна причина)</translation>
        </message>
        <message>
            <source>F8  back to ready</source>
            <translation>F8  назад к сканированию</translation>
        </message>
        <message>
            <source>F5  refresh</source>
            <translation>F5  обновить</translation>
        </message>
        <message>
            <source>Ctrl+P  evacuation list (PDF)</source>
            <translation>Ctrl+P  список эвакуации (PDF)</translation>
        </message>
        <message>
            <source>No photo on file</source>
            <translation>Фото нет</translation>
        </message>
        <message>
            <source>Photo unavailable</source>
            <translation>Фото недоступно</translation>
        </message>
        <message>
            <source>Photo unreadable</source>
            <translation>Фото не читается</translation>
        </message>
        <message>
            <source>Cannot open the gate</source>
            <translation>Не удаётся открыть КПП</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Камера</translation>
        </message>
        <message>
            <source>Scan with camera (F10): hold a badge up to the webcam</source>
            <translation>Сканировать камерой (F10): поднесите бейдж к веб-камере</translation>
        </message>
        <message>
            <source>&amp;Override the last scan…</source>
            <translation>&amp;Пропустить вопреки решению…</translation>
        </message>
        <message>
            <source>&amp;Who is inside</source>
            <translation>&amp;Кто внутри</translation>
        </message>
        <message>
            <source>Scan with &amp;camera</source>
            <translation>Сканировать &amp;камерой</translation>
        </message>
        <message>
            <source>READY TO SCAN</source>
            <translation>ГОТОВ К СКАНИРОВАНИЮ</translation>
        </message>
        <message>
            <source>gate {gate}</source>
            <translation>КПП {gate}</translation>
        </message>
        <message>
            <source>On the {source}</source>
            <translation>Источник: {source}</translation>
        </message>
        <message>
            <source>anti-passback on</source>
            <translation>антипасбэк включён</translation>
        </message>
        <message>
            <source>Checking a badge</source>
            <translation>Проверка бейджа</translation>
        </message>
        <message>
            <source>Who is inside is not available at this gate.</source>
            <translation>На этом КПП список находящихся внутри недоступен.</translation>
        </message>
        <message>
            <source>Nothing to override: F9 is for the last badge refused (red) or to check (orange).</source>
            <translation>Нечего пропускать: F9 — для последнего отклонённого (красный) или спорного (оранжевый) бейджа.</translation>
        </message>
        <message>
            <source>the holder of this code</source>
            <translation>владелец этого кода</translation>
        </message>
        <message>
            <source>Let {who} through although the gate said {verdict}: {message}

Why? The reason is logged with the scan.</source>
            <translation>Пропустить {who}, хотя КПП показал «{verdict}»: {message}

Почему? Причина записывается вместе со сканом.</translation>
        </message>
        <message>
            <source>Override the verdict</source>
            <translation>Пропуск вопреки решению</translation>
        </message>
        <message>
            <source>Override NOT recorded: another badge was scanned meanwhile.</source>
            <translation>Пропуск НЕ записан: за это время отсканирован другой бейдж.</translation>
        </message>
        <message>
            <source>Overriding a verdict</source>
            <translation>Пропуск вопреки решению</translation>
        </message>
        <message>
            <source>Camera off</source>
            <translation>Камера выключена</translation>
        </message>
        <message>
            <source>Camera on: hold a badge up to it</source>
            <translation>Камера включена: поднесите к ней бейдж</translation>
        </message>
        <message>
            <source>No camera found</source>
            <translation>Камера не найдена</translation>
        </message>
        <message>
            <source>Starting the camera…</source>
            <translation>Включение камеры…</translation>
        </message>
        <message>
            <source>The camera stopped: {why}</source>
            <translation>Камера остановилась: {why}</translation>
        </message>
        <message>
            <source>Last scan: {verdict} — {who}</source>
            <translation>Последний скан: {verdict} — {who}</translation>
        </message>
        <message>
            <source>Guest {id}: not on this gate's list</source>
            <translation>Гость {id}: нет в списке этого КПП</translation>
        </message>
        <message>
            <source>No category</source>
            <translation>Без категории</translation>
        </message>
        <message>
            <source>1 person inside {zone} now</source>
            <translation>Сейчас в зоне {zone}: 1 человек</translation>
        </message>
        <message>
            <source>{count} people inside {zone} now</source>
            <translation>Сейчас в зоне {zone}: {count} чел.</translation>
        </message>
        <message>
            <source>Head count of {zone} unavailable</source>
            <translation>Подсчёт людей в зоне {zone} недоступен</translation>
        </message>
        <message>
            <source>Counting who is inside</source>
            <translation>Подсчёт находящихся внутри</translation>
        </message>
        <message>
            <source>guest {id}</source>
            <translation>гость {id}</translation>
        </message>
    </context>
    <context>
        <name>GateWindow</name>
        <message>
            <source>Gate {gate}</source>
            <translation>КПП {gate}</translation>
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation>&amp;Во весь экран</translation>
        </message>
        <message>
            <source>&amp;Leave the gate</source>
            <translation>&amp;Покинуть КПП</translation>
        </message>
        <message>
            <source>F11  full screen</source>
            <translation>F11  во весь экран</translation>
        </message>
        <message>
            <source>Esc  leave</source>
            <translation>Esc  выйти</translation>
        </message>
        <message>
            <source>No gate package was chosen.</source>
            <translation>Пакет КПП не выбран.</translation>
        </message>
    </context>
    <context>
        <name>GuestCard</name>
        <message>
            <source>No photo</source>
            <translation>Нет фото</translation>
        </message>
        <message>
            <source>Photo unreadable</source>
            <translation>Фото не читается</translation>
        </message>
        <message>
            <source>Type a name, or scan a badge or confirmation code</source>
            <translation>Введите имя или отсканируйте бейдж или код подтверждения</translation>
        </message>
        <message>
            <source>No category</source>
            <translation>Без категории</translation>
        </message>
        <message>
            <source>Delegation: {delegation}</source>
            <translation>Делегация: {delegation}</translation>
        </message>
        <message>
            <source>✔ Checked in {when}</source>
            <translation>✔ Зарегистрирован {when}</translation>
        </message>
        <message>
            <source>✔ Checked in {when} — waiting to be sent to the event server</source>
            <translation>✔ Зарегистрирован {when} — ждёт отправки на сервер мероприятия</translation>
        </message>
        <message>
            <source>Not checked in yet</source>
            <translation>Ещё не зарегистрирован</translation>
        </message>
        <message>
            <source>Badge: {badge}</source>
            <translation>Бейдж: {badge}</translation>
        </message>
        <message>
            <source>No zones</source>
            <translation>Нет зон</translation>
        </message>
    </context>
    <context>
        <name>GuestFormDialog</name>
        <message>
            <source>Family name</source>
            <translation>Фамилия</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Family name (Latin, as in passport)</source>
            <translation>Фамилия (латиницей, как в паспорте)</translation>
        </message>
        <message>
            <source>Given name (Latin, as in passport)</source>
            <translation>Имя (латиницей, как в паспорте)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Обращение</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Должность</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Делегация</translation>
        </message>
        <message>
            <source>Passport / ID no.</source>
            <translation>Паспорт / № удостоверения</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Телефон</translation>
        </message>
        <message>
            <source>New walk-in</source>
            <translation>Гость без записи</translation>
        </message>
        <message>
            <source>Edit guest — {name}</source>
            <translation>Изменить гостя — {name}</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Примечания</translation>
        </message>
        <message>
            <source>A walk-in stays pending — no check-in, no badge — until an organiser approves them.</source>
            <translation>Гость без записи ожидает одобрения организатора — до этого ни регистрации, ни бейджа.</translation>
        </message>
        <message>
            <source>Take photo…</source>
            <translation>Сфотографировать…</translation>
        </message>
        <message>
            <source>Take the guest's photo with this computer's camera</source>
            <translation>Сфотографировать гостя камерой этого компьютера</translation>
        </message>
        <message>
            <source>Photo file…</source>
            <translation>Файл фото…</translation>
        </message>
        <message>
            <source>Load the guest's photo from a file</source>
            <translation>Загрузить фото гостя из файла</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Рег. номер</translation>
        </message>
        <message>
            <source>Full name (split in two)</source>
            <translation>Полное имя (разделить на два)</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Фото</translation>
        </message>
    </context>
    <context>
        <name>GuestHistoryPanel</name>
        <message>
            <source>History</source>
            <translation>История</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Кто</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
    </context>
    <context>
        <name>GuestListWidget</name>
        <message>
            <source>Search by name in any script, organisation, passport, e-mail…</source>
            <translation>Поиск по имени на любом языке, организации, паспорту, e-mail…</translation>
        </message>
        <message>
            <source>Indexing…</source>
            <translation>Индексация…</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Все статусы</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>Все категории</translation>
        </message>
        <message>
            <source>Showing {shown} of {total}</source>
            <translation>Показано {shown} из {total}</translation>
        </message>
    </context>
    <context>
        <name>GuestTableModel</name>
        <message>
            <source>ID</source>
            <translation>ID</translation>
        </message>
        <message>
            <source>Name (as written)</source>
            <translation>Имя (как написано)</translation>
        </message>
        <message>
            <source>Name (Latin)</source>
            <translation>Имя (латиницей)</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Прибыл</translation>
        </message>
        <message>
            <source>Badge</source>
            <translation>Бейдж</translation>
        </message>
        <message>
            <source>{category}: zones {zones}</source>
            <translation>{category}: зоны {zones}</translation>
        </message>
        <message>
            <source> by {user}</source>
            <translation>, пользователь {user}</translation>
        </message>
        <message>
            <source> at {station}</source>
            <translation>, стойка {station}</translation>
        </message>
        <message>
            <source>Badge {serial} printed {when}</source>
            <translation>Бейдж {serial} напечатан {when}</translation>
        </message>
    </context>
    <context>
        <name>HeaderPage</name>
        <message>
            <source>Find the header row</source>
            <translation>Найдите строку заголовков</translation>
        </message>
        <message>
            <source>The row with the column names is highlighted: row {row}, found by its names. If it is another one, click it.</source>
            <translation>Строка с названиями столбцов выделена: строка {row}, найдена по названиям. Если это другая строка, щёлкните по ней.</translation>
        </message>
        <message>
            <source>No row looks like column names (such as Surname / Фамилия / Nom). Click the row that has them.</source>
            <translation>Ни одна строка не похожа на названия столбцов (например, Surname / Фамилия / Nom). Щёлкните по строке с ними.</translation>
        </message>
        <message>
            <source>Header row: {row}. The guests are read from the rows below it.</source>
            <translation>Строка заголовков: {row}. Гости читаются из строк ниже.</translation>
        </message>
        <message>
            <source>No header row chosen.</source>
            <translation>Строка заголовков не выбрана.</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <source>Import</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Choose what happens to rows with errors, then import.</source>
            <translation>Выберите, что делать со строками с ошибками, затем импортируйте.</translation>
        </message>
        <message>
            <source>All or nothing: import only if every row is valid</source>
            <translation>Всё или ничего: импорт, только если все строки верны</translation>
        </message>
        <message>
            <source>Skip invalid rows: import the good rows and leave the others out</source>
            <translation>Пропускать ошибочные строки: импортировать верные, остальные оставить</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>Сохранить отчёт…</translation>
        </message>
        <message>
            <source>Every error, duplicate and update, to send back with the file (JSON or CSV)</source>
            <translation>Все ошибки, дубликаты и обновления — чтобы вернуть отправителю вместе с файлом (JSON или CSV)</translation>
        </message>
        <message>
            <source>Skip invalid rows: import the good rows and leave out the 1 row with errors</source>
            <translation>Пропустить ошибочные: импортировать верные строки, 1 строку с ошибками оставить</translation>
        </message>
        <message>
            <source>Skip invalid rows: import the good rows and leave out the {count} rows with errors</source>
            <translation>Пропустить ошибочные: импортировать верные строки, оставить строки с ошибками ({count})</translation>
        </message>
        <message>
            <source>Save the import report</source>
            <translation>Сохранить отчёт об импорте</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>1 row</source>
            <translation>1 строка</translation>
        </message>
        <message>
            <source>{count} rows</source>
            <translation>строк: {count}</translation>
        </message>
        <message>
            <source>1 new guest</source>
            <translation>1 новый гость</translation>
        </message>
        <message>
            <source>{count} new guests</source>
            <translation>новых гостей: {count}</translation>
        </message>
        <message>
            <source>1 duplicate</source>
            <translation>1 дубликат</translation>
        </message>
        <message>
            <source>{count} duplicates</source>
            <translation>дубликатов: {count}</translation>
        </message>
        <message>
            <source>1 non-empty row</source>
            <translation>1 непустая строка</translation>
        </message>
        <message>
            <source>{count} non-empty rows</source>
            <translation>непустых строк: {count}</translation>
        </message>
        <message>
            <source>{rows} with errors</source>
            <translation>с ошибками — {rows}</translation>
        </message>
        <message>
            <source>{new}, {updated} to update, {unchanged} unchanged</source>
            <translation>{new}, обновить: {updated}, без изменений: {unchanged}</translation>
        </message>
        <message>
            <source>{new} added, {updated} updated, {unchanged} unchanged</source>
            <translation>добавлено: {new}, обновлено: {updated}, без изменений: {unchanged}</translation>
        </message>
        <message>
            <source>{rows}: {counts}.</source>
            <translation>{rows}: {counts}.</translation>
        </message>
        <message>
            <source> and </source>
            <translation> и </translation>
        </message>
        <message>
            <source>{problems} will be left out.</source>
            <translation>Будут пропущены: {problems}.</translation>
        </message>
        <message>
            <source>{problems} were left out.</source>
            <translation>Пропущены: {problems}.</translation>
        </message>
        <message>
            <source>Nothing was written: 1 row has errors. Fix the file and import it again, or choose to skip invalid rows.</source>
            <translation>Ничего не записано: в 1 строке ошибки. Исправьте файл и импортируйте снова или выберите пропуск ошибочных строк.</translation>
        </message>
        <message>
            <source>Nothing was written: {count} rows have errors. Fix the file and import it again, or choose to skip invalid rows.</source>
            <translation>Ничего не записано: строк с ошибками — {count}. Исправьте файл и импортируйте снова или выберите пропуск ошибочных строк.</translation>
        </message>
        <message>
            <source>{rows} will be imported with a change to check (in yellow).</source>
            <translation>Будут импортированы с изменением, которое нужно проверить (жёлтым): {rows}.</translation>
        </message>
        <message>
            <source>{rows} were imported with a change to check (in yellow).</source>
            <translation>Импортированы с изменением, которое нужно проверить (жёлтым): {rows}.</translation>
        </message>
        <message>
            <source>Columns not imported: {columns}.</source>
            <translation>Не импортированы столбцы: {columns}.</translation>
        </message>
        <message>
            <source>Updates guest {guest}: {fields}</source>
            <translation>Обновляет гостя {guest}: {fields}</translation>
        </message>
        <message>
            <source>Duplicate of {other} ({why})</source>
            <translation>Дубликат {other} ({why})</translation>
        </message>
        <message>
            <source>Error in {columns}</source>
            <translation>Ошибка в {columns}</translation>
        </message>
        <message>
            <source>sheet “{sheet}”</source>
            <translation>лист «{sheet}»</translation>
        </message>
        <message>
            <source>{rows} in {encoding}</source>
            <translation>{rows} в {encoding}</translation>
        </message>
        <message>
            <source>separated by tabs</source>
            <translation>разделитель — табуляция</translation>
        </message>
        <message>
            <source>separated by commas</source>
            <translation>разделитель — запятая</translation>
        </message>
        <message>
            <source>separated by semicolons</source>
            <translation>разделитель — точка с запятой</translation>
        </message>
        <message>
            <source>separated by {delimiter}</source>
            <translation>разделитель — {delimiter}</translation>
        </message>
        <message>
            <source>Import guests</source>
            <translation>Импорт гостей</translation>
        </message>
        <message>
            <source>Choose a file and its header row first.</source>
            <translation>Сначала выберите файл и строку заголовков.</translation>
        </message>
        <message>
            <source>Choose a file and map its columns first.</source>
            <translation>Сначала выберите файл и сопоставьте его столбцы.</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing was written.</source>
            <translation>Импорт отменён; ничего не записано.</translation>
        </message>
    </context>
    <context>
        <name>InsidePanel</name>
        <message>
            <source>Who is inside</source>
            <translation>Кто внутри</translation>
        </message>
        <message>
            <source>Every zone</source>
            <translation>Все зоны</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Обновить</translation>
        </message>
        <message>
            <source>Evacuation list (&amp;PDF)…</source>
            <translation>Список эвакуации (&amp;PDF)…</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Обновить (F5)</translation>
        </message>
        <message>
            <source>Evacuation list (PDF)… (Ctrl+P)</source>
            <translation>Список эвакуации (PDF)… (Ctrl+P)</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Показать</translation>
        </message>
        <message>
            <source>Reading who is inside…</source>
            <translation>Чтение списка находящихся внутри…</translation>
        </message>
        <message>
            <source>1 person in {zone}, as of {time}.</source>
            <translation>В зоне {zone}: 1 человек, на {time}.</translation>
        </message>
        <message>
            <source>{count} people in {zone}, as of {time}.</source>
            <translation>В зоне {zone}: {count} чел., на {time}.</translation>
        </message>
        <message>
            <source>1 person in every zone, as of {time}.</source>
            <translation>Во всех зонах: 1 человек, на {time}.</translation>
        </message>
        <message>
            <source>{count} people in every zone, as of {time}.</source>
            <translation>Во всех зонах: {count} чел., на {time}.</translation>
        </message>
        <message>
            <source>Evacuation list written to {path} (1 page).</source>
            <translation>Список эвакуации записан в {path} (1 страница).</translation>
        </message>
        <message>
            <source>Evacuation list written to {path} ({pages} pages).</source>
            <translation>Список эвакуации записан в {path} (страниц: {pages}).</translation>
        </message>
        <message>
            <source>Writing the evacuation list…</source>
            <translation>Запись списка эвакуации…</translation>
        </message>
        <message>
            <source>Evacuation list</source>
            <translation>Список эвакуации</translation>
        </message>
        <message>
            <source>Sending the evacuation list to the printer…</source>
            <translation>Отправка списка эвакуации на печать…</translation>
        </message>
        <message>
            <source>Printing</source>
            <translation>Печать</translation>
        </message>
    </context>
    <context>
        <name>InsideTableModel</name>
        <message>
            <source>Name</source>
            <translation>Название</translation>
        </message>
        <message>
            <source>Latin name</source>
            <translation>Имя латиницей</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Зона</translation>
        </message>
        <message>
            <source>Inside since</source>
            <translation>Внутри с</translation>
        </message>
        <message>
            <source>Gate</source>
            <translation>КПП</translation>
        </message>
    </context>
    <context>
        <name>LiveStation</name>
        <message>
            <source>Event server</source>
            <translation>Сервер мероприятия</translation>
        </message>
        <message>
            <source>Cannot watch the event</source>
            <translation>Не удаётся следить за изменениями мероприятия</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Log in — {event}</source>
            <translation>Вход — {event}</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;Пользователь:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>П&amp;ароль:</translation>
        </message>
        <message>
            <source>This event has users: log in to work on it.</source>
            <translation>В этом мероприятии есть пользователи: войдите, чтобы работать с ним.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New event…</source>
            <translation>&amp;Новое мероприятие…</translation>
        </message>
        <message>
            <source>Create an event file with the standard categories and zones</source>
            <translation>Создать файл мероприятия со стандартными категориями и зонами</translation>
        </message>
        <message>
            <source>&amp;Open event…</source>
            <translation>&amp;Открыть мероприятие…</translation>
        </message>
        <message>
            <source>&amp;Connect to event server…</source>
            <translation>&amp;Подключиться к серверу мероприятия…</translation>
        </message>
        <message>
            <source>Open an event on the venue's PostgreSQL server, shared by every station</source>
            <translation>Открыть мероприятие на сервере PostgreSQL площадки, общем для всех рабочих мест</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>Пере&amp;загрузить</translation>
        </message>
        <message>
            <source>Reload the guests (changes made at other desks)</source>
            <translation>Перезагрузить гостей (изменения с других стоек)</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>&amp;Настройки…</translation>
        </message>
        <message>
            <source>Station name, printer, badge layout, auto-print, sounds</source>
            <translation>Название рабочего места, принтер, макет бейджа, автопечать, звуки</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>В&amp;ыход</translation>
        </message>
        <message>
            <source>&amp;Desk</source>
            <translation>&amp;Стойка</translation>
        </message>
        <message>
            <source>Find, check in and print at the desk (F2)</source>
            <translation>Поиск, регистрация и печать на стойке (F2)</translation>
        </message>
        <message>
            <source>&amp;Guests</source>
            <translation>&amp;Гости</translation>
        </message>
        <message>
            <source>The guest list (F3)</source>
            <translation>Список гостей (F3)</translation>
        </message>
        <message>
            <source>&amp;Organiser</source>
            <translation>&amp;Организатор</translation>
        </message>
        <message>
            <source>Accreditation: approve, reject, revoke, categories and zones (F6)</source>
            <translation>Аккредитация: одобрить, отклонить, отозвать, категории и зоны (F6)</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>О&amp;тчёты</translation>
        </message>
        <message>
            <source>Attendance: expected and checked in, arrivals (F7)</source>
            <translation>Явка: ожидаемые и прибывшие, динамика прибытия (F7)</translation>
        </message>
        <message>
            <source>G&amp;ate</source>
            <translation>&amp;КПП</translation>
        </message>
        <message>
            <source>Scan badges at a door: green, orange or red (Ctrl+G)</source>
            <translation>Проверка бейджей на входе: зелёный, оранжевый или красный (Ctrl+G)</translation>
        </message>
        <message>
            <source>&amp;Import guest list…</source>
            <translation>&amp;Импорт списка гостей…</translation>
        </message>
        <message>
            <source>Import a registration list (CSV, Excel, OpenDocument)</source>
            <translation>Импортировать список регистрации (CSV, Excel, OpenDocument)</translation>
        </message>
        <message>
            <source>&amp;Badge designer…</source>
            <translation>&amp;Конструктор бейджей…</translation>
        </message>
        <message>
            <source>Design badge layouts with a live preview of real guests</source>
            <translation>Макеты бейджей с живым просмотром на реальных гостях</translation>
        </message>
        <message>
            <source>&amp;Categories and zones…</source>
            <translation>&amp;Категории и зоны…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>Recent &amp;events</source>
            <translation>&amp;Недавние мероприятия</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Инструменты</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Вид</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Мероприятие</translation>
        </message>
        <message>
            <source>Cannot open the gate</source>
            <translation>Не удаётся открыть КПП</translation>
        </message>
        <message>
            <source>Opening the gate…</source>
            <translation>Открытие КПП…</translation>
        </message>
        <message>
            <source>Cannot create the event</source>
            <translation>Не удаётся создать мероприятие</translation>
        </message>
        <message>
            <source>Cannot open the event</source>
            <translation>Не удаётся открыть мероприятие</translation>
        </message>
        <message>
            <source>Cannot connect to the event server</source>
            <translation>Не удаётся подключиться к серверу мероприятия</translation>
        </message>
        <message>
            <source>{user} (no users: everything allowed)</source>
            <translation>{user} (пользователей нет: разрешено всё)</translation>
        </message>
        <message>
            <source>This event has no users: anyone with the file may do everything (one-laptop use); `accreditor users add EVENT NAME --role organiser` creates the first organiser.</source>
            <translation>В этом мероприятии нет пользователей: любой, у кого есть файл, может делать всё (работа на одном ноутбуке); `accreditor users add EVENT NAME --role organiser` создаёт первого организатора.</translation>
        </message>
        <message>
            <source>{user} ({role})</source>
            <translation>{user} ({role})</translation>
        </message>
        <message>
            <source>Who is logged in, and their role</source>
            <translation>Кто вошёл в систему и его роль</translation>
        </message>
        <message>
            <source>This station's name, recorded with every check-in and print</source>
            <translation>Название рабочего места, записывается при каждой регистрации и печати</translation>
        </message>
        <message>
            <source>Printer: {printer}</source>
            <translation>Принтер: {printer}</translation>
        </message>
        <message>
            <source>1 guest · {checked_in} checked in</source>
            <translation>Гостей: 1 · прибыло: {checked_in}</translation>
        </message>
        <message>
            <source>{guests} guests · {checked_in} checked in</source>
            <translation>Гостей: {guests} · прибыло: {checked_in}</translation>
        </message>
        <message>
            <source>Loading guests…</source>
            <translation>Загрузка гостей…</translation>
        </message>
        <message>
            <source>{checked_in} checked in / {expected} expected</source>
            <translation>Прибыло {checked_in} из {expected} ожидаемых</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <source>(ignore)</source>
            <translation>(пропустить)</translation>
        </message>
        <message>
            <source>Map the columns</source>
            <translation>Сопоставьте столбцы</translation>
        </message>
        <message>
            <source>Each column of the file goes into one guest field, or is ignored. Recognised names are filled in.</source>
            <translation>Каждый столбец файла попадает в одно поле гостя или пропускается. Распознанные названия уже заполнены.</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <translation>Столбец в файле</translation>
        </message>
        <message>
            <source>First values</source>
            <translation>Первые значения</translation>
        </message>
        <message>
            <source>Guest field</source>
            <translation>Поле гостя</translation>
        </message>
        <message>
            <source>Load preset…</source>
            <translation>Загрузить шаблон…</translation>
        </message>
        <message>
            <source>Use a column mapping saved earlier for lists shaped like this one</source>
            <translation>Использовать сохранённое сопоставление для списков такого же вида</translation>
        </message>
        <message>
            <source>Save as preset…</source>
            <translation>Сохранить как шаблон…</translation>
        </message>
        <message>
            <source>Keep this mapping (a JSON file) for the next list from the same sender</source>
            <translation>Сохранить сопоставление (файл JSON) для следующего списка от того же отправителя</translation>
        </message>
        <message>
            <source>(column {letters})</source>
            <translation>(столбец {letters})</translation>
        </message>
        <message>
            <source>Load a column mapping</source>
            <translation>Загрузить сопоставление столбцов</translation>
        </message>
        <message>
            <source>Save the column mapping</source>
            <translation>Сохранить сопоставление столбцов</translation>
        </message>
    </context>
    <context>
        <name>NewEventDialog</name>
        <message>
            <source>New event</source>
            <translation>Новое мероприятие</translation>
        </message>
        <message>
            <source>e.g. High-Level Conference on Countering Terrorism, Dushanbe</source>
            <translation>напр. Конференция высокого уровня по противодействию терроризму, Душанбе</translation>
        </message>
        <message>
            <source>The dates are known</source>
            <translation>Даты известны</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>Файл не выбран</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Выбрать файл…</translation>
        </message>
        <message>
            <source>Event name</source>
            <translation>Название мероприятия</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Начало</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Окончание</translation>
        </message>
        <message>
            <source>Venue</source>
            <translation>Место проведения</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Key passphrase</source>
            <translation>Парольная фраза ключа</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Парольная фраза ещё раз</translation>
        </message>
        <message>
            <source>Give the event a name.</source>
            <translation>Укажите название мероприятия.</translation>
        </message>
        <message>
            <source>Choose the file the event is saved in.</source>
            <translation>Выберите файл, в котором будет сохранено мероприятие.</translation>
        </message>
        <message>
            <source>The event cannot end before it starts.</source>
            <translation>Мероприятие не может закончиться раньше, чем начнётся.</translation>
        </message>
        <message>
            <source>The key passphrase needs at least {count} characters.</source>
            <translation>Парольная фраза ключа должна содержать не менее {count} символов.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Парольные фразы не совпадают.</translation>
        </message>
    </context>
    <context>
        <name>OrganiserGuestList</name>
        <message>
            <source>All countries</source>
            <translation>Все страны</translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>Все организации</translation>
        </message>
        <message>
            <source>All delegations</source>
            <translation>Все делегации</translation>
        </message>
        <message>
            <source>Badge: any</source>
            <translation>Бейдж: все</translation>
        </message>
        <message>
            <source>Badge printed</source>
            <translation>Бейдж напечатан</translation>
        </message>
        <message>
            <source>Badge not printed</source>
            <translation>Бейдж не напечатан</translation>
        </message>
        <message>
            <source>Check-in: any</source>
            <translation>Регистрация: все</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Прибыл</translation>
        </message>
        <message>
            <source>Not checked in</source>
            <translation>Не зарегистрирован</translation>
        </message>
        <message>
            <source>Photo: any</source>
            <translation>Фото: все</translation>
        </message>
        <message>
            <source>With photo</source>
            <translation>С фото</translation>
        </message>
        <message>
            <source>Without photo</source>
            <translation>Без фото</translation>
        </message>
    </context>
    <context>
        <name>OrganiserGuestsPage</name>
        <message>
            <source>1 guest</source>
            <translation>1 гость</translation>
        </message>
        <message>
            <source>{count} guests</source>
            <translation>гостей: {count}</translation>
        </message>
        <message>
            <source>approve guests</source>
            <translation>одобрить гостей</translation>
        </message>
        <message>
            <source>Approve {guests}</source>
            <translation>Одобрить ({guests})</translation>
        </message>
        <message>
            <source>Approve {guests}? They can then be checked in and get badges.</source>
            <translation>Одобрить ({guests})? После этого их можно регистрировать и выдавать бейджи.</translation>
        </message>
        <message>
            <source>Approved {guests}.</source>
            <translation>Одобрено: {guests}.</translation>
        </message>
        <message>
            <source>reject guests</source>
            <translation>отклонить гостей</translation>
        </message>
        <message>
            <source>Reject {guests}</source>
            <translation>Отклонить ({guests})</translation>
        </message>
        <message>
            <source>Reject {guests}? They get no badge and are turned away at the desk.</source>
            <translation>Отклонить ({guests})? Они не получат бейдж, и на стойке им откажут.</translation>
        </message>
        <message>
            <source>Rejected {guests}.</source>
            <translation>Отклонено: {guests}.</translation>
        </message>
        <message>
            <source>Registration incomplete</source>
            <translation>Регистрация не завершена</translation>
        </message>
        <message>
            <source>Not eligible for this event</source>
            <translation>Не имеет права участия</translation>
        </message>
        <message>
            <source>Duplicate registration</source>
            <translation>Повторная регистрация</translation>
        </message>
        <message>
            <source>revoke guests</source>
            <translation>отозвать аккредитацию гостей</translation>
        </message>
        <message>
            <source>Revoke {guests}</source>
            <translation>Отозвать ({guests})</translation>
        </message>
        <message>
            <source>Revoke {guests}? Their badges stop opening doors at every gate.</source>
            <translation>Отозвать аккредитацию ({guests})? Их бейджи перестанут открывать двери на всех КПП.</translation>
        </message>
        <message>
            <source>Revoked {guests}.</source>
            <translation>Отозвано: {guests}.</translation>
        </message>
        <message>
            <source>Left the delegation</source>
            <translation>Выбыл из делегации</translation>
        </message>
        <message>
            <source>Security decision</source>
            <translation>Решение службы безопасности</translation>
        </message>
        <message>
            <source>Accredited in error</source>
            <translation>Аккредитован по ошибке</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Одобрить</translation>
        </message>
        <message>
            <source>Approve the selected pending guests</source>
            <translation>Одобрить выбранных ожидающих гостей</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Отклонить…</translation>
        </message>
        <message>
            <source>Reject the selected pending guests, with a reason</source>
            <translation>Отклонить выбранных ожидающих гостей с указанием причины</translation>
        </message>
        <message>
            <source>Revoke…</source>
            <translation>Отозвать…</translation>
        </message>
        <message>
            <source>Withdraw the accreditation of the selected guests: their badges stop working</source>
            <translation>Отозвать аккредитацию выбранных гостей: их бейджи перестанут действовать</translation>
        </message>
        <message>
            <source>Set category…</source>
            <translation>Задать категорию…</translation>
        </message>
        <message>
            <source>Give the selected guests a category</source>
            <translation>Назначить категорию выбранным гостям</translation>
        </message>
        <message>
            <source>Add zones…</source>
            <translation>Добавить зоны…</translation>
        </message>
        <message>
            <source>Grant the selected guests zones</source>
            <translation>Открыть выбранным гостям доступ в зоны</translation>
        </message>
        <message>
            <source>Remove zones…</source>
            <translation>Убрать зоны…</translation>
        </message>
        <message>
            <source>Withdraw zones from the selected guests</source>
            <translation>Закрыть выбранным гостям доступ в зоны</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Изменить…</translation>
        </message>
        <message>
            <source>Edit the selected guest (or double-click them)</source>
            <translation>Изменить выбранного гостя (или двойной щелчок)</translation>
        </message>
        <message>
            <source>Categories &amp;&amp; zones…</source>
            <translation>Категории и зоны…</translation>
        </message>
        <message>
            <source>Categories, their colours and default zones; the zones</source>
            <translation>Категории, их цвета и зоны по умолчанию; список зон</translation>
        </message>
        <message>
            <source>Print badges…</source>
            <translation>Печать бейджей…</translation>
        </message>
        <message>
            <source>Print or save the badges of the selected guests, or of every guest the filters show</source>
            <translation>Напечатать или сохранить бейджи выбранных гостей или всех, кого показывают фильтры</translation>
        </message>
        <message>
            <source>Photos…</source>
            <translation>Фотографии…</translation>
        </message>
        <message>
            <source>Import a folder of photos, matched to guests by file name</source>
            <translation>Импорт папки фотографий с привязкой к гостям по имени файла</translation>
        </message>
        <message>
            <source>Change photo…</source>
            <translation>Заменить фото…</translation>
        </message>
        <message>
            <source>Load or crop the selected guest's photo (or double-click the photo)</source>
            <translation>Загрузить или обрезать фото выбранного гостя (или двойной щелчок по фото)</translation>
        </message>
        <message>
            <source>{guests} selected.</source>
            <translation>Выбрано: {guests}.</translation>
        </message>
        <message>
            <source>Select a guest to see their details and history.</source>
            <translation>Выберите гостя, чтобы увидеть данные и историю.</translation>
        </message>
        <message>
            <source>Cannot read the guest's history</source>
            <translation>Не удаётся прочитать историю гостя</translation>
        </message>
        <message>
            <source> or </source>
            <translation> или </translation>
        </message>
        <message>
            <source>Nobody was {status}: only {allowed} guests can be, and none of those selected is.</source>
            <translation>Никто не получил статус «{status}»: это возможно только для гостей со статусом «{allowed}», а среди выбранных таких нет.</translation>
        </message>
        <message>
            <source>The other guest selected is not {allowed} and is left as they are.</source>
            <translation>Ещё один выбранный гость не в статусе «{allowed}» и остаётся как есть.</translation>
        </message>
        <message>
            <source>The other {others} guests selected are not {allowed} and are left as they are.</source>
            <translation>Остальные выбранные гости ({others}) не в статусе «{allowed}» и остаются как есть.</translation>
        </message>
        <message>
            <source>{question}

Why?</source>
            <translation>{question}

Причина?</translation>
        </message>
        <message>
            <source>Set category of {guests}</source>
            <translation>Категория ({guests})</translation>
        </message>
        <message>
            <source>Give {guests} the category:</source>
            <translation>Назначить категорию ({guests}):</translation>
        </message>
        <message>
            <source>set the category</source>
            <translation>назначить категорию</translation>
        </message>
        <message>
            <source>Gave {guests} the category {category}.</source>
            <translation>Назначена категория {category}: {guests}.</translation>
        </message>
        <message>
            <source>Add zones to {guests}</source>
            <translation>Добавить зоны ({guests})</translation>
        </message>
        <message>
            <source>Remove zones from {guests}</source>
            <translation>Убрать зоны ({guests})</translation>
        </message>
        <message>
            <source>Grant {guests} access to:</source>
            <translation>Открыть доступ ({guests}) в:</translation>
        </message>
        <message>
            <source>Withdraw the access of {guests} to:</source>
            <translation>Закрыть доступ ({guests}) в:</translation>
        </message>
        <message>
            <source>Granted {zones} for {guests}.</source>
            <translation>Открыт доступ в {zones}: {guests}.</translation>
        </message>
        <message>
            <source>Withdrew {zones} for {guests}.</source>
            <translation>Закрыт доступ в {zones}: {guests}.</translation>
        </message>
        <message>
            <source>change zones</source>
            <translation>изменить зоны</translation>
        </message>
        <message>
            <source>Saved {name}.</source>
            <translation>Сохранено: {name}.</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Ничего не изменено.</translation>
        </message>
        <message>
            <source>No guest matches the filters: there is no badge to print.</source>
            <translation>Нет гостей по фильтрам: печатать нечего.</translation>
        </message>
        <message>
            <source>Badges of {guests} recorded as printed.</source>
            <translation>Бейджи отмечены как напечатанные: {guests}.</translation>
        </message>
        <message>
            <source>Saved the photo of {name}.</source>
            <translation>Фото {name} сохранено.</translation>
        </message>
        <message>
            <source>Cannot {what}</source>
            <translation>Не удалось {what}</translation>
        </message>
        <message>
            <source>Delegation: {delegation}</source>
            <translation>Делегация: {delegation}</translation>
        </message>
        <message>
            <source>zones {zones}</source>
            <translation>зоны {zones}</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>Статус: {status}</translation>
        </message>
        <message>
            <source>Badge: {badge}</source>
            <translation>Бейдж: {badge}</translation>
        </message>
        <message>
            <source>Not checked in</source>
            <translation>Не зарегистрирован</translation>
        </message>
        <message>
            <source>Checked in {when}</source>
            <translation>Прибыл {when}</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <source>Print</source>
            <translation>Печать</translation>
        </message>
    </context>
    <context>
        <name>PhotoEditorDialog</name>
        <message>
            <source>Photo</source>
            <translation>Фото</translation>
        </message>
        <message>
            <source>On the badge</source>
            <translation>На бейдже</translation>
        </message>
        <message>
            <source>Load file…</source>
            <translation>Загрузить файл…</translation>
        </message>
        <message>
            <source>A JPEG, PNG, WebP… from a phone, a camera or the registration form</source>
            <translation>JPEG, PNG, WebP… с телефона, фотоаппарата или из анкеты регистрации</translation>
        </message>
        <message>
            <source>Take photo…</source>
            <translation>Сфотографировать…</translation>
        </message>
        <message>
            <source>Take the photo with this computer's camera</source>
            <translation>Сделать фото камерой этого компьютера</translation>
        </message>
        <message>
            <source>Largest frame</source>
            <translation>Максимальная рамка</translation>
        </message>
        <message>
            <source>Frame as much of the photo as the badge's proportions allow</source>
            <translation>Взять наибольшую часть фото, какую позволяют пропорции бейджа</translation>
        </message>
        <message>
            <source>Cannot read the guest's photo</source>
            <translation>Не удаётся прочитать фото гостя</translation>
        </message>
        <message>
            <source>Photo of {name}</source>
            <translation>Фото: {name}</translation>
        </message>
        <message>
            <source>{file} cannot be read ({why}).</source>
            <translation>Не удаётся прочитать {file} ({why}).</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Камера</translation>
        </message>
        <message>
            <source>The photo cannot be shown.</source>
            <translation>Фото не удаётся показать.</translation>
        </message>
        <message>
            <source>Load a photo file to frame the guest's face for the badge.</source>
            <translation>Загрузите файл фото, чтобы выделить лицо гостя для бейджа.</translation>
        </message>
        <message>
            <source>Frame: {width}×{height} pixels. Drag it to move it, drag its corners to resize it; the face should fill most of it.</source>
            <translation>Рамка: {width}×{height} пикселей. Перетащите, чтобы сдвинуть, тяните за углы, чтобы изменить размер; лицо должно занимать бо́льшую часть.</translation>
        </message>
        <message>
            <source>This is the guest's photo now.</source>
            <translation>Это текущее фото гостя.</translation>
        </message>
        <message>
            <source>Cannot save the photo</source>
            <translation>Не удаётся сохранить фото</translation>
        </message>
    </context>
    <context>
        <name>PhotoFrame</name>
        <message>
            <source>No photo on file</source>
            <translation>Фото нет</translation>
        </message>
    </context>
    <context>
        <name>PhotoImportDialog</name>
        <message>
            <source>Import photos</source>
            <translation>Импорт фотографий</translation>
        </message>
        <message>
            <source>Choose the folder the photos are in.</source>
            <translation>Выберите папку с фотографиями.</translation>
        </message>
        <message>
            <source>Choose folder…</source>
            <translation>Выбрать папку…</translation>
        </message>
        <message>
            <source>Each file is matched to a guest by its name: passport number, reference, e-mail address or the guest's name (“A1234567.jpg”, “REG-0042.png”, “anna.smith@undp.org.jpg”, “SMITH_Anna.jpg”).</source>
            <translation>Каждый файл связывается с гостем по имени: номер паспорта, регистрационный номер, адрес e-mail или имя гостя («A1234567.jpg», «REG-0042.png», «anna.smith@undp.org.jpg», «SMITH_Anna.jpg»).</translation>
        </message>
        <message>
            <source>Replace photos guests already have</source>
            <translation>Заменять уже имеющиеся фото</translation>
        </message>
        <message>
            <source>Otherwise a guest who has a photo keeps it and their file is skipped</source>
            <translation>Иначе у гостя остаётся прежнее фото, а файл пропускается</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Импорт</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Остановить</translation>
        </message>
        <message>
            <source>Reading {folder}…</source>
            <translation>Чтение {folder}…</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>Фотографии</translation>
        </message>
        <message>
            <source>Reading photos…</source>
            <translation>Чтение фотографий…</translation>
        </message>
        <message>
            <source>Reading photo {done} of {total}…</source>
            <translation>Чтение фото {done} из {total}…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Остановка…</translation>
        </message>
    </context>
    <context>
        <name>PhotoLabel</name>
        <message>
            <source>Double-click to load or crop the photo</source>
            <translation>Двойной щелчок — загрузить или обрезать фото</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>Check the rows</source>
            <translation>Проверьте строки</translation>
        </message>
        <message>
            <source>Nothing is written yet. Errors are red, changes to check yellow, duplicates orange, updates of guests already in the event blue: point at a cell to see why.</source>
            <translation>Пока ничего не записано. Ошибки — красным, изменения для проверки — жёлтым, дубликаты — оранжевым, обновления уже внесённых гостей — синим; наведите на ячейку, чтобы узнать причину.</translation>
        </message>
        <message>
            <source>Show only rows with errors, warnings or duplicates</source>
            <translation>Только строки с ошибками, предупреждениями или дубликатами</translation>
        </message>
        <message>
            <source>Checking every row…</source>
            <translation>Проверка всех строк…</translation>
        </message>
    </context>
    <context>
        <name>PropertiesPanel</name>
        <message>
            <source>Text</source>
            <translation>Текст</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>Полоса</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Фото</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>QR-код</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Зоны</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Изображение</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Прямоугольник</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Линия</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Цвет</translation>
        </message>
        <message>
            <source>Category colour</source>
            <translation>Цвет категории</translation>
        </message>
        <message>
            <source>Readable on the category colour</source>
            <translation>Читаемый на цвете категории</translation>
        </message>
        <message>
            <source>None (not drawn)</source>
            <translation>Нет (не рисуется)</translation>
        </message>
        <message>
            <source>Sans</source>
            <translation>Без засечек</translation>
        </message>
        <message>
            <source>Sans bold</source>
            <translation>Без засечек, жирный</translation>
        </message>
        <message>
            <source>Auto (by script)</source>
            <translation>Авто (по письменности)</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Слева</translation>
        </message>
        <message>
            <source>Centre</source>
            <translation>По центру</translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Справа</translation>
        </message>
        <message>
            <source>Top</source>
            <translation>Сверху</translation>
        </message>
        <message>
            <source>Middle</source>
            <translation>Посередине</translation>
        </message>
        <message>
            <source>Bottom</source>
            <translation>Снизу</translation>
        </message>
        <message>
            <source>Always</source>
            <translation>Всегда</translation>
        </message>
        <message>
            <source>When {variable} is not Latin</source>
            <translation>Когда {variable} не латиницей</translation>
        </message>
        <message>
            <source>Start left</source>
            <translation>Начало слева</translation>
        </message>
        <message>
            <source>Start top</source>
            <translation>Начало сверху</translation>
        </message>
        <message>
            <source>End left</source>
            <translation>Конец слева</translation>
        </message>
        <message>
            <source>End top</source>
            <translation>Конец сверху</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Ширина</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Высота</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Размер</translation>
        </message>
        <message>
            <source>Font</source>
            <translation>Шрифт</translation>
        </message>
        <message>
            <source>Font size</source>
            <translation>Размер шрифта</translation>
        </message>
        <message>
            <source>Shrink to at least</source>
            <translation>Уменьшать не меньше чем до</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Строк</translation>
        </message>
        <message>
            <source>Text colour</source>
            <translation>Цвет текста</translation>
        </message>
        <message>
            <source>Fill</source>
            <translation>Заливка</translation>
        </message>
        <message>
            <source>Outline</source>
            <translation>Контур</translation>
        </message>
        <message>
            <source>Border</source>
            <translation>Рамка</translation>
        </message>
        <message>
            <source>Border width</source>
            <translation>Толщина рамки</translation>
        </message>
        <message>
            <source>Line width</source>
            <translation>Толщина линии</translation>
        </message>
        <message>
            <source>Alignment</source>
            <translation>Выравнивание</translation>
        </message>
        <message>
            <source>Vertical alignment</source>
            <translation>Выравнивание по вертикали</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>Поворот</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Печатать</translation>
        </message>
        <message>
            <source>Corner radius</source>
            <translation>Радиус углов</translation>
        </message>
        <message>
            <source>Gap</source>
            <translation>Промежуток</translation>
        </message>
        <message>
            <source>Image file</source>
            <translation>Файл изображения</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Необязательный</translation>
        </message>
        <message>
            <source>Fallback</source>
            <translation>Запасной текст</translation>
        </message>
        <message>
            <source>Select an element on the badge to change it.</source>
            <translation>Выберите элемент на бейдже, чтобы изменить его.</translation>
        </message>
        <message>
            <source>Drag a box on the badge to move it and a corner to resize it; the arrow keys nudge it by 0.5 mm (with Shift by 5 mm). Positions are in mm from the badge's top-left corner, font sizes in points.</source>
            <translation>Перетащите блок, чтобы переместить его, и угол — чтобы изменить размер; стрелки сдвигают на 0,5 мм (с Shift — на 5 мм). Положение — в мм от левого верхнего угла бейджа, размер шрифта — в пунктах.</translation>
        </message>
        <message>
            <source>{kind} (element {number})</source>
            <translation>{kind} (элемент {number})</translation>
        </message>
    </context>
    <context>
        <name>QueuePanel</name>
        <message>
            <source>&amp;Seen — clear these conflicts</source>
            <translation>&amp;Просмотрено — убрать эти конфликты</translation>
        </message>
        <message>
            <source>Staff have seen these refused check-ins and dealt with the guests (security, organiser)</source>
            <translation>Сотрудники видели эти отклонённые регистрации и решили вопрос с гостями (охрана, организатор)</translation>
        </message>
        <message>
            <source>Check-ins waiting to be sent to the event server: {count}</source>
            <translation>Регистраций ждут отправки на сервер мероприятия: {count}</translation>
        </message>
        <message>
            <source>Queued check-ins the event server refused: {count} — check these guests</source>
            <translation>Отложенных регистраций отклонено сервером мероприятия: {count} — проверьте этих гостей</translation>
        </message>
        <message>
            <source>guest {id}</source>
            <translation>гость {id}</translation>
        </message>
        <message>
            <source>{name} (checked in here at {when}): {why}</source>
            <translation>{name} (зарегистрирован здесь в {when}): {why}</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Reason (required)</source>
            <translation>Причина (обязательно)</translation>
        </message>
    </context>
    <context>
        <name>ReportLinesModel</name>
        <message>
            <source>Row</source>
            <translation>Строка</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Столбец</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Значение</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Сообщение</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Страна</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Организация</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Делегация</translation>
        </message>
        <message>
            <source>expected (approved guests)</source>
            <translation>ожидается (одобренные гости)</translation>
        </message>
        <message>
            <source>checked in</source>
            <translation>прибыло</translation>
        </message>
        <message>
            <source>attendance</source>
            <translation>явка</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Обновить</translation>
        </message>
        <message>
            <source>Read the numbers again (check-ins at other desks since)</source>
            <translation>Пересчитать (с учётом регистраций на других стойках)</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>Экспорт XLSX…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Экспорт PDF…</translation>
        </message>
        <message>
            <source>By {dimension}</source>
            <translation>По полю «{dimension}»</translation>
        </message>
        <message>
            <source>Breakdown</source>
            <translation>Разбивка</translation>
        </message>
        <message>
            <source>Arrivals per {minutes} minutes</source>
            <translation>Прибытие за каждые {minutes} мин</translation>
        </message>
        <message>
            <source>Delegation attendance</source>
            <translation>Явка делегаций</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Чтение…</translation>
        </message>
        <message>
            <source>Cannot read the reports</source>
            <translation>Не удаётся прочитать отчёты</translation>
        </message>
        <message>
            <source>{registered} registered: {pending} awaiting a decision, {rejected} rejected, {revoked} revoked.</source>
            <translation>Зарегистрировано заявок: {registered}; ожидают решения: {pending}, отклонено: {rejected}, отозвано: {revoked}.</translation>
        </message>
        <message>
            <source>As of {when}</source>
            <translation>По состоянию на {when}</translation>
        </message>
        <message>
            <source>The audit log is intact: {entries} entries, head {head}.</source>
            <translation>Журнал аудита цел: записей: {entries}, последний хеш {head}.</translation>
        </message>
        <message>
            <source>Audit log altered: {problem}</source>
            <translation>Журнал аудита изменён: {problem}</translation>
        </message>
        <message>
            <source>{label} — {checked_in} of {expected}</source>
            <translation>{label} — {checked_in} из {expected}</translation>
        </message>
        <message>
            <source>Export the report</source>
            <translation>Экспорт отчёта</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Книги Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Print the report to PDF</source>
            <translation>Отчёт в PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Документы PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Writing {name}…</source>
            <translation>Запись {name}…</translation>
        </message>
        <message>
            <source>Saved {name}</source>
            <translation>Сохранено: {name}</translation>
        </message>
        <message>
            <source>Cannot write {name}</source>
            <translation>Не удаётся записать {name}</translation>
        </message>
    </context>
    <context>
        <name>ReprintList</name>
        <message>
            <source>1 printed badge no longer matches what its guest may do: reprint it.</source>
            <translation>1 напечатанный бейдж больше не соответствует правам гостя: перепечатайте его.</translation>
        </message>
        <message>
            <source>{count} printed badges no longer match what their guests may do: reprint them.</source>
            <translation>Напечатанные бейджи больше не соответствуют правам гостей ({count}): перепечатайте их.</translation>
        </message>
    </context>
    <context>
        <name>ResultListModel</name>
        <message>
            <source>✔ checked in</source>
            <translation>✔ прибыл</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>Connect to event server</source>
            <translation>Подключение к серверу мероприятия</translation>
        </message>
        <message>
            <source>e.g. 192.168.10.5</source>
            <translation>напр. 192.168.10.5</translation>
        </message>
        <message>
            <source>the event's database, e.g. summit2027</source>
            <translation>база данных мероприятия, напр. summit2027</translation>
        </message>
        <message>
            <source>Remember the password on this computer (in PostgreSQL's password file)</source>
            <translation>Запомнить пароль на этом компьютере (в файле паролей PostgreSQL)</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Сервер</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Порт</translation>
        </message>
        <message>
            <source>Event database</source>
            <translation>База данных мероприятия</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Пользователь</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Пароль</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Подключиться</translation>
        </message>
        <message>
            <source>server</source>
            <comment>a field to fill in</comment>
            <translation>сервер</translation>
        </message>
        <message>
            <source>event database</source>
            <comment>a field to fill in</comment>
            <translation>базу данных мероприятия</translation>
        </message>
        <message>
            <source>user</source>
            <comment>a field to fill in</comment>
            <translation>пользователя</translation>
        </message>
        <message>
            <source>Fill in the {fields}.</source>
            <translation>Укажите {fields}.</translation>
        </message>
        <message>
            <source> and the </source>
            <comment>between fields</comment>
            <translation> и </translation>
        </message>
        <message>
            <source>The password could not be kept ({error}); untick Remember to go on.</source>
            <translation>Не удалось сохранить пароль ({error}); снимите флажок «Запомнить», чтобы продолжить.</translation>
        </message>
    </context>
    <context>
        <name>SessionAdapter</name>
        <message>
            <source>Indexing the guests</source>
            <translation>Индексация гостей</translation>
        </message>
        <message>
            <source>Cannot load the event</source>
            <translation>Не удаётся загрузить мероприятие</translation>
        </message>
        <message>
            <source>Cannot reload the event</source>
            <translation>Не удаётся перезагрузить мероприятие</translation>
        </message>
        <message>
            <source>Cannot read the event's changes</source>
            <translation>Не удаётся прочитать изменения мероприятия</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>System default</source>
            <translation>Системный по умолчанию</translation>
        </message>
        <message>
            <source>Station settings</source>
            <translation>Настройки рабочего места</translation>
        </message>
        <message>
            <source>e.g. Desk 1</source>
            <translation>напр. Стойка 1</translation>
        </message>
        <message>
            <source>{printer} (not found)</source>
            <translation>{printer} (не найден)</translation>
        </message>
        <message>
            <source>As the computer ({language})</source>
            <translation>Как в системе ({language})</translation>
        </message>
        <message>
            <source>The new language is used when Accreditor is restarted.</source>
            <translation>Новый язык будет применён после перезапуска Accreditor.</translation>
        </message>
        <message>
            <source>Print the badge when a guest is checked in</source>
            <translation>Печатать бейдж при регистрации гостя</translation>
        </message>
        <message>
            <source>Sound on scans and errors</source>
            <translation>Звук при сканировании и ошибках</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>never</source>
            <translation>никогда</translation>
        </message>
        <message>
            <source>On an event with users, ask for the login again after this long without use</source>
            <translation>В мероприятии с пользователями снова запрашивать вход после такого времени без работы</translation>
        </message>
        <message>
            <source>Print test page</source>
            <translation>Пробная страница</translation>
        </message>
        <message>
            <source>Station name</source>
            <translation>Рабочее место</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Принтер</translation>
        </message>
        <message>
            <source>Badge layout</source>
            <translation>Макет бейджа</translation>
        </message>
        <message>
            <source>Lock when idle for</source>
            <translation>Блокировать после простоя</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Язык</translation>
        </message>
        <message>
            <source>The station needs a name; it is recorded with every badge printed here.</source>
            <translation>Укажите название рабочего места: оно записывается с каждым напечатанным здесь бейджем.</translation>
        </message>
        <message>
            <source>Sending a test page…</source>
            <translation>Отправка пробной страницы…</translation>
        </message>
        <message>
            <source>Test page</source>
            <translation>Пробная страница</translation>
        </message>
        <message>
            <source>No test page: {error}</source>
            <translation>Пробная страница не напечатана: {error}</translation>
        </message>
    </context>
    <context>
        <name>SheetPage</name>
        <message>
            <source>Choose the sheet</source>
            <translation>Выберите лист</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>Лист:</translation>
        </message>
        <message>
            <source>{file} has several sheets: pick the one with the guests.</source>
            <translation>В {file} несколько листов: выберите лист с гостями.</translation>
        </message>
        <message>
            <source>The workbook has several sheets: pick the one with the guests.</source>
            <translation>В книге несколько листов: выберите лист с гостями.</translation>
        </message>
    </context>
    <context>
        <name>TextTemplateEdit</name>
        <message>
            <source>Text, with {variables}</source>
            <translation>Текст с {variables}</translation>
        </message>
        <message>
            <source>Insert a variable</source>
            <translation>Вставить переменную</translation>
        </message>
    </context>
    <context>
        <name>TimelineChart</name>
        <message>
            <source>No check-ins yet</source>
            <translation>Регистраций пока нет</translation>
        </message>
        <message>
            <source>{when} — check-ins: {count}</source>
            <translation>{when} — регистраций: {count}</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Set the key passphrase</source>
            <translation>Задайте парольную фразу ключа</translation>
        </message>
        <message>
            <source>Unlock the signing key</source>
            <translation>Разблокировать ключ подписи</translation>
        </message>
        <message>
            <source>{event} is being upgraded: its badge signing key will be locked with a passphrase. Whoever prints badges types it once per session; keep it safe — it cannot be recovered.</source>
            <translation>Мероприятие {event} обновляется: его ключ подписи бейджей будет заблокирован парольной фразой. Тот, кто печатает бейджи, вводит её один раз за сеанс; храните её надёжно — восстановить её нельзя.</translation>
        </message>
        <message>
            <source>Badges of {event} are signed with a locked key. Type the event's passphrase to unlock it for this session.</source>
            <translation>Бейджи мероприятия {event} подписываются заблокированным ключом. Введите парольную фразу мероприятия, чтобы разблокировать его на этот сеанс.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Парольная фраза</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Парольная фраза ещё раз</translation>
        </message>
        <message>
            <source>Type the passphrase.</source>
            <translation>Введите парольную фразу.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Парольные фразы не совпадают.</translation>
        </message>
    </context>
    <context>
        <name>batch_print_dialog</name>
        <message>
            <source>Save the badges as PDF</source>
            <translation>Сохранить бейджи в PDF</translation>
        </message>
    </context>
    <context>
        <name>camera</name>
        <message>
            <source>No camera support: QtMultimedia is not installed</source>
            <translation>Камера не поддерживается: QtMultimedia не установлен</translation>
        </message>
        <message>
            <source>No camera found</source>
            <translation>Камера не найдена</translation>
        </message>
    </context>
    <context>
        <name>categories_editor</name>
        <message>
            <source>e.g. YTH</source>
            <translation>напр. YTH</translation>
        </message>
        <message>
            <source>Chosen once: printed badges, gates and guests' records know it by its code</source>
            <translation>Задаётся один раз: напечатанные бейджи, КПП и записи гостей знают его по коду</translation>
        </message>
    </context>
    <context>
        <name>designer_window</name>
        <message>
            <source>Open badge layout</source>
            <translation>Открыть макет бейджа</translation>
        </message>
        <message>
            <source>Save badge layout as</source>
            <translation>Сохранить макет бейджа как</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Несохранённые изменения</translation>
        </message>
        <message>
            <source>The changes to the layout {name} are not saved. Discard them?</source>
            <translation>Изменения макета {name} не сохранены. Отбросить их?</translation>
        </message>
        <message>
            <source>The layout could not be saved to {path}: {why}.</source>
            <translation>Не удалось сохранить макет в {path}: {why}.</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <source>Photo</source>
            <translation>Фото</translation>
        </message>
    </context>
    <context>
        <name>gate_setup_dialog</name>
        <message>
            <source>Gate package</source>
            <translation>Пакет КПП</translation>
        </message>
        <message>
            <source>The event's public-key file</source>
            <translation>Файл открытого ключа мероприятия</translation>
        </message>
    </context>
    <context>
        <name>gate_window</name>
        <message>
            <source>Cannot open the gate</source>
            <translation>Не удаётся открыть КПП</translation>
        </message>
        <message>
            <source>Open an event or a gate package</source>
            <translation>Открыть мероприятие или пакет КПП</translation>
        </message>
        <message>
            <source>Leave the gate</source>
            <translation>Покинуть КПП</translation>
        </message>
        <message>
            <source>Stop checking badges at this gate? Every scan so far is saved.</source>
            <translation>Прекратить проверку бейджей на этом КПП? Все сделанные сканы сохранены.</translation>
        </message>
    </context>
    <context>
        <name>history_panel</name>
        <message>
            <source>family name</source>
            <translation>фамилия</translation>
        </message>
        <message>
            <source>given name</source>
            <translation>имя</translation>
        </message>
        <message>
            <source>family name (Latin)</source>
            <translation>фамилия (латиницей)</translation>
        </message>
        <message>
            <source>given name (Latin)</source>
            <translation>имя (латиницей)</translation>
        </message>
        <message>
            <source>passport</source>
            <translation>паспорт</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>e-mail</translation>
        </message>
        <message>
            <source>reference</source>
            <translation>рег. номер</translation>
        </message>
        <message>
            <source>{field} set to {new}</source>
            <translation>{field}: задано {new}</translation>
        </message>
        <message>
            <source>{field} cleared (was {old})</source>
            <translation>{field}: очищено (было {old})</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>Added ({source})</source>
            <translation>Добавлен ({source})</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Добавлен</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Сохранено</translation>
        </message>
        <message>
            <source>Changed {changes}</source>
            <translation>Изменено: {changes}</translation>
        </message>
        <message>
            <source>Zone {zone} granted</source>
            <translation>Доступ в зону {zone} открыт</translation>
        </message>
        <message>
            <source>Zone {zone} withdrawn</source>
            <translation>Доступ в зону {zone} закрыт</translation>
        </message>
        <message>
            <source>Zone {zone} back to the category default</source>
            <translation>Зона {zone}: как у категории по умолчанию</translation>
        </message>
        <message>
            <source>Zones {changes}, now {zones}</source>
            <translation>Зоны {changes}, теперь {zones}</translation>
        </message>
        <message>
            <source>Badge {serial} reprinted at {station}</source>
            <translation>Бейдж {serial} перепечатан, {station}</translation>
        </message>
        <message>
            <source>Badge {serial} reprinted</source>
            <translation>Бейдж {serial} перепечатан</translation>
        </message>
        <message>
            <source>Badge {serial} printed at {station}</source>
            <translation>Бейдж {serial} напечатан, {station}</translation>
        </message>
        <message>
            <source>Badge {serial} printed</source>
            <translation>Бейдж {serial} напечатан</translation>
        </message>
        <message>
            <source>Checked in at a desk</source>
            <translation>Зарегистрирован на стойке</translation>
        </message>
        <message>
            <source>Checked in at {station}</source>
            <translation>Зарегистрирован: {station}</translation>
        </message>
        <message>
            <source>Photo set</source>
            <translation>Фото добавлено</translation>
        </message>
        <message>
            <source>Check-in undone</source>
            <translation>Регистрация отменена</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Одобрен</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Отклонён</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Отозван</translation>
        </message>
    </context>
    <context>
        <name>inside_panel</name>
        <message>
            <source>Save the evacuation list</source>
            <translation>Сохранить список эвакуации</translation>
        </message>
    </context>
    <context>
        <name>jobs</name>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Выполняется</translation>
        </message>
    </context>
    <context>
        <name>live_station</name>
        <message>
            <source>The event server cannot be reached. Guests are still found from this station's copy, and check-ins are kept at this desk and sent when it is back; prints and decisions wait for it. This station keeps trying.</source>
            <translation>Сервер мероприятия недоступен. Гости по-прежнему находятся по копии на этом рабочем месте, а регистрации сохраняются на этой стойке и будут отправлены, когда связь вернётся; печать и решения ждут сервера. Рабочее место продолжает попытки.</translation>
        </message>
        <message>
            <source>Live: event file</source>
            <translation>Обновления: файл мероприятия</translation>
        </message>
        <message>
            <source>Server: reconnecting…</source>
            <translation>Сервер: переподключение…</translation>
        </message>
        <message>
            <source>Server: connected · 1 station online</source>
            <translation>Сервер: подключено · рабочих мест в сети: 1</translation>
        </message>
        <message>
            <source>Server: connected · {count} stations online</source>
            <translation>Сервер: подключено · рабочих мест в сети: {count}</translation>
        </message>
        <message>
            <source>Other apps on this computer that open the same event file show each other's changes</source>
            <translation>Другие программы на этом компьютере, открывшие тот же файл мероприятия, видят изменения друг друга</translation>
        </message>
        <message>
            <source>The event server cannot be reached; this station keeps trying</source>
            <translation>Сервер мероприятия недоступен; рабочее место продолжает попытки</translation>
        </message>
        <message>
            <source>Stations connected to the event server: {stations}</source>
            <translation>Рабочие места, подключённые к серверу мероприятия: {stations}</translation>
        </message>
    </context>
    <context>
        <name>main_window</name>
        <message>
            <source>organiser</source>
            <translation>организатор</translation>
        </message>
        <message>
            <source>accreditation</source>
            <translation>аккредитация</translation>
        </message>
        <message>
            <source>desk</source>
            <translation>стойка</translation>
        </message>
        <message>
            <source>security</source>
            <translation>безопасность</translation>
        </message>
        <message>
            <source>viewer</source>
            <translation>наблюдатель</translation>
        </message>
        <message>
            <source>Open event</source>
            <translation>Открыть мероприятие</translation>
        </message>
        <message>
            <source>Opening {name}…</source>
            <translation>Открытие {name}…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Отмена</translation>
        </message>
        <message>
            <source>Cannot open the event</source>
            <translation>Не удаётся открыть мероприятие</translation>
        </message>
        <message>
            <source>Accreditor events ({pattern});;All files (*)</source>
            <translation>Мероприятия Accreditor ({pattern});;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Unexpected error</source>
            <translation>Непредвиденная ошибка</translation>
        </message>
        <message>
            <source>Accreditor hit an unexpected problem and the last action may not have finished. Everything already confirmed on screen is saved.</source>
            <translation>В Accreditor произошла непредвиденная ошибка, последнее действие могло не завершиться. Всё, что уже подтверждено на экране, сохранено.</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
    </context>
    <context>
        <name>new_event_dialog</name>
        <message>
            <source>New event</source>
            <translation>Новое мероприятие</translation>
        </message>
        <message>
            <source>Accreditor events ({pattern})</source>
            <translation>Мероприятия Accreditor ({pattern})</translation>
        </message>
    </context>
    <context>
        <name>photo_editor</name>
        <message>
            <source>Load a photo</source>
            <translation>Загрузить фото</translation>
        </message>
        <message>
            <source>Photos ({patterns});;All files (*)</source>
            <translation>Фотографии ({patterns});;Все файлы (*)</translation>
        </message>
    </context>
    <context>
        <name>photos_dialog</name>
        <message>
            <source>Folder of guest photos</source>
            <translation>Папка с фотографиями гостей</translation>
        </message>
        <message>
            <source>has one: replaced</source>
            <translation>есть: будет заменено</translation>
        </message>
        <message>
            <source>has one: kept</source>
            <translation>есть: останется</translation>
        </message>
        <message>
            <source>Matched</source>
            <translation>Сопоставлены</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Guest</source>
            <translation>Гость</translation>
        </message>
        <message>
            <source>Matched by</source>
            <translation>Сопоставлено по</translation>
        </message>
        <message>
            <source>Current photo</source>
            <translation>Текущее фото</translation>
        </message>
        <message>
            <source>Not matched</source>
            <translation>Не сопоставлены</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Почему</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Импортированы</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Отклонены</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Пропущены</translation>
        </message>
        <message>
            <source>Still without photo</source>
            <translation>Всё ещё без фото</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Имя</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>Files in {folder}: {files}; matched to guests: {matched}.</source>
            <translation>Файлов в {folder}: {files}; сопоставлено с гостями: {matched}.</translation>
        </message>
        <message>
            <source>Not matched: {count}.</source>
            <translation>Не сопоставлено: {count}.</translation>
        </message>
        <message>
            <source>Matched guests who already have a photo: {count}.</source>
            <translation>Сопоставленных гостей, у которых уже есть фото: {count}.</translation>
        </message>
        <message>
            <source>Approved or pending guests still without a photo after the import: {count}.</source>
            <translation>Одобренных или ожидающих гостей без фото после импорта: {count}.</translation>
        </message>
        <message>
            <source>Photos imported: {imported}.</source>
            <translation>Импортировано фото: {imported}.</translation>
        </message>
        <message>
            <source>Stopped before the end.</source>
            <translation>Остановлено до конца.</translation>
        </message>
        <message>
            <source>Skipped: {count}.</source>
            <translation>Пропущено: {count}.</translation>
        </message>
        <message>
            <source>Refused: {count}.</source>
            <translation>Отклонено: {count}.</translation>
        </message>
        <message>
            <source>Files not matched: {count}.</source>
            <translation>Файлов не сопоставлено: {count}.</translation>
        </message>
        <message>
            <source>Approved or pending guests still without a photo: {count}.</source>
            <translation>Одобренных или ожидающих гостей всё ещё без фото: {count}.</translation>
        </message>
        <message>
            <source>Every approved or pending guest has a photo.</source>
            <translation>У всех одобренных и ожидающих гостей есть фото.</translation>
        </message>
    </context>
    <context>
        <name>printing</name>
        <message>
            <source>the default printer</source>
            <translation>принтер по умолчанию</translation>
        </message>
        <message>
            <source>the system default printer</source>
            <translation>системный принтер по умолчанию</translation>
        </message>
        <message>
            <source>Accreditor test page</source>
            <translation>Тестовая страница Accreditor</translation>
        </message>
    </context>
    <context>
        <name>vocabulary</name>
        <message>
            <source>Pending</source>
            <comment>GuestStatus.pending label</comment>
            <translation>Ожидает</translation>
        </message>
        <message>
            <source>Pending approval</source>
            <comment>GuestStatus.pending headline</comment>
            <translation>Ожидает одобрения</translation>
        </message>
        <message>
            <source>ask the accreditation office (organiser)</source>
            <comment>GuestStatus.pending message</comment>
            <translation>обратитесь в отдел аккредитации (к организатору)</translation>
        </message>
        <message>
            <source>Approved</source>
            <comment>GuestStatus.approved label</comment>
            <translation>Одобрен</translation>
        </message>
        <message>
            <source>Rejected</source>
            <comment>GuestStatus.rejected label</comment>
            <translation>Отклонён</translation>
        </message>
        <message>
            <source>do not admit; send the guest to the accreditation office</source>
            <comment>GuestStatus.rejected message</comment>
            <translation>не пропускать; направьте гостя в отдел аккредитации</translation>
        </message>
        <message>
            <source>Revoked</source>
            <comment>GuestStatus.revoked label</comment>
            <translation>Отозван</translation>
        </message>
        <message>
            <source>do not admit; call the security supervisor</source>
            <comment>GuestStatus.revoked message</comment>
            <translation>не пропускать; вызовите старшего службы безопасности</translation>
        </message>
        <message>
            <source>ADMIT</source>
            <comment>GateColour.green label</comment>
            <translation>ПРОПУСТИТЬ</translation>
        </message>
        <message>
            <source>CHECK</source>
            <comment>GateColour.orange label</comment>
            <translation>ПРОВЕРИТЬ</translation>
        </message>
        <message>
            <source>STOP</source>
            <comment>GateColour.red label</comment>
            <translation>СТОП</translation>
        </message>
        <message>
            <source>Valid for this zone</source>
            <comment>GateReason.ok label</comment>
            <translation>Действует в этой зоне</translation>
        </message>
        <message>
            <source>Valid for {zone}.</source>
            <comment>GateReason.ok message</comment>
            <translation>Действует в зоне {zone}.</translation>
        </message>
        <message>
            <source>Let through by the operator</source>
            <comment>GateReason.override label</comment>
            <translation>Пропущен оператором</translation>
        </message>
        <message>
            <source>Let through by the operator: {reason}. The badge was {was}: {message}</source>
            <comment>GateReason.override message</comment>
            <translation>Пропущен оператором: {reason}. Решение по бейджу было {was}: {message}</translation>
        </message>
        <message>
            <source>Already inside</source>
            <comment>GateReason.already_inside label</comment>
            <translation>Уже внутри</translation>
        </message>
        <message>
            <source>Already inside {zone} since {since}: check the badge is not being passed back.</source>
            <comment>GateReason.already_inside message</comment>
            <translation>Уже в зоне {zone} с {since}: убедитесь, что бейдж не передали другому.</translation>
        </message>
        <message>
            <source>Already inside {zone} since {since} at {gate}: check the badge is not being passed back.</source>
            <comment>GateReason.already_inside variant at_gate</comment>
            <translation>Уже в зоне {zone} с {since}, вход через {gate}: убедитесь, что бейдж не передали другому.</translation>
        </message>
        <message>
            <source>Escort required</source>
            <comment>GateReason.escort_required label</comment>
            <translation>Требуется сопровождение</translation>
        </message>
        <message>
            <source>{category}: must be escorted.</source>
            <comment>GateReason.escort_required message</comment>
            <translation>{category}: только в сопровождении.</translation>
        </message>
        <message>
            <source>No photo on file</source>
            <comment>GateReason.no_photo label</comment>
            <translation>Фото нет</translation>
        </message>
        <message>
            <source>No photo on file: check an identity document.</source>
            <comment>GateReason.no_photo message</comment>
            <translation>Фото нет: проверьте удостоверение личности.</translation>
        </message>
        <message>
            <source>Not a badge code</source>
            <comment>GateReason.malformed label</comment>
            <translation>Не код бейджа</translation>
        </message>
        <message>
            <source>Not an Accreditor badge code (unreadable, damaged or something else): check by hand.</source>
            <comment>GateReason.malformed message</comment>
            <translation>Это не код бейджа Accreditor (не читается, повреждён или это что-то другое): проверьте вручную.</translation>
        </message>
        <message>
            <source>FORGED badge</source>
            <comment>GateReason.bad_signature label</comment>
            <translation>ПОДДЕЛЬНЫЙ бейдж</translation>
        </message>
        <message>
            <source>FORGED: the badge's signature is not valid.</source>
            <comment>GateReason.bad_signature message</comment>
            <translation>ПОДДЕЛКА: подпись бейджа недействительна.</translation>
        </message>
        <message>
            <source>Unknown signing key</source>
            <comment>GateReason.unknown_key label</comment>
            <translation>Неизвестный ключ подписи</translation>
        </message>
        <message>
            <source>Signed with a key this event does not accept (forged, withdrawn key or another system).</source>
            <comment>GateReason.unknown_key message</comment>
            <translation>Подписан ключом, который это мероприятие не принимает (подделка, отозванный ключ или другая система).</translation>
        </message>
        <message>
            <source>Badge of another event</source>
            <comment>GateReason.wrong_event label</comment>
            <translation>Бейдж другого мероприятия</translation>
        </message>
        <message>
            <source>A badge of another event.</source>
            <comment>GateReason.wrong_event message</comment>
            <translation>Бейдж другого мероприятия.</translation>
        </message>
        <message>
            <source>Accreditation REVOKED</source>
            <comment>GateReason.revoked label</comment>
            <translation>Аккредитация ОТОЗВАНА</translation>
        </message>
        <message>
            <source>Accreditation REVOKED: do not let in.</source>
            <comment>GateReason.revoked message</comment>
            <translation>Аккредитация ОТОЗВАНА: не пропускать.</translation>
        </message>
        <message>
            <source>OLD badge (replaced)</source>
            <comment>GateReason.superseded label</comment>
            <translation>СТАРЫЙ бейдж (заменён)</translation>
        </message>
        <message>
            <source>OLD BADGE: serial {serial} was replaced by serial {current} (reprinted or reported lost): do not let in.</source>
            <comment>GateReason.superseded message</comment>
            <translation>СТАРЫЙ БЕЙДЖ: номер {serial} заменён номером {current} (перепечатан или заявлен утерянным): не пропускать.</translation>
        </message>
        <message>
            <source>Not accredited</source>
            <comment>GateReason.not_approved label</comment>
            <translation>Не аккредитован</translation>
        </message>
        <message>
            <source>Not accredited: the guest is not approved.</source>
            <comment>GateReason.not_approved message</comment>
            <translation>Не аккредитован: гость не одобрен.</translation>
        </message>
        <message>
            <source>Not allowed in this zone</source>
            <comment>GateReason.zone_not_allowed label</comment>
            <translation>Нет доступа в эту зону</translation>
        </message>
        <message>
            <source>Not allowed in {zone}: the badge is for {zones}.</source>
            <comment>GateReason.zone_not_allowed message</comment>
            <translation>Нет доступа в зону {zone}: бейдж действует в зонах {zones}.</translation>
        </message>
        <message>
            <source>Not allowed in {zone} with this badge (it shows {zones}); reprint it.</source>
            <comment>GateReason.zone_not_allowed variant reprint</comment>
            <translation>С этим бейджем нет доступа в зону {zone} (на нём {zones}); перепечатайте его.</translation>
        </message>
        <message>
            <source>Badge expired</source>
            <comment>GateReason.expired label</comment>
            <translation>Срок бейджа истёк</translation>
        </message>
        <message>
            <source>Badge expired: it was valid until {until}.</source>
            <comment>GateReason.expired message</comment>
            <translation>Срок бейджа истёк: действовал до {until}.</translation>
        </message>
        <message>
            <source>Badge not valid yet</source>
            <comment>GateReason.not_yet_valid label</comment>
            <translation>Бейдж ещё не действует</translation>
        </message>
        <message>
            <source>Badge not valid yet: it opens on {since}.</source>
            <comment>GateReason.not_yet_valid message</comment>
            <translation>Бейдж ещё не действует: начинает действовать {since}.</translation>
        </message>
        <message>
            <source>Scan NOT checked</source>
            <comment>GateReason.not_checked label</comment>
            <translation>Скан НЕ проверен</translation>
        </message>
        <message>
            <source>The gate could not check or record this badge ({error}). Check it by hand and call the supervisor.</source>
            <comment>GateReason.not_checked message</comment>
            <translation>КПП не смог проверить или записать этот бейдж ({error}). Проверьте вручную и вызовите старшего смены.</translation>
        </message>
        <message>
            <source>Valid badge</source>
            <comment>TokenReason.ok label</comment>
            <translation>Действующий бейдж</translation>
        </message>
        <message>
            <source>Unreadable or forged code</source>
            <comment>TokenReason.malformed label</comment>
            <translation>Код не читается или подделан</translation>
        </message>
        <message>
            <source>Forged badge (bad signature)</source>
            <comment>TokenReason.bad_signature label</comment>
            <translation>Поддельный бейдж (неверная подпись)</translation>
        </message>
        <message>
            <source>Badge of another event (signed with a key this event does not know)</source>
            <comment>TokenReason.unknown_key label</comment>
            <translation>Бейдж другого мероприятия (подписан неизвестным ключом)</translation>
        </message>
        <message>
            <source>Badge of another event</source>
            <comment>TokenReason.wrong_event label</comment>
            <translation>Бейдж другого мероприятия</translation>
        </message>
        <message>
            <source>Badge expired</source>
            <comment>TokenReason.expired label</comment>
            <translation>Срок бейджа истёк</translation>
        </message>
        <message>
            <source>Badge expired (valid until {until})</source>
            <comment>TokenReason.expired message</comment>
            <translation>Срок бейджа истёк (действовал до {until})</translation>
        </message>
        <message>
            <source>Badge not valid yet</source>
            <comment>TokenReason.not_yet_valid label</comment>
            <translation>Бейдж ещё не действует</translation>
        </message>
        <message>
            <source>Badge not valid yet (valid from {since})</source>
            <comment>TokenReason.not_yet_valid message</comment>
            <translation>Бейдж ещё не действует (действует с {since})</translation>
        </message>
        <message>
            <source>Badge revoked</source>
            <comment>TokenReason.revoked label</comment>
            <translation>Бейдж отозван</translation>
        </message>
        <message>
            <source>Old badge — a newer one was printed</source>
            <comment>TokenReason.superseded label</comment>
            <translation>Старый бейдж — напечатан более новый</translation>
        </message>
        <message>
            <source>Old badge — a newer one was printed (this is serial {serial}, the valid one is {current})</source>
            <comment>TokenReason.superseded message</comment>
            <translation>Старый бейдж — напечатан более новый (это номер {serial}, действующий — {current})</translation>
        </message>
        <message>
            <source>Guest not approved</source>
            <comment>TokenReason.not_approved label</comment>
            <translation>Гость не одобрен</translation>
        </message>
        <message>
            <source>Checked in</source>
            <comment>CheckInResult.checked_in label</comment>
            <translation>Прибыл</translation>
        </message>
        <message>
            <source>Checked in: {name}</source>
            <comment>CheckInResult.checked_in message</comment>
            <translation>Зарегистрирован: {name}</translation>
        </message>
        <message>
            <source>Already checked in</source>
            <comment>CheckInResult.already label</comment>
            <translation>Уже зарегистрирован</translation>
        </message>
        <message>
            <source>Already checked in at {when}</source>
            <comment>CheckInResult.already message</comment>
            <translation>Уже зарегистрирован: {when}</translation>
        </message>
        <message>
            <source>Not checked in</source>
            <comment>CheckInResult.refused label</comment>
            <translation>Не зарегистрирован</translation>
        </message>
        <message>
            <source>Not checked in. {why}</source>
            <comment>CheckInResult.refused message</comment>
            <translation>Не зарегистрирован. {why}</translation>
        </message>
        <message>
            <source>Check-in queued</source>
            <comment>CheckInResult.queued label</comment>
            <translation>Регистрация отложена</translation>
        </message>
        <message>
            <source>Checked in at this desk: {name}. The event server cannot be reached; the check-in waits here and is sent when it is back.</source>
            <comment>CheckInResult.queued message</comment>
            <translation>Зарегистрирован на этой стойке: {name}. Сервер мероприятия недоступен; регистрация сохранена здесь и будет отправлена, когда связь вернётся.</translation>
        </message>
        <message>
            <source>Unknown guest</source>
            <comment>CheckInRefusal.unknown_guest label</comment>
            <translation>Неизвестный гость</translation>
        </message>
        <message>
            <source>There is no guest with id {guest}.</source>
            <comment>CheckInRefusal.unknown_guest message</comment>
            <translation>Гостя с номером {guest} нет.</translation>
        </message>
        <message>
            <source>Unknown code</source>
            <comment>CheckInRefusal.unknown_code label</comment>
            <translation>Неизвестный код</translation>
        </message>
        <message>
            <source>Unknown code: {code}</source>
            <comment>CheckInRefusal.unknown_code message</comment>
            <translation>Неизвестный код: {code}</translation>
        </message>
        <message>
            <source>Pending</source>
            <comment>CheckInRefusal.pending label</comment>
            <translation>Ожидает</translation>
        </message>
        <message>
            <source>Guest {guest} is {status}{why} and cannot be checked in.</source>
            <comment>CheckInRefusal.pending message</comment>
            <translation>Гость {guest}: статус «{status}»{why}, регистрация невозможна.</translation>
        </message>
        <message>
            <source>Rejected</source>
            <comment>CheckInRefusal.rejected label</comment>
            <translation>Отклонён</translation>
        </message>
        <message>
            <source>Guest {guest} is {status}{why} and cannot be checked in.</source>
            <comment>CheckInRefusal.rejected message</comment>
            <translation>Гость {guest}: статус «{status}»{why}, регистрация невозможна.</translation>
        </message>
        <message>
            <source>Revoked</source>
            <comment>CheckInRefusal.revoked label</comment>
            <translation>Отозван</translation>
        </message>
        <message>
            <source>Guest {guest} is {status}{why} and cannot be checked in.</source>
            <comment>CheckInRefusal.revoked message</comment>
            <translation>Гость {guest}: статус «{status}»{why}, регистрация невозможна.</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <comment>PrintStatus.accepted label</comment>
            <translation>Отправлено на печать</translation>
        </message>
        <message>
            <source>Sent to {printer} (job {job}).</source>
            <comment>PrintStatus.accepted message</comment>
            <translation>Отправлено на {printer} (задание {job}).</translation>
        </message>
        <message>
            <source>Sent to {printer}.</source>
            <comment>PrintStatus.accepted variant no_job</comment>
            <translation>Отправлено на {printer}.</translation>
        </message>
        <message>
            <source>Saved</source>
            <comment>PrintStatus.saved label</comment>
            <translation>Сохранено</translation>
        </message>
        <message>
            <source>Saved to {path}.</source>
            <comment>PrintStatus.saved message</comment>
            <translation>Сохранено в {path}.</translation>
        </message>
        <message>
            <source>No printer</source>
            <comment>PrintStatus.no_printer label</comment>
            <translation>Нет принтера</translation>
        </message>
        <message>
            <source>No printer is chosen and the system has no default printer.</source>
            <comment>PrintStatus.no_printer message</comment>
            <translation>Принтер не выбран, а принтера по умолчанию в системе нет.</translation>
        </message>
        <message>
            <source>No such printer</source>
            <comment>PrintStatus.unknown_printer label</comment>
            <translation>Принтер не найден</translation>
        </message>
        <message>
            <source>There is no printer called {printer}.</source>
            <comment>PrintStatus.unknown_printer message</comment>
            <translation>Принтера {printer} нет.</translation>
        </message>
        <message>
            <source>Printer stopped</source>
            <comment>PrintStatus.stopped label</comment>
            <translation>Принтер остановлен</translation>
        </message>
        <message>
            <source>The printer {printer} is stopped; start it again in the system's printer settings.</source>
            <comment>PrintStatus.stopped message</comment>
            <translation>Принтер {printer} остановлен; запустите его снова в настройках принтеров системы.</translation>
        </message>
        <message>
            <source>Refused</source>
            <comment>PrintStatus.refused label</comment>
            <translation>Отклонено</translation>
        </message>
        <message>
            <source>The printer {printer} refused the job: {why}.</source>
            <comment>PrintStatus.refused message</comment>
            <translation>Принтер {printer} отклонил задание: {why}.</translation>
        </message>
        <message>
            <source>Print system silent</source>
            <comment>PrintStatus.no_answer label</comment>
            <translation>Система печати молчит</translation>
        </message>
        <message>
            <source>The print system did not answer; check that CUPS is running.</source>
            <comment>PrintStatus.no_answer message</comment>
            <translation>Система печати не ответила; проверьте, что CUPS запущен.</translation>
        </message>
        <message>
            <source>Print system unreachable</source>
            <comment>PrintStatus.cannot_ask label</comment>
            <translation>Система печати недоступна</translation>
        </message>
        <message>
            <source>The print system cannot be asked about {printer} ({why}).</source>
            <comment>PrintStatus.cannot_ask message</comment>
            <translation>Не удаётся узнать у системы печати о принтере {printer} ({why}).</translation>
        </message>
        <message>
            <source>Cannot print</source>
            <comment>PrintStatus.cannot_run label</comment>
            <translation>Печать невозможна</translation>
        </message>
        <message>
            <source>The print command could not run ({why}).</source>
            <comment>PrintStatus.cannot_run message</comment>
            <translation>Команда печати не запустилась ({why}).</translation>
        </message>
        <message>
            <source>Printer silent</source>
            <comment>PrintStatus.timed_out label</comment>
            <translation>Принтер не отвечает</translation>
        </message>
        <message>
            <source>The printer {printer} did not take the job within {seconds} seconds.</source>
            <comment>PrintStatus.timed_out message</comment>
            <translation>Принтер {printer} не принял задание за {seconds} с.</translation>
        </message>
        <message>
            <source>File missing</source>
            <comment>PrintStatus.missing_file label</comment>
            <translation>Файл отсутствует</translation>
        </message>
        <message>
            <source>The file to print, {file}, is missing.</source>
            <comment>PrintStatus.missing_file message</comment>
            <translation>Файла для печати {file} нет.</translation>
        </message>
        <message>
            <source>Nothing to print</source>
            <comment>PrintStatus.no_pages label</comment>
            <translation>Нечего печатать</translation>
        </message>
        <message>
            <source>The file to print has no pages.</source>
            <comment>PrintStatus.no_pages message</comment>
            <translation>В файле для печати нет страниц.</translation>
        </message>
        <message>
            <source>Printer unavailable</source>
            <comment>PrintStatus.cannot_open label</comment>
            <translation>Принтер недоступен</translation>
        </message>
        <message>
            <source>The printer {printer} cannot be opened.</source>
            <comment>PrintStatus.cannot_open message</comment>
            <translation>Принтер {printer} не открывается.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <comment>PrintStatus.cannot_save label</comment>
            <translation>Не сохранено</translation>
        </message>
        <message>
            <source>The badges could not be saved to {path} ({why}).</source>
            <comment>PrintStatus.cannot_save message</comment>
            <translation>Не удалось сохранить бейджи в {path} ({why}).</translation>
        </message>
        <message>
            <source>Unsigned</source>
            <comment>ScanRejection.unsigned label</comment>
            <translation>Без подписи</translation>
        </message>
        <message>
            <source>The line is not signed by a gate station: export the log again on the gate, with its package.</source>
            <comment>ScanRejection.unsigned message</comment>
            <translation>Строка не подписана КПП: выгрузите журнал на КПП ещё раз, с его пакетом.</translation>
        </message>
        <message>
            <source>Another event's</source>
            <comment>ScanRejection.other_event label</comment>
            <translation>Чужое мероприятие</translation>
        </message>
        <message>
            <source>The line was written for event {event}, not this one: a replay.</source>
            <comment>ScanRejection.other_event message</comment>
            <translation>Строка записана для мероприятия {event}, а не для этого: повтор чужих данных.</translation>
        </message>
        <message>
            <source>Unknown station</source>
            <comment>ScanRejection.unknown_station label</comment>
            <translation>Неизвестный КПП</translation>
        </message>
        <message>
            <source>The line is signed as gate station {station}, which this event does not have.</source>
            <comment>ScanRejection.unknown_station message</comment>
            <translation>Строка подписана как КПП {station}, которого в этом мероприятии нет.</translation>
        </message>
        <message>
            <source>FORGED line</source>
            <comment>ScanRejection.bad_signature label</comment>
            <translation>ПОДДЕЛЬНАЯ строка</translation>
        </message>
        <message>
            <source>FORGED or altered: the line's signature is not gate station {name}'s.</source>
            <comment>ScanRejection.bad_signature message</comment>
            <translation>ПОДДЕЛКА или изменение: подпись строки не принадлежит КПП {name}.</translation>
        </message>
        <message>
            <source>Station revoked</source>
            <comment>ScanRejection.station_revoked label</comment>
            <translation>КПП отозван</translation>
        </message>
        <message>
            <source>Gate station {name} was revoked on {since}; lines signed by it are no longer merged.</source>
            <comment>ScanRejection.station_revoked message</comment>
            <translation>КПП {name} отозван {since}; подписанные им строки больше не принимаются.</translation>
        </message>
        <message>
            <source>Altered</source>
            <comment>ScanRejection.altered label</comment>
            <translation>Изменена</translation>
        </message>
        <message>
            <source>The event holds scan {nonce} with other details: the line was altered.</source>
            <comment>ScanRejection.altered message</comment>
            <translation>В мероприятии уже есть скан {nonce} с другими данными: строка изменена.</translation>
        </message>
        <message>
            <source>Unknown zone</source>
            <comment>ScanRejection.unknown_zone label</comment>
            <translation>Неизвестная зона</translation>
        </message>
        <message>
            <source>The event has no zone {zone}.</source>
            <comment>ScanRejection.unknown_zone message</comment>
            <translation>В мероприятии нет зоны {zone}.</translation>
        </message>
        <message>
            <source>Unknown guest</source>
            <comment>ScanRejection.unknown_guest label</comment>
            <translation>Неизвестный гость</translation>
        </message>
        <message>
            <source>The event has no guest {guest}.</source>
            <comment>ScanRejection.unknown_guest message</comment>
            <translation>В мероприятии нет гостя {guest}.</translation>
        </message>
        <message>
            <source>Out of dates</source>
            <comment>ScanRejection.out_of_dates label</comment>
            <translation>Вне дат мероприятия</translation>
        </message>
        <message>
            <source>The scan is dated {day}, outside the event's days ({first} to {last}, give or take a day).</source>
            <comment>ScanRejection.out_of_dates message</comment>
            <translation>Скан датирован {day} — вне дней мероприятия (с {first} по {last}, плюс-минус день).</translation>
        </message>
        <message>
            <source>The scan is dated {day}, after tomorrow.</source>
            <comment>ScanRejection.out_of_dates variant future</comment>
            <translation>Скан датирован {day} — позже завтрашнего дня.</translation>
        </message>
    </context>
</TS>
