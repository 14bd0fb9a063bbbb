<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tg_TJ">
    <context>
        <name>AttendanceModel</name>
        <message>
            <source>Name (as written)</source>
            <translation>Ном (чӣ тавре навишта шуда)</translation>
        </message>
        <message>
            <source>Name (Latin)</source>
            <translation>Ном (бо лотинӣ)</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Ташкилот</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Вазъ</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Омад</translation>
        </message>
    </context>
    <context>
        <name>BadgeCanvas</name>
        <message>
            <source>text</source>
            <translation>матн</translation>
        </message>
        <message>
            <source>band</source>
            <translation>навор</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>акс</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>рамзи QR</translation>
        </message>
        <message>
            <source>zones</source>
            <translation>минтақаҳо</translation>
        </message>
        <message>
            <source>image</source>
            <translation>тасвир</translation>
        </message>
        <message>
            <source>rect</source>
            <translation>росткунҷа</translation>
        </message>
        <message>
            <source>line</source>
            <translation>хат</translation>
        </message>
    </context>
    <context>
        <name>BadgeDesigner</name>
        <message>
            <source>Text</source>
            <translation>Матн</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>Навор</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Акс</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>Рамзи QR</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Минтақаҳо</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Росткунҷа</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Хат</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Тарҳ</translation>
        </message>
        <message>
            <source> Layout </source>
            <translation> Тарҳ </translation>
        </message>
        <message>
            <source>Open layout file…</source>
            <translation>Кушодани файли тарҳ…</translation>
        </message>
        <message>
            <source>Design the {side} of the badge</source>
            <translation>Ороиши тарафи нишона: {side}</translation>
        </message>
        <message>
            <source> Zoom </source>
            <translation> Миқёс </translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Мувофиқ</translation>
        </message>
        <message>
            <source>{zoom} (true size)</source>
            <translation>{zoom} (андозаи аслӣ)</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Илова</translation>
        </message>
        <message>
            <source>Put a new element on the badge</source>
            <translation>Ба нишона унсури нав илова кунед</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Нест кардан</translation>
        </message>
        <message>
            <source>Remove the selected element (Del)</source>
            <translation>Унсури интихобшударо нест кунед (Del)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Захира</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Захира ҳамчун…</translation>
        </message>
        <message>
            <source>Preview: the badge as printed</source>
            <translation>Пешнамоиш: нишона ҳангоми чоп</translation>
        </message>
        <message>
            <source>Properties</source>
            <translation>Хусусиятҳо</translation>
        </message>
        <message>
            <source>Badge layout</source>
            <translation>Тарҳи нишона</translation>
        </message>
        <message>
            <source>Badge designer — {name}{star}</source>
            <translation>Тарроҳи нишона — {name}{star}</translation>
        </message>
        <message>
            <source>Save badge layout</source>
            <translation>Захираи тарҳи нишона</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>Дар {path} захира шуд</translation>
        </message>
    </context>
    <context>
        <name>BadgePreview</name>
        <message>
            <source>Loading the guests…</source>
            <translation>Боргирии меҳмонон…</translation>
        </message>
        <message>
            <source>Next hard case ▸</source>
            <translation>Ҳолати душвори навбатӣ ▸</translation>
        </message>
        <message>
            <source>Cycle through the guests most likely to break the layout</source>
            <translation>Меҳмононе, ки тарҳро вайрон карда метавонанд, паси ҳам нишон диҳед</translation>
        </message>
        <message>
            <source>Preview guests</source>
            <translation>Меҳмонони пешнамоиш</translation>
        </message>
        <message>
            <source>Badge preview</source>
            <translation>Пешнамоиши нишона</translation>
        </message>
    </context>
    <context>
        <name>BatchPrintDialog</name>
        <message>
            <source>Registration number</source>
            <translation>Рақами сабти ном</translation>
        </message>
        <message>
            <source>Name (Latin, family name first)</source>
            <translation>Ном (бо лотинӣ, аввал насаб)</translation>
        </message>
        <message>
            <source>Delegation, then name</source>
            <translation>Ҳайат, баъд ном</translation>
        </message>
        <message>
            <source>Country, then name</source>
            <translation>Кишвар, баъд ном</translation>
        </message>
        <message>
            <source>Category, then name</source>
            <translation>Категория, баъд ном</translation>
        </message>
        <message>
            <source>Why? e.g. lost, damaged, details changed</source>
            <translation>Чаро? Масалан: гум шуд, вайрон шуд, маълумот иваз шуд</translation>
        </message>
        <message>
            <source>1 badge</source>
            <translation>1 нишона</translation>
        </message>
        <message>
            <source>{count} badges</source>
            <translation>{count} нишона</translation>
        </message>
        <message>
            <source>1 page</source>
            <translation>1 саҳифа</translation>
        </message>
        <message>
            <source>{count} pages</source>
            <translation>{count} саҳифа</translation>
        </message>
        <message>
            <source>1 guest</source>
            <translation>1 меҳмон</translation>
        </message>
        <message>
            <source>{count} guests</source>
            <translation>{count} меҳмон</translation>
        </message>
        <message>
            <source>1 sheet</source>
            <translation>1 варақ</translation>
        </message>
        <message>
            <source>{count} sheets</source>
            <translation>{count} варақ</translation>
        </message>
        <message>
            <source>the default printer</source>
            <translation>чопгари пешфарз</translation>
        </message>
        <message>
            <source>{badges} on {pages}</source>
            <translation>{badges} дар {pages}</translation>
        </message>
        <message>
            <source>No badge to print: every guest was skipped.</source>
            <translation>Нишона барои чоп нест: ҳамаи меҳмонон гузаронида шуданд.</translation>
        </message>
        <message>
            <source>Nothing was printed: {why} No badge was marked printed.</source>
            <translation>Ҳеҷ чиз чоп нашуд: {why} Ягон нишона ҳамчун чопшуда қайд нашуд.</translation>
        </message>
        <message>
            <source>Saved {made} to {path}.</source>
            <translation>{made} дар {path} захира шуд.</translation>
        </message>
        <message>
            <source>Printed {made} on {printer}.</source>
            <translation>{made} дар {printer} чоп шуд.</translation>
        </message>
        <message>
            <source>They are not marked printed: {why}</source>
            <translation>Онҳо ҳамчун чопшуда қайд нашуданд: {why}</translation>
        </message>
        <message>
            <source>{badges} marked printed.</source>
            <translation>{badges} ҳамчун чопшуда қайд шуд.</translation>
        </message>
        <message>
            <source>Skipped {count}:</source>
            <translation>Гузаронида шуд: {count}:</translation>
        </message>
        <message>
            <source>Warnings:</source>
            <translation>Огоҳиҳо:</translation>
        </message>
        <message>
            <source>There is nobody to print.</source>
            <translation>Касе барои чоп нест.</translation>
        </message>
        <message>
            <source>None of these {guests} gets a badge:</source>
            <translation>Ҳеҷ яке аз ин {guests} нишона намегирад:</translation>
        </message>
        <message>
            <source>{badges} to print on {sheets}; {guests} skipped:</source>
            <translation>Барои чоп {badges} дар {sheets}; {guests} гузаронида шуд:</translation>
        </message>
        <message>
            <source>{badges} to print on {sheets}.</source>
            <translation>Барои чоп {badges} дар {sheets}.</translation>
        </message>
        <message>
            <source>Print badges</source>
            <translation>Чопи нишонаҳо</translation>
        </message>
        <message>
            <source>Guest</source>
            <translation>Меҳмон</translation>
        </message>
        <message>
            <source>Why no badge</source>
            <translation>Чаро нишона нест</translation>
        </message>
        <message>
            <source>Only guests whose badge is not printed yet</source>
            <translation>Танҳо меҳмононе, ки нишонаашон ҳанӯз чоп нашудааст</translation>
        </message>
        <message>
            <source>Also reprint badges already printed (the old ones stop working)</source>
            <translation>Нишонаҳои чопшударо низ аз нав чоп кунед (кӯҳнаҳо беэътибор мешаванд)</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Чопгар</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Захира ҳамчун PDF…</translation>
        </message>
        <message>
            <source>{printer} (not found)</source>
            <translation>{printer} (ёфт нашуд)</translation>
        </message>
        <message>
            <source>Preview the first page to see the badges as they will print.</source>
            <translation>Саҳифаи якумро бинед, то нишонаҳоро чунон ки чоп мешаванд, бинед.</translation>
        </message>
        <message>
            <source>Preview first page</source>
            <translation>Саҳифаи якум</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Чоп</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Бекор</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>Тарҳ</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Тартиб</translation>
        </message>
        <message>
            <source>Badges</source>
            <translation>Нишонаҳо</translation>
        </message>
        <message>
            <source>Send to</source>
            <translation>Ба куҷо</translation>
        </message>
        <message>
            <source>Counting the badges…</source>
            <translation>Ҳисобкунии нишонаҳо…</translation>
        </message>
        <message>
            <source>Counting the badges</source>
            <translation>Ҳисобкунии нишонаҳо</translation>
        </message>
        <message>
            <source>The badges cannot be counted: {why}</source>
            <translation>Нишонаҳоро ҳисоб кардан ғайриимкон аст: {why}</translation>
        </message>
        <message>
            <source>Badges for all {guests} of the event</source>
            <translation>Нишонаҳо барои ҳамаи {guests}-и чорабинӣ</translation>
        </message>
        <message>
            <source>Badges for {guests}</source>
            <translation>Нишонаҳо барои {guests}</translation>
        </message>
        <message>
            <source>Save PDF…</source>
            <translation>Захираи PDF…</translation>
        </message>
        <message>
            <source>Give the reason for the reprint first.</source>
            <translation>Аввал сабаби аз нав чоп карданро нависед.</translation>
        </message>
        <message>
            <source>No preview: the badge signing key is still locked.</source>
            <translation>Пешнамоиш нест: калиди имзои нишонаҳо ҳоло қулф аст.</translation>
        </message>
        <message>
            <source>Rendering the first page…</source>
            <translation>Тайёр кардани саҳифаи якум…</translation>
        </message>
        <message>
            <source>Badge preview</source>
            <translation>Пешнамоиши нишона</translation>
        </message>
        <message>
            <source>There is no badge to preview.</source>
            <translation>Барои пешнамоиш нишона нест.</translation>
        </message>
        <message>
            <source>No preview: {why}</source>
            <translation>Пешнамоиш нест: {why}</translation>
        </message>
        <message>
            <source>Rendering {badges}…</source>
            <translation>Тайёр кардани {badges}…</translation>
        </message>
        <message>
            <source>Batch printing</source>
            <translation>Чопи гурӯҳӣ</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Бекор шуда истодааст…</translation>
        </message>
        <message>
            <source>Rendered {done} of {badges}…</source>
            <translation>{done} аз {badges} тайёр шуд…</translation>
        </message>
        <message>
            <source>Sending {badges} to {printer}…</source>
            <translation>Фиристодани {badges} ба {printer}…</translation>
        </message>
        <message>
            <source>Writing {name}…</source>
            <translation>Навиштани {name}…</translation>
        </message>
        <message>
            <source>The batch stopped: {why}
No badge was marked printed.</source>
            <translation>Баста қатъ шуд: {why}
Ягон нишона ҳамчун чопшуда қайд нашуд.</translation>
        </message>
        <message>
            <source>Batch printing failed</source>
            <translation>Чопи гурӯҳӣ анҷом наёфт</translation>
        </message>
    </context>
    <context>
        <name>BreakdownModel</name>
        <message>
            <source>Registered</source>
            <translation>Сабт</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Интизор</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Омаданд</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>Ҳузур</translation>
        </message>
    </context>
    <context>
        <name>CameraPhotoDialog</name>
        <message>
            <source>Take a photo</source>
            <translation>Аксбардории меҳмон</translation>
        </message>
        <message>
            <source>Face the camera, fill the dashed frame with the face, then Capture.</source>
            <translation>Ба камера нигоҳ кунед, рӯй дар чаҳорчӯбаи нуқтадор бошад, баъд «Гирифтан»-ро пахш кунед.</translation>
        </message>
        <message>
            <source>&amp;Capture</source>
            <translation>&amp;Гирифтан</translation>
        </message>
        <message>
            <source>No camera found</source>
            <translation>Камера ёфт нашуд</translation>
        </message>
        <message>
            <source>The camera stopped: {why}</source>
            <translation>Камера қатъ шуд: {why}</translation>
        </message>
    </context>
    <context>
        <name>CategoriesEditor</name>
        <message>
            <source>Category colour</source>
            <translation>Ранги категория</translation>
        </message>
        <message>
            <source>{name} (guest {guest}, badge {serial}) — {reason}</source>
            <translation>{name} (меҳмон {guest}, нишона {serial}) — {reason}</translation>
        </message>
    </context>
    <context>
        <name>CategoriesEditorDialog</name>
        <message>
            <source>{colour} is hard to tell from {other} with {vision} (ΔE {distance}, at least {minimum} is needed).</source>
            <translation>{colour}-ро аз {other} ҳангоми {vision} фарқ кардан душвор аст (ΔE {distance}, ақаллан {minimum} лозим).</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Рамз</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ном</translation>
        </message>
        <message>
            <source>Default zones</source>
            <translation>Минтақаҳои пешфарз</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Акс</translation>
        </message>
        <message>
            <source>Escort</source>
            <translation>Ҳамроҳӣ</translation>
        </message>
        <message>
            <source>Categories and zones</source>
            <translation>Категорияҳо ва минтақаҳо</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>Категорияҳо</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Минтақаҳо</translation>
        </message>
        <message>
            <source>New category</source>
            <translation>Категорияи нав</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Нест кардан</translation>
        </message>
        <message>
            <source>Photo required on the badge</source>
            <translation>Акс дар нишона ҳатмист</translation>
        </message>
        <message>
            <source>Escort required</source>
            <translation>Ҳамроҳӣ лозим аст</translation>
        </message>
        <message>
            <source>Other names in registration lists, comma-separated</source>
            <translation>Номҳои дигар дар рӯйхатҳои сабти ном, бо вергул</translation>
        </message>
        <message>
            <source>Save category</source>
            <translation>Захираи категория</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Ранг</translation>
        </message>
        <message>
            <source>Also called</source>
            <translation>Номи дигар</translation>
        </message>
        <message>
            <source>New zone</source>
            <translation>Минтақаи нав</translation>
        </message>
        <message>
            <source>Save zone</source>
            <translation>Захираи минтақа</translation>
        </message>
        <message>
            <source>Badges and gates show zones by code; the name is for people.</source>
            <translation>Нишонаҳо ва дарвозаҳо минтақаро бо рамз нишон медиҳанд; ном барои одамон аст.</translation>
        </message>
        <message>
            <source>Cannot read the categories</source>
            <translation>Категорияҳоро хондан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Add category</source>
            <translation>Илова кардани категория</translation>
        </message>
        <message>
            <source>The colour {colour}</source>
            <translation>Ранги {colour}</translation>
        </message>
        <message>
            <source>Saved the category {name} ({code}).</source>
            <translation>Категорияи {name} ({code}) захира шуд.</translation>
        </message>
        <message>
            <source>Deleted the category {code}.</source>
            <translation>Категорияи {code} нест карда шуд.</translation>
        </message>
        <message>
            <source>Add zone</source>
            <translation>Илова кардани минтақа</translation>
        </message>
        <message>
            <source>Saved the zone {name} ({code}).</source>
            <translation>Минтақаи {name} ({code}) захира шуд.</translation>
        </message>
        <message>
            <source>Deleted the zone {code}.</source>
            <translation>Минтақаи {code} нест карда шуд.</translation>
        </message>
    </context>
    <context>
        <name>ColourEdit</name>
        <message>
            <source>Choose a colour</source>
            <translation>Рангро интихоб кунед</translation>
        </message>
        <message>
            <source>Choose colour…</source>
            <translation>Интихоби ранг…</translation>
        </message>
    </context>
    <context>
        <name>CropView</name>
        <message>
            <source>No photo yet: load a file.</source>
            <translation>Ҳоло акс нест: файлро бор кунед.</translation>
        </message>
    </context>
    <context>
        <name>DeskController</name>
        <message>
            <source>{when} at {station} by {user}</source>
            <translation>{when}, {station}, корманд {user}</translation>
        </message>
        <message>
            <source>{when} at {station}</source>
            <translation>{when}, {station}</translation>
        </message>
        <message>
            <source>{when} by {user}</source>
            <translation>{when}, корманд {user}</translation>
        </message>
        <message>
            <source>not printed yet</source>
            <translation>ҳанӯз чоп нашудааст</translation>
        </message>
        <message>
            <source>printed {when}, serial {serial}</source>
            <translation>чоп шуд {when}, рақам {serial}</translation>
        </message>
        <message>
            <source>serial {serial}</source>
            <translation>рақам {serial}</translation>
        </message>
        <message>
            <source>{status}: {reason}</source>
            <translation>{status}: {reason}</translation>
        </message>
        <message>
            <source>{why} — nobody was checked in.</source>
            <translation>{why} — ҳеҷ кас қайд нашуд.</translation>
        </message>
        <message>
            <source>the printer refused the job</source>
            <translation>чопгар вазифаро рад кард</translation>
        </message>
        <message>
            <source>Queued check-in of {name} refused: {why}</source>
            <translation>Қайди дар навбатмондаи {name} рад шуд: {why}</translation>
        </message>
        <message>
            <source>Queued check-ins sent to the event server: {count}</source>
            <translation>Қайдҳои дар навбатмонда ба сервери чорабинӣ фиристода шуданд: {count}</translation>
        </message>
        <message>
            <source>Opening the event</source>
            <translation>Кушодани чорабинӣ</translation>
        </message>
        <message>
            <source>Reading the guest</source>
            <translation>Хондани маълумоти меҳмон</translation>
        </message>
        <message>
            <source>Found by code {code}: {name}</source>
            <translation>Бо рамзи {code} ёфт шуд: {name}</translation>
        </message>
        <message>
            <source>Unknown code: {code}</source>
            <translation>Рамзи номаълум: {code}</translation>
        </message>
        <message>
            <source>Unknown code (the scan was empty)</source>
            <translation>Рамзи номаълум (сканер чизе нахонд)</translation>
        </message>
        <message>
            <source>Reading the scan</source>
            <translation>Хондани рамз</translation>
        </message>
        <message>
            <source>Checking in</source>
            <translation>Қайди омадан</translation>
        </message>
        <message>
            <source>Check-in of {name} undone ({reason})</source>
            <translation>Қайди омадани {name} бекор шуд ({reason})</translation>
        </message>
        <message>
            <source>Undoing the check-in</source>
            <translation>Бекор кардани қайд</translation>
        </message>
        <message>
            <source>This badge is already being printed.</source>
            <translation>Ин нишона аллакай чоп шуда истодааст.</translation>
        </message>
        <message>
            <source>The badge signing key is still locked; nothing was printed.</source>
            <translation>Калиди имзои нишонаҳо ҳоло қулф аст; ҳеҷ чиз чоп нашуд.</translation>
        </message>
        <message>
            <source>Printing the badge…</source>
            <translation>Чопи нишона…</translation>
        </message>
        <message>
            <source>Printing the badge… ({count} before it)</source>
            <translation>Чопи нишона… (дар навбат пеш аз он: {count})</translation>
        </message>
        <message>
            <source>Printing a badge</source>
            <translation>Чопи нишона</translation>
        </message>
        <message>
            <source>Badge of {name} sent to the printer (serial {serial})</source>
            <translation>Нишонаи {name} ба чоп фиристода шуд (рақам {serial})</translation>
        </message>
        <message>
            <source>Badge of {name} sent to the printer (serial {serial}, job {job})</source>
            <translation>Нишонаи {name} ба чоп фиристода шуд (рақам {serial}, вазифа {job})</translation>
        </message>
        <message>
            <source>Badge of {name} NOT printed: {why} — nothing was recorded.</source>
            <translation>Нишонаи {name} чоп НАШУД: {why} — ҳеҷ чиз сабт нашуд.</translation>
        </message>
        <message>
            <source>Badge not printed: {why} Nothing was recorded.</source>
            <translation>Нишона чоп нашуд: {why} Ҳеҷ чиз сабт нашуд.</translation>
        </message>
        <message>
            <source>Walk-in {name} registered — pending until an organiser approves</source>
            <translation>Меҳмони бе сабт {name} ворид шуд — то тасдиқи ташкилкунанда дар интизор</translation>
        </message>
        <message>
            <source>Registering a walk-in</source>
            <translation>Ворид кардани меҳмони бе сабт</translation>
        </message>
        <message>
            <source>Walk-in not registered: </source>
            <translation>Меҳмони бе сабт ворид нашуд: </translation>
        </message>
        <message>
            <source>Saved: {fields}</source>
            <translation>Захира шуд: {fields}</translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation>Ҳеҷ чиз тағйир наёфт</translation>
        </message>
        <message>
            <source>Saving the guest</source>
            <translation>Захираи меҳмон</translation>
        </message>
        <message>
            <source>Not saved: </source>
            <translation>Захира нашуд: </translation>
        </message>
        <message>
            <source>This guest is no longer in the event.</source>
            <translation>Ин меҳмон дигар дар чорабинӣ нест.</translation>
        </message>
        <message>
            <source>Not checked in. {why}</source>
            <translation>Қайд нашуд. {why}</translation>
        </message>
        <message>
            <source>Already checked in at {when}</source>
            <translation>Аллакай қайд шудааст: {when}</translation>
        </message>
        <message>
            <source>Checked in by scan: {name}</source>
            <translation>Бо сканер қайд шуд: {name}</translation>
        </message>
        <message>
            <source>Checked in: {name}</source>
            <translation>Қайд шуд: {name}</translation>
        </message>
    </context>
    <context>
        <name>DeskView</name>
        <message>
            <source>Name in any script, organisation or passport — or scan a code</source>
            <translation>Ном бо ҳар хат, ташкилот ё шиноснома — ё рамзро скан кунед</translation>
        </message>
        <message>
            <source>Check &amp;in</source>
            <translation>&amp;Қайд</translation>
        </message>
        <message>
            <source>Check the guest in (Enter in the field does the same)</source>
            <translation>Меҳмонро қайд кунед (Enter дар майдон ҳамин корро мекунад)</translation>
        </message>
        <message>
            <source>Check in &amp;&amp; &amp;print</source>
            <translation>Қайд ва &amp;чоп</translation>
        </message>
        <message>
            <source>Print &amp;badge</source>
            <translation>Чопи &amp;нишона</translation>
        </message>
        <message>
            <source>&amp;Undo check-in</source>
            <translation>&amp;Бекори қайд</translation>
        </message>
        <message>
            <source>&amp;Edit guest</source>
            <translation>&amp;Тағйири меҳмон</translation>
        </message>
        <message>
            <source>&amp;New walk-in</source>
            <translation>&amp;Меҳмони бе сабт</translation>
        </message>
        <message>
            <source>Opening the event… the guests are being indexed</source>
            <translation>Кушодани чорабинӣ… меҳмонон индекс мешаванд</translation>
        </message>
        <message>
            <source>No guest matches “{query}”</source>
            <translation>Барои «{query}» меҳмон ёфт нашуд</translation>
        </message>
        <message>
            <source>The first {count} matches — type more to narrow them</source>
            <translation>Мувофиқатҳои аввал: {count} — дақиқтар нависед</translation>
        </message>
        <message>
            <source>1 match</source>
            <translation>Мувофиқат: 1</translation>
        </message>
        <message>
            <source>{count} matches</source>
            <translation>Мувофиқат: {count}</translation>
        </message>
        <message>
            <source>Cannot check in — {status}: {advice}</source>
            <translation>Қайд ғайриимкон аст — {status}: {advice}</translation>
        </message>
        <message>
            <source>Reprint badge</source>
            <translation>Аз нав чоп кардани нишона</translation>
        </message>
        <message>
            <source>{name} already has a badge ({badge}). The new badge gets the next serial and the old one stops opening doors. Why is it reprinted?</source>
            <translation>{name} аллакай нишона дорад ({badge}). Нишонаи нав рақами навбатӣ мегирад ва кӯҳна дигар дарҳоро намекушояд. Чаро аз нав чоп мекунед?</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>Гум шуд</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>Вайрон шуд</translation>
        </message>
        <message>
            <source>Details changed</source>
            <translation>Маълумот тағйир ёфт</translation>
        </message>
        <message>
            <source>Photo changed</source>
            <translation>Акс иваз шуд</translation>
        </message>
        <message>
            <source>Printer fault</source>
            <translation>Хатои чопгар</translation>
        </message>
        <message>
            <source>Undo check-in</source>
            <translation>Бекор кардани қайд</translation>
        </message>
        <message>
            <source>Undo the check-in of {name} ({when})? The reason is kept in the audit log.</source>
            <translation>Қайди {name}-ро ({when}) бекор мекунед? Сабаб дар дафтари назорат нигоҳ дошта мешавад.</translation>
        </message>
        <message>
            <source>Wrong guest checked in</source>
            <translation>Меҳмони дигар қайд шуд</translation>
        </message>
        <message>
            <source>Guest left before the event</source>
            <translation>Меҳмон пеш аз оғоз рафт</translation>
        </message>
        <message>
            <source>Checked in by mistake</source>
            <translation>Хатогӣ қайд шуд</translation>
        </message>
    </context>
    <context>
        <name>FileFilters</name>
        <message>
            <source>Gate packages (*.gatepkg *.pkg);;All files (*)</source>
            <translation>Бастаҳои дарвоза (*.gatepkg *.pkg);;Ҳама файлҳо (*)</translation>
        </message>
        <message>
            <source>Public-key files (*.pem);;All files (*)</source>
            <translation>Файлҳои калиди кушода (*.pem);;Ҳама файлҳо (*)</translation>
        </message>
        <message>
            <source>Events and gate packages (*.accreditor *.gatepkg *.pkg);;All files (*)</source>
            <translation>Чорабиниҳо ва бастаҳои дарвоза (*.accreditor *.gatepkg *.pkg);;Ҳама файлҳо (*)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Файлҳои PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Ҳуҷҷатҳои PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Badge layouts (*.json)</source>
            <translation>Тарҳҳои нишона (*.json)</translation>
        </message>
        <message>
            <source>Registration lists (*.csv *.tsv *.tab *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
            <translation>Рӯйхатҳои сабти ном (*.csv *.tsv *.tab *.txt *.xlsx *.xlsm *.xls *.ods);;Ҳама файлҳо (*)</translation>
        </message>
        <message>
            <source>Column mappings (*.json);;All files (*)</source>
            <translation>Мувофиқсозии сутунҳо (*.json);;Ҳама файлҳо (*)</translation>
        </message>
        <message>
            <source>Report as JSON (*.json);;Report as CSV (*.csv)</source>
            <translation>Ҳисобот ҳамчун JSON (*.json);;Ҳисобот ҳамчун CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>Choose the registration list</source>
            <translation>Рӯйхати сабти номро интихоб кунед</translation>
        </message>
        <message>
            <source>A CSV, TSV or text export in any common encoding, or an XLSX, XLS or ODS workbook.</source>
            <translation>Содироти CSV, TSV ё матн бо ҳар рамзгузории маъмул, ё китоби XLSX, XLS ё ODS.</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>Файл интихоб нашудааст</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Интихоби файл…</translation>
        </message>
        <message>
            <source>Import a registration list</source>
            <translation>Воридоти рӯйхати сабти ном</translation>
        </message>
    </context>
    <context>
        <name>GateSetupDialog</name>
        <message>
            <source>Entry (in)</source>
            <translation>Даромад</translation>
        </message>
        <message>
            <source>Exit (out)</source>
            <translation>Баромад</translation>
        </message>
        <message>
            <source>Both ways (one door)</source>
            <translation>Ба ҳар ду тараф (як дар)</translation>
        </message>
        <message>
            <source>Give either the event's public-key file or the fingerprint, not both.</source>
            <translation>Ё файли калиди кушодаи чорабиниро нишон диҳед, ё изи калидро, на ҳар дуро.</translation>
        </message>
        <message>
            <source>Cannot read the public-key file {file} ({why}).</source>
            <translation>Файли калиди кушодаи {file} хонда намешавад ({why}).</translation>
        </message>
        <message>
            <source>Give the event's public-key file or the signing key's fingerprint (from the organiser, not from the package): without it anyone could have made the package.</source>
            <translation>Файли калиди кушодаи чорабинӣ ё изи калиди имзоро нишон диҳед (аз ташкилкунанда, на аз баста): бе он бастаро ҳар кас сохта метавонист.</translation>
        </message>
        <message>
            <source>Set up the gate</source>
            <translation>Танзими дарвоза</translation>
        </message>
        <message>
            <source>Offline gate package</source>
            <translation>Бастаи офлайни дарвоза</translation>
        </message>
        <message>
            <source>event.pem, from `accreditor keys export-public`</source>
            <translation>event.pem, аз `accreditor keys export-public`</translation>
        </message>
        <message>
            <source>or the fingerprint the organiser read out: 5647 5aa7 …</source>
            <translation>ё изи калиде, ки ташкилкунанда хонд: 5647 5aa7 …</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Ҷустуҷӯ…</translation>
        </message>
        <message>
            <source>Package</source>
            <translation>Баста</translation>
        </message>
        <message>
            <source>Public-key file</source>
            <translation>Файли калиди кушода</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Изи калид</translation>
        </message>
        <message>
            <source>Flag a second entry without an exit (anti-passback)</source>
            <translation>Вуруди дубора бе баромадро қайд кунед (зидди интиқол)</translation>
        </message>
        <message>
            <source> s</source>
            <translation> с</translation>
        </message>
        <message>
            <source>Zone this gate opens</source>
            <translation>Минтақае, ки дарвоза мекушояд</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Самт</translation>
        </message>
        <message>
            <source>Gate name (in the log)</source>
            <translation>Номи дарвоза (дар дафтар)</translation>
        </message>
        <message>
            <source>Show each verdict for</source>
            <translation>Нишон додани ҳукм</translation>
        </message>
        <message>
            <source>Open the gate</source>
            <translation>Кушодани дарвоза</translation>
        </message>
        <message>
            <source>Choose the gate package this gate works from.</source>
            <translation>Бастаи дарвозаеро интихоб кунед, ки ин дарвоза бо он кор мекунад.</translation>
        </message>
        <message>
            <source>Trusted: gate package of {event}, made {made} UTC, signed by key {key} (fingerprint {fingerprint}).</source>
            <translation>Бастаи боэътимоди дарвозаи чорабинии {event}, сохта шуд {made} UTC, бо калиди {key} имзо шудааст (изи калид {fingerprint}).</translation>
        </message>
        <message>
            <source>e.g. North door</source>
            <translation>масалан, Даромадгоҳи шимолӣ</translation>
        </message>
        <message>
            <source>Only an entry gate can flag a second entry.</source>
            <translation>Танҳо дарвозаи вуруд вуруди такрориро қайд карда метавонад.</translation>
        </message>
        <message>
            <source>The gate package is not trusted yet: see above.</source>
            <translation>Ба бастаи дарвоза ҳоло эътимод нест: болоро бинед.</translation>
        </message>
        <message>
            <source>Choose the zone this gate opens.</source>
            <translation>Минтақаеро, ки ин дарвоза мекушояд, интихоб кунед.</translation>
        </message>
    </context>
    <context>
        <name>GateView</name>
        <message>
            <source>ENTRY</source>
            <translation>ВУРУД</translation>
        </message>
        <message>
            <source>EXIT</source>
            <translation>БАРОМАД</translation>
        </message>
        <message>
            <source>ENTRY / EXIT</source>
            <translation>ВУРУД / БАРОМАД</translation>
        </message>
        <message>
            <source>Escorted by protocol</source>
            <translation>Бо ҳамроҳии протокол</translation>
        </message>
        <message>
            <source>Badge damaged, identity checked by hand</source>
            <translation>Нишона вайрон, шахсият дастӣ санҷида шуд</translation>
        </message>
        <message>
            <source>Left without scanning out</source>
            <translation>Бе скан баромада рафт</translation>
        </message>
        <message>
            <source>Supervisor's instruction</source>
            <translation>Дастури сардори навбат</translation>
        </message>
        <message>
            <source>F9  override the last scan</source>
            <translation>F9  гузаронидан бар хилофи ҳукм</translation>
        </message>
        <message>
            <source>F8  who is inside</source>
            <translation>F8  кӣ дар дохил аст</translation>
        </message>
        <message>
            <source>F10  camera</source>
            <translation>F10  камера</translation>
        </message>
        <message>
            <source>Space  ready</source>
            <translation>Фосила  омода</translation>
        </message>
        <message>
            <source>F9  override (reason required)</source>
            <translation>F9  гузаронидан (сабаб лозим)</translation>
        </message>
        <message>
            <source>F8  back to ready</source>
            <translation>F8  бозгашт ба скан</translation>
        </message>
        <message>
            <source>F5  refresh</source>
            <translation>F5  навсозӣ</translation>
        </message>
        <message>
            <source>Ctrl+P  evacuation list (PDF)</source>
            <translation>Ctrl+P  рӯйхати эвакуатсия (PDF)</translation>
        </message>
        <message>
            <source>No photo on file</source>
            <translation>Акс нест</translation>
        </message>
        <message>
            <source>Photo unavailable</source>
            <translation>Акс дастрас нест</translation>
        </message>
        <message>
            <source>Photo unreadable</source>
            <translation>Акс хонда намешавад</translation>
        </message>
        <message>
            <source>Cannot open the gate</source>
            <translation>Дарвозаро кушодан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Камера</translation>
        </message>
        <message>
            <source>Scan with camera (F10): hold a badge up to the webcam</source>
            <translation>Скан бо камера (F10): нишонаро ба веб-камера наздик кунед</translation>
        </message>
        <message>
            <source>&amp;Override the last scan…</source>
            <translation>&amp;Гузаронидан бар хилофи ҳукм…</translation>
        </message>
        <message>
            <source>&amp;Who is inside</source>
            <translation>&amp;Кӣ дар дохил аст</translation>
        </message>
        <message>
            <source>Scan with &amp;camera</source>
            <translation>Скан бо &amp;камера</translation>
        </message>
        <message>
            <source>READY TO SCAN</source>
            <translation>БАРОИ СКАН ОМОДА</translation>
        </message>
        <message>
            <source>gate {gate}</source>
            <translation>дарвозаи {gate}</translation>
        </message>
        <message>
            <source>On the {source}</source>
            <translation>Манбаъ: {source}</translation>
        </message>
        <message>
            <source>anti-passback on</source>
            <translation>зидди интиқол фаъол</translation>
        </message>
        <message>
            <source>Checking a badge</source>
            <translation>Санҷиши нишона</translation>
        </message>
        <message>
            <source>Who is inside is not available at this gate.</source>
            <translation>Дар ин дарвоза рӯйхати дохилиҳо дастрас нест.</translation>
        </message>
        <message>
            <source>Nothing to override: F9 is for the last badge refused (red) or to check (orange).</source>
            <translation>Чизе барои гузаронидан нест: F9 барои нишонаи охирини радшуда (сурх) ё шубҳанок (норинҷӣ) аст.</translation>
        </message>
        <message>
            <source>the holder of this code</source>
            <translation>соҳиби ин рамз</translation>
        </message>
        <message>
            <source>Let {who} through although the gate said {verdict}: {message}

Why? The reason is logged with the scan.</source>
            <translation>{who}-ро гузаронед, гарчанде дарвоза «{verdict}» гуфт: {message}

Чаро? Сабаб бо скан сабт мешавад.</translation>
        </message>
        <message>
            <source>Override the verdict</source>
            <translation>Гузаронидан бар хилофи ҳукм</translation>
        </message>
        <message>
            <source>Override NOT recorded: another badge was scanned meanwhile.</source>
            <translation>Гузаронидан сабт НАШУД: дар ин миён нишонаи дигар скан шуд.</translation>
        </message>
        <message>
            <source>Overriding a verdict</source>
            <translation>Гузаронидан бар хилофи ҳукм</translation>
        </message>
        <message>
            <source>Camera off</source>
            <translation>Камера хомӯш аст</translation>
        </message>
        <message>
            <source>Camera on: hold a badge up to it</source>
            <translation>Камера фаъол аст: нишонаро ба он наздик кунед</translation>
        </message>
        <message>
            <source>No camera found</source>
            <translation>Камера ёфт нашуд</translation>
        </message>
        <message>
            <source>Starting the camera…</source>
            <translation>Камера фаъол мешавад…</translation>
        </message>
        <message>
            <source>The camera stopped: {why}</source>
            <translation>Камера қатъ шуд: {why}</translation>
        </message>
        <message>
            <source>Last scan: {verdict} — {who}</source>
            <translation>Скани охирин: {verdict} — {who}</translation>
        </message>
        <message>
            <source>Guest {id}: not on this gate's list</source>
            <translation>Меҳмон {id}: дар рӯйхати ин дарвоза нест</translation>
        </message>
        <message>
            <source>No category</source>
            <translation>Бе категория</translation>
        </message>
        <message>
            <source>1 person inside {zone} now</source>
            <translation>Ҳоло дар минтақаи {zone}: 1 нафар</translation>
        </message>
        <message>
            <source>{count} people inside {zone} now</source>
            <translation>Ҳоло дар минтақаи {zone}: {count} нафар</translation>
        </message>
        <message>
            <source>Head count of {zone} unavailable</source>
            <translation>Шумори одамон дар минтақаи {zone} дастрас нест</translation>
        </message>
        <message>
            <source>Counting who is inside</source>
            <translation>Ҳисоби дохилиҳо</translation>
        </message>
        <message>
            <source>guest {id}</source>
            <translation>меҳмон {id}</translation>
        </message>
    </context>
    <context>
        <name>GateWindow</name>
        <message>
            <source>Gate {gate}</source>
            <translation>Дарвозаи {gate}</translation>
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation>&amp;Экрани пурра</translation>
        </message>
        <message>
            <source>&amp;Leave the gate</source>
            <translation>&amp;Тарки дарвоза</translation>
        </message>
        <message>
            <source>F11  full screen</source>
            <translation>F11  экрани пурра</translation>
        </message>
        <message>
            <source>Esc  leave</source>
            <translation>Esc  баромадан</translation>
        </message>
        <message>
            <source>No gate package was chosen.</source>
            <translation>Бастаи дарвоза интихоб нашуд.</translation>
        </message>
    </context>
    <context>
        <name>GuestCard</name>
        <message>
            <source>No photo</source>
            <translation>Акс нест</translation>
        </message>
        <message>
            <source>Photo unreadable</source>
            <translation>Акс хонда намешавад</translation>
        </message>
        <message>
            <source>Type a name, or scan a badge or confirmation code</source>
            <translation>Номро нависед ё нишона ё рамзи тасдиқро скан кунед</translation>
        </message>
        <message>
            <source>No category</source>
            <translation>Бе категория</translation>
        </message>
        <message>
            <source>Delegation: {delegation}</source>
            <translation>Ҳайат: {delegation}</translation>
        </message>
        <message>
            <source>✔ Checked in {when}</source>
            <translation>✔ Қайд шуд {when}</translation>
        </message>
        <message>
            <source>✔ Checked in {when} — waiting to be sent to the event server</source>
            <translation>✔ Қайд шуд {when} — интизори фиристодан ба сервери чорабинӣ</translation>
        </message>
        <message>
            <source>Not checked in yet</source>
            <translation>Ҳанӯз қайд нашудааст</translation>
        </message>
        <message>
            <source>Badge: {badge}</source>
            <translation>Нишона: {badge}</translation>
        </message>
        <message>
            <source>No zones</source>
            <translation>Минтақа нест</translation>
        </message>
    </context>
    <context>
        <name>GuestFormDialog</name>
        <message>
            <source>Family name</source>
            <translation>Насаб</translation>
        </message>
        <message>
            <source>Given name</source>
            <translation>Ном</translation>
        </message>
        <message>
            <source>Family name (Latin, as in passport)</source>
            <translation>Насаб (бо лотинӣ, мисли шиноснома)</translation>
        </message>
        <message>
            <source>Given name (Latin, as in passport)</source>
            <translation>Ном (бо лотинӣ, мисли шиноснома)</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Унвон</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Вазифа</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Ташкилот</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Ҳайат</translation>
        </message>
        <message>
            <source>Passport / ID no.</source>
            <translation>Шиноснома / № ҳуҷҷат</translation>
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
            <translation>Меҳмони бе сабт</translation>
        </message>
        <message>
            <source>Edit guest — {name}</source>
            <translation>Тағйири меҳмон — {name}</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Кишвар</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Эзоҳ</translation>
        </message>
        <message>
            <source>A walk-in stays pending — no check-in, no badge — until an organiser approves them.</source>
            <translation>Меҳмони бе сабт то тасдиқи ташкилкунанда дар интизор мемонад — на қайд, на нишона.</translation>
        </message>
        <message>
            <source>Take photo…</source>
            <translation>Аксбардорӣ…</translation>
        </message>
        <message>
            <source>Take the guest's photo with this computer's camera</source>
            <translation>Акси меҳмонро бо камераи ин компютер гиред</translation>
        </message>
        <message>
            <source>Photo file…</source>
            <translation>Файли акс…</translation>
        </message>
        <message>
            <source>Load the guest's photo from a file</source>
            <translation>Акси меҳмонро аз файл бор кунед</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Рақами сабт</translation>
        </message>
        <message>
            <source>Full name (split in two)</source>
            <translation>Номи пурра (ба ду тақсим)</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Акс</translation>
        </message>
    </context>
    <context>
        <name>GuestHistoryPanel</name>
        <message>
            <source>History</source>
            <translation>Таърих</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Кай</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Кӣ</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Чӣ</translation>
        </message>
    </context>
    <context>
        <name>GuestListWidget</name>
        <message>
            <source>Search by name in any script, organisation, passport, e-mail…</source>
            <translation>Ҷустуҷӯ аз рӯи ном бо ҳар хат, ташкилот, шиноснома, e-mail…</translation>
        </message>
        <message>
            <source>Indexing…</source>
            <translation>Индексгузорӣ…</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Ҳама вазъҳо</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>Ҳама категорияҳо</translation>
        </message>
        <message>
            <source>Showing {shown} of {total}</source>
            <translation>{shown} аз {total} нишон дода шуд</translation>
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
            <translation>Ном (чӣ тавре навишта шуда)</translation>
        </message>
        <message>
            <source>Name (Latin)</source>
            <translation>Ном (бо лотинӣ)</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Ташкилот</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Кишвар</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Вазъ</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Омад</translation>
        </message>
        <message>
            <source>Badge</source>
            <translation>Нишона</translation>
        </message>
        <message>
            <source>{category}: zones {zones}</source>
            <translation>{category}: минтақаҳо {zones}</translation>
        </message>
        <message>
            <source> by {user}</source>
            <translation>, корбар {user}</translation>
        </message>
        <message>
            <source> at {station}</source>
            <translation>, миз {station}</translation>
        </message>
        <message>
            <source>Badge {serial} printed {when}</source>
            <translation>Нишонаи {serial} чоп шуд {when}</translation>
        </message>
    </context>
    <context>
        <name>HeaderPage</name>
        <message>
            <source>Find the header row</source>
            <translation>Сатри сарлавҳаҳоро ёбед</translation>
        </message>
        <message>
            <source>The row with the column names is highlighted: row {row}, found by its names. If it is another one, click it.</source>
            <translation>Сатри номҳои сутунҳо ҷудо карда шуд: сатри {row}, аз рӯи номҳо ёфт шуд. Агар сатри дигар бошад, онро пахш кунед.</translation>
        </message>
        <message>
            <source>No row looks like column names (such as Surname / Фамилия / Nom). Click the row that has them.</source>
            <translation>Ягон сатр ба номҳои сутунҳо монанд нест (масалан, Surname / Фамилия / Nom). Сатреро, ки онҳо дорад, пахш кунед.</translation>
        </message>
        <message>
            <source>Header row: {row}. The guests are read from the rows below it.</source>
            <translation>Сатри сарлавҳа: {row}. Меҳмонон аз сатрҳои поёнӣ хонда мешаванд.</translation>
        </message>
        <message>
            <source>No header row chosen.</source>
            <translation>Сатри сарлавҳа интихоб нашудааст.</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <source>Import</source>
            <translation>Воридот</translation>
        </message>
        <message>
            <source>Choose what happens to rows with errors, then import.</source>
            <translation>Интихоб кунед, ки бо сатрҳои хатодор чӣ шавад, баъд ворид кунед.</translation>
        </message>
        <message>
            <source>All or nothing: import only if every row is valid</source>
            <translation>Ҳама ё ҳеҷ: танҳо агар ҳама сатрҳо дуруст бошанд</translation>
        </message>
        <message>
            <source>Skip invalid rows: import the good rows and leave the others out</source>
            <translation>Сатрҳои хатодорро гузаронед: дурустҳоро ворид кунед, боқиро не</translation>
        </message>
        <message>
            <source>Save report…</source>
            <translation>Захираи ҳисобот…</translation>
        </message>
        <message>
            <source>Every error, duplicate and update, to send back with the file (JSON or CSV)</source>
            <translation>Ҳама хатоҳо, такрорҳо ва навсозиҳо — барои бозпас фиристодан бо файл (JSON ё CSV)</translation>
        </message>
        <message>
            <source>Skip invalid rows: import the good rows and leave out the 1 row with errors</source>
            <translation>Хатодорҳоро гузаронед: сатрҳои дурустро ворид кунед, 1 сатри хатодорро не</translation>
        </message>
        <message>
            <source>Skip invalid rows: import the good rows and leave out the {count} rows with errors</source>
            <translation>Хатодорҳоро гузаронед: сатрҳои дурустро ворид кунед, {count} сатри хатодорро не</translation>
        </message>
        <message>
            <source>Save the import report</source>
            <translation>Захираи ҳисоботи воридот</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>1 row</source>
            <translation>1 сатр</translation>
        </message>
        <message>
            <source>{count} rows</source>
            <translation>{count} сатр</translation>
        </message>
        <message>
            <source>1 new guest</source>
            <translation>1 меҳмони нав</translation>
        </message>
        <message>
            <source>{count} new guests</source>
            <translation>{count} меҳмони нав</translation>
        </message>
        <message>
            <source>1 duplicate</source>
            <translation>1 такрор</translation>
        </message>
        <message>
            <source>{count} duplicates</source>
            <translation>{count} такрор</translation>
        </message>
        <message>
            <source>1 non-empty row</source>
            <translation>1 сатри пур</translation>
        </message>
        <message>
            <source>{count} non-empty rows</source>
            <translation>{count} сатри пур</translation>
        </message>
        <message>
            <source>{rows} with errors</source>
            <translation>{rows} бо хато</translation>
        </message>
        <message>
            <source>{new}, {updated} to update, {unchanged} unchanged</source>
            <translation>{new}, барои навсозӣ: {updated}, бетағйир: {unchanged}</translation>
        </message>
        <message>
            <source>{new} added, {updated} updated, {unchanged} unchanged</source>
            <translation>илова шуд: {new}, нав шуд: {updated}, бетағйир: {unchanged}</translation>
        </message>
        <message>
            <source>{rows}: {counts}.</source>
            <translation>{rows}: {counts}.</translation>
        </message>
        <message>
            <source> and </source>
            <translation> ва </translation>
        </message>
        <message>
            <source>{problems} will be left out.</source>
            <translation>Гузаронида мешаванд: {problems}.</translation>
        </message>
        <message>
            <source>{problems} were left out.</source>
            <translation>Гузаронида шуданд: {problems}.</translation>
        </message>
        <message>
            <source>Nothing was written: 1 row has errors. Fix the file and import it again, or choose to skip invalid rows.</source>
            <translation>Ҳеҷ чиз навишта нашуд: 1 сатр хато дорад. Файлро ислоҳ карда аз нав ворид кунед ё гузаронидани сатрҳои хатодорро интихоб кунед.</translation>
        </message>
        <message>
            <source>Nothing was written: {count} rows have errors. Fix the file and import it again, or choose to skip invalid rows.</source>
            <translation>Ҳеҷ чиз навишта нашуд: {count} сатр хато дорад. Файлро ислоҳ карда аз нав ворид кунед ё гузаронидани сатрҳои хатодорро интихоб кунед.</translation>
        </message>
        <message>
            <source>{rows} will be imported with a change to check (in yellow).</source>
            <translation>{rows} бо тағйироте, ки бояд санҷида шавад (зард), ворид мешавад.</translation>
        </message>
        <message>
            <source>{rows} were imported with a change to check (in yellow).</source>
            <translation>{rows} бо тағйироте, ки бояд санҷида шавад (зард), ворид шуд.</translation>
        </message>
        <message>
            <source>Columns not imported: {columns}.</source>
            <translation>Сутунҳои воридношуда: {columns}.</translation>
        </message>
        <message>
            <source>Updates guest {guest}: {fields}</source>
            <translation>Меҳмони {guest}-ро нав мекунад: {fields}</translation>
        </message>
        <message>
            <source>Duplicate of {other} ({why})</source>
            <translation>Такрори {other} ({why})</translation>
        </message>
        <message>
            <source>Error in {columns}</source>
            <translation>Хато дар {columns}</translation>
        </message>
        <message>
            <source>sheet “{sheet}”</source>
            <translation>варақи «{sheet}»</translation>
        </message>
        <message>
            <source>{rows} in {encoding}</source>
            <translation>{rows} дар {encoding}</translation>
        </message>
        <message>
            <source>separated by tabs</source>
            <translation>ҷудокунанда — табулятсия</translation>
        </message>
        <message>
            <source>separated by commas</source>
            <translation>ҷудокунанда — вергул</translation>
        </message>
        <message>
            <source>separated by semicolons</source>
            <translation>ҷудокунанда — нуқтавергул</translation>
        </message>
        <message>
            <source>separated by {delimiter}</source>
            <translation>ҷудокунанда — {delimiter}</translation>
        </message>
        <message>
            <source>Import guests</source>
            <translation>Воридоти меҳмонон</translation>
        </message>
        <message>
            <source>Choose a file and its header row first.</source>
            <translation>Аввал файл ва сатри сарлавҳаҳоро интихоб кунед.</translation>
        </message>
        <message>
            <source>Choose a file and map its columns first.</source>
            <translation>Аввал файлро интихоб кунед ва сутунҳояшро мувофиқ кунед.</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing was written.</source>
            <translation>Воридот бекор шуд; ҳеҷ чиз навишта нашуд.</translation>
        </message>
    </context>
    <context>
        <name>InsidePanel</name>
        <message>
            <source>Who is inside</source>
            <translation>Кӣ дар дохил аст</translation>
        </message>
        <message>
            <source>Every zone</source>
            <translation>Ҳама минтақаҳо</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Навсозӣ</translation>
        </message>
        <message>
            <source>Evacuation list (&amp;PDF)…</source>
            <translation>Рӯйхати эвакуатсия (&amp;PDF)…</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>Навсозӣ (F5)</translation>
        </message>
        <message>
            <source>Evacuation list (PDF)… (Ctrl+P)</source>
            <translation>Рӯйхати эвакуатсия (PDF)… (Ctrl+P)</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Нишон додан</translation>
        </message>
        <message>
            <source>Reading who is inside…</source>
            <translation>Хондани рӯйхати дохилиҳо…</translation>
        </message>
        <message>
            <source>1 person in {zone}, as of {time}.</source>
            <translation>Дар минтақаи {zone}: 1 нафар, то соати {time}.</translation>
        </message>
        <message>
            <source>{count} people in {zone}, as of {time}.</source>
            <translation>Дар минтақаи {zone}: {count} нафар, то соати {time}.</translation>
        </message>
        <message>
            <source>1 person in every zone, as of {time}.</source>
            <translation>Дар ҳама минтақаҳо: 1 нафар, то соати {time}.</translation>
        </message>
        <message>
            <source>{count} people in every zone, as of {time}.</source>
            <translation>Дар ҳама минтақаҳо: {count} нафар, то соати {time}.</translation>
        </message>
        <message>
            <source>Evacuation list written to {path} (1 page).</source>
            <translation>Рӯйхати эвакуатсия дар {path} навишта шуд (1 саҳифа).</translation>
        </message>
        <message>
            <source>Evacuation list written to {path} ({pages} pages).</source>
            <translation>Рӯйхати эвакуатсия дар {path} навишта шуд ({pages} саҳифа).</translation>
        </message>
        <message>
            <source>Writing the evacuation list…</source>
            <translation>Навиштани рӯйхати эвакуатсия…</translation>
        </message>
        <message>
            <source>Evacuation list</source>
            <translation>Рӯйхати эвакуатсия</translation>
        </message>
        <message>
            <source>Sending the evacuation list to the printer…</source>
            <translation>Фиристодани рӯйхати эвакуатсия ба чоп…</translation>
        </message>
        <message>
            <source>Printing</source>
            <translation>Чоп</translation>
        </message>
    </context>
    <context>
        <name>InsideTableModel</name>
        <message>
            <source>Name</source>
            <translation>Ном</translation>
        </message>
        <message>
            <source>Latin name</source>
            <translation>Ном бо лотинӣ</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Минтақа</translation>
        </message>
        <message>
            <source>Inside since</source>
            <translation>Дар дохил аз</translation>
        </message>
        <message>
            <source>Gate</source>
            <translation>Дарвоза</translation>
        </message>
    </context>
    <context>
        <name>LiveStation</name>
        <message>
            <source>Event server</source>
            <translation>Сервери чорабинӣ</translation>
        </message>
        <message>
            <source>Cannot watch the event</source>
            <translation>Пайгирии тағйироти чорабинӣ ғайриимкон аст</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Log in — {event}</source>
            <translation>Воридшавӣ — {event}</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;Корбар:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>П&amp;арол:</translation>
        </message>
        <message>
            <source>This event has users: log in to work on it.</source>
            <translation>Ин чорабинӣ корбарон дорад: барои кор бо он ворид шавед.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New event…</source>
            <translation>&amp;Чорабинии нав…</translation>
        </message>
        <message>
            <source>Create an event file with the standard categories and zones</source>
            <translation>Файли чорабиниро бо категорияҳо ва минтақаҳои стандартӣ созед</translation>
        </message>
        <message>
            <source>&amp;Open event…</source>
            <translation>&amp;Кушодани чорабинӣ…</translation>
        </message>
        <message>
            <source>&amp;Connect to event server…</source>
            <translation>&amp;Пайваст шудан ба сервери чорабинӣ…</translation>
        </message>
        <message>
            <source>Open an event on the venue's PostgreSQL server, shared by every station</source>
            <translation>Чорабиниро дар сервери PostgreSQL-и макони баргузорӣ, ки барои ҳама ҷойҳои корӣ умумист, кушоед</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>&amp;Аз нав боргирӣ</translation>
        </message>
        <message>
            <source>Reload the guests (changes made at other desks)</source>
            <translation>Меҳмононро аз нав боргирӣ кунед (тағйироти мизҳои дигар)</translation>
        </message>
        <message>
            <source>S&amp;ettings…</source>
            <translation>&amp;Танзимот…</translation>
        </message>
        <message>
            <source>Station name, printer, badge layout, auto-print, sounds</source>
            <translation>Номи ҷойи корӣ, чопгар, тарҳи нишона, чопи худкор, садоҳо</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Баромад</translation>
        </message>
        <message>
            <source>&amp;Desk</source>
            <translation>&amp;Миз</translation>
        </message>
        <message>
            <source>Find, check in and print at the desk (F2)</source>
            <translation>Ҷустуҷӯ, қайд ва чоп дар миз (F2)</translation>
        </message>
        <message>
            <source>&amp;Guests</source>
            <translation>&amp;Меҳмонон</translation>
        </message>
        <message>
            <source>The guest list (F3)</source>
            <translation>Рӯйхати меҳмонон (F3)</translation>
        </message>
        <message>
            <source>&amp;Organiser</source>
            <translation>&amp;Ташкилкунанда</translation>
        </message>
        <message>
            <source>Accreditation: approve, reject, revoke, categories and zones (F6)</source>
            <translation>Аккредитатсия: тасдиқ, рад, бекор, категорияҳо ва минтақаҳо (F6)</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>&amp;Ҳисоботҳо</translation>
        </message>
        <message>
            <source>Attendance: expected and checked in, arrivals (F7)</source>
            <translation>Ҳузур: интизоршуда ва омада, омадан аз рӯи вақт (F7)</translation>
        </message>
        <message>
            <source>G&amp;ate</source>
            <translation>&amp;Дарвоза</translation>
        </message>
        <message>
            <source>Scan badges at a door: green, orange or red (Ctrl+G)</source>
            <translation>Санҷиши нишонаҳо дар даромадгоҳ: сабз, норинҷӣ ё сурх (Ctrl+G)</translation>
        </message>
        <message>
            <source>&amp;Import guest list…</source>
            <translation>&amp;Воридоти рӯйхати меҳмонон…</translation>
        </message>
        <message>
            <source>Import a registration list (CSV, Excel, OpenDocument)</source>
            <translation>Рӯйхати сабти номро ворид кунед (CSV, Excel, OpenDocument)</translation>
        </message>
        <message>
            <source>&amp;Badge designer…</source>
            <translation>&amp;Тарроҳи нишона…</translation>
        </message>
        <message>
            <source>Design badge layouts with a live preview of real guests</source>
            <translation>Тарҳи нишонаҳо бо пешнамоиши меҳмонони воқеӣ</translation>
        </message>
        <message>
            <source>&amp;Categories and zones…</source>
            <translation>&amp;Категорияҳо ва минтақаҳо…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>Recent &amp;events</source>
            <translation>&amp;Чорабиниҳои охирин</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>&amp;Абзорҳо</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Намуд</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Чорабинӣ</translation>
        </message>
        <message>
            <source>Cannot open the gate</source>
            <translation>Дарвозаро кушодан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Opening the gate…</source>
            <translation>Кушодани дарвоза…</translation>
        </message>
        <message>
            <source>Cannot create the event</source>
            <translation>Чорабиниро сохтан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Cannot open the event</source>
            <translation>Чорабиниро кушодан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Cannot connect to the event server</source>
            <translation>Ба сервери чорабинӣ пайваст шудан ғайриимкон аст</translation>
        </message>
        <message>
            <source>{user} (no users: everything allowed)</source>
            <translation>{user} (корбарон нестанд: ҳама чиз иҷозат аст)</translation>
        </message>
        <message>
            <source>This event has no users: anyone with the file may do everything (one-laptop use); `accreditor users add EVENT NAME --role organiser` creates the first organiser.</source>
            <translation>Ин чорабинӣ корбарон надорад: ҳар кӣ файлро дорад, ҳама корро карда метавонад (кор дар як ноутбук); `accreditor users add EVENT NAME --role organiser` ташкилкунандаи аввалинро месозад.</translation>
        </message>
        <message>
            <source>{user} ({role})</source>
            <translation>{user} ({role})</translation>
        </message>
        <message>
            <source>Who is logged in, and their role</source>
            <translation>Кӣ ворид шудааст ва нақши ӯ</translation>
        </message>
        <message>
            <source>This station's name, recorded with every check-in and print</source>
            <translation>Номи ҷойи корӣ, ки бо ҳар қайд ва чоп сабт мешавад</translation>
        </message>
        <message>
            <source>Printer: {printer}</source>
            <translation>Чопгар: {printer}</translation>
        </message>
        <message>
            <source>1 guest · {checked_in} checked in</source>
            <translation>Меҳмонон: 1 · омаданд: {checked_in}</translation>
        </message>
        <message>
            <source>{guests} guests · {checked_in} checked in</source>
            <translation>Меҳмонон: {guests} · омаданд: {checked_in}</translation>
        </message>
        <message>
            <source>Loading guests…</source>
            <translation>Боргирии меҳмонон…</translation>
        </message>
        <message>
            <source>{checked_in} checked in / {expected} expected</source>
            <translation>Омаданд {checked_in} аз {expected} интизоршуда</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <source>(ignore)</source>
            <translation>(сарфи назар)</translation>
        </message>
        <message>
            <source>Map the columns</source>
            <translation>Сутунҳоро мувофиқ кунед</translation>
        </message>
        <message>
            <source>Each column of the file goes into one guest field, or is ignored. Recognised names are filled in.</source>
            <translation>Ҳар сутуни файл ба як майдони меҳмон меравад ё сарфи назар мешавад. Номҳои шинохта пур карда шудаанд.</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <translation>Сутун дар файл</translation>
        </message>
        <message>
            <source>First values</source>
            <translation>Қиматҳои аввал</translation>
        </message>
        <message>
            <source>Guest field</source>
            <translation>Майдони меҳмон</translation>
        </message>
        <message>
            <source>Load preset…</source>
            <translation>Боргирии намуна…</translation>
        </message>
        <message>
            <source>Use a column mapping saved earlier for lists shaped like this one</source>
            <translation>Мувофиқсозии пештар захирашударо барои рӯйхатҳои ҳамин шакл истифода баред</translation>
        </message>
        <message>
            <source>Save as preset…</source>
            <translation>Захира ҳамчун намуна…</translation>
        </message>
        <message>
            <source>Keep this mapping (a JSON file) for the next list from the same sender</source>
            <translation>Ин мувофиқсозиро (файли JSON) барои рӯйхати навбатии ҳамон фиристанда нигоҳ доред</translation>
        </message>
        <message>
            <source>(column {letters})</source>
            <translation>(сутуни {letters})</translation>
        </message>
        <message>
            <source>Load a column mapping</source>
            <translation>Боргирии мувофиқсозии сутунҳо</translation>
        </message>
        <message>
            <source>Save the column mapping</source>
            <translation>Захираи мувофиқсозии сутунҳо</translation>
        </message>
    </context>
    <context>
        <name>NewEventDialog</name>
        <message>
            <source>New event</source>
            <translation>Чорабинии нав</translation>
        </message>
        <message>
            <source>e.g. High-Level Conference on Countering Terrorism, Dushanbe</source>
            <translation>масалан, Конфронси сатҳи баланд оид ба муқовимат ба терроризм, Душанбе</translation>
        </message>
        <message>
            <source>The dates are known</source>
            <translation>Санаҳо маълуманд</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>Файл интихоб нашудааст</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>Интихоби файл…</translation>
        </message>
        <message>
            <source>Event name</source>
            <translation>Номи чорабинӣ</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Оғоз</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Анҷом</translation>
        </message>
        <message>
            <source>Venue</source>
            <translation>Макони баргузорӣ</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Key passphrase</source>
            <translation>Ибораи махфии калид</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Ибораи махфӣ бори дигар</translation>
        </message>
        <message>
            <source>Give the event a name.</source>
            <translation>Ба чорабинӣ ном диҳед.</translation>
        </message>
        <message>
            <source>Choose the file the event is saved in.</source>
            <translation>Файлеро, ки чорабинӣ дар он захира мешавад, интихоб кунед.</translation>
        </message>
        <message>
            <source>The event cannot end before it starts.</source>
            <translation>Чорабинӣ наметавонад пеш аз оғозаш анҷом ёбад.</translation>
        </message>
        <message>
            <source>The key passphrase needs at least {count} characters.</source>
            <translation>Ибораи махфии калид бояд на камтар аз {count} аломат дошта бошад.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Ду ибораи махфӣ мувофиқ намеоянд.</translation>
        </message>
    </context>
    <context>
        <name>OrganiserGuestList</name>
        <message>
            <source>All countries</source>
            <translation>Ҳама кишварҳо</translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>Ҳама ташкилотҳо</translation>
        </message>
        <message>
            <source>All delegations</source>
            <translation>Ҳама ҳайатҳо</translation>
        </message>
        <message>
            <source>Badge: any</source>
            <translation>Нишона: ҳама</translation>
        </message>
        <message>
            <source>Badge printed</source>
            <translation>Нишона чоп шуд</translation>
        </message>
        <message>
            <source>Badge not printed</source>
            <translation>Нишона чоп нашуд</translation>
        </message>
        <message>
            <source>Check-in: any</source>
            <translation>Қайд: ҳама</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>Омад</translation>
        </message>
        <message>
            <source>Not checked in</source>
            <translation>Қайд нашудааст</translation>
        </message>
        <message>
            <source>Photo: any</source>
            <translation>Акс: ҳама</translation>
        </message>
        <message>
            <source>With photo</source>
            <translation>Бо акс</translation>
        </message>
        <message>
            <source>Without photo</source>
            <translation>Бе акс</translation>
        </message>
    </context>
    <context>
        <name>OrganiserGuestsPage</name>
        <message>
            <source>1 guest</source>
            <translation>1 меҳмон</translation>
        </message>
        <message>
            <source>{count} guests</source>
            <translation>{count} меҳмон</translation>
        </message>
        <message>
            <source>approve guests</source>
            <translation>меҳмононро тасдиқ кардан</translation>
        </message>
        <message>
            <source>Approve {guests}</source>
            <translation>Тасдиқи {guests}</translation>
        </message>
        <message>
            <source>Approve {guests}? They can then be checked in and get badges.</source>
            <translation>{guests}-ро тасдиқ мекунед? Баъд онҳоро қайд кардан ва нишона додан мумкин аст.</translation>
        </message>
        <message>
            <source>Approved {guests}.</source>
            <translation>Тасдиқ шуд: {guests}.</translation>
        </message>
        <message>
            <source>reject guests</source>
            <translation>меҳмононро рад кардан</translation>
        </message>
        <message>
            <source>Reject {guests}</source>
            <translation>Радди {guests}</translation>
        </message>
        <message>
            <source>Reject {guests}? They get no badge and are turned away at the desk.</source>
            <translation>{guests}-ро рад мекунед? Онҳо нишона намегиранд ва дар миз рад карда мешаванд.</translation>
        </message>
        <message>
            <source>Rejected {guests}.</source>
            <translation>Рад шуд: {guests}.</translation>
        </message>
        <message>
            <source>Registration incomplete</source>
            <translation>Сабти ном нопурра</translation>
        </message>
        <message>
            <source>Not eligible for this event</source>
            <translation>Ҳуқуқи иштирок надорад</translation>
        </message>
        <message>
            <source>Duplicate registration</source>
            <translation>Сабти такрорӣ</translation>
        </message>
        <message>
            <source>revoke guests</source>
            <translation>аккредитатсияи меҳмононро бекор кардан</translation>
        </message>
        <message>
            <source>Revoke {guests}</source>
            <translation>Бекор кардани {guests}</translation>
        </message>
        <message>
            <source>Revoke {guests}? Their badges stop opening doors at every gate.</source>
            <translation>Аккредитатсияи {guests}-ро бекор мекунед? Нишонаҳояшон дар ҳеҷ дарвоза кор намекунанд.</translation>
        </message>
        <message>
            <source>Revoked {guests}.</source>
            <translation>Бекор шуд: {guests}.</translation>
        </message>
        <message>
            <source>Left the delegation</source>
            <translation>Аз ҳайат баромад</translation>
        </message>
        <message>
            <source>Security decision</source>
            <translation>Қарори хадамоти амният</translation>
        </message>
        <message>
            <source>Accredited in error</source>
            <translation>Хатогӣ аккредитатсия шуд</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Тасдиқ</translation>
        </message>
        <message>
            <source>Approve the selected pending guests</source>
            <translation>Меҳмонони интизори интихобшударо тасдиқ кунед</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Рад кардан…</translation>
        </message>
        <message>
            <source>Reject the selected pending guests, with a reason</source>
            <translation>Меҳмонони интизори интихобшударо бо сабаб рад кунед</translation>
        </message>
        <message>
            <source>Revoke…</source>
            <translation>Бекор кардан…</translation>
        </message>
        <message>
            <source>Withdraw the accreditation of the selected guests: their badges stop working</source>
            <translation>Аккредитатсияи меҳмонони интихобшударо бекор кунед: нишонаҳояшон беэътибор мешаванд</translation>
        </message>
        <message>
            <source>Set category…</source>
            <translation>Муайян кардани категория…</translation>
        </message>
        <message>
            <source>Give the selected guests a category</source>
            <translation>Ба меҳмонони интихобшуда категория диҳед</translation>
        </message>
        <message>
            <source>Add zones…</source>
            <translation>Илова кардани минтақаҳо…</translation>
        </message>
        <message>
            <source>Grant the selected guests zones</source>
            <translation>Ба меҳмонони интихобшуда дастрасӣ ба минтақаҳо диҳед</translation>
        </message>
        <message>
            <source>Remove zones…</source>
            <translation>Гирифтани минтақаҳо…</translation>
        </message>
        <message>
            <source>Withdraw zones from the selected guests</source>
            <translation>Дастрасии меҳмонони интихобшударо ба минтақаҳо гиред</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Тағйир додан…</translation>
        </message>
        <message>
            <source>Edit the selected guest (or double-click them)</source>
            <translation>Меҳмони интихобшударо тағйир диҳед (ё ду бор пахш кунед)</translation>
        </message>
        <message>
            <source>Categories &amp;&amp; zones…</source>
            <translation>Категорияҳо ва минтақаҳо…</translation>
        </message>
        <message>
            <source>Categories, their colours and default zones; the zones</source>
            <translation>Категорияҳо, рангҳо ва минтақаҳои пешфарзи онҳо; минтақаҳо</translation>
        </message>
        <message>
            <source>Print badges…</source>
            <translation>Чопи нишонаҳо…</translation>
        </message>
        <message>
            <source>Print or save the badges of the selected guests, or of every guest the filters show</source>
            <translation>Нишонаҳои меҳмонони интихобшуда ё ҳамаи онҳоеро, ки филтрҳо нишон медиҳанд, чоп ё захира кунед</translation>
        </message>
        <message>
            <source>Photos…</source>
            <translation>Аксҳо…</translation>
        </message>
        <message>
            <source>Import a folder of photos, matched to guests by file name</source>
            <translation>Воридоти ҷузвдони аксҳо, ки бо номи файл ба меҳмонон мувофиқ мешаванд</translation>
        </message>
        <message>
            <source>Change photo…</source>
            <translation>Иваз кардани акс…</translation>
        </message>
        <message>
            <source>Load or crop the selected guest's photo (or double-click the photo)</source>
            <translation>Акси меҳмони интихобшударо бор кунед ё буред (ё ду бор пахш кунед)</translation>
        </message>
        <message>
            <source>{guests} selected.</source>
            <translation>Интихоб шуд: {guests}.</translation>
        </message>
        <message>
            <source>Select a guest to see their details and history.</source>
            <translation>Меҳмонро интихоб кунед, то маълумот ва таърихашро бинед.</translation>
        </message>
        <message>
            <source>Cannot read the guest's history</source>
            <translation>Таърихи меҳмонро хондан ғайриимкон аст</translation>
        </message>
        <message>
            <source> or </source>
            <translation> ё </translation>
        </message>
        <message>
            <source>Nobody was {status}: only {allowed} guests can be, and none of those selected is.</source>
            <translation>Ба ҳеҷ кас вазъи «{status}» дода нашуд: ин танҳо барои меҳмонони «{allowed}» мумкин аст ва дар байни интихобшудагон чунин нест.</translation>
        </message>
        <message>
            <source>The other guest selected is not {allowed} and is left as they are.</source>
            <translation>Меҳмони дигари интихобшуда «{allowed}» нест ва бетағйир мемонад.</translation>
        </message>
        <message>
            <source>The other {others} guests selected are not {allowed} and are left as they are.</source>
            <translation>{others} меҳмони дигари интихобшуда «{allowed}» нестанд ва бетағйир мемонанд.</translation>
        </message>
        <message>
            <source>{question}

Why?</source>
            <translation>{question}

Сабаб?</translation>
        </message>
        <message>
            <source>Set category of {guests}</source>
            <translation>Категорияи {guests}</translation>
        </message>
        <message>
            <source>Give {guests} the category:</source>
            <translation>Ба {guests} категория диҳед:</translation>
        </message>
        <message>
            <source>set the category</source>
            <translation>категория муайян кардан</translation>
        </message>
        <message>
            <source>Gave {guests} the category {category}.</source>
            <translation>Ба {guests} категорияи {category} дода шуд.</translation>
        </message>
        <message>
            <source>Add zones to {guests}</source>
            <translation>Илова кардани минтақаҳо ба {guests}</translation>
        </message>
        <message>
            <source>Remove zones from {guests}</source>
            <translation>Гирифтани минтақаҳо аз {guests}</translation>
        </message>
        <message>
            <source>Grant {guests} access to:</source>
            <translation>Ба {guests} дастрасӣ ба:</translation>
        </message>
        <message>
            <source>Withdraw the access of {guests} to:</source>
            <translation>Дастрасии {guests}-ро гиред ба:</translation>
        </message>
        <message>
            <source>Granted {zones} for {guests}.</source>
            <translation>Дастрасӣ ба {zones} дода шуд: {guests}.</translation>
        </message>
        <message>
            <source>Withdrew {zones} for {guests}.</source>
            <translation>Дастрасӣ ба {zones} гирифта шуд: {guests}.</translation>
        </message>
        <message>
            <source>change zones</source>
            <translation>минтақаҳоро тағйир додан</translation>
        </message>
        <message>
            <source>Saved {name}.</source>
            <translation>Захира шуд: {name}.</translation>
        </message>
        <message>
            <source>Nothing was changed.</source>
            <translation>Ҳеҷ чиз тағйир наёфт.</translation>
        </message>
        <message>
            <source>No guest matches the filters: there is no badge to print.</source>
            <translation>Бо филтрҳо меҳмон нест: чизе барои чоп нест.</translation>
        </message>
        <message>
            <source>Badges of {guests} recorded as printed.</source>
            <translation>Нишонаҳо ҳамчун чопшуда қайд шуданд: {guests}.</translation>
        </message>
        <message>
            <source>Saved the photo of {name}.</source>
            <translation>Акси {name} захира шуд.</translation>
        </message>
        <message>
            <source>Cannot {what}</source>
            <translation>{what} муяссар нашуд</translation>
        </message>
        <message>
            <source>Delegation: {delegation}</source>
            <translation>Ҳайат: {delegation}</translation>
        </message>
        <message>
            <source>zones {zones}</source>
            <translation>минтақаҳо {zones}</translation>
        </message>
        <message>
            <source>Status: {status}</source>
            <translation>Вазъ: {status}</translation>
        </message>
        <message>
            <source>Badge: {badge}</source>
            <translation>Нишона: {badge}</translation>
        </message>
        <message>
            <source>Not checked in</source>
            <translation>Қайд нашудааст</translation>
        </message>
        <message>
            <source>Checked in {when}</source>
            <translation>Омад {when}</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <source>Print</source>
            <translation>Чоп</translation>
        </message>
    </context>
    <context>
        <name>PhotoEditorDialog</name>
        <message>
            <source>Photo</source>
            <translation>Акс</translation>
        </message>
        <message>
            <source>On the badge</source>
            <translation>Дар нишона</translation>
        </message>
        <message>
            <source>Load file…</source>
            <translation>Боргирии файл…</translation>
        </message>
        <message>
            <source>A JPEG, PNG, WebP… from a phone, a camera or the registration form</source>
            <translation>JPEG, PNG, WebP… аз телефон, камера ё варақаи сабти ном</translation>
        </message>
        <message>
            <source>Take photo…</source>
            <translation>Аксбардорӣ…</translation>
        </message>
        <message>
            <source>Take the photo with this computer's camera</source>
            <translation>Аксро бо камераи ин компютер гиред</translation>
        </message>
        <message>
            <source>Largest frame</source>
            <translation>Чаҳорчӯбаи калонтарин</translation>
        </message>
        <message>
            <source>Frame as much of the photo as the badge's proportions allow</source>
            <translation>Қисми калонтарини аксро, ки таносуби нишона иҷозат медиҳад, гиред</translation>
        </message>
        <message>
            <source>Cannot read the guest's photo</source>
            <translation>Акси меҳмонро хондан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Photo of {name}</source>
            <translation>Акси {name}</translation>
        </message>
        <message>
            <source>{file} cannot be read ({why}).</source>
            <translation>{file} хонда намешавад ({why}).</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>Камера</translation>
        </message>
        <message>
            <source>The photo cannot be shown.</source>
            <translation>Аксро нишон додан ғайриимкон аст.</translation>
        </message>
        <message>
            <source>Load a photo file to frame the guest's face for the badge.</source>
            <translation>Файли аксро бор кунед, то рӯи меҳмонро барои нишона ҷудо кунед.</translation>
        </message>
        <message>
            <source>Frame: {width}×{height} pixels. Drag it to move it, drag its corners to resize it; the face should fill most of it.</source>
            <translation>Чаҳорчӯба: {width}×{height} пиксел. Барои ҷойивазкунӣ кашед, барои андоза кунҷҳоро кашед; рӯй бояд қисми зиёдро пур кунад.</translation>
        </message>
        <message>
            <source>This is the guest's photo now.</source>
            <translation>Ин акси ҳозираи меҳмон аст.</translation>
        </message>
        <message>
            <source>Cannot save the photo</source>
            <translation>Аксро захира кардан ғайриимкон аст</translation>
        </message>
    </context>
    <context>
        <name>PhotoFrame</name>
        <message>
            <source>No photo on file</source>
            <translation>Акс нест</translation>
        </message>
    </context>
    <context>
        <name>PhotoImportDialog</name>
        <message>
            <source>Import photos</source>
            <translation>Воридоти аксҳо</translation>
        </message>
        <message>
            <source>Choose the folder the photos are in.</source>
            <translation>Ҷузвдони аксҳоро интихоб кунед.</translation>
        </message>
        <message>
            <source>Choose folder…</source>
            <translation>Интихоби ҷузвдон…</translation>
        </message>
        <message>
            <source>Each file is matched to a guest by its name: passport number, reference, e-mail address or the guest's name (“A1234567.jpg”, “REG-0042.png”, “anna.smith@undp.org.jpg”, “SMITH_Anna.jpg”).</source>
            <translation>Ҳар файл бо номаш ба меҳмон мувофиқ мешавад: рақами шиноснома, рақами сабт, суроғаи e-mail ё номи меҳмон («A1234567.jpg», «REG-0042.png», «anna.smith@undp.org.jpg», «SMITH_Anna.jpg»).</translation>
        </message>
        <message>
            <source>Replace photos guests already have</source>
            <translation>Аксҳои мавҷудаи меҳмононро иваз кунед</translation>
        </message>
        <message>
            <source>Otherwise a guest who has a photo keeps it and their file is skipped</source>
            <translation>Вагарна меҳмон акси худро нигоҳ медорад ва файл гузаронида мешавад</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Воридот</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Қатъ</translation>
        </message>
        <message>
            <source>Reading {folder}…</source>
            <translation>Хондани {folder}…</translation>
        </message>
        <message>
            <source>Photos</source>
            <translation>Аксҳо</translation>
        </message>
        <message>
            <source>Reading photos…</source>
            <translation>Хондани аксҳо…</translation>
        </message>
        <message>
            <source>Reading photo {done} of {total}…</source>
            <translation>Хондани акси {done} аз {total}…</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Қатъ шуда истодааст…</translation>
        </message>
    </context>
    <context>
        <name>PhotoLabel</name>
        <message>
            <source>Double-click to load or crop the photo</source>
            <translation>Барои боргирӣ ё буридани акс ду бор пахш кунед</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <source>Check the rows</source>
            <translation>Сатрҳоро санҷед</translation>
        </message>
        <message>
            <source>Nothing is written yet. Errors are red, changes to check yellow, duplicates orange, updates of guests already in the event blue: point at a cell to see why.</source>
            <translation>Ҳоло ҳеҷ чиз навишта нашудааст. Хатоҳо — сурх, тағйироти санҷиданӣ — зард, такрорҳо — норинҷӣ, навсозии меҳмонони мавҷуда — кабуд; барои дидани сабаб ба катак ишора кунед.</translation>
        </message>
        <message>
            <source>Show only rows with errors, warnings or duplicates</source>
            <translation>Танҳо сатрҳои хатодор, бо огоҳӣ ё такрор</translation>
        </message>
        <message>
            <source>Checking every row…</source>
            <translation>Санҷиши ҳамаи сатрҳо…</translation>
        </message>
    </context>
    <context>
        <name>PropertiesPanel</name>
        <message>
            <source>Text</source>
            <translation>Матн</translation>
        </message>
        <message>
            <source>Band</source>
            <translation>Навор</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>Акс</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>Рамзи QR</translation>
        </message>
        <message>
            <source>Zones</source>
            <translation>Минтақаҳо</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Тасвир</translation>
        </message>
        <message>
            <source>Rectangle</source>
            <translation>Росткунҷа</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>Хат</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Ранг</translation>
        </message>
        <message>
            <source>Category colour</source>
            <translation>Ранги категория</translation>
        </message>
        <message>
            <source>Readable on the category colour</source>
            <translation>Дар ранги категория хонданӣ</translation>
        </message>
        <message>
            <source>None (not drawn)</source>
            <translation>Не (кашида намешавад)</translation>
        </message>
        <message>
            <source>Sans</source>
            <translation>Бе зеҳ</translation>
        </message>
        <message>
            <source>Sans bold</source>
            <translation>Бе зеҳ, ғафс</translation>
        </message>
        <message>
            <source>Auto (by script)</source>
            <translation>Худкор (аз рӯи хат)</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Чап</translation>
        </message>
        <message>
            <source>Centre</source>
            <translation>Дар марказ</translation>
        </message>
        <message>
            <source>Right</source>
            <translation>Рост</translation>
        </message>
        <message>
            <source>Top</source>
            <translation>Боло</translation>
        </message>
        <message>
            <source>Middle</source>
            <translation>Мобайн</translation>
        </message>
        <message>
            <source>Bottom</source>
            <translation>Поён</translation>
        </message>
        <message>
            <source>Always</source>
            <translation>Ҳамеша</translation>
        </message>
        <message>
            <source>When {variable} is not Latin</source>
            <translation>Вақте ки {variable} бо лотинӣ нест</translation>
        </message>
        <message>
            <source>Start left</source>
            <translation>Оғоз аз чап</translation>
        </message>
        <message>
            <source>Start top</source>
            <translation>Оғоз аз боло</translation>
        </message>
        <message>
            <source>End left</source>
            <translation>Анҷом аз чап</translation>
        </message>
        <message>
            <source>End top</source>
            <translation>Анҷом аз боло</translation>
        </message>
        <message>
            <source>Width</source>
            <translation>Бар</translation>
        </message>
        <message>
            <source>Height</source>
            <translation>Баландӣ</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Андоза</translation>
        </message>
        <message>
            <source>Font</source>
            <translation>Ҳуруф</translation>
        </message>
        <message>
            <source>Font size</source>
            <translation>Андозаи ҳуруф</translation>
        </message>
        <message>
            <source>Shrink to at least</source>
            <translation>Хурд кардан на камтар аз</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Сатрҳо</translation>
        </message>
        <message>
            <source>Text colour</source>
            <translation>Ранги матн</translation>
        </message>
        <message>
            <source>Fill</source>
            <translation>Пуркунӣ</translation>
        </message>
        <message>
            <source>Outline</source>
            <translation>Ҳошия</translation>
        </message>
        <message>
            <source>Border</source>
            <translation>Чорчӯба</translation>
        </message>
        <message>
            <source>Border width</source>
            <translation>Ғафсии чорчӯба</translation>
        </message>
        <message>
            <source>Line width</source>
            <translation>Ғафсии хат</translation>
        </message>
        <message>
            <source>Alignment</source>
            <translation>Ҳамворкунӣ</translation>
        </message>
        <message>
            <source>Vertical alignment</source>
            <translation>Ҳамворкунии амудӣ</translation>
        </message>
        <message>
            <source>Rotation</source>
            <translation>Гардиш</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Чоп кардан</translation>
        </message>
        <message>
            <source>Corner radius</source>
            <translation>Радиуси кунҷҳо</translation>
        </message>
        <message>
            <source>Gap</source>
            <translation>Фосила</translation>
        </message>
        <message>
            <source>Image file</source>
            <translation>Файли тасвир</translation>
        </message>
        <message>
            <source>Optional</source>
            <translation>Ихтиёрӣ</translation>
        </message>
        <message>
            <source>Fallback</source>
            <translation>Матни ивазкунанда</translation>
        </message>
        <message>
            <source>Select an element on the badge to change it.</source>
            <translation>Барои тағйир унсури нишонаро интихоб кунед.</translation>
        </message>
        <message>
            <source>Drag a box on the badge to move it and a corner to resize it; the arrow keys nudge it by 0.5 mm (with Shift by 5 mm). Positions are in mm from the badge's top-left corner, font sizes in points.</source>
            <translation>Қуттиро кашед, то ҷойашро иваз кунед, ва кунҷро — барои андоза; тирчаҳо 0,5 мм (бо Shift 5 мм) ҳаракат медиҳанд. Ҷойгиршавӣ бо мм аз кунҷи болои чапи нишона, андозаи ҳуруф бо пункт.</translation>
        </message>
        <message>
            <source>{kind} (element {number})</source>
            <translation>{kind} (унсури {number})</translation>
        </message>
    </context>
    <context>
        <name>QueuePanel</name>
        <message>
            <source>&amp;Seen — clear these conflicts</source>
            <translation>&amp;Дида шуд — ин ихтилофҳоро тоза кунед</translation>
        </message>
        <message>
            <source>Staff have seen these refused check-ins and dealt with the guests (security, organiser)</source>
            <translation>Кормандон ин қайдҳои радшударо диданд ва масъалаи меҳмононро ҳал карданд (посбонӣ, ташкилкунанда)</translation>
        </message>
        <message>
            <source>Check-ins waiting to be sent to the event server: {count}</source>
            <translation>Қайдҳое, ки интизори фиристодан ба сервери чорабинӣ ҳастанд: {count}</translation>
        </message>
        <message>
            <source>Queued check-ins the event server refused: {count} — check these guests</source>
            <translation>Қайдҳои дар навбатмонда, ки сервери чорабинӣ рад кард: {count} — ин меҳмононро санҷед</translation>
        </message>
        <message>
            <source>guest {id}</source>
            <translation>меҳмон {id}</translation>
        </message>
        <message>
            <source>{name} (checked in here at {when}): {why}</source>
            <translation>{name} (дар ин ҷо соати {when} қайд шуд): {why}</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Reason (required)</source>
            <translation>Сабаб (ҳатмӣ)</translation>
        </message>
    </context>
    <context>
        <name>ReportLinesModel</name>
        <message>
            <source>Row</source>
            <translation>Сатр</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Чӣ</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>Сутун</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Қимат</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Паём</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <source>Status</source>
            <translation>Вазъ</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Категория</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Кишвар</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Ташкилот</translation>
        </message>
        <message>
            <source>Delegation</source>
            <translation>Ҳайат</translation>
        </message>
        <message>
            <source>expected (approved guests)</source>
            <translation>интизор (меҳмонони тасдиқшуда)</translation>
        </message>
        <message>
            <source>checked in</source>
            <translation>омаданд</translation>
        </message>
        <message>
            <source>attendance</source>
            <translation>ҳузур</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Навсозӣ</translation>
        </message>
        <message>
            <source>Read the numbers again (check-ins at other desks since)</source>
            <translation>Рақамҳоро аз нав хонед (қайдҳои мизҳои дигар)</translation>
        </message>
        <message>
            <source>Export XLSX…</source>
            <translation>Содироти XLSX…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>Содироти PDF…</translation>
        </message>
        <message>
            <source>By {dimension}</source>
            <translation>Аз рӯи «{dimension}»</translation>
        </message>
        <message>
            <source>Breakdown</source>
            <translation>Тақсимот</translation>
        </message>
        <message>
            <source>Arrivals per {minutes} minutes</source>
            <translation>Омадан дар ҳар {minutes} дақиқа</translation>
        </message>
        <message>
            <source>Delegation attendance</source>
            <translation>Ҳузури ҳайатҳо</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Хондан…</translation>
        </message>
        <message>
            <source>Cannot read the reports</source>
            <translation>Ҳисоботҳоро хондан ғайриимкон аст</translation>
        </message>
        <message>
            <source>{registered} registered: {pending} awaiting a decision, {rejected} rejected, {revoked} revoked.</source>
            <translation>Сабти ном: {registered}; интизори қарор: {pending}, рад: {rejected}, бекор: {revoked}.</translation>
        </message>
        <message>
            <source>As of {when}</source>
            <translation>То {when}</translation>
        </message>
        <message>
            <source>The audit log is intact: {entries} entries, head {head}.</source>
            <translation>Дафтари назорат бутун аст: сабтҳо: {entries}, хеши охирин {head}.</translation>
        </message>
        <message>
            <source>Audit log altered: {problem}</source>
            <translation>Дафтари назорат тағйир дода шудааст: {problem}</translation>
        </message>
        <message>
            <source>{label} — {checked_in} of {expected}</source>
            <translation>{label} — {checked_in} аз {expected}</translation>
        </message>
        <message>
            <source>Export the report</source>
            <translation>Содироти ҳисобот</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Китобҳои Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Print the report to PDF</source>
            <translation>Ҳисобот ба PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>Ҳуҷҷатҳои PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Writing {name}…</source>
            <translation>Навиштани {name}…</translation>
        </message>
        <message>
            <source>Saved {name}</source>
            <translation>Захира шуд: {name}</translation>
        </message>
        <message>
            <source>Cannot write {name}</source>
            <translation>{name}-ро навиштан ғайриимкон аст</translation>
        </message>
    </context>
    <context>
        <name>ReprintList</name>
        <message>
            <source>1 printed badge no longer matches what its guest may do: reprint it.</source>
            <translation>1 нишонаи чопшуда дигар ба ҳуқуқи меҳмон мувофиқ нест: аз нав чоп кунед.</translation>
        </message>
        <message>
            <source>{count} printed badges no longer match what their guests may do: reprint them.</source>
            <translation>{count} нишонаи чопшуда дигар ба ҳуқуқи меҳмонон мувофиқ нест: аз нав чоп кунед.</translation>
        </message>
    </context>
    <context>
        <name>ResultListModel</name>
        <message>
            <source>✔ checked in</source>
            <translation>✔ омад</translation>
        </message>
    </context>
    <context>
        <name>ServerDialog</name>
        <message>
            <source>Connect to event server</source>
            <translation>Пайвастшавӣ ба сервери чорабинӣ</translation>
        </message>
        <message>
            <source>e.g. 192.168.10.5</source>
            <translation>масалан, 192.168.10.5</translation>
        </message>
        <message>
            <source>the event's database, e.g. summit2027</source>
            <translation>пойгоҳи додаҳои чорабинӣ, масалан, summit2027</translation>
        </message>
        <message>
            <source>Remember the password on this computer (in PostgreSQL's password file)</source>
            <translation>Паролро дар ин компютер нигоҳ доред (дар файли паролҳои PostgreSQL)</translation>
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
            <translation>Пойгоҳи додаҳои чорабинӣ</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Корбар</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Парол</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Пайваст шудан</translation>
        </message>
        <message>
            <source>server</source>
            <comment>a field to fill in</comment>
            <translation>сервер</translation>
        </message>
        <message>
            <source>event database</source>
            <comment>a field to fill in</comment>
            <translation>пойгоҳи додаҳои чорабинӣ</translation>
        </message>
        <message>
            <source>user</source>
            <comment>a field to fill in</comment>
            <translation>корбар</translation>
        </message>
        <message>
            <source>Fill in the {fields}.</source>
            <translation>Инҳоро пур кунед: {fields}.</translation>
        </message>
        <message>
            <source> and the </source>
            <comment>between fields</comment>
            <translation> ва </translation>
        </message>
        <message>
            <source>The password could not be kept ({error}); untick Remember to go on.</source>
            <translation>Паролро нигоҳ доштан нашуд ({error}); барои идома аломати «Нигоҳ доред»-ро гиред.</translation>
        </message>
    </context>
    <context>
        <name>SessionAdapter</name>
        <message>
            <source>Indexing the guests</source>
            <translation>Индекси меҳмонон</translation>
        </message>
        <message>
            <source>Cannot load the event</source>
            <translation>Чорабиниро боргирӣ кардан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Cannot reload the event</source>
            <translation>Чорабиниро аз нав боргирӣ кардан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Cannot read the event's changes</source>
            <translation>Тағйироти чорабиниро хондан ғайриимкон аст</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>System default</source>
            <translation>Пешфарзи система</translation>
        </message>
        <message>
            <source>Station settings</source>
            <translation>Танзимоти ҷойи корӣ</translation>
        </message>
        <message>
            <source>e.g. Desk 1</source>
            <translation>масалан, Мизи 1</translation>
        </message>
        <message>
            <source>{printer} (not found)</source>
            <translation>{printer} (ёфт нашуд)</translation>
        </message>
        <message>
            <source>As the computer ({language})</source>
            <translation>Мисли компютер ({language})</translation>
        </message>
        <message>
            <source>The new language is used when Accreditor is restarted.</source>
            <translation>Забони нав пас аз бозоғози Accreditor истифода мешавад.</translation>
        </message>
        <message>
            <source>Print the badge when a guest is checked in</source>
            <translation>Ҳангоми қайди меҳмон нишонаро чоп кунед</translation>
        </message>
        <message>
            <source>Sound on scans and errors</source>
            <translation>Садо ҳангоми скан ва хатоҳо</translation>
        </message>
        <message>
            <source> min</source>
            <translation> дақ</translation>
        </message>
        <message>
            <source>never</source>
            <translation>ҳеҷ гоҳ</translation>
        </message>
        <message>
            <source>On an event with users, ask for the login again after this long without use</source>
            <translation>Дар чорабинии корбардор пас аз ин қадар вақти бекорӣ воридшавиро аз нав пурсед</translation>
        </message>
        <message>
            <source>Print test page</source>
            <translation>Саҳифаи озмоишӣ</translation>
        </message>
        <message>
            <source>Station name</source>
            <translation>Номи ҷойи корӣ</translation>
        </message>
        <message>
            <source>Printer</source>
            <translation>Чопгар</translation>
        </message>
        <message>
            <source>Badge layout</source>
            <translation>Тарҳи нишона</translation>
        </message>
        <message>
            <source>Lock when idle for</source>
            <translation>Қулф кардан пас аз бекорӣ</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Забон</translation>
        </message>
        <message>
            <source>The station needs a name; it is recorded with every badge printed here.</source>
            <translation>Ҷойи корӣ ном лозим дорад: он бо ҳар нишонаи дар ин ҷо чопшуда сабт мешавад.</translation>
        </message>
        <message>
            <source>Sending a test page…</source>
            <translation>Фиристодани саҳифаи озмоишӣ…</translation>
        </message>
        <message>
            <source>Test page</source>
            <translation>Саҳифаи озмоишӣ</translation>
        </message>
        <message>
            <source>No test page: {error}</source>
            <translation>Саҳифаи озмоишӣ чоп нашуд: {error}</translation>
        </message>
    </context>
    <context>
        <name>SheetPage</name>
        <message>
            <source>Choose the sheet</source>
            <translation>Варақро интихоб кунед</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>Варақ:</translation>
        </message>
        <message>
            <source>{file} has several sheets: pick the one with the guests.</source>
            <translation>{file} якчанд варақ дорад: варақи меҳмононро интихоб кунед.</translation>
        </message>
        <message>
            <source>The workbook has several sheets: pick the one with the guests.</source>
            <translation>Китоб якчанд варақ дорад: варақи меҳмононро интихоб кунед.</translation>
        </message>
    </context>
    <context>
        <name>TextTemplateEdit</name>
        <message>
            <source>Text, with {variables}</source>
            <translation>Матн бо {variables}</translation>
        </message>
        <message>
            <source>Insert a variable</source>
            <translation>Гузоштани тағйирёбанда</translation>
        </message>
    </context>
    <context>
        <name>TimelineChart</name>
        <message>
            <source>No check-ins yet</source>
            <translation>Ҳоло қайди омадан нест</translation>
        </message>
        <message>
            <source>{when} — check-ins: {count}</source>
            <translation>{when} — қайдҳо: {count}</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Set the key passphrase</source>
            <translation>Ибораи махфии калидро муқаррар кунед</translation>
        </message>
        <message>
            <source>Unlock the signing key</source>
            <translation>Кушодани қулфи калиди имзо</translation>
        </message>
        <message>
            <source>{event} is being upgraded: its badge signing key will be locked with a passphrase. Whoever prints badges types it once per session; keep it safe — it cannot be recovered.</source>
            <translation>Чорабинии {event} навсозӣ мешавад: калиди имзои нишонаҳои он бо ибораи махфӣ қулф карда мешавад. Касе, ки нишонаҳоро чоп мекунад, онро дар ҳар ҷаласа як бор ворид мекунад; онро бехатар нигоҳ доред — барқарор кардани он ғайриимкон аст.</translation>
        </message>
        <message>
            <source>Badges of {event} are signed with a locked key. Type the event's passphrase to unlock it for this session.</source>
            <translation>Нишонаҳои чорабинии {event} бо калиди қулфшуда имзо мешаванд. Барои кушодани қулфи он дар ин ҷаласа ибораи махфии чорабиниро ворид кунед.</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Ибораи махфӣ</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Ибораи махфӣ бори дигар</translation>
        </message>
        <message>
            <source>Type the passphrase.</source>
            <translation>Ибораи махфиро ворид кунед.</translation>
        </message>
        <message>
            <source>The two passphrases differ.</source>
            <translation>Ду ибораи махфӣ мувофиқ намеоянд.</translation>
        </message>
    </context>
    <context>
        <name>batch_print_dialog</name>
        <message>
            <source>Save the badges as PDF</source>
            <translation>Захираи нишонаҳо ҳамчун PDF</translation>
        </message>
    </context>
    <context>
        <name>camera</name>
        <message>
            <source>No camera support: QtMultimedia is not installed</source>
            <translation>Камера дастгирӣ намешавад: QtMultimedia насб нашудааст</translation>
        </message>
        <message>
            <source>No camera found</source>
            <translation>Камера ёфт нашуд</translation>
        </message>
    </context>
    <context>
        <name>categories_editor</name>
        <message>
            <source>e.g. YTH</source>
            <translation>масалан, YTH</translation>
        </message>
        <message>
            <source>Chosen once: printed badges, gates and guests' records know it by its code</source>
            <translation>Як бор интихоб мешавад: нишонаҳои чопшуда, дарвозаҳо ва сабтҳои меҳмонон онро бо рамз мешиносанд</translation>
        </message>
    </context>
    <context>
        <name>designer_window</name>
        <message>
            <source>Open badge layout</source>
            <translation>Кушодани тарҳи нишона</translation>
        </message>
        <message>
            <source>Save badge layout as</source>
            <translation>Захираи тарҳи нишона ҳамчун</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Тағйироти захиранашуда</translation>
        </message>
        <message>
            <source>The changes to the layout {name} are not saved. Discard them?</source>
            <translation>Тағйироти тарҳи {name} захира нашудаанд. Онҳоро партоед?</translation>
        </message>
        <message>
            <source>The layout could not be saved to {path}: {why}.</source>
            <translation>Тарҳро дар {path} захира кардан нашуд: {why}.</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <source>Photo</source>
            <translation>Акс</translation>
        </message>
    </context>
    <context>
        <name>gate_setup_dialog</name>
        <message>
            <source>Gate package</source>
            <translation>Бастаи дарвоза</translation>
        </message>
        <message>
            <source>The event's public-key file</source>
            <translation>Файли калиди кушодаи чорабинӣ</translation>
        </message>
    </context>
    <context>
        <name>gate_window</name>
        <message>
            <source>Cannot open the gate</source>
            <translation>Дарвозаро кушодан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Open an event or a gate package</source>
            <translation>Кушодани чорабинӣ ё бастаи дарвоза</translation>
        </message>
        <message>
            <source>Leave the gate</source>
            <translation>Тарки дарвоза</translation>
        </message>
        <message>
            <source>Stop checking badges at this gate? Every scan so far is saved.</source>
            <translation>Санҷиши нишонаҳоро дар ин дарвоза қатъ мекунед? Ҳамаи сканҳо захира шудаанд.</translation>
        </message>
    </context>
    <context>
        <name>history_panel</name>
        <message>
            <source>family name</source>
            <translation>насаб</translation>
        </message>
        <message>
            <source>given name</source>
            <translation>ном</translation>
        </message>
        <message>
            <source>family name (Latin)</source>
            <translation>насаб (бо лотинӣ)</translation>
        </message>
        <message>
            <source>given name (Latin)</source>
            <translation>ном (бо лотинӣ)</translation>
        </message>
        <message>
            <source>passport</source>
            <translation>шиноснома</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>e-mail</translation>
        </message>
        <message>
            <source>reference</source>
            <translation>рақами сабт</translation>
        </message>
        <message>
            <source>{field} set to {new}</source>
            <translation>{field}: {new} муқаррар шуд</translation>
        </message>
        <message>
            <source>{field} cleared (was {old})</source>
            <translation>{field}: тоза шуд (буд {old})</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нест</translation>
        </message>
        <message>
            <source>Added ({source})</source>
            <translation>Илова шуд ({source})</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Илова шуд</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>Захира шуд</translation>
        </message>
        <message>
            <source>Changed {changes}</source>
            <translation>Тағйир ёфт: {changes}</translation>
        </message>
        <message>
            <source>Zone {zone} granted</source>
            <translation>Дастрасӣ ба минтақаи {zone} дода шуд</translation>
        </message>
        <message>
            <source>Zone {zone} withdrawn</source>
            <translation>Дастрасӣ ба минтақаи {zone} гирифта шуд</translation>
        </message>
        <message>
            <source>Zone {zone} back to the category default</source>
            <translation>Минтақаи {zone}: мисли пешфарзи категория</translation>
        </message>
        <message>
            <source>Zones {changes}, now {zones}</source>
            <translation>Минтақаҳо {changes}, акнун {zones}</translation>
        </message>
        <message>
            <source>Badge {serial} reprinted at {station}</source>
            <translation>Нишонаи {serial} аз нав чоп шуд, {station}</translation>
        </message>
        <message>
            <source>Badge {serial} reprinted</source>
            <translation>Нишонаи {serial} аз нав чоп шуд</translation>
        </message>
        <message>
            <source>Badge {serial} printed at {station}</source>
            <translation>Нишонаи {serial} чоп шуд, {station}</translation>
        </message>
        <message>
            <source>Badge {serial} printed</source>
            <translation>Нишонаи {serial} чоп шуд</translation>
        </message>
        <message>
            <source>Checked in at a desk</source>
            <translation>Дар миз қайд шуд</translation>
        </message>
        <message>
            <source>Checked in at {station}</source>
            <translation>Қайд шуд: {station}</translation>
        </message>
        <message>
            <source>Photo set</source>
            <translation>Акс гузошта шуд</translation>
        </message>
        <message>
            <source>Check-in undone</source>
            <translation>Қайд бекор шуд</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Тасдиқшуда</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Радшуда</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Бекоршуда</translation>
        </message>
    </context>
    <context>
        <name>inside_panel</name>
        <message>
            <source>Save the evacuation list</source>
            <translation>Захираи рӯйхати эвакуатсия</translation>
        </message>
    </context>
    <context>
        <name>jobs</name>
        <message>
            <source>Cancel</source>
            <translation>Бекор</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Иҷро шуда истодааст</translation>
        </message>
    </context>
    <context>
        <name>live_station</name>
        <message>
            <source>The event server cannot be reached. Guests are still found from this station's copy, and check-ins are kept at this desk and sent when it is back; prints and decisions wait for it. This station keeps trying.</source>
            <translation>Сервери чорабинӣ дастрас нест. Меҳмонон аз нусхаи ин ҷойи корӣ ёфта мешаванд, қайдҳо дар ҳамин миз нигоҳ дошта мешаванд ва ҳангоми барқароршавии пайваст фиристода мешаванд; чоп ва қарорҳо интизори сервер мемонанд. Ин ҷойи корӣ кӯшишро идома медиҳад.</translation>
        </message>
        <message>
            <source>Live: event file</source>
            <translation>Навсозиҳо: файли чорабинӣ</translation>
        </message>
        <message>
            <source>Server: reconnecting…</source>
            <translation>Сервер: аз нав пайваст шудан…</translation>
        </message>
        <message>
            <source>Server: connected · 1 station online</source>
            <translation>Сервер: пайваст · ҷойҳои корӣ дар шабака: 1</translation>
        </message>
        <message>
            <source>Server: connected · {count} stations online</source>
            <translation>Сервер: пайваст · ҷойҳои корӣ дар шабака: {count}</translation>
        </message>
        <message>
            <source>Other apps on this computer that open the same event file show each other's changes</source>
            <translation>Барномаҳои дигари ин компютер, ки ҳамон файли чорабиниро кушодаанд, тағйироти якдигарро нишон медиҳанд</translation>
        </message>
        <message>
            <source>The event server cannot be reached; this station keeps trying</source>
            <translation>Сервери чорабинӣ дастрас нест; ин ҷойи корӣ кӯшишро идома медиҳад</translation>
        </message>
        <message>
            <source>Stations connected to the event server: {stations}</source>
            <translation>Ҷойҳои кории ба сервери чорабинӣ пайвастшуда: {stations}</translation>
        </message>
    </context>
    <context>
        <name>main_window</name>
        <message>
            <source>organiser</source>
            <translation>ташкилкунанда</translation>
        </message>
        <message>
            <source>accreditation</source>
            <translation>аккредитатсия</translation>
        </message>
        <message>
            <source>desk</source>
            <translation>миз</translation>
        </message>
        <message>
            <source>security</source>
            <translation>амният</translation>
        </message>
        <message>
            <source>viewer</source>
            <translation>бинанда</translation>
        </message>
        <message>
            <source>Open event</source>
            <translation>Кушодани чорабинӣ</translation>
        </message>
        <message>
            <source>Opening {name}…</source>
            <translation>Кушодани {name}…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Бекор</translation>
        </message>
        <message>
            <source>Cannot open the event</source>
            <translation>Чорабиниро кушодан ғайриимкон аст</translation>
        </message>
        <message>
            <source>Accreditor events ({pattern});;All files (*)</source>
            <translation>Чорабиниҳои Accreditor ({pattern});;Ҳама файлҳо (*)</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>Unexpected error</source>
            <translation>Хатои ғайричашмдошт</translation>
        </message>
        <message>
            <source>Accreditor hit an unexpected problem and the last action may not have finished. Everything already confirmed on screen is saved.</source>
            <translation>Дар Accreditor хатои ғайричашмдошт рух дод ва амали охирин шояд анҷом наёфт. Ҳар чизе, ки дар экран тасдиқ шудааст, захира шудааст.</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Хато</translation>
        </message>
    </context>
    <context>
        <name>new_event_dialog</name>
        <message>
            <source>New event</source>
            <translation>Чорабинии нав</translation>
        </message>
        <message>
            <source>Accreditor events ({pattern})</source>
            <translation>Чорабиниҳои Accreditor ({pattern})</translation>
        </message>
    </context>
    <context>
        <name>photo_editor</name>
        <message>
            <source>Load a photo</source>
            <translation>Боргирии акс</translation>
        </message>
        <message>
            <source>Photos ({patterns});;All files (*)</source>
            <translation>Аксҳо ({patterns});;Ҳама файлҳо (*)</translation>
        </message>
    </context>
    <context>
        <name>photos_dialog</name>
        <message>
            <source>Folder of guest photos</source>
            <translation>Ҷузвдони аксҳои меҳмонон</translation>
        </message>
        <message>
            <source>has one: replaced</source>
            <translation>дорад: иваз мешавад</translation>
        </message>
        <message>
            <source>has one: kept</source>
            <translation>дорад: боқӣ мемонад</translation>
        </message>
        <message>
            <source>Matched</source>
            <translation>Мувофиқ шуданд</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Файл</translation>
        </message>
        <message>
            <source>Guest</source>
            <translation>Меҳмон</translation>
        </message>
        <message>
            <source>Matched by</source>
            <translation>Мувофиқ аз рӯи</translation>
        </message>
        <message>
            <source>Current photo</source>
            <translation>Акси ҷорӣ</translation>
        </message>
        <message>
            <source>Not matched</source>
            <translation>Мувофиқ нашуданд</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Чаро</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>Ворид шуданд</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Рад шуданд</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>Гузаронида шуданд</translation>
        </message>
        <message>
            <source>Still without photo</source>
            <translation>Ҳоло бе акс</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Ном</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Вазъ</translation>
        </message>
        <message>
            <source>Files in {folder}: {files}; matched to guests: {matched}.</source>
            <translation>Файлҳо дар {folder}: {files}; бо меҳмонон мувофиқ шуд: {matched}.</translation>
        </message>
        <message>
            <source>Not matched: {count}.</source>
            <translation>Мувофиқ нашуд: {count}.</translation>
        </message>
        <message>
            <source>Matched guests who already have a photo: {count}.</source>
            <translation>Меҳмонони мувофиқшуда, ки аллакай акс доранд: {count}.</translation>
        </message>
        <message>
            <source>Approved or pending guests still without a photo after the import: {count}.</source>
            <translation>Меҳмонони тасдиқшуда ё дар интизор, ки пас аз воридот бе акс мемонанд: {count}.</translation>
        </message>
        <message>
            <source>Photos imported: {imported}.</source>
            <translation>Аксҳо ворид шуданд: {imported}.</translation>
        </message>
        <message>
            <source>Stopped before the end.</source>
            <translation>Пеш аз анҷом қатъ шуд.</translation>
        </message>
        <message>
            <source>Skipped: {count}.</source>
            <translation>Гузаронида шуд: {count}.</translation>
        </message>
        <message>
            <source>Refused: {count}.</source>
            <translation>Рад шуд: {count}.</translation>
        </message>
        <message>
            <source>Files not matched: {count}.</source>
            <translation>Файлҳои мувофиқ нашуда: {count}.</translation>
        </message>
        <message>
            <source>Approved or pending guests still without a photo: {count}.</source>
            <translation>Меҳмонони тасдиқшуда ё дар интизор, ки ҳоло бе акс: {count}.</translation>
        </message>
        <message>
            <source>Every approved or pending guest has a photo.</source>
            <translation>Ҳамаи меҳмонони тасдиқшуда ва дар интизор акс доранд.</translation>
        </message>
    </context>
    <context>
        <name>printing</name>
        <message>
            <source>the default printer</source>
            <translation>чопгари пешфарз</translation>
        </message>
        <message>
            <source>the system default printer</source>
            <translation>чопгари пешфарзи система</translation>
        </message>
        <message>
            <source>Accreditor test page</source>
            <translation>Саҳифаи озмоишии Accreditor</translation>
        </message>
    </context>
    <context>
        <name>vocabulary</name>
        <message>
            <source>Pending</source>
            <comment>GuestStatus.pending label</comment>
            <translation>Дар интизор</translation>
        </message>
        <message>
            <source>Pending approval</source>
            <comment>GuestStatus.pending headline</comment>
            <translation>Интизори тасдиқ</translation>
        </message>
        <message>
            <source>ask the accreditation office (organiser)</source>
            <comment>GuestStatus.pending message</comment>
            <translation>ба шӯъбаи аккредитатсия (ташкилкунанда) муроҷиат кунед</translation>
        </message>
        <message>
            <source>Approved</source>
            <comment>GuestStatus.approved label</comment>
            <translation>Тасдиқшуда</translation>
        </message>
        <message>
            <source>Rejected</source>
            <comment>GuestStatus.rejected label</comment>
            <translation>Радшуда</translation>
        </message>
        <message>
            <source>do not admit; send the guest to the accreditation office</source>
            <comment>GuestStatus.rejected message</comment>
            <translation>нагузаронед; меҳмонро ба шӯъбаи аккредитатсия фиристед</translation>
        </message>
        <message>
            <source>Revoked</source>
            <comment>GuestStatus.revoked label</comment>
            <translation>Бекоршуда</translation>
        </message>
        <message>
            <source>do not admit; call the security supervisor</source>
            <comment>GuestStatus.revoked message</comment>
            <translation>нагузаронед; сардори хадамоти амниятро даъват кунед</translation>
        </message>
        <message>
            <source>ADMIT</source>
            <comment>GateColour.green label</comment>
            <translation>ГУЗАРОНЕД</translation>
        </message>
        <message>
            <source>CHECK</source>
            <comment>GateColour.orange label</comment>
            <translation>САНҶЕД</translation>
        </message>
        <message>
            <source>STOP</source>
            <comment>GateColour.red label</comment>
            <translation>ИСТ</translation>
        </message>
        <message>
            <source>Valid for this zone</source>
            <comment>GateReason.ok label</comment>
            <translation>Эътибор дорад</translation>
        </message>
        <message>
            <source>Valid for {zone}.</source>
            <comment>GateReason.ok message</comment>
            <translation>Барои минтақаи {zone} эътибор дорад.</translation>
        </message>
        <message>
            <source>Let through by the operator</source>
            <comment>GateReason.override label</comment>
            <translation>Корманд гузаронид</translation>
        </message>
        <message>
            <source>Let through by the operator: {reason}. The badge was {was}: {message}</source>
            <comment>GateReason.override message</comment>
            <translation>Корманд гузаронид: {reason}. Ҳукм дар бораи нишона {was} буд: {message}</translation>
        </message>
        <message>
            <source>Already inside</source>
            <comment>GateReason.already_inside label</comment>
            <translation>Аллакай дар дохил</translation>
        </message>
        <message>
            <source>Already inside {zone} since {since}: check the badge is not being passed back.</source>
            <comment>GateReason.already_inside message</comment>
            <translation>Аз соати {since} дар минтақаи {zone} аст: санҷед, ки нишона ба каси дигар дода нашудааст.</translation>
        </message>
        <message>
            <source>Already inside {zone} since {since} at {gate}: check the badge is not being passed back.</source>
            <comment>GateReason.already_inside variant at_gate</comment>
            <translation>Аз соати {since} дар минтақаи {zone} аст, вуруд аз {gate}: санҷед, ки нишона ба каси дигар дода нашудааст.</translation>
        </message>
        <message>
            <source>Escort required</source>
            <comment>GateReason.escort_required label</comment>
            <translation>Ҳамроҳӣ лозим аст</translation>
        </message>
        <message>
            <source>{category}: must be escorted.</source>
            <comment>GateReason.escort_required message</comment>
            <translation>{category}: танҳо бо ҳамроҳӣ.</translation>
        </message>
        <message>
            <source>No photo on file</source>
            <comment>GateReason.no_photo label</comment>
            <translation>Акс нест</translation>
        </message>
        <message>
            <source>No photo on file: check an identity document.</source>
            <comment>GateReason.no_photo message</comment>
            <translation>Акс нест: ҳуҷҷати шахсиятро санҷед.</translation>
        </message>
        <message>
            <source>Not a badge code</source>
            <comment>GateReason.malformed label</comment>
            <translation>Рамзи нишона нест</translation>
        </message>
        <message>
            <source>Not an Accreditor badge code (unreadable, damaged or something else): check by hand.</source>
            <comment>GateReason.malformed message</comment>
            <translation>Ин рамзи нишонаи Accreditor нест (хонда намешавад, вайрон аст ё чизи дигар): дастӣ санҷед.</translation>
        </message>
        <message>
            <source>FORGED badge</source>
            <comment>GateReason.bad_signature label</comment>
            <translation>Нишонаи ҚАЛБӢ</translation>
        </message>
        <message>
            <source>FORGED: the badge's signature is not valid.</source>
            <comment>GateReason.bad_signature message</comment>
            <translation>ҚАЛБӢ: имзои нишона беэътибор аст.</translation>
        </message>
        <message>
            <source>Unknown signing key</source>
            <comment>GateReason.unknown_key label</comment>
            <translation>Калиди имзои номаълум</translation>
        </message>
        <message>
            <source>Signed with a key this event does not accept (forged, withdrawn key or another system).</source>
            <comment>GateReason.unknown_key message</comment>
            <translation>Бо калиде имзо шудааст, ки ин чорабинӣ қабул намекунад (қалбӣ, калиди бекоршуда ё системаи дигар).</translation>
        </message>
        <message>
            <source>Badge of another event</source>
            <comment>GateReason.wrong_event label</comment>
            <translation>Нишонаи чорабинии дигар</translation>
        </message>
        <message>
            <source>A badge of another event.</source>
            <comment>GateReason.wrong_event message</comment>
            <translation>Нишонаи чорабинии дигар.</translation>
        </message>
        <message>
            <source>Accreditation REVOKED</source>
            <comment>GateReason.revoked label</comment>
            <translation>Иҷозат БЕКОР шуд</translation>
        </message>
        <message>
            <source>Accreditation REVOKED: do not let in.</source>
            <comment>GateReason.revoked message</comment>
            <translation>Аккредитатсия БЕКОР шуд: нагузаронед.</translation>
        </message>
        <message>
            <source>OLD badge (replaced)</source>
            <comment>GateReason.superseded label</comment>
            <translation>Нишонаи КӮҲНА (ивазшуда)</translation>
        </message>
        <message>
            <source>OLD BADGE: serial {serial} was replaced by serial {current} (reprinted or reported lost): do not let in.</source>
            <comment>GateReason.superseded message</comment>
            <translation>НИШОНАИ КӮҲНА: рақами {serial} бо рақами {current} иваз шуд (аз нав чоп ё гумшуда эълон шуд): нагузаронед.</translation>
        </message>
        <message>
            <source>Not accredited</source>
            <comment>GateReason.not_approved label</comment>
            <translation>Тасдиқ нашудааст</translation>
        </message>
        <message>
            <source>Not accredited: the guest is not approved.</source>
            <comment>GateReason.not_approved message</comment>
            <translation>Аккредитатсия нашудааст: меҳмон тасдиқ нашудааст.</translation>
        </message>
        <message>
            <source>Not allowed in this zone</source>
            <comment>GateReason.zone_not_allowed label</comment>
            <translation>Ба ин минтақа иҷозат нест</translation>
        </message>
        <message>
            <source>Not allowed in {zone}: the badge is for {zones}.</source>
            <comment>GateReason.zone_not_allowed message</comment>
            <translation>Ба минтақаи {zone} иҷозат нест: нишона барои {zones} аст.</translation>
        </message>
        <message>
            <source>Not allowed in {zone} with this badge (it shows {zones}); reprint it.</source>
            <comment>GateReason.zone_not_allowed variant reprint</comment>
            <translation>Бо ин нишона ба минтақаи {zone} иҷозат нест (дар он {zones}); аз нав чоп кунед.</translation>
        </message>
        <message>
            <source>Badge expired</source>
            <comment>GateReason.expired label</comment>
            <translation>Мӯҳлати нишона гузашт</translation>
        </message>
        <message>
            <source>Badge expired: it was valid until {until}.</source>
            <comment>GateReason.expired message</comment>
            <translation>Мӯҳлати нишона гузашт: то {until} эътибор дошт.</translation>
        </message>
        <message>
            <source>Badge not valid yet</source>
            <comment>GateReason.not_yet_valid label</comment>
            <translation>Нишона ҳанӯз эътибор надорад</translation>
        </message>
        <message>
            <source>Badge not valid yet: it opens on {since}.</source>
            <comment>GateReason.not_yet_valid message</comment>
            <translation>Нишона ҳанӯз эътибор надорад: аз {since} эътибор пайдо мекунад.</translation>
        </message>
        <message>
            <source>Scan NOT checked</source>
            <comment>GateReason.not_checked label</comment>
            <translation>Скан САНҶИДА НАШУД</translation>
        </message>
        <message>
            <source>The gate could not check or record this badge ({error}). Check it by hand and call the supervisor.</source>
            <comment>GateReason.not_checked message</comment>
            <translation>Дарвоза ин нишонаро санҷида ё сабт карда натавонист ({error}). Дастӣ санҷед ва сардори навбатро даъват кунед.</translation>
        </message>
        <message>
            <source>Valid badge</source>
            <comment>TokenReason.ok label</comment>
            <translation>Нишонаи эътибордор</translation>
        </message>
        <message>
            <source>Unreadable or forged code</source>
            <comment>TokenReason.malformed label</comment>
            <translation>Рамз хонда намешавад ё қалбист</translation>
        </message>
        <message>
            <source>Forged badge (bad signature)</source>
            <comment>TokenReason.bad_signature label</comment>
            <translation>Нишонаи қалбӣ (имзои нодуруст)</translation>
        </message>
        <message>
            <source>Badge of another event (signed with a key this event does not know)</source>
            <comment>TokenReason.unknown_key label</comment>
            <translation>Нишонаи чорабинии дигар (бо калиди номаълум имзо шудааст)</translation>
        </message>
        <message>
            <source>Badge of another event</source>
            <comment>TokenReason.wrong_event label</comment>
            <translation>Нишонаи чорабинии дигар</translation>
        </message>
        <message>
            <source>Badge expired</source>
            <comment>TokenReason.expired label</comment>
            <translation>Мӯҳлати нишона гузашт</translation>
        </message>
        <message>
            <source>Badge expired (valid until {until})</source>
            <comment>TokenReason.expired message</comment>
            <translation>Мӯҳлати нишона гузашт (то {until} эътибор дошт)</translation>
        </message>
        <message>
            <source>Badge not valid yet</source>
            <comment>TokenReason.not_yet_valid label</comment>
            <translation>Нишона ҳанӯз эътибор надорад</translation>
        </message>
        <message>
            <source>Badge not valid yet (valid from {since})</source>
            <comment>TokenReason.not_yet_valid message</comment>
            <translation>Нишона ҳанӯз эътибор надорад (аз {since})</translation>
        </message>
        <message>
            <source>Badge revoked</source>
            <comment>TokenReason.revoked label</comment>
            <translation>Нишона бекор шудааст</translation>
        </message>
        <message>
            <source>Old badge — a newer one was printed</source>
            <comment>TokenReason.superseded label</comment>
            <translation>Нишонаи кӯҳна — нишонаи навтар чоп шудааст</translation>
        </message>
        <message>
            <source>Old badge — a newer one was printed (this is serial {serial}, the valid one is {current})</source>
            <comment>TokenReason.superseded message</comment>
            <translation>Нишонаи кӯҳна — нишонаи навтар чоп шудааст (ин рақами {serial}, эътибордор — {current})</translation>
        </message>
        <message>
            <source>Guest not approved</source>
            <comment>TokenReason.not_approved label</comment>
            <translation>Меҳмон тасдиқ нашудааст</translation>
        </message>
        <message>
            <source>Checked in</source>
            <comment>CheckInResult.checked_in label</comment>
            <translation>Омад</translation>
        </message>
        <message>
            <source>Checked in: {name}</source>
            <comment>CheckInResult.checked_in message</comment>
            <translation>Қайд шуд: {name}</translation>
        </message>
        <message>
            <source>Already checked in</source>
            <comment>CheckInResult.already label</comment>
            <translation>Аллакай қайд шудааст</translation>
        </message>
        <message>
            <source>Already checked in at {when}</source>
            <comment>CheckInResult.already message</comment>
            <translation>Аллакай қайд шудааст: {when}</translation>
        </message>
        <message>
            <source>Not checked in</source>
            <comment>CheckInResult.refused label</comment>
            <translation>Қайд нашудааст</translation>
        </message>
        <message>
            <source>Not checked in. {why}</source>
            <comment>CheckInResult.refused message</comment>
            <translation>Қайд нашуд. {why}</translation>
        </message>
        <message>
            <source>Check-in queued</source>
            <comment>CheckInResult.queued label</comment>
            <translation>Қайд дар навбат монд</translation>
        </message>
        <message>
            <source>Checked in at this desk: {name}. The event server cannot be reached; the check-in waits here and is sent when it is back.</source>
            <comment>CheckInResult.queued message</comment>
            <translation>Дар ҳамин миз қайд шуд: {name}. Сервери чорабинӣ дастрас нест; қайд дар ин ҷо интизор мемонад ва ҳангоми барқароршавии пайваст фиристода мешавад.</translation>
        </message>
        <message>
            <source>Unknown guest</source>
            <comment>CheckInRefusal.unknown_guest label</comment>
            <translation>Меҳмони номаълум</translation>
        </message>
        <message>
            <source>There is no guest with id {guest}.</source>
            <comment>CheckInRefusal.unknown_guest message</comment>
            <translation>Меҳмон бо рақами {guest} нест.</translation>
        </message>
        <message>
            <source>Unknown code</source>
            <comment>CheckInRefusal.unknown_code label</comment>
            <translation>Рамзи номаълум</translation>
        </message>
        <message>
            <source>Unknown code: {code}</source>
            <comment>CheckInRefusal.unknown_code message</comment>
            <translation>Рамзи номаълум: {code}</translation>
        </message>
        <message>
            <source>Pending</source>
            <comment>CheckInRefusal.pending label</comment>
            <translation>Дар интизор</translation>
        </message>
        <message>
            <source>Guest {guest} is {status}{why} and cannot be checked in.</source>
            <comment>CheckInRefusal.pending message</comment>
            <translation>Меҳмон {guest}: вазъи «{status}»{why}, қайд ғайриимкон аст.</translation>
        </message>
        <message>
            <source>Rejected</source>
            <comment>CheckInRefusal.rejected label</comment>
            <translation>Радшуда</translation>
        </message>
        <message>
            <source>Guest {guest} is {status}{why} and cannot be checked in.</source>
            <comment>CheckInRefusal.rejected message</comment>
            <translation>Меҳмон {guest}: вазъи «{status}»{why}, қайд ғайриимкон аст.</translation>
        </message>
        <message>
            <source>Revoked</source>
            <comment>CheckInRefusal.revoked label</comment>
            <translation>Бекоршуда</translation>
        </message>
        <message>
            <source>Guest {guest} is {status}{why} and cannot be checked in.</source>
            <comment>CheckInRefusal.revoked message</comment>
            <translation>Меҳмон {guest}: вазъи «{status}»{why}, қайд ғайриимкон аст.</translation>
        </message>
        <message>
            <source>Sent to the printer</source>
            <comment>PrintStatus.accepted label</comment>
            <translation>Ба чоп фиристода шуд</translation>
        </message>
        <message>
            <source>Sent to {printer} (job {job}).</source>
            <comment>PrintStatus.accepted message</comment>
            <translation>Ба {printer} фиристода шуд (вазифа {job}).</translation>
        </message>
        <message>
            <source>Sent to {printer}.</source>
            <comment>PrintStatus.accepted variant no_job</comment>
            <translation>Ба {printer} фиристода шуд.</translation>
        </message>
        <message>
            <source>Saved</source>
            <comment>PrintStatus.saved label</comment>
            <translation>Захира шуд</translation>
        </message>
        <message>
            <source>Saved to {path}.</source>
            <comment>PrintStatus.saved message</comment>
            <translation>Дар {path} захира шуд.</translation>
        </message>
        <message>
            <source>No printer</source>
            <comment>PrintStatus.no_printer label</comment>
            <translation>Чопгар нест</translation>
        </message>
        <message>
            <source>No printer is chosen and the system has no default printer.</source>
            <comment>PrintStatus.no_printer message</comment>
            <translation>Чопгар интихоб нашудааст ва система чопгари пешфарз надорад.</translation>
        </message>
        <message>
            <source>No such printer</source>
            <comment>PrintStatus.unknown_printer label</comment>
            <translation>Чунин чопгар нест</translation>
        </message>
        <message>
            <source>There is no printer called {printer}.</source>
            <comment>PrintStatus.unknown_printer message</comment>
            <translation>Чопгари {printer} нест.</translation>
        </message>
        <message>
            <source>Printer stopped</source>
            <comment>PrintStatus.stopped label</comment>
            <translation>Чопгар қатъ шудааст</translation>
        </message>
        <message>
            <source>The printer {printer} is stopped; start it again in the system's printer settings.</source>
            <comment>PrintStatus.stopped message</comment>
            <translation>Чопгари {printer} қатъ шудааст; онро дар танзимоти чопгарҳои система аз нав фаъол кунед.</translation>
        </message>
        <message>
            <source>Refused</source>
            <comment>PrintStatus.refused label</comment>
            <translation>Рад шуд</translation>
        </message>
        <message>
            <source>The printer {printer} refused the job: {why}.</source>
            <comment>PrintStatus.refused message</comment>
            <translation>Чопгари {printer} вазифаро рад кард: {why}.</translation>
        </message>
        <message>
            <source>Print system silent</source>
            <comment>PrintStatus.no_answer label</comment>
            <translation>Системаи чоп ҷавоб намедиҳад</translation>
        </message>
        <message>
            <source>The print system did not answer; check that CUPS is running.</source>
            <comment>PrintStatus.no_answer message</comment>
            <translation>Системаи чоп ҷавоб надод; санҷед, ки CUPS кор мекунад.</translation>
        </message>
        <message>
            <source>Print system unreachable</source>
            <comment>PrintStatus.cannot_ask label</comment>
            <translation>Системаи чоп дастнорас аст</translation>
        </message>
        <message>
            <source>The print system cannot be asked about {printer} ({why}).</source>
            <comment>PrintStatus.cannot_ask message</comment>
            <translation>Аз системаи чоп дар бораи {printer} пурсидан ғайриимкон аст ({why}).</translation>
        </message>
        <message>
            <source>Cannot print</source>
            <comment>PrintStatus.cannot_run label</comment>
            <translation>Чоп ғайриимкон аст</translation>
        </message>
        <message>
            <source>The print command could not run ({why}).</source>
            <comment>PrintStatus.cannot_run message</comment>
            <translation>Фармони чоп иҷро нашуд ({why}).</translation>
        </message>
        <message>
            <source>Printer silent</source>
            <comment>PrintStatus.timed_out label</comment>
            <translation>Чопгар ҷавоб намедиҳад</translation>
        </message>
        <message>
            <source>The printer {printer} did not take the job within {seconds} seconds.</source>
            <comment>PrintStatus.timed_out message</comment>
            <translation>Чопгари {printer} вазифаро дар {seconds} сония қабул накард.</translation>
        </message>
        <message>
            <source>File missing</source>
            <comment>PrintStatus.missing_file label</comment>
            <translation>Файл нест</translation>
        </message>
        <message>
            <source>The file to print, {file}, is missing.</source>
            <comment>PrintStatus.missing_file message</comment>
            <translation>Файли чопӣ {file} нест.</translation>
        </message>
        <message>
            <source>Nothing to print</source>
            <comment>PrintStatus.no_pages label</comment>
            <translation>Чизе барои чоп нест</translation>
        </message>
        <message>
            <source>The file to print has no pages.</source>
            <comment>PrintStatus.no_pages message</comment>
            <translation>Файли чопӣ саҳифа надорад.</translation>
        </message>
        <message>
            <source>Printer unavailable</source>
            <comment>PrintStatus.cannot_open label</comment>
            <translation>Чопгар дастнорас аст</translation>
        </message>
        <message>
            <source>The printer {printer} cannot be opened.</source>
            <comment>PrintStatus.cannot_open message</comment>
            <translation>Чопгари {printer} кушода намешавад.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <comment>PrintStatus.cannot_save label</comment>
            <translation>Захира нашуд</translation>
        </message>
        <message>
            <source>The badges could not be saved to {path} ({why}).</source>
            <comment>PrintStatus.cannot_save message</comment>
            <translation>Нишонаҳоро дар {path} захира кардан нашуд ({why}).</translation>
        </message>
        <message>
            <source>Unsigned</source>
            <comment>ScanRejection.unsigned label</comment>
            <translation>Бе имзо</translation>
        </message>
        <message>
            <source>The line is not signed by a gate station: export the log again on the gate, with its package.</source>
            <comment>ScanRejection.unsigned message</comment>
            <translation>Сатр аз ҷониби дарвоза имзо нашудааст: дафтарро дар дарвоза бо бастаи он аз нав содир кунед.</translation>
        </message>
        <message>
            <source>Another event's</source>
            <comment>ScanRejection.other_event label</comment>
            <translation>Чорабинии дигар</translation>
        </message>
        <message>
            <source>The line was written for event {event}, not this one: a replay.</source>
            <comment>ScanRejection.other_event message</comment>
            <translation>Сатр барои чорабинии {event} навишта шудааст, на барои ин: такрори маълумоти бегона.</translation>
        </message>
        <message>
            <source>Unknown station</source>
            <comment>ScanRejection.unknown_station label</comment>
            <translation>Дарвозаи номаълум</translation>
        </message>
        <message>
            <source>The line is signed as gate station {station}, which this event does not have.</source>
            <comment>ScanRejection.unknown_station message</comment>
            <translation>Сатр ҳамчун дарвозаи {station} имзо шудааст, ки дар ин чорабинӣ нест.</translation>
        </message>
        <message>
            <source>FORGED line</source>
            <comment>ScanRejection.bad_signature label</comment>
            <translation>Сатри ҚАЛБӢ</translation>
        </message>
        <message>
            <source>FORGED or altered: the line's signature is not gate station {name}'s.</source>
            <comment>ScanRejection.bad_signature message</comment>
            <translation>ҚАЛБӢ ё тағйирдодашуда: имзои сатр аз они дарвозаи {name} нест.</translation>
        </message>
        <message>
            <source>Station revoked</source>
            <comment>ScanRejection.station_revoked label</comment>
            <translation>Дарвоза бекор шудааст</translation>
        </message>
        <message>
            <source>Gate station {name} was revoked on {since}; lines signed by it are no longer merged.</source>
            <comment>ScanRejection.station_revoked message</comment>
            <translation>Дарвозаи {name} {since} бекор шуд; сатрҳои бо он имзошуда дигар ба чорабинӣ илова намешаванд.</translation>
        </message>
        <message>
            <source>Altered</source>
            <comment>ScanRejection.altered label</comment>
            <translation>Тағйир дода шудааст</translation>
        </message>
        <message>
            <source>The event holds scan {nonce} with other details: the line was altered.</source>
            <comment>ScanRejection.altered message</comment>
            <translation>Дар чорабинӣ скани {nonce} бо маълумоти дигар ҳаст: сатр тағйир дода шудааст.</translation>
        </message>
        <message>
            <source>Unknown zone</source>
            <comment>ScanRejection.unknown_zone label</comment>
            <translation>Минтақаи номаълум</translation>
        </message>
        <message>
            <source>The event has no zone {zone}.</source>
            <comment>ScanRejection.unknown_zone message</comment>
            <translation>Дар чорабинӣ минтақаи {zone} нест.</translation>
        </message>
        <message>
            <source>Unknown guest</source>
            <comment>ScanRejection.unknown_guest label</comment>
            <translation>Меҳмони номаълум</translation>
        </message>
        <message>
            <source>The event has no guest {guest}.</source>
            <comment>ScanRejection.unknown_guest message</comment>
            <translation>Дар чорабинӣ меҳмони {guest} нест.</translation>
        </message>
        <message>
            <source>Out of dates</source>
            <comment>ScanRejection.out_of_dates label</comment>
            <translation>Берун аз санаҳои чорабинӣ</translation>
        </message>
        <message>
            <source>The scan is dated {day}, outside the event's days ({first} to {last}, give or take a day).</source>
            <comment>ScanRejection.out_of_dates message</comment>
            <translation>Скан бо санаи {day} аст — берун аз рӯзҳои чорабинӣ (аз {first} то {last}, як рӯз пеш ё пас).</translation>
        </message>
        <message>
            <source>The scan is dated {day}, after tomorrow.</source>
            <comment>ScanRejection.out_of_dates variant future</comment>
            <translation>Скан бо санаи {day} аст — дертар аз фардо.</translation>
        </message>
    </context>
</TS>
