"""Content of the demo courses, in Kazakh, Russian and English.

Pure data: eight short courses for the staff of inclusive schools (tutors in four
areas, teachers, specialists, methodologists and school leaders). Every text is a dict
``{"kk": ..., "ru": ..., "en": ...}``; the three languages say the same thing.

Children appear only as "the child", "a pupil", "a boy in Year 3": never a name and
never the diagnosis of a real person.

Schema (see the seeding code that reads it):

    COURSES = [{
        "key": str, "audiences": [(role, area or None, required)], "academic_hours": int,
        "provider": text, "title": text, "summary": text, "description": html,
        "sequential": bool,
        "modules": [{"key": str, "title": text, "minutes": int,
                     "completion": "viewed" | "marked_done" | "knowledge_check" | "reflection",
                     "body": [BLOCK, ...]}, ...],
    }, ...]

    BLOCK = ("heading", text) | ("paragraph", html) | ("callout", "tip" | "caution", html)
          | ("check", {"title", "pass_mark", "attempts", "questions": [
                {"kind": "single" | "multiple", "text",
                 "options": [{"text", "correct", "feedback"}, ...]}, ...]})
          | ("reflection", {"prompt", "guidance", "min", "max"})
"""

from __future__ import annotations

# The invented training centre named on every certificate of the demo programme.
_PROVIDER = {
    "kk": "«Қамқорлық» инклюзивті білім беру бағдарламасының оқу орталығы",
    "ru": "Учебный центр программы инклюзивного образования «Қамқорлық»",
    "en": "Qamqorlyq Inclusive Education Programme training centre",
}

# ---------------------------------------------------------------------------
# 1. Tutors, area "autism"
# ---------------------------------------------------------------------------

_TUTOR_AUTISM = {
    "key": "tutor-autism",
    "audiences": [("tutor", "autism", True)],
    "academic_hours": 8,
    "provider": _PROVIDER,
    "title": {
        "kk": "Жалпы білім беретін сыныпта аутизмі бар баланы сүйемелдеу",
        "ru": "Сопровождение ребёнка с аутизмом в общеобразовательном классе",
        "en": "Supporting a child with autism in a mainstream classroom",
    },
    "summary": {
        "kk": "Тьюторға арналған практикалық тәсілдер: мектептегі күнді болжамды ету, визуалды кестені қолдану, сенсорлық қажеттіліктерді ескеру, қарым-қатынасты қолдау және бірлескен реттеу арқылы баланың сабырға келуіне көмектесу.",
        "ru": "Практические приёмы для тьютора: как сделать школьный день предсказуемым, использовать визуальное расписание, учитывать сенсорные потребности, поддерживать коммуникацию и помогать ребёнку успокоиться через совместную регуляцию.",
        "en": "Practical strategies for tutors: make the school day predictable, use visual schedules, respond to sensory needs, support communication and help the child regain calm through co-regulation.",
    },
    "description": {
        "kk": "<p>Бұл курс жалпы білім беретін сыныпта аутизмі бар баланы сүйемелдейтін тьюторларға арналған. Курс ертеңгі сабақта-ақ қолдануға болатын іс-әрекетке бағытталған: күнді мұғаліммен бірге дайындау, визуалды кестені пайдалану, баланың сенсорлық қажеттіліктерін байқап, оларға жауап беру және бала түсінетін тәсілмен қарым-қатынас жасау.</p><p>Курс соңында Сіз ауысуларды жоспарлай аласыз, ортаға қарапайым бейімдеулер енгізе аласыз, бала шамадан тыс жүктелгенде сабыр сақтап, оған қолдау көрсете аласыз және баланың сыныптастарымен бірге барынша дербес оқуы үшін уақтылы шегіне білесіз.</p>",
        "ru": "<p>Этот курс предназначен для тьюторов, которые сопровождают ребёнка с аутизмом в общеобразовательном классе. Он посвящён тому, что можно сделать уже завтра утром: подготовить день вместе с учителем, использовать визуальное расписание, замечать сенсорные потребности ребёнка и отвечать на них, общаться так, чтобы ребёнок понимал.</p><p>По окончании курса вы сможете планировать переходы, вносить простые изменения в среду, сохранять спокойствие и поддерживать ребёнка, когда он перегружен, и вовремя отступать на шаг, чтобы ребёнок учился вместе с одноклассниками как можно самостоятельнее.</p>",
        "en": "<p>This course is for tutors who support a child with autism in a mainstream class. It focuses on what you can do from tomorrow morning: prepare the day together with the teacher, use a visual schedule, notice and respond to the child's sensory needs, and communicate in ways the child understands.</p><p>By the end you will be able to plan transitions, make simple changes to the environment, stay calm and supportive when the child is overwhelmed, and step back at the right moments so that the child learns alongside classmates as independently as possible.</p>",
    },
    "sequential": True,
    "modules": [
        {
            "key": "predictability",
            "title": {
                "kk": "Болжамдылық және визуалды кесте",
                "ru": "Предсказуемость и визуальное расписание",
                "en": "Predictability and visual schedules",
            },
            "minutes": 20,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Болжамдылық не үшін маңызды",
                        "ru": "Почему важна предсказуемость",
                        "en": "Why predictability matters",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Аутизмі бар көптеген бала үшін күтпеген өзгеріс қатты күйзеліс тудырады. Бала келесіде не болатынын білмегенде, оның күші белгісіздікті жеңуге жұмсалады да, оқуға аз қалады. Болжамды күн қатаң күн дегенді білдірмейді: бұл — балаға не болатыны және не өзгеретіні алдын ала, өзі түсінетін түрде айтылатын күн.</p><p>Сіздің ең пайдалы құралыңыз — <strong>визуалды кесте</strong>: күннің немесе сабақтың бөліктерін көрсететін суреттер, белгілер не сөздер тізбегі. Балаға лайық түрін таңдаңыз: біреуге нақты фотосуреттер, енді біреуге қарапайым белгілер немесе жазылған сөздер қолайлы. Кестені бала үнемі көретін жерде — партада немесе шағын папкада ұстаңыз.</p>",
                        "ru": "<p>Для многих детей с аутизмом неожиданные перемены — сильный стресс. Когда ребёнок не знает, что будет дальше, много сил уходит на то, чтобы справиться с неопределённостью, и на учёбу их остаётся меньше. Предсказуемый день — не значит жёсткий: это день, в котором ребёнку заранее и в понятной ему форме сообщают, что произойдёт и что изменится.</p><p>Ваш самый полезный инструмент — <strong>визуальное расписание</strong>: последовательность картинок, символов или слов, показывающая части дня или урока. Выберите форму, которая подходит ребёнку: одним нужны реальные фотографии, другим — простые символы или написанные слова. Держите расписание там, где ребёнок его всегда видит: на парте или в небольшой папке.</p>",
                        "en": "<p>Many autistic children find unexpected change very stressful. When a child does not know what comes next, much of their energy goes into coping with uncertainty, and less is left for learning. A predictable day is not a rigid day: it is a day in which the child is told in advance, in a form they understand, what will happen and what will change.</p><p>Your most useful tool is a <strong>visual schedule</strong>: a sequence of pictures, symbols or words showing the parts of the day or of a lesson. Choose the form that suits the child: real photographs for some, simple symbols or written words for others. Keep it where the child can always see it, on the desk or in a small folder.</p>",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<ul><li>Күннің басында және әр сабақ алдында кестені баламен бірге қараңыз.</li><li>Әрекет аяқталғанда, бала оны өзі белгілесін: карточканы аударсын, «аяқталды» қалтасына салсын немесе белгі қойсын.</li><li>Бала қиын көретін тапсырма үшін <strong>«алдымен — содан кейін»</strong> тақтасын қолданыңыз: «алдымен оқу, содан кейін сурет салу».</li><li>Өзгеріс туралы «өзгеріс» карточкасы арқылы алдын ала ескертіп, оның орнына не болатынын көрсетіңіз.</li></ul>",
                        "ru": "<ul><li>Просматривайте расписание вместе с ребёнком в начале дня и перед каждым уроком.</li><li>Когда занятие закончено, пусть ребёнок сам отметит это: перевернёт карточку, переложит её в кармашек «готово» или поставит галочку.</li><li>Для трудного задания используйте доску <strong>«сначала — потом»</strong>: «сначала чтение, потом рисование».</li><li>Заранее предупреждайте об изменениях с помощью карточки «изменение» и показывайте, что будет вместо запланированного.</li></ul>",
                        "en": "<ul><li>Go through the schedule with the child at the start of the day and before each lesson.</li><li>When an activity ends, let the child mark it as done: turn the card over, move it to a «finished» pocket or tick it.</li><li>For a task the child finds hard, use a <strong>«first – then»</strong> board: «first reading, then drawing».</li><li>Warn about changes in advance with a «change» card, and show what will happen instead.</li></ul>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Ауысуларды жоспарлау",
                        "ru": "Планирование переходов",
                        "en": "Planning transitions",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Бір әрекеттен екіншісіне, бір бөлмеден басқасына немесе үзілістен сабаққа ауысу көбіне ең қиын сәт болады. Бірнеше минут бұрын ескертіңіз («Тағы екі минут, содан кейін математика»), балаға көмектессе, визуалды таймерді пайдаланыңыз және асханаға немесе дене шынықтыру сабағына бару сияқты қайталанып тұратын ауысуларда бір тәртіпті сақтаңыз. Кейбір балаларға ауысу кезінде нақты тапсырма берілсе, жеңілірек болады, мысалы, дәптерлерді тарату.</p><p>Ертеңгі күннің жоспарын мұғаліммен, мүмкіндігінше бір күн бұрын, келісіп алыңыз: қандай сабақтар болады, салтанатты жиын немесе мұғалімді алмастыру сияқты қандай өзгерістер күтіледі, бала сыныппен бірге қандай тапсырмаларды орындайды. Содан кейін кестені бірге дайындаңыз. Уақыт өте келе бала кестені өз бетімен көбірек пайдалануы керек: кесте Сізге тәуелділікті емес, баланың дербестігін қолдауы тиіс.</p>",
                        "ru": "<p>Переход от одного занятия к другому, из кабинета в кабинет или с перемены на урок часто бывает самым трудным моментом. Предупреждайте за несколько минут («Ещё две минуты, потом математика»), используйте визуальный таймер, если он помогает ребёнку, и сохраняйте один и тот же порядок для повторяющихся переходов, например в столовую или на физкультуру. Некоторым детям легче, если во время перехода у них есть конкретное поручение, например раздать тетради.</p><p>Договоритесь с учителем, лучше накануне, о плане на завтра: какие будут уроки, какие ожидаются изменения (линейка, замена учителя), какие задания ребёнок выполнит вместе с классом. Затем подготовьте расписание вместе. Со временем ребёнок должен всё больше пользоваться расписанием самостоятельно: оно должно поддерживать самостоятельность ребёнка, а не зависимость от вас.</p>",
                        "en": "<p>Moving between activities, between rooms or from break to lesson is often the hardest moment. Give a warning a few minutes before («Two more minutes, then maths»), use a visual timer if it helps the child, and keep the same routine for recurring transitions, such as going to the canteen or to PE. Some children manage better if they have a concrete job during the transition, such as handing out the notebooks.</p><p>Agree the plan for tomorrow with the teacher, ideally the day before: which lessons there will be, what changes are expected, such as an assembly or a substitute teacher, and which tasks the child will do with the class. Then prepare the schedule together. Over time the child should use the schedule more and more on their own: it should support the child's independence, not dependence on you.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Визуалды кесте — марапаттау кестесі емес, ақпарат. Баланың ұнататын әрекеттерін жаза ретінде кестеден ешқашан алып тастамаңыз және кесте арқылы орындай алмайтын уәде бермеңіз: жоспар өзгерсе, өзгерісті шынайы көрсетіңіз.</p>",
                        "ru": "<p>Визуальное расписание — это информация, а не таблица поощрений. Никогда не убирайте из него любимые занятия ребёнка в наказание и не давайте с его помощью обещаний, которые не сможете выполнить: если план меняется, честно покажите изменение.</p>",
                        "en": "<p>A visual schedule is information, not a reward chart. Never remove activities the child enjoys from the schedule as a punishment, and do not use it to make promises you cannot keep: if a plan changes, show the change honestly.</p>",
                    },
                ),
            ],
        },
        {
            "key": "sensory-communication",
            "title": {
                "kk": "Сенсорлық қажеттіліктер, қарым-қатынас және бірлескен реттеу",
                "ru": "Сенсорные потребности, коммуникация и совместная регуляция",
                "en": "Sensory needs, communication and co-regulation",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Сенсорлық қажеттіліктерді байқау",
                        "ru": "Замечать сенсорные потребности",
                        "en": "Noticing sensory needs",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Аутизмі бар балалар дыбысты, жарықты, жанасуды, иісті немесе қозғалысты басқаларға қарағанда әлдеқайда күшті немесе, керісінше, әлсіз сезінуі мүмкін. Шамның ызыңы, шулы дәліз немесе киімдегі қатты жапсырма салдарынан бала мүлде зейін қоя алмай қалуы мүмкін. Бақылап, қысқа жазба жүргізіңіз: бала мазасызданар алдында не болды, бала не істеді және кейін не көмектесті. Көп ұзамай заңдылықтар байқалады, оларды мұғаліммен, психологпен және отбасымен талқылай аласыз.</p><ul><li>Баланы есіктен, терезеден және шу мен қозғалыстың басқа көздерінен алысырақ отырғызыңыз.</li><li>Шу тым көп болған жағдайға шуды басатын құлаққап немесе тыныш бұрыш — сыныпта не инклюзияны қолдау кабинетінде — қарастыруды алдын ала келісіп қойыңыз.</li><li>Қысқа қимыл-қозғалыс үзілістерін бала шамадан тыс жүктелгенше күтпей, алдын ала жоспарлаңыз.</li></ul>",
                        "ru": "<p>Дети с аутизмом могут воспринимать звуки, свет, прикосновения, запахи или движение гораздо сильнее или, наоборот, слабее, чем другие. Гудение лампы, шумный коридор или колючая бирка на одежде могут сделать сосредоточение невозможным. Наблюдайте и делайте короткие записи: что произошло непосредственно перед тем, как ребёнок встревожился, что он делал и что помогло потом. Вскоре появятся закономерности, и вы сможете обсудить их с учителем, психологом и семьёй.</p><ul><li>Посадите ребёнка подальше от двери, окна и других источников шума и движения.</li><li>Заранее договоритесь о шумоподавляющих наушниках или тихом уголке — в классе или в кабинете поддержки инклюзии — на случай, когда шума слишком много.</li><li>Планируйте короткие двигательные перерывы заранее, не дожидаясь, пока ребёнок перегрузится.</li></ul>",
                        "en": "<p>Autistic children may experience sounds, light, touch, smells or movement much more intensely, or less intensely, than others. The buzzing of a lamp, a noisy corridor or a scratchy label can make concentration impossible. Observe and keep short notes: what happened just before the child became distressed, what the child did, and what helped afterwards. Patterns soon appear, and you can discuss them with the teacher, the psychologist and the family.</p><ul><li>Seat the child away from the door, the window and other sources of noise and movement.</li><li>Agree in advance on ear defenders or a quiet corner, in the classroom or in the Inclusive Education Support Room, for times when there is too much noise.</li><li>Plan short movement breaks in advance, rather than waiting until the child is overloaded.</li></ul>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Қарым-қатынас",
                        "ru": "Коммуникация",
                        "en": "Communication",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Қысқа, түсінікті сөйлемдермен сөйлеңіз және не істемеу керегін емес, не істеу керегін айтыңыз: «Ойнауды доғар» емес, «Қарындашты партаға қой». Сұрақ қойғаннан не нұсқау бергеннен кейін күтіңіз: кейбір балаларға естігенін қорыту үшін он секунд немесе одан да көп уақыт керек. Сөзіңізді ым-ишарамен, суретпен немесе жазбаша нұсқамен толықтырыңыз. Баланың кез келген қарым-қатынас тәсілін құрметтеңіз: карточкалар, коммуникациялық қосымша, ым-ишара немесе қайталанатын сөз тіркестері. Көзге қарауды талап етпеңіз: аутизмі бар көптеген бала үшін бұл тыңдауды жеңілдетпейді, керісінше қиындатады.</p>",
                        "ru": "<p>Говорите короткими ясными фразами и называйте, что нужно сделать, а не чего делать не надо: «Положи карандаш на парту», а не «Перестань играть». После вопроса или инструкции подождите: некоторым детям нужно десять секунд и больше, чтобы обработать услышанное. Подкрепляйте слова жестами, картинками или письменными подсказками. Уважайте любой способ, которым ребёнок общается: карточки, коммуникационное приложение, жесты или повторяемые фразы. Не требуйте зрительного контакта: многим детям с аутизмом он не помогает, а мешает слушать.</p>",
                        "en": "<p>Use short, clear sentences and say what to do, not what not to do: «Put the pencil on the desk» rather than «Stop playing». After a question or an instruction, wait: some children need ten seconds or more to process what they have heard. Support your words with gestures, pictures or written prompts. Respect every way the child communicates, including cards, a communication app, gestures or repeated phrases. Do not insist on eye contact: for many autistic children it makes listening harder, not easier.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Бірлескен реттеу: бірге сабырға келу",
                        "ru": "Совместная регуляция: успокаиваемся вместе",
                        "en": "Co-regulation: regaining calm together",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Шамадан тыс жүктелген бала өзін қайтадан қауіпсіз сезінбейінше оқи да, ойлана да алмайды. Сіздің сабырлылығыңыз — ең басты қолдау. Дауысыңызды бәсеңдетіп, өте аз сөйлеңіз, талаптарды тоқтатып, алдын ала келісілген тыныш орынды ұсыныңыз. Жанында болыңыз, басқа оқушылардан әдепті қашықтық сақтауды өтініңіз және күтіңіз. Бала сабырға келгенде, кестеге ақырындап қайта оралыңыз. Кейін мұғаліммен бірге күйзелістің себебін және келесі жолы оның алдын қалай алуға болатынын ойластырыңыз.</p>",
                        "ru": "<p>Перегруженный ребёнок не может учиться и рассуждать, пока снова не почувствует себя в безопасности. Ваше спокойствие — главная поддержка. Понизьте голос, говорите очень мало, снимите требования и предложите заранее оговорённое спокойное место. Оставайтесь рядом, попросите других учеников держаться на уважительном расстоянии и ждите. Когда ребёнок успокоится, мягко вернитесь к расписанию. Позже вместе с учителем подумайте, что вызвало перегрузку и как предотвратить её в следующий раз.</p>",
                        "en": "<p>An overloaded child cannot learn or reason until they feel safe again. Your calm is the most important support. Lower your voice, use very few words, pause demands and offer the agreed calm space. Stay nearby, ask other pupils to keep a respectful distance, and wait. When the child is calm, return gently to the schedule. Later, with the teacher, think about what caused the overload and how to prevent it next time.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Мелтдаун — шамадан тыс жүктелуден болатын күйзеліс ұстамасы; ол қыңырлық та, тәртіп бұзу да емес. Ол үшін ешқашан жазаламаңыз, айқайламаңыз және тікелей қауіп болмаса, баланы күшпен ұстамаңыз; қауіп төнсе, мектепте қабылданған қауіпсіздік тәртібіне сай әрекет етіңіз. Болған жайды сол күні мұғалімге және отбасына айтыңыз.</p>",
                        "ru": "<p>Мелтдаун — срыв от сенсорной или эмоциональной перегрузки — не каприз и не нарушение дисциплины. Никогда не наказывайте за него, не кричите и не удерживайте ребёнка физически, если нет непосредственной опасности; если опасность есть, действуйте по принятому в школе порядку безопасности. В тот же день расскажите о случившемся учителю и семье.</p>",
                        "en": "<p>A meltdown is a reaction to sensory or emotional overload; it is neither a tantrum nor bad behaviour. Never punish it, never shout, and do not physically hold the child unless there is immediate danger; if there is, follow the school's safety procedure. Tell the teacher and the family what happened the same day.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Тьютор күнделікті кездесетін жағдайлар бойынша үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз: онда жауаптың неге дұрыс не бұрыс екені түсіндіріледі.</p>",
                        "ru": "<p>Ответьте на три вопроса о ситуациях, с которыми тьютор сталкивается каждый день. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу: в ней объясняется, почему ответ верен или неверен.</p>",
                        "en": "<p>Answer three questions about situations tutors meet every day. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer: it explains why the answer is right or wrong.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Аутизмі бар баланы сүйемелдеу: білімді тексеру",
                            "ru": "Сопровождение ребёнка с аутизмом: проверка знаний",
                            "en": "Supporting a child with autism: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Сабақ күтпеген жерден өзгереді: сынып математиканың орнына салтанатты жиынға барады. Ең дұрыс алғашқы қадам қандай?",
                                    "ru": "Урок неожиданно меняется: вместо математики класс идёт на общешкольную линейку. Какой первый шаг будет лучшим?",
                                    "en": "A lesson changes unexpectedly: the class will go to an assembly instead of maths. What is the best first step?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Сынып шығып бара жатқан сәтте балаға өзгеріс туралы айту.",
                                            "ru": "Сказать ребёнку об изменении в тот момент, когда класс выходит.",
                                            "en": "Tell the child about the change at the moment the class leaves.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Соңғы сәтте айту балаға дайындалуға уақыт қалдырмайды. Өзгеріс болжамды болуы үшін алдын ала ескертіңіз.",
                                            "ru": "Сообщение в последний момент не оставляет ребёнку времени подготовиться. Предупредите заранее, чтобы изменение стало предсказуемым.",
                                            "en": "A last-minute announcement gives the child no time to prepare. Warn in advance so that the change becomes predictable.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Өзгерісті визуалды кестеде «өзгеріс» карточкасымен мүмкіндігінше ерте көрсетіп, оның орнына не болатынын түсіндіру.",
                                            "ru": "Как можно раньше показать изменение в визуальном расписании с помощью карточки «изменение» и объяснить, что будет вместо урока.",
                                            "en": "Show the change on the visual schedule with a «change» card as early as possible and explain what will happen instead.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Өзгерісті ерте және көрнекі түрде көрсету күтпеген оқиғаны болжамды оқиғаға айналдырады.",
                                            "ru": "Верно. Раннее и наглядное предупреждение превращает неожиданное событие в предсказуемое.",
                                            "en": "Correct. Showing the change early and visually turns an unexpected event into a predictable one.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Күн тәртібі бұзылмасын деп баланы сыныпта қалдыру.",
                                            "ru": "Оставить ребёнка в классе, чтобы не нарушать распорядок.",
                                            "en": "Keep the child in the classroom so that the routine is not disturbed.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Баланы мектеп іс-шарасынан шеттету оның қатысуын шектейді. Мақсат — өзгерістен қашу емес, балаға оған дайындалуға көмектесу.",
                                            "ru": "Исключение ребёнка из школьного события ограничивает его участие. Цель — не избежать изменения, а помочь ребёнку к нему подготовиться.",
                                            "en": "Excluding the child from a school event limits participation. The aim is not to avoid the change but to help the child prepare for it.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Бала алдын ала мазасызданбасын деп ештеңе айтпау.",
                                            "ru": "Ничего не говорить, чтобы ребёнок не тревожился заранее.",
                                            "en": "Say nothing, so that the child does not become anxious in advance.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Үнсіздік, әдетте, өзгеріс болған сәтте мазасыздықты күшейтеді. Анық әрі ерте берілген ақпарат оны азайтады.",
                                            "ru": "Молчание обычно усиливает тревогу в момент изменения. Ясная и своевременная информация её снижает.",
                                            "en": "Silence usually increases anxiety when the change happens. Clear, early information reduces it.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Аутизмі бар баламен қарым-қатынасқа қандай әрекеттер көмектеседі? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Какие действия поддерживают коммуникацию с ребёнком с аутизмом? Выберите все верные ответы.",
                                    "en": "Which actions support communication with an autistic child? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Не істеу керегін айтатын қысқа сөйлемдерді қолдану.",
                                            "ru": "Говорить короткими фразами, которые называют, что нужно сделать.",
                                            "en": "Using short sentences that say what to do.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Қысқа әрі оң нұсқауды ұзақ түсіндірмеге немесе «істеме» деген тыйымға қарағанда түсіну жеңіл.",
                                            "ru": "Да. Короткие позитивные инструкции легче обработать, чем длинные объяснения или запреты «не делай».",
                                            "en": "Yes. Short, positive instructions are easier to process than long explanations or «don't» statements.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Сұрақ қойғаннан кейін бірнеше секунд күту.",
                                            "ru": "Выждать несколько секунд после вопроса.",
                                            "en": "Waiting several seconds after asking a question.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Көп балаға естігенін қорытуға қосымша уақыт керек; сұрақты тым тез қайталау бұл үдерісті қайта бастатады.",
                                            "ru": "Да. Многим детям нужно дополнительное время на обработку; слишком быстрое повторение запускает её заново.",
                                            "en": "Yes. Many children need extra processing time; repeating the question too quickly restarts the processing.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Сөйлеп тұрғанда баланың Сізге қарауын талап ету.",
                                            "ru": "Требовать, чтобы ребёнок смотрел на вас, пока вы говорите.",
                                            "en": "Insisting that the child looks at you while you speak.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Көзге қарау аутизмі бар балаға тыңдауды қиындатуы мүмкін. Бала Сізге қарамай-ақ мұқият тыңдап отыруы мүмкін.",
                                            "ru": "Зрительный контакт может мешать ребёнку с аутизмом слушать. Ребёнок может внимательно слушать, не глядя на вас.",
                                            "en": "Eye contact can make listening harder for an autistic child. A child may be listening carefully without looking at you.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Карточкаларды, ым-ишараны немесе коммуникациялық қосымшаны толыққанды қарым-қатынас ретінде қабылдау.",
                                            "ru": "Принимать карточки, жесты или коммуникационное приложение как полноценную коммуникацию.",
                                            "en": "Accepting cards, gestures or a communication app as real communication.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Қарым-қатынастың барлық түрі толыққанды; оларды құрметтеу баланы қарым-қатынасқа көбірек ынталандырады.",
                                            "ru": "Да. Все формы коммуникации полноценны, и уважение к ним побуждает ребёнка общаться больше.",
                                            "en": "Yes. All forms of communication are valid, and respecting them encourages the child to communicate more.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Шулы топтық жұмыс кезінде бала құлағын басып, айқайлап, партаны ұра бастады. Тьютор алдымен не істеуі керек?",
                                    "ru": "Во время шумной групповой работы ребёнок закрывает уши, начинает кричать и бьёт по парте. Что тьютору сделать в первую очередь?",
                                    "en": "During a noisy group task the child covers their ears, starts shouting and hits the desk. What should the tutor do first?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Балаға тоқтауды қатаң айтып, салдары болатынын ескерту.",
                                            "ru": "Твёрдо велеть ребёнку прекратить и предупредить о последствиях.",
                                            "en": "Tell the child firmly to stop and warn of a consequence.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бала шамадан тыс жүктеліп тұрғанда талап пен ескерту қысымды арттырады және, әдетте, күйзелісті күшейте түседі.",
                                            "ru": "Требования и угрозы последствий усиливают давление, когда ребёнок уже перегружен, и обычно усугубляют его состояние.",
                                            "en": "Demands and threatened consequences add pressure when the child is already overloaded, and usually make the distress worse.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Өте аз сөзбен сабырлы сөйлеп, талаптарды тоқтатып, келісілген тыныш орынды ұсыну.",
                                            "ru": "Спокойно и очень немногословно заговорить, снять требования и предложить оговорённое спокойное место.",
                                            "en": "Speak calmly with very few words, pause demands and offer the agreed calm space.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Бірлескен реттеу Сіздің сабырлылығыңыздан, аз сөзден және жүктемені азайту мүмкіндігінен басталады.",
                                            "ru": "Верно. Совместная регуляция начинается с вашего спокойствия, немногих слов и возможности снизить перегрузку.",
                                            "en": "Correct. Co-regulation starts with your own calm, few words and a way to reduce the overload.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Баладан неге ренжігенін түсіндіруді сұрау.",
                                            "ru": "Попросить ребёнка объяснить, почему он расстроен.",
                                            "en": "Ask the child to explain why they are upset.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Шамадан тыс жүктелу кезінде бала сезімін сөзбен жеткізе алмауы жиі болады. Болған жайды кейін, бала сабырға келгенде талқылаңыз.",
                                            "ru": "Во время перегрузки ребёнку часто трудно выразить чувства словами. Обсудите случившееся позже, когда ребёнок успокоится.",
                                            "en": "During overload a child often cannot put feelings into words. Talk about what happened later, when the child is calm.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Баланы күннің қалған бөлігіне үйіне жіберу.",
                                            "ru": "Отправить ребёнка домой до конца дня.",
                                            "en": "Send the child home for the rest of the day.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Үйге жіберу жоспар бола алмайды және балаға күйзеліс мектеп күнін тоқтатады деп үйретеді. Балаға сабырға келіп, әрекетке қайта оралуға көмектесіңіз.",
                                            "ru": "Отправка домой — не план: она учит ребёнка, что стресс прекращает школьный день. Помогите ребёнку успокоиться и вернуться к занятию.",
                                            "en": "Sending the child home is not a plan: it teaches that distress ends the school day. Help the child to calm down and return to the activity.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 20,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Курсты өз жұмысыңызбен байланыстыруға бірнеше минут бөліңіз. Мұнда дұрыс не бұрыс жауап жоқ: ең бастысы — шынайы әрі нақты сипаттама. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Уделите несколько минут тому, чтобы связать курс со своей работой. Правильных и неправильных ответов здесь нет: важно честное и конкретное описание. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Take a few minutes to connect the course with your own work. There is no right or wrong answer here: what matters is an honest, concrete description. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "Өзіңіз сүйемелдейтін (немесе бақылаған) бала өзгерісті, дыбысты не ауысуды қиын қабылдаған сәтті еске түсіріңіз. Не болғанын, Сіз не істегеніңізді және осы курста білгеніңізге сүйеніп, енді не істейтініңізді сипаттаңыз.",
                            "ru": "Вспомните момент, когда ребёнку, которого вы сопровождаете (или за которым наблюдали), было трудно справиться с изменением, звуком или переходом. Опишите, что произошло, что вы сделали и что теперь сделаете иначе с учётом этого курса.",
                            "en": "Recall a moment when a child you support (or have observed) found a change, a sound or a transition hard to cope with. Describe what happened, what you did, and what you will now do differently, using what you learned in this course.",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Баланың атын немесе оны танытатын мәліметтерді жазбаңыз; «бала» немесе «2-сынып оқушысы» деп жазыңыз.</p><ul><li>Қиындық алдында не болды?</li><li>Сіз не істедіңіз, бала оған қалай жауап берді?</li><li>Келесі аптада осы курстағы қай тәсілді (визуалды кесте, ауысу туралы ескерту, тыныш орын, аз сөз) қолданып көресіз және оның көмектескенін қалай білесіз?</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не указывайте имя ребёнка и сведения, по которым его можно узнать; пишите «ребёнок» или «ученик 2 класса».</p><ul><li>Что произошло непосредственно перед трудностью?</li><li>Что вы сделали и как отреагировал ребёнок?</li><li>Какой приём из курса (визуальное расписание, предупреждение о переходе, спокойное место, меньше слов) вы попробуете на следующей неделе и как поймёте, что он помогает?</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not use the child's name or any detail that could identify them; write «the child» or «a pupil in Year 2».</p><ul><li>What happened just before the difficulty?</li><li>What did you do, and how did the child respond?</li><li>Which strategy from this course (a visual schedule, a transition warning, a calm space, fewer words) will you try next week, and how will you know whether it helps?</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 2. Tutors, area "intellectual"
# ---------------------------------------------------------------------------

_TUTOR_INTELLECTUAL = {
    "key": "tutor-intellectual",
    "audiences": [("tutor", "intellectual", True)],
    "academic_hours": 8,
    "provider": _PROVIDER,
    "title": {
        "kk": "Интеллектуалдық бұзылыстары бар балаға тапсырмаларды бейімдеу",
        "ru": "Адаптация заданий для ребёнка с интеллектуальными нарушениями",
        "en": "Adapting tasks for a child with intellectual disabilities",
    },
    "summary": {
        "kk": "Тьютор жалпы білім беретін сыныптағы сабақта тапсырманы шағын қадамдарға бөлуді, нақты материалдарды қолдануды, баланың шынымен түсінгенін тексеруді және оның дербестігін біртіндеп дамытуды үйренеді.",
        "ru": "Как тьютору разбить задание на маленькие шаги, использовать предметные материалы, проверить, что ребёнок действительно понял, и постепенно развивать его самостоятельность на уроке в общеобразовательном классе.",
        "en": "How a tutor can break a task into small steps, use concrete materials, check real understanding and gradually build the child's independence in a mainstream lesson.",
    },
    "description": {
        "kk": "<p>Бұл курс жалпы білім беретін сыныпта интеллектуалдық бұзылыстары бар баланы сүйемелдейтін тьюторларға арналған. Сіз сыныптың тапсырмасын шағын әрі орындауға болатын қадамдар тізбегіне айналдыруды, нақты материалдар мен көрнекі тіректерді таңдауды және баланың сыныптастарымен бір тақырыпта жұмыс істеуін қамтамасыз етуді үйренесіз.</p><p>Сондай-ақ баланың түсінгенін оның айтқанынан емес, істегенінен тексеруді, қажетті ең аз көмекті көрсетуді және жетістіктерді мұғалім мен отбасы көре алатындай етіп тіркеуді меңгересіз.</p>",
        "ru": "<p>Этот курс предназначен для тьюторов, которые сопровождают ребёнка с интеллектуальными нарушениями в общеобразовательном классе. Вы научитесь превращать задание класса в последовательность небольших выполнимых шагов, подбирать предметные материалы и наглядные опоры и сохранять работу ребёнка в одной теме с одноклассниками.</p><p>Вы также научитесь проверять понимание по тому, что ребёнок делает, а не по тому, что он говорит, оказывать минимально необходимую помощь и фиксировать продвижение так, чтобы его видели учитель и семья.</p>",
        "en": "<p>This course is for tutors who support a child with intellectual disabilities in a mainstream class. You will learn to turn a class task into a sequence of small, achievable steps, to choose concrete materials and visual supports, and to keep the child working on the same topic as classmates.</p><p>You will also learn to check understanding by what the child does rather than what they say, to give the least help needed, and to record progress so that the teacher and the family can see it.</p>",
    },
    "sequential": True,
    "modules": [
        {
            "key": "small-steps",
            "title": {
                "kk": "Тапсырманы талдау, нақты материалдар және шағын қадамдар",
                "ru": "Анализ задания, предметные материалы и маленькие шаги",
                "en": "Task analysis, concrete materials and small steps",
            },
            "minutes": 25,
            "completion": "viewed",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Сыныптың тапсырмасынан бастаңыз",
                        "ru": "Начинайте с задания класса",
                        "en": "Start from the class task",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Бала сыныптастарымен бірге, сол тақырыпта, табысқа жетуге мүмкіндік беретін деңгейде жақсы оқиды. Сабақ алдында сынып орындайтын тапсырманы қарап, өзіңізге сұрақ қойыңыз: мұндағы басты ой не және бүгін бала қолдаумен оның қай бөлігін орындай алады? Егер сынып күз туралы шағын мәтін жазса, бала үш суретті карточканы ретімен қойып, әрқайсысы туралы бір сөйлемді көшіріп жазуы немесе айтып беруі мүмкін. Тақырып — ортақ, деңгей — бейімделген.</p>",
                        "ru": "<p>Ребёнок лучше всего учится рядом с одноклассниками, по той же теме, на уровне, который делает успех возможным. Перед уроком посмотрите на задание класса и спросите себя: в чём его главная идея и какую её часть ребёнок может освоить сегодня с поддержкой? Если класс пишет короткий текст об осени, ребёнок может разложить по порядку три сюжетные картинки и списать или продиктовать по одному предложению к каждой. Тема общая, уровень адаптирован.</p>",
                        "en": "<p>The child learns best alongside classmates, on the same topic, at a level that makes success possible. Before the lesson, look at the task the class will do and ask yourself: what is the main idea here, and which part of it can the child achieve today with support? If the class is writing a short text about autumn, the child may put three picture cards in order and copy or dictate one sentence about each. The topic is shared; the level is adapted.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Тапсырманы қадамдарға бөліңіз",
                        "ru": "Разбейте задание на шаги",
                        "en": "Break the task into steps",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p><strong>Тапсырманы талдау</strong> — тапсырманы орындауға қажетті әрбір шағын қадамды ретімен жазып шығу. Ересектер кейбір қадамдарды байқамай аттап кетеді, ал бала солардың кез келгенінде тоқтап қалуы мүмкін. Мысалы, «23 + 14 өрнегін ондық таяқшалармен есепте» деген тапсырманы былай бөлуге болады:</p><ol><li>Бірінші санды оқы. 2 ондық пен 3 бірлік ал.</li><li>Екінші санды оқы. 1 ондық пен 4 бірлік ал.</li><li>Ондықтарды бір жерге қойып, сана.</li><li>Бірліктерді бір жерге қойып, сана.</li><li>Жауабын жаз: алдымен ондықтар, содан кейін бірліктер.</li></ol><p>Бір уақытта бір қадамды үйретіңіз және жетістікті суретті бақылау парағында көрсетіңіз. Бала тоқтап қалса, басына емес, бір қадам артқа оралыңыз.</p>",
                        "ru": "<p><strong>Анализ задания</strong> — это запись по порядку всех маленьких шагов, из которых состоит задание. Взрослые пропускают шаги, не замечая этого, а ребёнок может застрять на любом из них. Например, задание «вычисли 23 + 14 с помощью пучков палочек по десять» можно разбить так:</p><ol><li>Прочитай первое число. Возьми 2 десятка и 3 единицы.</li><li>Прочитай второе число. Возьми 1 десяток и 4 единицы.</li><li>Сложи десятки вместе и посчитай их.</li><li>Сложи единицы вместе и посчитай их.</li><li>Запиши ответ: сначала десятки, потом единицы.</li></ol><p>Обучайте одному шагу за раз и отмечайте продвижение в памятке с картинками. Если ребёнок застрял, вернитесь на один шаг назад, а не к началу.</p>",
                        "en": "<p><strong>Task analysis</strong> means writing down, in order, every small step a task requires. Adults skip steps without noticing; a child may get stuck on any one of them. For example, «work out 23 + 14 with bundles of ten sticks» may become:</p><ol><li>Read the first number. Take 2 tens and 3 ones.</li><li>Read the second number. Take 1 ten and 4 ones.</li><li>Put the tens together and count them.</li><li>Put the ones together and count them.</li><li>Write the answer: tens first, then ones.</li></ol><p>Teach one step at a time and show progress on a checklist with pictures. If the child gets stuck, go back one step, not to the beginning.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Ұғымды нақты етіңіз",
                        "ru": "Делайте понятия предметными",
                        "en": "Make it concrete",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Дерексіз ұғымдар бала оларды көріп, ұстап, орнын ауыстыра алғанда түсінікті бола бастайды. Алдымен нақты заттарды, санауға арналған материалды, ақшаны, суреттер мен қарапайым сызбаларды қолданыңыз; бала дайын болғанда шартты белгілер мен жазылған сандарға көшіңіз. Парақты шамадан тыс толтырмаңыз: бір параққа бір тапсырма, ірі әрі анық қаріп, бөліп көрсетілген негізгі сөздер. Қысқа әрі жиі жаттығу бір ұзақ сабаққа қарағанда тиімдірек, ал табыспен аяқталған тапсырма — келесі тапсырмаға ең жақсы уәж.</p>",
                        "ru": "<p>Абстрактные понятия становятся понятными, когда ребёнок может их увидеть, потрогать и переложить. Сначала используйте реальные предметы, счётный материал, деньги, картинки и простые схемы; переходите к символам и записанным числам, когда ребёнок будет готов. Не перегружайте лист: одно задание на странице, крупный чёткий шрифт, выделенные ключевые слова. Короткие частые упражнения работают лучше одного длинного занятия, а задание, которое закончилось успехом, — лучшая мотивация для следующего.</p>",
                        "en": "<p>Abstract ideas become understandable when the child can see, touch and move them. Use real objects, counting materials, money, pictures and simple diagrams first; move to symbols and written numbers when the child is ready. Keep the page uncluttered: one task per sheet, large clear print, key words highlighted. Short, frequent practice works better than one long session, and a task that ends in success is the best motivation for the next one.</p>",
                    },
                ),
                (
                    "callout",
                    "tip",
                    {
                        "kk": "<p>Сабақтың тақырыбын мұғалімнен бір күн бұрын сұрап алыңыз. Суретті карточкалар жинағы немесе қадамдар парағы сияқты он минуттық дайындық баланың сабаққа қатысатынын не жай ғана отырып шығатынын жиі шешеді.</p>",
                        "ru": "<p>Узнавайте тему урока у учителя накануне. Десять минут подготовки — набор картинок или памятка с шагами — часто решают, будет ли ребёнок участвовать в уроке или просто его просидит.</p>",
                        "en": "<p>Ask the teacher for the lesson topic a day in advance. Ten minutes of preparation, such as a set of picture cards or a checklist of steps, often decides whether the child takes part in the lesson or simply sits through it.</p>",
                    },
                ),
            ],
        },
        {
            "key": "understanding-independence",
            "title": {
                "kk": "Түсінуді тексеру және дербестікті дамыту",
                "ru": "Проверка понимания и развитие самостоятельности",
                "en": "Checking understanding and building independence",
            },
            "minutes": 20,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Сұрап емес, істетіп тексеріңіз",
                        "ru": "Проверяйте через действие, а не вопрос",
                        "en": "Check by doing, not by asking",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>«Түсіндің бе?» деген сұраққа бала әрдайым дерлік «иә» деп жауап береді. Оның орнына баладан білетінін көрсетуді сұраңыз: «Әңгіменің басы қай суретте екенін көрсет», «Үлкен санды осында қой», «Маған үш қарындаш бер». Сөйлеу қиын болса, екі жауаптың бірін таңдауды ұсыныңыз. Тек нәтижеге емес, баланың тапсырманы қалай орындайтынына да назар аударыңыз: бала қай жерде кідірсе, дәл сол қадамға көбірек жаттығу керек.</p><p>Дағды меңгерілгендей көрінсе, оны келесі күні және басқа жағдайда — басқа заттармен, тақта алдында, сыныптасымен бірге — қайта тексеріңіз. Тек Сізбен бірге және тек бір материалмен ғана орындалатын дағды әлі толық меңгерілмеген.</p>",
                        "ru": "<p>На вопрос «Понятно?» ребёнок почти всегда отвечает «да». Вместо этого попросите ребёнка показать, что он знает: «Покажи картинку, где начало рассказа», «Положи большее число сюда», «Дай мне три карандаша». Если говорить трудно, предложите выбрать один из двух ответов. Смотрите не только на результат, но и на то, как ребёнок выполняет задание: там, где он задерживается, нужна дополнительная тренировка именно этого шага.</p><p>Когда навык кажется освоенным, проверьте его на следующий день и в другой ситуации: с другими предметами, у доски, в паре с одноклассником. Навык, который работает только с вами и только с одним набором материалов, ещё не освоен полностью.</p>",
                        "en": "<p>The question «Do you understand?» almost always gets the answer «yes». Instead, ask the child to show what they know: «Show me the picture of the beginning of the story», «Put the bigger number here», «Give me three pencils». If speaking is hard, offer a choice of two answers. Watch how the child does the task, not only the result: where they hesitate tells you which step needs more practice.</p><p>When a skill seems learned, check it again the next day and in a different situation: with other objects, at the board, with a classmate. A skill that works only with you and only with one set of materials is not yet fully learned.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Қажетті ең аз көмекті көрсетіңіз",
                        "ru": "Оказывайте минимально необходимую помощь",
                        "en": "Give the least help needed",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Көмек көптен азға қарай бірнеше деңгейде болады: қадамды баланың қолынан ұстап бірге орындау, қалай істеу керегін көрсету, нұсқап не ым-ишарамен меңзеу, қысқа ауызша кеңес және, ең соңында, жай ғана күту. Балаға қажет болатын ең аз көмектен бастаңыз, бірнеше секунд күтіңіз, көмекті тек қажет болғанда ғана көбейтіңіз. Бала табысқа жеткен бойда келесі жолы көмекті азайтуды жоспарлаңыз. Бала жұмыс істеп отырғанда, физикалық тұрғыдан да шегініңіз: сәл артқа отырыңыз немесе басқа оқушыға көмектесуге барыңыз, сонда бала тек Сізге емес, мұғалім мен сыныптастарына да жүгінетін болады.</p><ul><li>Күш-жігер мен нақты әрекетті мадақтаңыз: «Әр қадамды өзің тексердің».</li><li>Қарапайым жазба жүргізіңіз: күні, тапсырма, бала өз бетімен орындаған қадамдар, көрсетілген көмек.</li><li>Жазбаны мұғаліммен апта сайын, ал отбасымен келісілген кездесулерде бөлісіңіз.</li></ul>",
                        "ru": "<p>Помощь бывает разного уровня, от большей к меньшей: выполнить шаг вместе, рука в руке; показать, как делать; указать жестом; дать короткую словесную подсказку; наконец, просто подождать. Начинайте с наименьшей помощи, которая, вероятно, понадобится ребёнку, подождите несколько секунд и добавляйте помощь, только если она нужна. Как только ребёнок справился, планируйте в следующий раз помогать меньше. Когда ребёнок работает, отступите и физически: сядьте чуть позади или подойдите помочь другому ученику, чтобы ребёнок обращался не только к вам, но и к учителю и одноклассникам.</p><ul><li>Хвалите за усилия и конкретные действия: «Ты сам проверил каждый шаг».</li><li>Ведите простую запись: дата, задание, шаги, выполненные самостоятельно, оказанная помощь.</li><li>Делитесь записями с учителем каждую неделю, а с семьёй — на согласованных встречах.</li></ul>",
                        "en": "<p>Help comes at several levels, from a lot to a little: doing a step together hand over hand, showing how, pointing or gesturing, a short verbal hint and, finally, simply waiting. Start with the least help the child is likely to need, wait a few seconds, and add more only if necessary. As soon as the child succeeds, plan to give less help next time. Step back physically while the child is working: sit slightly behind or go to help another pupil, so that the child turns to the teacher and classmates, not only to you.</p><ul><li>Praise effort and specific actions: «You checked every step yourself».</li><li>Keep a simple record: date, task, steps done independently, help given.</li><li>Share the record with the teacher every week and with the family at agreed meetings.</li></ul>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Уақыт үнемдеу үшін тапсырманы бала үшін орындау оған «менің орныма әрқашан біреу істеп береді» деп үйретеді. Баяу, бірақ өз бетімен жасалған жұмыс тьютор толтырған ұқыпты беттен әлдеқайда пайдалы.</p>",
                        "ru": "<p>Выполняя задание за ребёнка ради экономии времени, вы учите его тому, что кто-то всегда сделает всё за него. Медленная самостоятельная работа полезнее для обучения, чем аккуратная страница, заполненная тьютором.</p>",
                        "en": "<p>Doing the task for the child to save time teaches the child that someone else will always do it. Slow, independent work is better learning than a neat page completed by the tutor.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Сабақта тапсырмаларды бейімдеу туралы үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз.</p>",
                        "ru": "<p>Ответьте на три вопроса об адаптации заданий на уроке. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу.</p>",
                        "en": "<p>Answer three questions about adapting tasks in a lesson. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Тапсырмаларды бейімдеу: білімді тексеру",
                            "ru": "Адаптация заданий: проверка знаний",
                            "en": "Adapting tasks: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Сынып шағын әңгіме жазып жатыр. Сөйлем жазуды енді ғана бастаған бала үшін ең жақсы бейімдеу қайсы?",
                                    "ru": "Класс пишет короткий рассказ. Какая адаптация лучше всего подойдёт ребёнку, который только начинает писать предложения?",
                                    "en": "The class is writing a short story. What is the best adaptation for a child who is just beginning to write sentences?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Сынып жазып жатқанда бала бос отырмасын деп оған бояуға арналған сурет беру.",
                                            "ru": "Дать ребёнку раскраску, чтобы он был занят, пока класс пишет.",
                                            "en": "Give the child a colouring page to keep them busy while the class writes.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Тақырыпқа қатысы жоқ жұмыс баланы бос отырғызбайды, бірақ оны сабақтағы оқу үдерісінен шеттетеді.",
                                            "ru": "Работа, не связанная с темой, занимает ребёнка, но исключает его из обучения на уроке.",
                                            "en": "Unrelated work keeps the child occupied but excludes them from the learning in the lesson.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Баладан әңгімеге арналған үш суретті ретімен қойып, әрқайсысына бір сөйлем айтып беруді немесе көшіріп жазуды сұрау.",
                                            "ru": "Попросить ребёнка разложить по порядку три картинки к рассказу и продиктовать или списать по предложению к каждой.",
                                            "en": "Ask the child to put three story pictures in order and dictate or copy one sentence for each.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Тақырып сыныптікімен бірдей, ал деңгей балаға табысқа жетуге мүмкіндік береді.",
                                            "ru": "Верно. Тема та же, что у класса, а уровень делает успех возможным.",
                                            "en": "Correct. The topic is the same as the class's, and the level makes success possible.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Баладан сыныппен бірдей әңгімені үйде жазуды сұрау.",
                                            "ru": "Попросить ребёнка написать тот же рассказ, что и класс, но дома.",
                                            "en": "Ask the child to write the same story as the class, but at home.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Тапсырманы үйге ауыстыру оны бейімдемейді және баланы сабақтағы оқудан шығарып тастайды.",
                                            "ru": "Перенос задания домой не адаптирует его и выводит ребёнка из обучения на уроке.",
                                            "en": "Moving the task home does not adapt it and takes the child out of the learning in the lesson.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Дәптер толық болып көрінуі үшін әңгімені бала үшін өзіңіз жазу.",
                                            "ru": "Написать рассказ за ребёнка, чтобы тетрадь выглядела заполненной.",
                                            "en": "Write the story for the child so that the notebook looks complete.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Тьютор толтырған дәптер баланың шын мүмкіндігін жасырады және оны тәуелділікке үйретеді.",
                                            "ru": "Тетрадь, заполненная тьютором, скрывает реальные возможности ребёнка и приучает его к зависимости.",
                                            "en": "A notebook filled in by the tutor hides what the child can really do and teaches dependence.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Баланың түсінгенін тексерудің қандай тәсілдері тиімді? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Какие способы помогают проверить, понял ли ребёнок? Выберите все верные ответы.",
                                    "en": "Which are good ways to check whether the child has understood? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "«Түсіндің бе?» деп сұрау.",
                                            "ru": "Спросить: «Понятно?»",
                                            "en": "Asking «Do you understand?»",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бұл сұраққа балалар әрдайым дерлік «иә» деп жауап береді, сондықтан ол аз нәрсе көрсетеді.",
                                            "ru": "На этот вопрос дети почти всегда отвечают «да», поэтому он мало что показывает.",
                                            "en": "Children almost always answer «yes» to this question, so it tells you little.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Баладан жауапты заттар не суреттер арқылы көрсетуді немесе таңдауды сұрау.",
                                            "ru": "Попросить ребёнка показать или выбрать ответ с помощью предметов или картинок.",
                                            "en": "Asking the child to show or choose the answer with objects or pictures.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Әрекет түсінуді тікелей көрсетеді, тіпті сөйлеу қиын болса да.",
                                            "ru": "Да. Действие прямо показывает понимание, даже если говорить трудно.",
                                            "en": "Yes. Doing shows understanding directly, even when speaking is hard.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Дағдыны келесі күні басқа жағдайда қайта тексеру.",
                                            "ru": "Проверить навык на следующий день в другой ситуации.",
                                            "en": "Checking the skill again the next day in a different situation.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Жаңа жағдайда да орындалатын дағды ғана шынымен меңгерілген болып саналады.",
                                            "ru": "Да. Только навык, который работает в новой ситуации, действительно освоен.",
                                            "en": "Yes. Only a skill that works in a new situation has really been learned.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Тапсырма кезінде баланың қай жерде кідіретінін бақылау.",
                                            "ru": "Наблюдать, где ребёнок задерживается при выполнении задания.",
                                            "en": "Watching where the child hesitates during the task.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Кідіріс қай қадамға көбірек жаттығу керегін көрсетеді.",
                                            "ru": "Да. Задержка показывает, какой шаг требует дополнительной тренировки.",
                                            "en": "Yes. Hesitation shows which step needs more practice.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Бала бір қадамды Сіздің ым-ишараңыздың көмегімен орындады. Келесі жолы не істеген дұрыс?",
                                    "ru": "Ребёнок выполнил шаг с помощью вашей подсказки жестом. Что лучше сделать в следующий раз?",
                                    "en": "The child completed a step with the help of your gesture. What should you do next time?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Сенімді болу үшін ым-ишараға ауызша кеңес қосу.",
                                            "ru": "Для надёжности добавить к жесту словесную подсказку.",
                                            "en": "Give the same gesture plus a verbal hint, to be sure.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бала қажет етпеген көмекті қосу оның дербестігінің дамуын тежейді.",
                                            "ru": "Лишняя помощь, которая ребёнку не нужна, тормозит развитие самостоятельности.",
                                            "en": "Adding help the child did not need slows down the growth of independence.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Алдымен бірнеше секунд күтіп, ым-ишараны тек қажет болса ғана көрсету.",
                                            "ru": "Сначала подождать несколько секунд и дать подсказку жестом, только если она понадобится.",
                                            "en": "Wait a few seconds first, and give the gesture only if it is needed.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Қажетті ең аз көмекті ұсынып, бала табысқа жеткен сайын оны азайтыңыз.",
                                            "ru": "Верно. Оказывайте минимально необходимую помощь и уменьшайте её, как только ребёнок справляется.",
                                            "en": "Correct. Offer the least help needed and reduce it as soon as the child succeeds.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Бала қателеспесін деп қадамды оның қолынан ұстап бірге орындау.",
                                            "ru": "Выполнить шаг вместе, рука в руке, чтобы ребёнок не ошибся.",
                                            "en": "Do the step together hand over hand so that the child does not make a mistake.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Толық физикалық көмек — араласудың ең жоғары деңгейі; оны азырақ көмек жеткіліксіз болғанда ғана қолданыңыз.",
                                            "ru": "Полная физическая помощь — самый высокий уровень вмешательства; используйте её, только если меньшей помощи недостаточно.",
                                            "en": "Full physical help is the most intrusive level; use it only when less help is not enough.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 20,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Курста үйренгеніңізді нақты бір тапсырмаға қолданып көріңіз. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Примените то, чему вы научились, к одному конкретному заданию. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Apply what you have learned to one concrete task. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "Сіз сүйемелдейтін бала соңғы сабақтардың бірінде қиын көрген бір тапсырманы таңдаңыз. Оны қадамдарға бөліңіз, қай қадам кедергі болғанын сипаттаңыз және келесі аптада сол қадамды нақты материалдармен әрі азырақ көмекпен қалай үйрететініңізді жоспарлаңыз.",
                            "ru": "Выберите задание с недавнего урока, которое оказалось трудным для ребёнка, которого вы сопровождаете. Разбейте его на шаги, опишите, какой шаг стал препятствием, и спланируйте, как на следующей неделе вы будете обучать этому шагу с предметными материалами и с меньшей помощью.",
                            "en": "Choose a task from a recent lesson that the child you support found difficult. Break it into steps, describe which step was the barrier, and plan how you will teach that step next week with concrete materials and less help.",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Баланың атын және оны танытатын мәліметтерді жазбаңыз.</p><ul><li>Қай қадам қиын болды және Сіз оны қалай байқадыңыз?</li><li>Қандай материалдарды қолданасыз?</li><li>Қандай көмектен бастайсыз және оны қалай азайтасыз?</li><li>Жетістікті қалай тіркейсіз және мұғаліммен қалай бөлісесіз?</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не указывайте имя ребёнка и сведения, по которым его можно узнать.</p><ul><li>Какой шаг оказался трудным и как вы это заметили?</li><li>Какие материалы вы используете?</li><li>С какой помощи начнёте и как будете её уменьшать?</li><li>Как будете фиксировать продвижение и делиться им с учителем?</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not use the child's name or any detail that could identify them.</p><ul><li>Which step was hard, and how did you notice?</li><li>Which materials will you use?</li><li>What help will you start with, and how will you reduce it?</li><li>How will you record progress and share it with the teacher?</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 3. Tutors, area "motor"
# ---------------------------------------------------------------------------

_TUTOR_MOTOR = {
    "key": "tutor-motor",
    "audiences": [("tutor", "motor", True)],
    "academic_hours": 8,
    "provider": _PROVIDER,
    "title": {
        "kk": "Тірек-қимыл аппараты бұзылыстары бар баланы сүйемелдеу",
        "ru": "Сопровождение ребёнка с нарушениями опорно-двигательного аппарата",
        "en": "Supporting a child with physical and motor disabilities",
    },
    "summary": {
        "kk": "Тірек-қимыл аппараты бұзылыстары бар баланы сүйемелдейтін тьюторға практикалық қолдау: дұрыс отыру қалпы, материалдар мен көмекші құралдарға қолжетімділік, жеке күтімде қадір-қасиетті құрметтеу, дене шынықтыру сабақтары мен үзілістерге толық қатысу.",
        "ru": "Практическая поддержка для тьюторов детей с нарушениями опорно-двигательного аппарата: правильная поза, доступ к материалам и вспомогательным средствам, уважение достоинства при личном уходе, полноценное участие в физкультуре и на переменах.",
        "en": "Positioning, access to materials and assistive tools, respectful personal care, and full participation in PE and breaks: practical support for tutors of children with physical and motor disabilities.",
    },
    "description": {
        "kk": "<p>Бұл курс жалпы білім беретін мектепте тірек-қимыл аппараты бұзылыстары бар баланы сүйемелдейтін тьюторларға арналған. Сіз балаға ыңғайлы әрі қауіпсіз отыруға және қозғалуға көмектесуді, материалдар мен құралдарды қолжетімді етуді және бала қажеттінің бәріне қолы жететіндей етіп сыныпты ұйымдастыруды үйренесіз.</p><p>Сондай-ақ жеке күтімді баланың жеке өміріне және қадір-қасиетіне құрметпен жүзеге асыруды, дене шынықтыру мұғалімімен және сыныптастармен бірге жоспарлап, бала дене шынықтыру сабақтары мен үзілістерде шетте қарап тұрмай, оларға қатысуы үшін жағдай жасауды үйренесіз.</p>",
        "ru": "<p>Этот курс предназначен для тьюторов, которые сопровождают ребёнка с нарушениями опорно-двигательного аппарата в общеобразовательной школе. Вы научитесь помогать ребёнку удобно и безопасно сидеть и передвигаться, делать материалы и инструменты доступными и организовывать класс так, чтобы ребёнок мог дотянуться до всего необходимого.</p><p>Вы также научитесь осуществлять личный уход, уважая частную жизнь и достоинство ребёнка, и планировать вместе с учителем физкультуры и одноклассниками так, чтобы ребёнок участвовал в уроках физкультуры и переменах, а не наблюдал со стороны.</p>",
        "en": "<p>This course is for tutors who support a child with a physical or motor disability in a mainstream school. You will learn to help the child sit and move comfortably and safely, to make materials and tools accessible, and to organise the classroom so that the child can reach everything they need.</p><p>You will also learn to give personal care with respect for the child's privacy and dignity, and to plan with the PE teacher and classmates so that the child takes part in physical education and breaks rather than watching from the side.</p>",
    },
    "sequential": True,
    "modules": [
        {
            "key": "positioning-access",
            "title": {
                "kk": "Отыру қалпы, қолжетімділік және көмекші құралдар",
                "ru": "Поза, доступность и вспомогательные средства",
                "en": "Positioning, access and assistive tools",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Дұрыс отыру — оқудың негізі",
                        "ru": "Правильная поза — основа обучения",
                        "en": "Good positioning is the basis of learning",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Тік отыру үшін көп күш жұмсайтын балада оқу мен жазуға қуат аз қалады. Баланың қалай отыруы керектігі туралы емдік дене шынықтыру нұсқаушысының, оңалту маманының немесе отбасының ұсынымдарын орындаңыз. Жалпы алғанда, дұрыс отыру дегеніміз: табан еденге немесе аяқ тірегіне толық тиіп тұрады, жамбас пен тізе шамамен тік бұрыш жасайды, арқа тірелген, ал парта шынтақ деңгейінде. Егер бала кресло-арбаны пайдаланса, оның парта астына сыятынын тексеріңіз.</p><p>Ұсынымдарға сай күні бойы отыру қалпын ауыстырып отырыңыз: бір қалыпта ұзақ отыру шаршатады және ыңғайсыздық тудырады. Шаршаудың белгілерін — бүкірейіп не қисайып қалу, жұмыстың баяулауы, ауырсыну — байқап, баладан өзін қалай сезінетінін сұраңыз.</p>",
                        "ru": "<p>Ребёнку, которому приходится прилагать много сил, просто чтобы сидеть прямо, почти не остаётся энергии на чтение и письмо. Следуйте рекомендациям инструктора ЛФК, специалиста по реабилитации или семьи о том, как ребёнку лучше сидеть. В целом хорошая поза — это стопы полностью на полу или на подставке, бёдра и колени примерно под прямым углом, спина с опорой, парта на уровне локтей. Если ребёнок пользуется креслом-коляской, проверьте, помещается ли оно под парту.</p><p>Меняйте положение в течение дня согласно рекомендациям: долгое пребывание в одной позе вызывает усталость и дискомфорт. Замечайте признаки утомления — ребёнок сползает или заваливается набок, работает медленнее, жалуется на боль — и спрашивайте ребёнка, как он себя чувствует.</p>",
                        "en": "<p>A child who has to work hard just to sit upright has little energy left for reading and writing. Follow the recommendations of the physiotherapist, the rehabilitation specialist or the family on how the child should sit. In general, a good position means: feet flat on the floor or on a footrest, hips and knees at about a right angle, the back supported, and the desk at elbow height. If the child uses a wheelchair, check that it fits under the desk.</p><p>Change position during the day as recommended: long periods in one position cause fatigue and discomfort. Watch for signs of tiredness, such as slumping or leaning, slower work or pain, and ask the child how they feel.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Сыныпқа және материалдарға қолжетімділік",
                        "ru": "Доступ к классу и материалам",
                        "en": "Access to the classroom and to materials",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<ul><li>Бала кресло-арбамен, ходунокпен немесе балдақпен еркін жүре алуы үшін парталар арасындағы өтетін жолдарды бос ұстаңыз. Баланы есік жанындағы соңғы партаға емес, тақтаны көріп, топтық жұмысқа қосыла алатын жерге отырғызыңыз.</li><li>Материалдарды бала қолы жететін жерге және күн сайын бір орынға қойыңыз.</li><li>Қарапайым құралдарды қолданыңыз: көлбеу жазу тақтасы, тайғанамайтын төсеніш, жуан қарындаштар немесе қарындашқа арналған ұстағыштар, бейімделген қайшы, тұтқасы бар сызғыш.</li><li>Қолмен жазу баяу болса немесе шаршатса, мұғаліммен баламалы тәсілдерді келісіңіз: планшет не пернетақта, толтыруға дайын жұмыс парақтары, ауызша жауап немесе бала айтқанды Сіздің жазып беруіңіз.</li><li>Қажет болса, жазбаша тапсырмалар мен бақылау жұмыстарына қосымша уақыт сұраңыз.</li></ul>",
                        "ru": "<ul><li>Держите проходы между партами свободными, чтобы ребёнок мог передвигаться на кресле-коляске, с ходунками или на костылях. Сажайте ребёнка не за последнюю парту у двери, а туда, откуда видна доска и можно включиться в групповую работу.</li><li>Кладите материалы в пределах досягаемости и каждый день на одно и то же место.</li><li>Используйте простые приспособления: наклонную доску для письма, нескользящий коврик, толстые карандаши или насадки на карандаш, адаптированные ножницы, линейку с ручкой.</li><li>Если писать от руки медленно или утомительно, договоритесь с учителем об альтернативах: планшет или клавиатура, готовые рабочие листы для заполнения, устные ответы или запись под диктовку ребёнка.</li><li>При необходимости просите дополнительное время на письменные задания и контрольные работы.</li></ul>",
                        "en": "<ul><li>Keep the aisles between desks clear so that the child can move with a wheelchair, a walker or crutches. Seat the child not at the back by the door but where they can see the board and join group work.</li><li>Place materials within reach and in the same place every day.</li><li>Use simple aids: a sloped writing board, a non-slip mat, thick pencils or pencil grips, adapted scissors, a ruler with a handle.</li><li>If handwriting is slow or tiring, agree alternatives with the teacher: a tablet or keyboard, ready-made worksheets to fill in, oral answers, or you writing down what the child dictates.</li><li>Ask for extra time for written tasks and tests when needed.</li></ul>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Көмектеспес бұрын сұраңыз",
                        "ru": "Спросите, прежде чем помогать",
                        "en": "Ask before you help",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Бала өз денесін бәрінен жақсы біледі. Көмектеспес бұрын «Саған қалай көмектесейін?» деп сұраңыз және бала ұзағырақ уақыт жұмсаса да, өзі істей алатынның бәрін өзіне істетіңіз. Сіздің мақсатыңыз — уақыт өте келе балаға Сіздің көмегіңіз көбірек емес, азырақ қажет болуы.</p>",
                        "ru": "<p>Лучший эксперт в том, что касается тела ребёнка, — сам ребёнок. Прежде чем помочь, спросите: «Как тебе помочь?» — и дайте ребёнку сделать самому всё, что он может, даже если это займёт больше времени. Ваша цель в том, чтобы со временем ребёнок нуждался в вас меньше, а не больше.</p>",
                        "en": "<p>The child is the best expert on their own body. Ask «How can I help?» before you help, and let the child do everything they can by themselves, even if it takes longer. Your goal is that over time the child needs you less, not more.</p>",
                    },
                ),
                (
                    "callout",
                    "tip",
                    {
                        "kk": "<p>Отбасымен және мамандармен келісілген қысқа жадынама жасаңыз: бала қалай отырғанда ыңғайлы, қандай құралдарды пайдаланады, шаршаудың қандай белгілеріне назар аудару керек. Оны Сізді алмастыратын кез келген ересекке беріңіз.</p>",
                        "ru": "<p>Составьте короткую памятку, согласованную с семьёй и специалистами: как ребёнку удобнее сидеть, какими приспособлениями он пользуется, на какие признаки утомления обращать внимание. Передавайте её любому взрослому, который вас заменяет.</p>",
                        "en": "<p>Keep a short note, agreed with the family and the specialists, of how the child sits best, which aids they use and which signs of fatigue to look for. Give it to any adult who replaces you.</p>",
                    },
                ),
            ],
        },
        {
            "key": "dignity-participation",
            "title": {
                "kk": "Жеке күтімдегі қадір-қасиет, дене шынықтыру мен үзілістерге қатысу",
                "ru": "Достоинство при личном уходе, участие в физкультуре и на переменах",
                "en": "Dignity in personal care, and taking part in PE and breaks",
            },
            "minutes": 20,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Қадір-қасиетті сақтайтын жеке күтім",
                        "ru": "Личный уход с уважением к достоинству",
                        "en": "Personal care with dignity",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Кейбір балаларға дәретханаға баруда, тамақтануда, киінуде немесе кресло-арбадан орындыққа ауысуда көмек қажет. Мұндай көмек әрдайым баланың жеке өмірі мен қадір-қасиетін қорғауы тиіс. Мектеп отбасымен келіскен күтім жоспарын орындаңыз: кім, қайда және қалай көмектеседі. Не істейтініңізді балаға алдын ала айтып, оның келісімін сұраңыз. Оңаша орынды пайдаланыңыз, есікті жабыңыз және жеке күтім туралы сыныптастардың көзінше ешқашан сөйлемеңіз. Бала өзі істей алатын бөлікті өзіне қалдырыңыз: мысалы, киімін өзі түзесін немесе алдымен не жейтінін өзі таңдасын.</p>",
                        "ru": "<p>Некоторым детям нужна помощь в туалете, во время еды, при одевании или при пересаживании с кресла-коляски на стул. Такая помощь всегда должна защищать частную жизнь и достоинство ребёнка. Следуйте плану ухода, который школа согласовала с семьёй: кто помогает, где и как. Заранее скажите ребёнку, что вы собираетесь сделать, и спросите его согласия. Используйте отдельное помещение, закрывайте дверь и никогда не обсуждайте личный уход при одноклассниках. Оставьте ребёнку всё, что он может сделать сам: например, поправить одежду или выбрать, что съесть сначала.</p>",
                        "en": "<p>Some children need help with toileting, eating, dressing or moving between a wheelchair and a chair. This help must always protect the child's privacy and dignity. Follow the care plan the school has agreed with the family: who helps, where and how. Tell the child what you are going to do before you do it, and ask for their consent. Use a private space, close the door, and never discuss personal care in front of classmates. Leave to the child every part they can do alone, for example straightening their clothes or choosing what to eat first.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Қауіпсіз көтеру және орын ауыстыру",
                        "ru": "Безопасный подъём и перемещение",
                        "en": "Lifting and moving safely",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Баланы көтеруді немесе бір орыннан екіншісіне ауыстыруды тек осы тәсілге оқытылған болсаңыз және ол күтім жоспарында жазылған болса ғана орындаңыз. Жоспарда екі ересек көрсетілсе, мұны ешқашан жалғыз істемеңіз. Берілген жабдықты пайдаланыңыз және кез келген ауырсыну, құлау немесе қауіпті жағдай туралы сол күні мектеп әкімшілігіне хабарлаңыз.</p>",
                        "ru": "<p>Поднимайте или перемещайте ребёнка, только если вы обучены этой технике и она записана в плане ухода. Если план предусматривает двух взрослых, никогда не делайте этого в одиночку. Пользуйтесь предоставленным оборудованием и в тот же день сообщайте администрации школы о любой боли, падении или небезопасной ситуации.</p>",
                        "en": "<p>Lift or transfer a child only if you have been trained in the technique and it is written in the care plan. If the plan requires two adults, never do it alone. Use the equipment provided, and report any pain, fall or unsafe situation to the school administration the same day.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Дене шынықтыру және үзілістер",
                        "ru": "Физкультура и перемены",
                        "en": "PE and breaks",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Тірек-қимыл аппараты бұзылыстары бар баланың да сыныптастары сияқты дене шынықтыруға және ойынға құқығы бар. Дене шынықтыру мұғалімімен алдын ала жоспарлаңыз: шеттетпей, бейімдеңіз. Бала отырып ойнауы, үлкенірек не жеңілірек доп пайдалануы, қысқарақ қашықтықты жүріп өтуі, ойынның бір бөлігінде команда капитаны не төреші болуы немесе емдік дене шынықтыру нұсқаушысы ұсынған жаттығуларды сыныппен қатар орындауы мүмкін. Үзілісте бала басқа балалар ойнайтын жерге жете алатынын қадағалаңыз және бәрі қатыса алатын ойындарды бастауға көмектесіңіз. Содан кейін шегініңіз: достық тьютор арқылы емес, балалардың өз арасында туады.</p>",
                        "ru": "<p>У ребёнка с нарушениями опорно-двигательного аппарата такое же право на физическое воспитание и игру, как у одноклассников. Планируйте заранее с учителем физкультуры: адаптируйте, а не исключайте. Ребёнок может играть сидя, использовать более крупный или лёгкий мяч, преодолевать более короткую дистанцию, быть капитаном команды или судьёй часть игры или выполнять рядом с классом упражнения, рекомендованные инструктором ЛФК. На перемене проследите, чтобы ребёнок мог добраться туда, где играют другие дети, и помогите начать игры, в которых могут участвовать все. Затем отступите: дружба возникает между детьми, а не через тьютора.</p>",
                        "en": "<p>A child with a motor disability has the same right to physical education and play as classmates. Plan with the PE teacher in advance: adapt, do not exclude. The child may play seated, use a larger or lighter ball, cover a shorter distance, be team captain or referee for part of the game, or do exercises recommended by the physiotherapist alongside the class. At breaks, make sure the child can reach the places where other children play, and help start games that everyone can join. Then step back: friendships grow between children, not through the tutor.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Дене шынықтыру сабағында бұрышта отыру немесе «қауіпсіздік үшін» үзілісте сыныпта қалу — инклюзия емес. Қауіп шынымен бар болса, қатысудың қауіпсіз жолын келісіп, оны жазбаша бекітіңіз.</p>",
                        "ru": "<p>Сидеть в углу на физкультуре или оставаться в классе на перемене «ради безопасности» — это не инклюзия. Если риск действительно есть, договоритесь о более безопасном способе участия и зафиксируйте его письменно.</p>",
                        "en": "<p>Sitting in a corner during PE or staying in the classroom during breaks «for safety» is not inclusion. If a risk is real, agree on a safer way to take part, and write it down.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Отыру қалпы, жеке күтім және қатысу туралы үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз.</p>",
                        "ru": "<p>Ответьте на три вопроса о позе, личном уходе и участии. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу.</p>",
                        "en": "<p>Answer three questions about positioning, personal care and participation. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Тірек-қимыл аппараты бұзылыстары бар баланы сүйемелдеу: білімді тексеру",
                            "ru": "Сопровождение ребёнка с нарушениями опорно-двигательного аппарата: проверка знаний",
                            "en": "Supporting a child with motor disabilities: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Сабақтың ортасына қарай бала бір жағына қисайып, барған сайын баяу жаза бастайды. Мұның ең ықтимал себебі неде және ең дұрыс әрекет қандай?",
                                    "ru": "К середине урока ребёнок заваливается набок и пишет всё медленнее. Какова наиболее вероятная причина и как лучше поступить?",
                                    "en": "By the middle of the lesson the child is leaning to one side and writing more and more slowly. What is the most likely reason, and the best response?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Бала тырыспай отыр; оған зейін қою керегін еске салу.",
                                            "ru": "Ребёнок не старается; напомнить ему, что нужно сосредоточиться.",
                                            "en": "The child is not trying; remind them to concentrate.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Қисаю мен баяулау — тырыспаудың емес, физикалық шаршаудың әдеттегі белгілері.",
                                            "ru": "Сползание и замедление — типичные признаки физической усталости, а не нежелания стараться.",
                                            "en": "Slumping and slowing down are typical signs of physical fatigue, not lack of effort.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Қалыпты ұстап тұрудан шаршау: ұсынымға сай отыру қалпын өзгертуге көмектесіп, жауап берудің басқа тәсілін ұсыну.",
                                            "ru": "Утомление от удержания позы: помочь сменить положение согласно рекомендациям и предложить другой способ ответа.",
                                            "en": "Fatigue from holding the position: help the child change position as recommended and offer another way to answer.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Отыру қалпы мен шаршау оқуға тікелей әсер етеді; қалыпты өзгерту және азырақ шаршататын жауап тәсілі балаға жұмысты жалғастыруға көмектеседі.",
                                            "ru": "Верно. Поза и утомление напрямую влияют на обучение; смена положения и менее утомительный способ ответа помогают ребёнку продолжить работу.",
                                            "en": "Correct. Position and fatigue directly affect learning; a change of position and a less tiring way to respond help the child carry on.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Тапсырма тым қиын; балаға жеңілірек тапсырма беру.",
                                            "ru": "Задание слишком трудное; дать ребёнку более лёгкое.",
                                            "en": "The task is too hard; give the child an easier one.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Қиындық танымдық емес, физикалық болуы мүмкін. Тапсырманың деңгейін төмендетпес бұрын отыру қалпы мен шаршауды тексеріңіз.",
                                            "ru": "Трудность может быть физической, а не познавательной. Прежде чем снижать уровень задания, проверьте позу и утомление.",
                                            "en": "The difficulty may be physical, not cognitive. Check position and fatigue before lowering the level of the task.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Жеке күтім кезінде қандай әрекеттер баланың қадір-қасиетін құрметтейді? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Какие действия проявляют уважение к достоинству ребёнка при личном уходе? Выберите все верные ответы.",
                                    "en": "Which actions respect the child's dignity during personal care? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Не істейтініңізді түсіндіріп, баланың келісімін сұрау.",
                                            "ru": "Объяснять, что вы будете делать, и спрашивать согласия ребёнка.",
                                            "en": "Explaining what you will do and asking for the child's consent.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Бала не болатынын білуге және шешімге қатысуға құқылы.",
                                            "ru": "Да. Ребёнок имеет право знать, что произойдёт, и участвовать в решении.",
                                            "en": "Yes. The child has the right to know what will happen and to have a say.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Есігі жабық оңаша орында көмектесу.",
                                            "ru": "Помогать в отдельном помещении при закрытой двери.",
                                            "en": "Helping in a private space with the door closed.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Жеке өмірдің қорғалуы — қадір-қасиеттің негізгі шарты.",
                                            "ru": "Да. Защита частной жизни — базовое условие достоинства.",
                                            "en": "Yes. Privacy is a basic condition of dignity.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Тезірек үлгеру үшін сыныптастардан есік алдында күте тұруды өтіну.",
                                            "ru": "Попросить одноклассников подождать у двери, чтобы справиться быстрее.",
                                            "en": "Asking classmates to wait by the door so that you can finish more quickly.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Жеке күтім кезінде сыныптастар жанында болмауы және оған тартылмауы тиіс: бұл баланың жеке өмірін жария етеді.",
                                            "ru": "Одноклассники не должны присутствовать при личном уходе или участвовать в нём: это нарушает частную жизнь ребёнка.",
                                            "en": "Classmates should not be present at or involved in personal care: it exposes the child's privacy.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Бала өзі істей алатын бөлікті өзіне істету.",
                                            "ru": "Давать ребёнку делать самому то, что он может.",
                                            "en": "Letting the child do the parts they can do alone.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Бұл дербестікті дамытады және баланың мүмкіндіктерін құрметтейді.",
                                            "ru": "Да. Это развивает самостоятельность и выражает уважение к возможностям ребёнка.",
                                            "en": "Yes. This builds independence and respects the child's abilities.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Дене шынықтыру сабағында сынып баскетбол ойнайды. Бала кресло-арбаны пайдаланады. Ең дұрыс тәсіл қайсы?",
                                    "ru": "На физкультуре класс играет в баскетбол. Ребёнок передвигается на кресле-коляске. Какой подход лучший?",
                                    "en": "The class is playing basketball in PE. The child uses a wheelchair. What is the best approach?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Бала бүкіл сабақ бойы орындықта отырып, ұпай санайды.",
                                            "ru": "Ребёнок весь урок ведёт счёт, сидя на скамейке.",
                                            "en": "The child keeps score from the bench for the whole lesson.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бүкіл сабақ бойы орындықта отыру — атына ғана қатысу. Мұндай рөл жоспардың бір бөлігі бола алады, бірақ бүкіл жоспар емес.",
                                            "ru": "Роль на скамейке в течение всего урока — участие только на словах. Такая роль может быть частью плана, но не всем планом.",
                                            "en": "A role on the bench for the whole lesson is participation in name only. Such a role can be part of a plan, not the whole of it.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Қауіп болмасын деп бала тьютормен бірге сыныпта қалады.",
                                            "ru": "Ребёнок остаётся в классе с тьютором, чтобы избежать риска.",
                                            "en": "The child stays in the classroom with the tutor to avoid risk.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Дене шынықтырудан шеттету баланың дене тәрбиесіне құқығын бұзады. Қауіпті шеттету арқылы емес, бейімдеу арқылы азайтыңыз.",
                                            "ru": "Исключение из физкультуры нарушает право ребёнка на физическое воспитание. Снижайте риск адаптацией, а не исключением.",
                                            "en": "Exclusion from PE denies the child's right to physical education. Reduce risk by adapting, not by excluding.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Дене шынықтыру мұғалімімен алдын ала жоспарлау: бейімделген ереже, жеңілірек доп немесе төменірек себет және баланың командамен бірге ойнайтын уақыты.",
                                            "ru": "Заранее спланировать с учителем физкультуры: адаптированные правила, более лёгкий мяч или более низкая корзина и время, когда ребёнок играет вместе с командой.",
                                            "en": "Plan in advance with the PE teacher: adapted rules, a lighter ball or a lower basket, and time for the child to play with the team.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Алдын ала ойластырылған бейімдеулер балаға сыныптастарымен бір ойынға қатысуға мүмкіндік береді.",
                                            "ru": "Верно. Продуманные заранее адаптации позволяют ребёнку участвовать в той же игре, что и одноклассники.",
                                            "en": "Correct. Adaptations planned in advance let the child take part in the same game as classmates.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Балаға ешқандай өзгеріссіз ойынға қосылуға рұқсат беру.",
                                            "ru": "Разрешить ребёнку присоединиться к игре без всяких изменений.",
                                            "en": "Let the child join in without any changes.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бейімдеусіз ойын қауіпті немесе қолжетімсіз болуы мүмкін; тең қатысу көбіне өзгеше жағдайларды талап етеді.",
                                            "ru": "Без адаптации игра может быть небезопасной или недоступной; равное участие часто требует иных условий.",
                                            "en": "Without adaptation the game may be unsafe or inaccessible; equal participation often needs different conditions.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 20,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Мектеп күніне баланың көзімен қарап көріңіз. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Посмотрите на школьный день глазами ребёнка. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Look at the school day through the child's eyes. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "Сіз сүйемелдейтін баланың кәдімгі бір мектеп күнін оның көзімен қарап шығыңыз: мектепке келу, сабақтар, үзілістер, дене шынықтыру, тамақтану. Бала қай жерде ересектерге қажеттен тыс тәуелді болады немесе қатысудың орнына шетте қарап тұрады? Мұғаліммен келісіп енгізетін бір өзгерісті сипаттаңыз.",
                            "ru": "Пройдите по обычному школьному дню ребёнка, которого вы сопровождаете, глядя на него его глазами: приход в школу, уроки, перемены, физкультура, питание. Где ребёнок зависит от взрослых больше, чем нужно, или наблюдает вместо того, чтобы участвовать? Опишите одно изменение, которое вы внесёте, согласовав его с учителем.",
                            "en": "Walk through an ordinary school day of the child you support from their point of view: arrival, lessons, breaks, PE, meals. Where does the child depend on adults more than necessary, or watch instead of taking part? Describe one change you will make after agreeing it with the teacher.",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Баланың атын, диагнозын және оны танытатын мәліметтерді жазбаңыз.</p><ul><li>Күннің қай сәтінде бала көмекке ең көп тәуелді?</li><li>Соның қай бөлігін бала өзі немесе құрал көмегімен істей алар еді?</li><li>Қандай өзгерісті кіммен келісесіз және оның нәтижесін қалай байқайсыз?</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не указывайте имя ребёнка, диагноз и сведения, по которым его можно узнать.</p><ul><li>В какой момент дня ребёнок больше всего зависит от помощи?</li><li>Какую часть этого он мог бы делать сам или с помощью приспособления?</li><li>Какое изменение и с кем вы согласуете и как увидите результат?</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not use the child's name, diagnosis or any detail that could identify them.</p><ul><li>At which moment of the day does the child depend most on help?</li><li>Which part of it could the child do alone or with an aid?</li><li>What change will you agree, with whom, and how will you see the result?</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 4. Tutors, area "sensory"
# ---------------------------------------------------------------------------

_TUTOR_SENSORY = {
    "key": "tutor-sensory",
    "audiences": [("tutor", "sensory", True)],
    "academic_hours": 8,
    "provider": _PROVIDER,
    "title": {
        "kk": "Есту немесе көру қабілеті бұзылған баланы сүйемелдеу",
        "ru": "Сопровождение ребёнка с нарушениями слуха или зрения",
        "en": "Supporting a child with hearing or visual impairments",
    },
    "summary": {
        "kk": "Отыратын орын, жарық, анық сөйлеу, үлкейтілген және бедерлі материалдар, есту аппараттарына күтім және маманмен тығыз жұмыс: тьютор есту немесе көру қабілеті бұзылған балаға сыныптастарымен бірге оқуға қалай көмектеседі.",
        "ru": "Рассадка, освещение, чёткая речь, увеличенные и тактильные материалы, уход за слуховыми аппаратами и тесная работа со специалистом: как тьютор помогает ребёнку с нарушением слуха или зрения учиться вместе с одноклассниками.",
        "en": "Seating, lighting, clear speech, enlarged and tactile materials, care of hearing aids and close work with the specialist: how a tutor helps a child with a hearing or visual impairment learn alongside classmates.",
    },
    "description": {
        "kk": "<p>Бұл курс жалпы білім беретін сыныпта есту немесе көру қабілеті бұзылған баланы сүйемелдейтін тьюторларға арналған. Сіз отыратын орын мен жарықты ұйымдастыруды, ақпаратты бала қабылдай алатындай етіп сөйлеуді және ұсынуды, сондай-ақ үлкейтілген, контрасты және бедерлі материалдарды дайындауды үйренесіз.</p><p>Сондай-ақ есту аппараттары мен басқа құрылғыларды күн сайын қарапайым тексеруді және сурдопедагогпен не тифлопедагогпен олардың ұсынымдары әр сабақта орындалатындай етіп бірлесе жұмыс істеуді меңгересіз.</p>",
        "ru": "<p>Этот курс предназначен для тьюторов, которые сопровождают ребёнка с нарушением слуха или зрения в общеобразовательном классе. Вы научитесь организовывать рассадку и освещение, говорить и подавать информацию так, чтобы ребёнок мог её воспринять, и готовить увеличенные, контрастные и тактильные материалы.</p><p>Вы также освоите ежедневную простую проверку слуховых аппаратов и других устройств и научитесь работать с сурдопедагогом или тифлопедагогом так, чтобы их рекомендации выполнялись на каждом уроке.</p>",
        "en": "<p>This course is for tutors who support a child with a hearing or visual impairment in a mainstream class. You will learn to organise seating and lighting, to speak and present information so that the child can access it, and to prepare enlarged, high-contrast and tactile materials.</p><p>You will also learn the simple daily checks of hearing aids and other devices, and how to work with the teacher of the deaf or the teacher of the visually impaired so that their recommendations are applied in every lesson.</p>",
    },
    "sequential": True,
    "modules": [
        {
            "key": "hearing",
            "title": {
                "kk": "Есту: отыратын орын, анық сөйлеу және есту құрылғылары",
                "ru": "Слух: рассадка, чёткая речь и слуховые устройства",
                "en": "Hearing: seating, clear speech and hearing technology",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Отыратын орын және жарық",
                        "ru": "Рассадка и свет",
                        "en": "Seating and light",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Есту қабілеті бұзылған бала көп нәрсені көзімен қабылдайды: сөйлеп тұрған адамның беті мен ерні, ым-ишара, тақта. Баланы мұғалімді көре алатындай және жауап беріп тұрған сыныптастарына бұрылып қарай алатындай етіп, алдыңғы қатарларға, сәл бүйірірек отырғызыңыз. Баланы шу көздерінен — дәлізге шығатын есіктен, проектордың желдеткішінен, көлік көп жүретін көшеге қараған ашық терезеден — алыс отырғызыңыз. Жарық сөйлеушінің бетіне түсетінін қадағалаңыз: жарық терезеге арқасын беріп тұрған мұғалімнің тек сұлбасы ғана көрінеді, ал ерін қимылынан оқу мүмкін болмай қалады.</p>",
                        "ru": "<p>Ребёнок с нарушением слуха многое воспринимает зрением: лицо и губы говорящего, жесты, доску. Посадите ребёнка ближе к доске, немного сбоку, чтобы он видел учителя и мог повернуться к отвечающим одноклассникам. Посадите ребёнка подальше от источников шума: двери в коридор, вентилятора проектора, открытого окна на оживлённую улицу. Следите, чтобы свет падал на лицо говорящего: учитель, стоящий спиной к яркому окну, превращается в силуэт, и считывание с губ становится невозможным.</p>",
                        "en": "<p>A child with a hearing impairment relies a great deal on sight: the speaker's face and lips, gestures, the board. Seat the child near the front, slightly to the side, so that they can see the teacher and turn to see classmates who answer. Seat the child away from noise sources: the door to the corridor, a projector fan, an open window onto a busy street. Make sure the light falls on the speaker's face: a teacher standing with their back to a bright window becomes a silhouette, and lip-reading becomes impossible.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Анық сөйлеу",
                        "ru": "Чёткая речь",
                        "en": "Speaking clearly",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<ul><li>Сөйлегенде балаға бетіңізді бұрыңыз; тақтаға жазып тұрып немесе сынып ішінде жүріп сөйлемеңіз.</li><li>Табиғи қарқынмен, қалыпты дауыспен, анық сөйлеңіз. Айқайлау мен ерінді әдейі асыра қимылдату сөзді бұрмалайды.</li><li>Алдымен тақырыпты атаңыз («Енді жай бөлшектер туралы сөйлесеміз»), сонда бала әңгіменің желісін ұстай алады.</li><li>Сыныптастардың жауаптарын қайталаңыз немесе басқаша айтып беріңіз; негізгі сөздерді, тапсырмалар мен үй жұмысын тақтаға жазыңыз.</li><li>Бейнероликтерге субтитр қосыңыз немесе олардың қысқаша жазбаша мазмұнын беріңіз.</li><li>Түсінгенін «Естідің бе?» деп емес, нақты сұрақпен тексеріңіз.</li></ul>",
                        "ru": "<ul><li>Говорите, повернувшись лицом к ребёнку; не говорите, когда пишете на доске или ходите по классу.</li><li>Говорите чётко, в естественном темпе и с обычной громкостью. Крик и преувеличенная артикуляция искажают речь.</li><li>Сначала называйте тему («Сейчас говорим о дробях»), чтобы ребёнок мог следить за ходом разговора.</li><li>Повторяйте или перефразируйте ответы одноклассников; записывайте на доске ключевые слова, задания и домашнее задание.</li><li>Включайте субтитры к видео или давайте краткое письменное изложение.</li><li>Проверяйте понимание конкретным вопросом, а не вопросом «Ты слышал?»</li></ul>",
                        "en": "<ul><li>Face the child when you speak; do not talk while writing on the board or walking around the room.</li><li>Speak clearly, at a natural pace and normal volume. Shouting and exaggerated lip movements distort speech.</li><li>Name the topic first («Now we are talking about fractions») so that the child can follow the conversation.</li><li>Repeat or rephrase classmates' answers, and write key words, tasks and homework on the board.</li><li>Switch on captions for videos, or give a short written summary.</li><li>Check understanding with a specific question, not «Did you hear?»</li></ul>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Есту аппараттары, импланттар және ым-ишара тілі",
                        "ru": "Слуховые аппараты, импланты и жестовый язык",
                        "en": "Hearing aids, implants and sign language",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Егер бала есту аппаратын немесе кохлеарлық имплантты пайдаланса, отбасы мен маманнан таңертеңгі қарапайым тексеруді үйреніп алыңыз: құрылғы қосулы ма, батареясы зарядталған ба, ысқырық шығармай ма? Баптауларды өзіңіз өзгертпеңіз. Мектепте FM-жүйе болса, микрофонды мұғалім тағып жүретініне және жеке әңгіме кезінде оны сөндіретініне көз жеткізіңіз. Бала ым-ишара тілінде сөйлессе, оны толыққанды тіл ретінде құрметтеңіз; білсеңіз, оны қолданыңыз, ал мектептен аудармашы немесе оқыту мүмкіндігі туралы сұраңыз. Сурдопедагогпен тығыз жұмыс істеңіз: ұсынымдар сұраңыз, байқағаныңызбен бөлісіңіз және бір нәрсе істен шықса, бірден хабарлаңыз.</p>",
                        "ru": "<p>Если ребёнок пользуется слуховым аппаратом или кохлеарным имплантом, научитесь у семьи и специалиста простой утренней проверке: включено ли устройство, заряжена ли батарейка, не свистит ли аппарат? Не меняйте настройки сами. Если в школе есть FM-система, проследите, чтобы микрофон был на учителе и выключался во время личных разговоров. Если ребёнок общается на жестовом языке, уважайте его как полноценный язык; используйте его, если владеете, и спросите в школе о переводчике или обучении. Тесно работайте с сурдопедагогом: просите рекомендации, делитесь наблюдениями и сразу сообщайте, если что-то перестало работать.</p>",
                        "en": "<p>If the child uses hearing aids or a cochlear implant, learn from the family and the specialist how to do a simple morning check: is the device switched on, is the battery charged, is it whistling? Do not change the settings yourself. If the school has a radio (FM) system, make sure the teacher wears the microphone and switches it off during private conversations. If the child communicates in sign language, respect it as a full language; use it if you know it, and ask the school about an interpreter or training. Work closely with the teacher of the deaf: ask for recommendations, share what you observe, and report at once when something stops working.</p>",
                    },
                ),
                (
                    "callout",
                    "tip",
                    {
                        "kk": "<p>Күні бойы күш салып тыңдау қатты шаршатады. Түскі астан кейінгі шаршау — жалқаулық емес: қысқа тыныш үзілістерді жоспарлаңыз және ең маңызды ақпаратты сабақтың басында беруге тырысыңыз.</p>",
                        "ru": "<p>Слушать с усилием весь день очень утомительно. Усталость после обеда — не лень: планируйте короткие тихие паузы и старайтесь давать самую важную информацию в начале урока.</p>",
                        "en": "<p>Listening with effort all day is exhausting. Tiredness after lunch is not laziness: plan short quiet breaks and try to give the most important information at the start of the lesson.</p>",
                    },
                ),
            ],
        },
        {
            "key": "vision",
            "title": {
                "kk": "Көру: жарық, үлкейтілген және бедерлі материалдар",
                "ru": "Зрение: освещение, увеличенные и тактильные материалы",
                "en": "Vision: lighting, enlarged and tactile materials",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Жарық, контраст және өлшем",
                        "ru": "Свет, контраст и размер",
                        "en": "Light, contrast and size",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Көру қабілеті бұзылған әр бала әртүрлі көреді, сондықтан тифлопедагог пен отбасының ұсынымдарынан бастаңыз: баланы қайда отырғызу керек, қандай қаріп өлшемі мен контраст қолайлы, бала қандай құрылғыларды пайдаланады. Кейбір балаларға көбірек жарық қажет, ал кейбіреулері жарқылға сезімтал, оларды терезеге арқасымен отырғызған дұрыс. Тақтадағы және жылтыр қағаздағы жарқылды азайтыңыз.</p><ul><li>Материалдарды ұсынылған өлшемге дейін үлкейтіңіз; әшекейсіз анық қаріпті, ақ фонда қара түсті немесе басқа жоғары контрасты үйлесімді қолданыңыз.</li><li>Парақты шамадан тыс толтырмаңыз: бетте элементтер аз, аралықтар кең, кестелер мен графиктердегі сызықтар жуан болсын.</li><li>Балада бар болса, үлкейткіш әйнекті, кескінді үлкейтетін планшетті немесе кітап қойғышты пайдаланыңыз.</li></ul>",
                        "ru": "<p>Каждый ребёнок с нарушением зрения видит по-своему, поэтому начинайте с рекомендаций тифлопедагога и семьи: куда посадить ребёнка, какой размер шрифта и контраст подходят лучше, какими устройствами ребёнок пользуется. Одним детям нужно больше света, другие чувствительны к бликам, и их лучше сажать спиной к окну. Уменьшайте блики на доске и на глянцевой бумаге.</p><ul><li>Увеличивайте материалы до рекомендованного размера; используйте чёткий шрифт без украшений, чёрный на белом или другое высококонтрастное сочетание.</li><li>Не перегружайте лист: меньше элементов на странице, широкие интервалы, толстые линии в таблицах и графиках.</li><li>Используйте лупу, планшет с увеличением или подставку для книг, если они есть у ребёнка.</li></ul>",
                        "en": "<p>Every child with a visual impairment sees differently, so start with the recommendations of the teacher of the visually impaired and the family: where to seat the child, which print size and contrast work best, which devices the child uses. Some children need more light; others are sensitive to glare and are better seated with their back to the window. Reduce glare on the board and on glossy paper.</p><ul><li>Enlarge materials to the recommended size; use a clear font without decoration, black on white or another high-contrast combination.</li><li>Keep pages uncluttered: fewer items per page, wide spacing, thick lines in tables and graphs.</li><li>Use a magnifier, a tablet with zoom or a reading stand if the child has them.</li></ul>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "«Мына жерге қара» емес: сөз бен сипап сезу",
                        "ru": "Слова и осязание вместо «смотри сюда»",
                        "en": "Words and touch instead of «look here»",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Тақтаға жазғаныңызды немесе көрсеткеніңізді дауыстап айтыңыз: «мынау» емес, «25 санын жазып жатырмын». Балаға жақындағанда атыңызды айтыңыз, кетіп бара жатқаныңызды да ескертіңіз. Нақты заттар, модельдер және бедерлі суреттер сияқты тактильді материалдар басқалар бір қарағанда көретін нәрсені түсінуге көмектеседі. Бала Брайль жазуымен оқыса, жұмыс парақтарының сабаққа дейін уақтылы қалай дайындалатынын маманмен келісіңіз.</p><p>Сыныптағы жиһаздың орналасуын өзгертпей ұстаңыз, өзгеріс болса, алдын ала ескертіңіз. Баланы ертіп жүргенде итермеңіз де, тартпаңыз да: оған қолыңызды шынтақтың сәл жоғарысынан ұстауды ұсынып, жарты қадам алда жүріңіз және баспалдақтар мен есіктер туралы айтып отырыңыз. Оқу мен жазбаша жұмысқа қосымша уақыт беріңіз.</p>",
                        "ru": "<p>Проговаривайте вслух то, что пишете или показываете на доске: «Я пишу число 25», а не «вот это». Называйте своё имя, подходя к ребёнку, и предупреждайте, когда отходите. Тактильные материалы — реальные предметы, модели, рельефные рисунки — помогают ребёнку понять то, что другие видят с одного взгляда. Если ребёнок читает шрифтом Брайля, договоритесь со специалистом, как рабочие листы будут вовремя подготовлены к уроку.</p><p>Сохраняйте расстановку мебели в классе и предупреждайте об изменениях. Сопровождая ребёнка, не толкайте и не тяните его: предложите взяться за вашу руку чуть выше локтя, идите на полшага впереди и предупреждайте о ступеньках и дверях. Давайте дополнительное время на чтение и письменную работу.</p>",
                        "en": "<p>Say aloud what you write or show on the board: «I am writing the number 25», not «this one here». Say your name when you approach the child, and tell them when you are leaving. Tactile materials, such as real objects, models and raised-line drawings, help the child understand what others see at a glance. If the child reads Braille, agree with the specialist how worksheets will be prepared in time for the lesson.</p><p>Keep the layout of the classroom furniture stable and warn about changes. When guiding the child, do not push or pull: offer your arm just above the elbow, walk half a step ahead, and mention steps and doors. Allow extra time for reading and written work.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Маманмен бірлесіп жұмыс істеу",
                        "ru": "Работа со специалистом",
                        "en": "Working with the specialist",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Сурдопедагог пен тифлопедагог баланы бағалап, ұсынымдар береді; ал Сіз оларды күн сайын қолданып, іс жүзінде не болып жатқанын көресіз. Тұрақты қысқа кездесу уақытын келісіңіз, жазбаларыңызды және баланың жұмыстарынан үлгілер әкеліңіз, материалдарды дайындауға көмек сұраңыз. Сіздің бақылауларыңыз олардың ұсынымдарын нақтыра түседі.</p>",
                        "ru": "<p>Сурдопедагог и тифлопедагог оценивают ребёнка и дают рекомендации; вы применяете их каждый день и видите, что происходит на деле. Договоритесь о регулярной короткой встрече, приносите записи и образцы работ ребёнка, просите помощи в подготовке материалов. Ваши наблюдения делают их рекомендации точнее.</p>",
                        "en": "<p>The teacher of the deaf and the teacher of the visually impaired assess the child and give recommendations; you apply them every day and see what really happens. Agree a regular short meeting, bring your notes and examples of the child's work, and ask for help in preparing materials. Your observations make their recommendations more precise.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Бала нені көре алатынын не ести алатынын оның орнына шешпеңіз. Отыратын орынды немесе материалдарды өзгертпес бұрын баладан сұраңыз, бақылаңыз және маманмен ақылдасыңыз.</p>",
                        "ru": "<p>Не решайте за ребёнка, что он может или не может увидеть и услышать. Прежде чем менять место или материалы, спросите ребёнка, понаблюдайте и посоветуйтесь со специалистом.</p>",
                        "en": "<p>Do not decide for the child what they can or cannot see or hear. Before changing seating or materials, ask the child, observe, and check with the specialist.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Есту немесе көру қабілеті бұзылған баланы сүйемелдеу туралы үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз.</p>",
                        "ru": "<p>Ответьте на три вопроса о сопровождении ребёнка с нарушением слуха или зрения. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу.</p>",
                        "en": "<p>Answer three questions about supporting a child with a hearing or visual impairment. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Есту және көру бұзылыстары бар баланы сүйемелдеу: білімді тексеру",
                            "ru": "Сопровождение ребёнка с нарушениями слуха и зрения: проверка знаний",
                            "en": "Supporting a child with hearing or visual impairments: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Есту қабілеті бұзылған баланы әдетте қайда отырғызған дұрыс?",
                                    "ru": "Где обычно лучше посадить ребёнка с нарушением слуха?",
                                    "en": "Where should a child with a hearing impairment usually sit?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Алдыңғы қатарда, жарық терезеге тура қаратып.",
                                            "ru": "В первом ряду, лицом прямо к яркому окну.",
                                            "en": "In the front row, directly facing a bright window.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Жарық терезеге қарап отырғанда көз қарығады, сөйлеушілердің беті нашар көрінеді; жарық сөйлеушінің бетіне түсуі керек.",
                                            "ru": "Яркое окно перед глазами слепит, и лица говорящих плохо видны; свет должен падать на лицо говорящего.",
                                            "en": "A bright window in front of the child causes glare and makes speakers' faces hard to see; the light should fall on the speaker's face.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Алдыңғы қатарларда, сәл бүйірірек, шудан алыс, мұғалім мен сыныптастарды көре алатын жерде.",
                                            "ru": "Ближе к доске, немного сбоку, вдали от шума, так чтобы были видны учитель и одноклассники.",
                                            "en": "Near the front, slightly to the side, away from noise, with a view of the teacher and classmates.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Бала ерін қимылын оқу үшін беттерді көреді, сыныптастарына бұрыла алады, ал фондық шу азаяды.",
                                            "ru": "Верно. Ребёнок видит лица для считывания с губ, может повернуться к одноклассникам, а фонового шума меньше.",
                                            "en": "Correct. The child can see faces for lip-reading and turn to classmates, with less background noise.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Бүкіл сыныпты көре алуы үшін артқы партада.",
                                            "ru": "За последней партой, чтобы видеть весь класс.",
                                            "en": "At the back, so that the child can see the whole class.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Артқы партада мұғалімнің дауысы әлсіз естіледі, ал беттер ерін қимылын оқу үшін тым алыс болады.",
                                            "ru": "На последней парте голос учителя тише, а лица слишком далеко для считывания с губ.",
                                            "en": "At the back the teacher's voice is quieter and faces are too far away for lip-reading.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Мамандардың сабақтарына оңай шығып кетуі үшін есіктің жанында.",
                                            "ru": "У двери, чтобы ребёнку было легко выходить на занятия со специалистами.",
                                            "en": "Next to the door, so that the child can easily leave for sessions with specialists.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Есік — шу мен алаңдатудың негізгі көздерінің бірі.",
                                            "ru": "Дверь — один из главных источников шума и отвлечения.",
                                            "en": "The door is one of the main sources of noise and distraction.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Көру қабілеті бұзылған балаға сабақты қадағалап отыруға қандай әрекеттер көмектеседі? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Какие действия помогают ребёнку с нарушением зрения следить за ходом урока? Выберите все верные ответы.",
                                    "en": "Which actions help a child with a visual impairment follow a lesson? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Тақтаға жазылғанды дауыстап айту.",
                                            "ru": "Проговаривать вслух то, что написано на доске.",
                                            "en": "Saying aloud what is written on the board.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Дауыстап айту бала анық көре алмайтын ақпаратқа қол жеткізуге мүмкіндік береді.",
                                            "ru": "Да. Проговаривание даёт доступ к информации, которую ребёнок не может чётко увидеть.",
                                            "en": "Yes. Saying it aloud gives access to information the child cannot see clearly.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Анық қаріппен, ұсынылған өлшемде және жоғары контраспен дайындалған материалдар.",
                                            "ru": "Материалы чётким шрифтом, рекомендованного размера и с высоким контрастом.",
                                            "en": "Materials in a clear font, at the recommended size and with high contrast.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Өлшем, контраст және анық қаріп мәтінді оқуға ыңғайлы етеді.",
                                            "ru": "Да. Размер, контраст и чёткий шрифт делают текст читаемым.",
                                            "en": "Yes. Size, contrast and a clear font make print readable.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Қызықты болу үшін сыныптағы жиһаздың орнын жиі ауыстырып отыру.",
                                            "ru": "Часто переставлять мебель в классе, чтобы было интереснее.",
                                            "en": "Rearranging the classroom furniture often, to keep things interesting.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Ескертусіз өзгерістер бағдар табуды қиындатады және қауіпсіздікті төмендетеді. Орналасуды тұрақты ұстап, өзгерістер туралы ескертіңіз.",
                                            "ru": "Неожиданные перестановки затрудняют ориентировку и снижают безопасность. Сохраняйте расстановку и предупреждайте об изменениях.",
                                            "en": "Unannounced changes make orientation harder and less safe. Keep the layout stable and warn about changes.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Нақты заттар мен бедерлі суреттерді пайдалану.",
                                            "ru": "Использовать реальные предметы и рельефные рисунки.",
                                            "en": "Using real objects and raised-line drawings.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Сипап сезу басқалар көзімен көретін пішіндер мен бөлшектерді қабылдауға мүмкіндік береді.",
                                            "ru": "Да. Осязание даёт доступ к формам и деталям, которые другие видят глазами.",
                                            "en": "Yes. Touch gives access to shapes and details that others see with their eyes.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Таңертең баланың есту аппараты ысқырып тұр, бала естімей отырған сияқты. Тьютор не істеуі керек?",
                                    "ru": "Утром слуховой аппарат ребёнка свистит, и кажется, что ребёнок не слышит. Что должен сделать тьютор?",
                                    "en": "In the morning the child's hearing aid is whistling and the child seems not to hear. What should the tutor do?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Ысқырық тоқтағанша дыбыс баптауларын өзгерту.",
                                            "ru": "Подкрутить настройки громкости, пока свист не прекратится.",
                                            "en": "Adjust the volume settings until the whistling stops.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Баптауды сурдолог өзгертеді; Сіз баланың естуін нашарлатып алуыңыз мүмкін.",
                                            "ru": "Настройки меняет сурдолог; вы можете ухудшить слышимость ребёнка.",
                                            "en": "Changing settings is the audiologist's job; you may make the child hear worse.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Келісілген қарапайым тексеруді (қосулы ма, батарея, құлақ қалыбы дұрыс орнатылған ба) жүргізу және ақау жойылмаса, сол күні отбасы мен маманға хабарлау.",
                                            "ru": "Провести оговорённую простую проверку (включён ли, батарейка, правильно ли вставлен ушной вкладыш) и, если проблема осталась, в тот же день сообщить семье и специалисту.",
                                            "en": "Do the agreed simple check (switched on, battery, earmould fitted properly) and, if the problem remains, tell the family and the specialist the same day.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Қарапайым тексеру — Сіздің міндетіңіз; одан күрделісін тез арада отбасы мен маманға жеткізу керек.",
                                            "ru": "Верно. Простая проверка — ваша задача; всё, что сложнее, нужно быстро передать семье и специалисту.",
                                            "en": "Correct. Simple checks are part of your role; anything more should go quickly to the family and the specialist.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Баладан аппаратты күн бойы шешіп қоюды сұрау.",
                                            "ru": "Попросить ребёнка снять аппарат на весь день.",
                                            "en": "Ask the child to take the hearing aid off for the day.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Аппаратсыз бала өте аз естуі мүмкін; баланы дыбыстан айырмай, ақау туралы хабарлаңыз.",
                                            "ru": "Без аппарата ребёнок может слышать очень мало; сообщите о неисправности, вместо того чтобы лишать ребёнка доступа к звуку.",
                                            "en": "Without the device the child may hear very little; report the problem instead of removing access to sound.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Бұл туралы тоқсан соңындағы талқылау кездесуінде айту.",
                                            "ru": "Сообщить об этом на встрече по итогам четверти.",
                                            "en": "Mention it at the review meeting at the end of the quarter.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Жұмыс істемейтін аппарат күн сайын оқу уақытының жоғалуын білдіреді; бұл туралы бірден хабарлаңыз.",
                                            "ru": "Неработающий аппарат означает потерю учебного времени каждый день; сообщите сразу.",
                                            "en": "A device that does not work means lost learning every day; report it at once.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 20,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Сыныпқа баланың орнынан қарап көріңіз. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Посмотрите на класс с места ребёнка. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Look at the classroom from the child's seat. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "Сіз сүйемелдейтін бала оқитын сыныпты оның көзқарасымен қарап шығыңыз: жарық, шу, отыратын орын, материалдар, ақпараттың берілу тәсілі. Байқаған екі кедергіні сипаттап, оларды мұғаліммен және маманмен бірге қалай жоятыныңызды жазыңыз.",
                            "ru": "Осмотрите класс, где учится ребёнок, которого вы сопровождаете, с его точки зрения: свет, шум, место, материалы, способ подачи информации. Опишите два замеченных барьера и то, как вы устраните их вместе с учителем и специалистом.",
                            "en": "Look at the classroom where the child you support learns from their point of view: light, noise, seating, materials, the way information is presented. Describe two barriers you noticed and how you will remove them together with the teacher and the specialist.",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Баланың атын, диагнозын және оны танытатын мәліметтерді жазбаңыз.</p><ul><li>Қандай кедергілерді байқадыңыз және оларды қалай анықтадыңыз (бақылау, баланың өз сөзі, маманның кеңесі)?</li><li>Әр кедергі үшін не өзгертесіз және оған кім жауапты болады?</li><li>Өзгерістің балаға көмектескенін қалай білесіз?</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не указывайте имя ребёнка, диагноз и сведения, по которым его можно узнать.</p><ul><li>Какие барьеры вы заметили и как их выявили (наблюдение, слова самого ребёнка, совет специалиста)?</li><li>Что вы измените для каждого барьера и кто будет за это отвечать?</li><li>Как вы поймёте, что изменение помогает ребёнку?</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not use the child's name, diagnosis or any detail that could identify them.</p><ul><li>Which barriers did you notice, and how did you identify them (observation, the child's own words, the specialist's advice)?</li><li>What will you change for each barrier, and who will be responsible?</li><li>How will you know that the change helps the child?</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 5. Teachers
# ---------------------------------------------------------------------------

_TEACHER_LESSON = {
    "key": "teacher-lesson",
    "audiences": [("teacher", None, True)],
    "academic_hours": 8,
    "provider": _PROVIDER,
    "title": {
        "kk": "Ерекше білім беру қажеттіліктері бар балаға сабақты бейімдеу",
        "ru": "Адаптация урока для ребёнка с особыми образовательными потребностями",
        "en": "Adapting a lesson for a child with special educational needs",
    },
    "summary": {
        "kk": "Бүкіл сыныпқа, соның ішінде ерекше білім беру қажеттіліктері (ЕБҚ) бар балаға арналған сабақты жоспарлау: оқытудың әмбебап дизайны, ортақ тақырып аясындағы сараланған мақсаттар және тьютормен тиімді бірлескен жұмыс.",
        "ru": "Как планировать урок для всего класса, включая ребёнка с особыми образовательными потребностями (ООП): универсальный дизайн обучения, дифференцированные цели в рамках общей темы и эффективная совместная работа с тьютором.",
        "en": "Plan lessons that work for the whole class, including a child with special educational needs (SEN): universal design for learning, differentiated goals on a shared topic, and effective teamwork with the tutor.",
    },
    "description": {
        "kk": "<p>Бұл курс сыныбында ерекше білім беру қажеттіліктері (ЕБҚ) бар оқушы оқитын пән мұғалімдері мен бастауыш сынып мұғалімдеріне арналған. Сіз кедергілер басынан-ақ азырақ болуы үшін сабақты оқытудың әмбебап дизайны қағидаттары бойынша жоспарлауды және оқушыға сабақ тақырыбымен де, оның жеке оқу жоспарымен (ЖОЖ) де байланысты мақсат қоюды үйренесіз.</p><p>Сондай-ақ тьютормен бірге жоспарлауды меңгересіз: сабаққа дейін не туралы келісу керек, оқушы сыныптастарымен бірге оқуы үшін сабақта рөлдерді қалай бөлу керек және сабақтан кейін екі минутта қалай қорытынды жасау керек.</p>",
        "ru": "<p>Этот курс предназначен для учителей-предметников и учителей начальных классов, в классе которых учится ребёнок с особыми образовательными потребностями (ООП). Вы научитесь планировать урок по принципам универсального дизайна обучения, чтобы барьеров с самого начала было меньше, и ставить ученику цель, связанную и с темой урока, и с его индивидуальным учебным планом (ИУП).</p><p>Вы также научитесь планировать вместе с тьютором: о чём договориться до урока, как распределить роли на уроке, чтобы ученик учился вместе с одноклассниками, и как за две минуты подвести итоги после урока.</p>",
        "en": "<p>This course is for subject teachers and primary class teachers who have a pupil with special educational needs (SEN) in their class. You will learn to plan a lesson using the principles of universal design for learning, so that there are fewer barriers from the start, and to set the pupil a goal linked both to the lesson topic and to their individual education plan (IEP).</p><p>You will also learn to plan with the tutor: what to agree before the lesson, how to share roles in class so that the pupil learns with classmates, and how to debrief in two minutes after the lesson.</p>",
    },
    "sequential": False,
    "modules": [
        {
            "key": "udl",
            "title": {
                "kk": "Оқытудың әмбебап дизайны және сараланған мақсаттар",
                "ru": "Универсальный дизайн обучения и дифференцированные цели",
                "en": "Universal design for learning and differentiated goals",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Кедергілерді жоспарлау кезінде жойыңыз",
                        "ru": "Убирайте барьеры на этапе планирования",
                        "en": "Remove barriers when you plan",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Оқытудың әмбебап дизайны (ОӘД) қарапайым идеядан басталады: кедергілер көбіне баланың өзінде емес, сабақтың құрылымында болады. Егер сабақты тек ұзақ түсіндірмені тыңдау арқылы ғана қадағалауға, ал жауапты тек жазбаша түрде ғана беруге болса, ЕБҚ бар оқушылар ғана емес, көптеген оқушы қиналады. ОӘД басынан-ақ икемділіктің үш түрін жоспарлауды ұсынады:</p><ul><li><strong>Ынталандыру</strong> (не үшін оқимыз): тақырыпты оқушылардың өмірімен байланыстырыңыз, таңдау беріңіз, жұмысты табыс критерийлері анық қысқа бөліктерге бөліңіз.</li><li><strong>Ақпаратты ұсыну</strong> (нені оқимыз): негізгі ақпаратты кемінде екі тәсілмен беріңіз, мысалы, айтып әрі сурет, зат немесе сызба арқылы көрсетіп; негізгі сөздерді алдын ала таныстырыңыз.</li><li><strong>Әрекет және өзін көрсету</strong> (білгенімізді қалай көрсетеміз): жауапты әртүрлі түрде беруге мүмкіндік жасаңыз: ауызша, сурет салу, таңдау, құрастыру, үлгі бойынша жазу.</li></ul><p>Мұндай өзгерістер бүкіл сыныпқа көмектеседі және бөлек «арнайы» сабақ дайындау қажеттілігін азайтады.</p>",
                        "ru": "<p>Универсальный дизайн обучения (УДО) исходит из простой идеи: барьеры часто заложены не в ребёнке, а в устройстве урока. Если за уроком можно следить, только слушая длинное объяснение, а отвечать — только письменно, трудно будет многим ученикам, а не только детям с ООП. УДО предлагает с самого начала планировать три вида гибкости:</p><ul><li><strong>Вовлечение</strong> (зачем учимся): связывайте тему с жизнью учеников, давайте выбор, делите работу на короткие части с понятными критериями успеха.</li><li><strong>Представление информации</strong> (что изучаем): подавайте ключевую информацию как минимум двумя способами, например говорите и показываете картинку, предмет или схему; заранее вводите ключевые слова.</li><li><strong>Действие и выражение</strong> (как показываем, чему научились): разрешайте отвечать в разных формах: устно, рисунком, выбором, конструированием, письмом по шаблону.</li></ul><p>Такие изменения помогают всему классу и уменьшают потребность в отдельном «специальном» уроке.</p>",
                        "en": "<p>Universal design for learning (UDL) starts from a simple idea: barriers often lie not in the child but in the way a lesson is designed. If a lesson can only be followed by listening to a long explanation, and answered only in writing, many pupils struggle, not only those with SEN. UDL suggests planning three kinds of flexibility from the start:</p><ul><li><strong>Engagement</strong> (why we learn): connect the topic to pupils' lives, offer choices, and break work into short parts with clear success criteria.</li><li><strong>Representation</strong> (what we learn): present key information in at least two ways, for example by saying it and showing a picture, an object or a diagram; introduce key words in advance.</li><li><strong>Action and expression</strong> (how we show what we have learned): allow answers in different forms: speaking, drawing, choosing, building, writing with a template.</li></ul><p>Such changes help the whole class and reduce the need for a separate «special» lesson.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Бір тақырып — әртүрлі мақсаттар",
                        "ru": "Одна тема — разные цели",
                        "en": "One topic, different goals",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>ЕБҚ бар оқушы сыныппен бір тақырыпта, бірақ өз деңгейіне сай және жеке оқу жоспарынан (ЖОЖ) алынған мақсатпен жұмыс істейді. Мысалы, 5-сыныптағы жаратылыстану сабағында өсімдіктер тақырыбы бойынша сынып фотосинтез үшін өсімдікке не қажет екенін түсіндіреді. Интеллектуалдық бұзылыстары бар оқушының мақсаты мынадай болуы мүмкін: «суретті карточкалардың көмегімен өсімдіктің үш бөлігін және өсімдікке қажетті екі нәрсені атау». Екі мақсат та сабақ жоспарына жазылады және екеуі де бағаланады: оқушының табысы сыныптың мақсатымен емес, өз мақсатымен өлшенеді.</p><p>Оқушының мақсатын сабақ жоспарына бір жолмен жазыңыз. Содан кейін өзіңізге сұрақ қойыңыз: сабақтың әр кезеңінде оқушы не істейді, қандай материалдармен жұмыс істейді және оның мақсатқа жеткенін мен қалай көремін?</p>",
                        "ru": "<p>Ученик с ООП работает по той же теме, что и класс, но с целью, соответствующей его уровню и взятой из его индивидуального учебного плана (ИУП). Например, на уроке естествознания в 5 классе по теме «Растения» класс объясняет, что нужно растению для фотосинтеза. Цель ученика с интеллектуальными нарушениями может быть такой: «назвать три части растения и две вещи, которые нужны растению, с помощью карточек с картинками». Обе цели записаны в плане урока, и обе оцениваются: успех ученика измеряется его собственной целью, а не целью класса.</p><p>Запишите цель ученика в плане урока одной строкой. Затем спросите себя: что ученик будет делать на каждом этапе урока, с какими материалами и как я увижу, что он достиг цели?</p>",
                        "en": "<p>A pupil with SEN works on the same topic as the class, with a goal matched to their level and taken from their individual education plan (IEP). For example, in a Year 5 science lesson on plants, the class explains what a plant needs for photosynthesis. A pupil with an intellectual disability may have the goal: «name three parts of a plant and two things a plant needs, using picture cards». Both goals are written in your lesson plan, and both are assessed: the pupil's success is measured against their own goal, not against the class's.</p><p>Write the pupil's goal in your lesson plan in one line. Then ask yourself: what will the pupil do at each stage of the lesson, with which materials, and how will I see that they have reached the goal?</p>",
                    },
                ),
                (
                    "callout",
                    "tip",
                    {
                        "kk": "<p>Кішіден бастаңыз. Келесі аптаға ОӘД-ге сай бір өзгерісті таңдаңыз, мысалы, әр нұсқауды ауызша айтумен қатар тақтаға да жазу, және оны әр сабақта сақтаңыз. Содан кейін келесісін қосыңыз.</p>",
                        "ru": "<p>Начните с малого. Выберите на следующую неделю одно изменение по УДО, например записывать каждую инструкцию на доске, а не только произносить её, и соблюдайте его на каждом уроке. Затем добавьте следующее.</p>",
                        "en": "<p>Start small. Choose one UDL change for next week, such as writing every instruction on the board as well as saying it, and keep it up in every lesson. Then add another.</p>",
                    },
                ),
            ],
        },
        {
            "key": "tutor-teamwork",
            "title": {
                "kk": "Сабақта тьютормен бірлесіп жұмыс істеу",
                "ru": "Работа с тьютором на уроке",
                "en": "Working with the tutor in class",
            },
            "minutes": 20,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Мұғалім әр оқушыны оқытады",
                        "ru": "Учитель учит каждого ученика",
                        "en": "The teacher teaches every pupil",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Тьютор — маңызды қолдау, бірақ әр оқушының, соның ішінде ЕБҚ бар оқушының оқуына мұғалім жауапты болып қала береді. Егер бүкіл қарым-қатынас тьютор арқылы жүрсе, оқушы мұғалімнен аз үйренеді және сыныптастарымен аз араласады. Әр сабақта оқушымен тікелей сөйлесіп, оған сұрақ қойып, оны топтық жұмысқа қосыңыз.</p>",
                        "ru": "<p>Тьютор — важная поддержка, но за обучение каждого ученика, в том числе ученика с ООП, по-прежнему отвечает учитель. Если всё общение идёт через тьютора, ученик меньше учится у учителя и меньше взаимодействует с одноклассниками. На каждом уроке обращайтесь к ученику напрямую, задавайте ему вопросы и включайте его в групповую работу.</p>",
                        "en": "<p>The tutor is an important support, but the teacher remains responsible for the learning of every pupil, including the pupil with SEN. If all communication goes through the tutor, the pupil learns less from the teacher and interacts less with classmates. In every lesson, speak to the pupil directly, ask them questions and include them in group work.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Қысқа болса да, бірге жоспарлаңыз",
                        "ru": "Планируйте вместе, хотя бы коротко",
                        "en": "Plan together, even briefly",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Бір күн бұрын бес минуттық әңгіме немесе қысқа жазбаша хабарлама мыналарды келісуге жеткілікті:</p><ul><li>сабақтың тақырыбы және оқушының мақсаты;</li><li>тьютор қандай материалдарды дайындауы немесе бейімдеуі керек;</li><li>тьютор оқушыны қашан жақыннан қолдайды және қашан шегінеді;</li><li>бағалау үшін тьютор нені белгілеп алуы керек.</li></ul><p>Сабақ кезінде тьютор оқушының қатысуына көмектеседі: нұсқауды қайта түсіндіреді, кеңес пен бейімделген материалдар ұсынады, оқушының топқа қосылуына жәрдемдеседі. Тьютор оқушының орнына жұмыс істемейді. Оқушы өз бетімен жұмыс істеп отырғанда, тьютор оқушы кіретін шағын топқа көмектесе алады, сонда оқушы әрдайым «қасында ересек адамы бар бала» болып қалмайды.</p>",
                        "ru": "<p>Пятиминутного разговора накануне или короткой записки достаточно, чтобы договориться:</p><ul><li>о теме урока и цели ученика;</li><li>о том, какие материалы тьютору нужно подготовить или адаптировать;</li><li>о том, когда тьютор поддерживает ученика вплотную, а когда отступает;</li><li>о том, что тьютору нужно отметить для оценивания.</li></ul><p>На уроке тьютор помогает ученику участвовать: повторно объясняет инструкции, даёт подсказки и адаптированные материалы, помогает включиться в группу. Тьютор не выполняет работу за ученика. Когда ученик работает самостоятельно, тьютор может поддержать небольшую группу, в которую входит ученик, чтобы тот не был всё время «ребёнком со взрослым рядом».</p>",
                        "en": "<p>A five-minute conversation the day before, or a short written note, is enough to agree:</p><ul><li>the lesson topic and the pupil's goal;</li><li>which materials the tutor needs to prepare or adapt;</li><li>when the tutor supports the pupil closely, and when they step back;</li><li>what the tutor should note for assessment.</li></ul><p>During the lesson the tutor helps the pupil take part: explains instructions again, offers prompts and adapted materials, and helps the pupil join the group. The tutor does not do the work for the pupil. When the pupil is working independently, the tutor can support a small group that includes the pupil, so that the pupil is not always «the child with an adult beside them».</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Сабақтан кейінгі екі минут",
                        "ru": "Две минуты после урока",
                        "en": "Two minutes after the lesson",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Тьюторға үш сұрақ қойыңыз: не жақсы шықты, оқушы қай жерде қиналды, келесі жолы нені өзгертеміз? Жауаптарды бір жолмен жазып қойыңыз. Тоқсан бойы жиналған осындай жазбалар жеке оқу жоспарын қайта қарау үшін құнды дерекке айналады.</p>",
                        "ru": "<p>Задайте тьютору три вопроса: что получилось, где ученик застрял, что изменим в следующий раз? Запишите ответы одной строкой. За четверть такие записи становятся ценными данными для пересмотра индивидуального учебного плана.</p>",
                        "en": "<p>Ask the tutor three questions: what worked, where did the pupil get stuck, and what shall we change next time? Note the answers in one line. Over a quarter, these notes become valuable evidence for the review of the individual education plan.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Оқушыны тьютормен бірге сабақтан үнемі шығарып жіберуден аулақ болыңыз. Сыныптан тыс жеке жұмыс жоспарланған, уақыты шектеулі және командамен келісілген болуы керек; ол қиын сабақтан құтылудың жолына айналмауы тиіс.</p>",
                        "ru": "<p>Избегайте того, чтобы ученик регулярно уходил с урока вместе с тьютором. Индивидуальная работа вне класса должна быть запланированной, ограниченной по времени и согласованной с командой, а не способом справиться с трудным уроком.</p>",
                        "en": "<p>Avoid routinely sending the pupil out of the lesson with the tutor. Individual work outside the class should be planned, time-limited and agreed with the team, not a way of coping with a difficult lesson.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Сабақты бейімдеу және тьютормен жұмыс туралы үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз.</p>",
                        "ru": "<p>Ответьте на три вопроса об адаптации урока и работе с тьютором. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу.</p>",
                        "en": "<p>Answer three questions about adapting a lesson and working with the tutor. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Сабақты бейімдеу: білімді тексеру",
                            "ru": "Адаптация урока: проверка знаний",
                            "en": "Adapting a lesson: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Оқытудың әмбебап дизайнының басты идеясы қандай?",
                                    "ru": "В чём главная идея универсального дизайна обучения?",
                                    "en": "What is the main idea of universal design for learning?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "ЕБҚ бар әр оқушыға бөлек сабақ дайындау.",
                                            "ru": "Готовить отдельный урок для каждого ученика с ООП.",
                                            "en": "Prepare a separate lesson for each pupil with SEN.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "ОӘД барлығына арналған бір икемді сабақты жобалау арқылы бөлек сабақтардың қажеттілігін азайтуға бағытталған.",
                                            "ru": "УДО стремится уменьшить потребность в отдельных уроках, проектируя один гибкий урок для всех.",
                                            "en": "UDL aims to reduce the need for separate lessons by designing one flexible lesson for everyone.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Басынан-ақ икемділікті жоспарлау: ынталандырудың, ақпаратты ұсынудың және білгенін көрсетудің әртүрлі тәсілдері.",
                                            "ru": "С самого начала планировать гибкость: разные способы вовлечения, подачи информации и демонстрации знаний.",
                                            "en": "Plan flexibility from the start: different ways to engage, to present information and to show learning.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. ОӘД кедергілерді жоспарлау кезеңінде жояды, бұл бүкіл сыныпқа көмектеседі.",
                                            "ru": "Верно. УДО убирает барьеры на этапе планирования, и это помогает всему классу.",
                                            "en": "Correct. UDL removes barriers at the planning stage, which helps the whole class.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Бүкіл сынып үшін барлық тапсырманы жеңілдету.",
                                            "ru": "Упростить все задания для всего класса.",
                                            "en": "Make every task easier for the whole class.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "ОӘД талапты төмендетпейді; ол бірдей жоғары мақсаттарға жетудің әртүрлі жолдарын ұсынады.",
                                            "ru": "УДО не снижает ожиданий; он предлагает разные пути к одним и тем же высоким целям.",
                                            "en": "UDL does not lower expectations; it offers different routes to the same high goals.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Бейімдеуді сабақ барысында тьюторға қалдыру.",
                                            "ru": "Оставить адаптацию тьютору по ходу урока.",
                                            "en": "Leave adaptation to the tutor during the lesson.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Сабақты мұғалім жоспарлайды, тьютор оны өткізуге көмектеседі. Бейімдеу мұғалімнің жоспарынан басталады.",
                                            "ru": "Урок планирует учитель; тьютор помогает его проводить. Адаптация начинается с плана учителя.",
                                            "en": "The teacher plans the lesson; the tutor supports its delivery. Adaptation begins in the teacher's plan.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "5-сыныптағы өсімдіктер туралы сабақта сыныппен бірге оқитын интеллектуалдық бұзылыстары бар оқушыға қай мақсат ең лайық?",
                                    "ru": "Какая цель лучше всего подходит ученику с интеллектуальными нарушениями, который учится вместе с классом, на уроке о растениях в 5 классе?",
                                    "en": "In a Year 5 lesson on plants, which goal best suits a pupil with an intellectual disability who is learning with the class?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Сынып жұмыс істеп жатқанда гүлдің суретін бояу.",
                                            "ru": "Раскрашивать рисунок цветка, пока класс работает.",
                                            "en": "Colour a picture of a flower while the class works.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бұл оқушыны бос отырғызбайды, бірақ онда тақырыппен байланысты оқу мақсаты жоқ.",
                                            "ru": "Это занимает ученика, но не содержит учебной цели, связанной с темой.",
                                            "en": "This keeps the pupil busy but has no learning goal connected to the topic.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Суретті карточкалардың көмегімен өсімдіктің үш бөлігін және өсімдікке қажетті екі нәрсені атау.",
                                            "ru": "Назвать три части растения и две вещи, которые нужны растению, с помощью карточек с картинками.",
                                            "en": "Name three parts of a plant and two things a plant needs, using picture cards.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Мақсат сол тақырыпта, қолжетімді, бақылауға болады және оны бағалауға болады.",
                                            "ru": "Верно. Цель по той же теме, достижимая и наблюдаемая, и её можно оценить.",
                                            "en": "Correct. The goal is on the same topic, achievable and observable, and it can be assessed.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Сыныптың қалған оқушылары сияқты фотосинтезді жазбаша түсіндіру.",
                                            "ru": "Объяснить фотосинтез письменно, как остальной класс.",
                                            "en": "Explain photosynthesis in writing like the rest of the class.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Мақсат оқушының деңгейіне сай емес және сәтсіздікке әкелуі ықтимал.",
                                            "ru": "Цель не соответствует уровню ученика и, скорее всего, приведёт к неудаче.",
                                            "en": "The goal does not match the pupil's level and is likely to lead to failure.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Сабақты үнсіз тыңдап отыру.",
                                            "ru": "Тихо слушать урок.",
                                            "en": "Listen quietly to the lesson.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "«Үнсіз тыңдау» — оқу мақсаты емес: ол бойынша оқушының не үйренгенін бағалау мүмкін емес.",
                                            "ru": "«Тихо слушать» — не учебная цель: по ней нельзя оценить, чему научился ученик.",
                                            "en": "«Listen quietly» is not a learning goal: it gives you no way to assess what the pupil has learned.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Сабақта тьютормен жұмыс істеудің қандай тәсілдері тиімді? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Какие приёмы работы с тьютором на уроке эффективны? Выберите все верные ответы.",
                                    "en": "Which are good practices when working with a tutor in class? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Сабаққа дейін оқушының мақсаты мен материалдарын тьютормен келісу.",
                                            "ru": "До урока согласовать с тьютором цель ученика и материалы.",
                                            "en": "Agreeing the pupil's goal and materials with the tutor before the lesson.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Бес минуттық жоспарлаудың өзі тьютордың қолдауын мақсатты етеді.",
                                            "ru": "Да. Даже пять минут планирования делают поддержку тьютора целенаправленной.",
                                            "en": "Yes. Even five minutes of planning makes the tutor's support purposeful.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Оқушымен тек тьютор арқылы сөйлесу.",
                                            "ru": "Обращаться к ученику только через тьютора.",
                                            "en": "Speaking to the pupil only through the tutor.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Мұғалім оқушымен тікелей сөйлесіп, оны өзі оқытуы керек; тьютор мұғалімді алмастырмайды, қолдайды.",
                                            "ru": "Учитель должен обращаться к ученику и учить его напрямую; тьютор поддерживает учителя, а не заменяет его.",
                                            "en": "The teacher should speak to and teach the pupil directly; the tutor supports the teacher rather than replacing them.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Оқушы өз бетімен жұмыс істей алғанда тьютордан шегінуді сұрау.",
                                            "ru": "Просить тьютора отступать, когда ученик может работать самостоятельно.",
                                            "en": "Asking the tutor to step back when the pupil can work independently.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Шегіну дербестікті және сыныптастармен байланысты дамытады.",
                                            "ru": "Да. Это развивает самостоятельность и контакт с одноклассниками.",
                                            "en": "Yes. Stepping back builds independence and contact with classmates.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Сабақтан кейін тьютормен қысқа қорытынды жасау.",
                                            "ru": "Коротко подводить итоги с тьютором после урока.",
                                            "en": "Holding a short debrief with the tutor after the lesson.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Екі минуттық қорытынды келесі сабақты жақсартуға және ЖОЖ-ды қайта қарау үшін дерек жинауға көмектеседі.",
                                            "ru": "Да. Двухминутное обсуждение помогает улучшить следующий урок и собрать данные для пересмотра ИУП.",
                                            "en": "Yes. A two-minute debrief helps improve the next lesson and gathers evidence for the IEP review.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 20,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Өз сабақтарыңыздың бірін осы курс тұрғысынан қайта қарап шығыңыз. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Посмотрите на один из своих уроков с точки зрения этого курса. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Look again at one of your own lessons in the light of this course. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "ЕБҚ бар оқушы аз қатысқан жақында өткен бір сабағыңызды еске түсіріңіз. Оның қатысуына не кедергі болғанын сипаттаңыз және келесі аптада осындай сабақты қалай өткізетініңізді жоспарлаңыз: сыныптың мақсаты мен оқушының мақсаты, ОӘД-ге сай бір өзгеріс және сабаққа дейін тьютормен не туралы келісетініңіз.",
                            "ru": "Вспомните недавний урок, на котором ученик с ООП мало участвовал. Опишите, что мешало его участию, и спланируйте, как вы проведёте похожий урок на следующей неделе: цель класса и цель ученика, одно изменение по УДО и то, о чём вы договоритесь с тьютором до урока.",
                            "en": "Recall a recent lesson in which a pupil with SEN took little part. Describe what got in the way of their participation, and plan how you will teach a similar lesson next week: the class goal and the pupil's goal, one UDL change, and what you will agree with the tutor before the lesson.",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Оқушының атын, диагнозын және оны танытатын мәліметтерді жазбаңыз; «4-сынып оқушысы» деп жазуға болады.</p><ul><li>Кедергі қайда болды: тапсырмада ма, материалдарда ма, ақпаратты беру тәсілінде ме, әлде жауап беру тәсілінде ме?</li><li>Оқушының мақсаты ЖОЖ-бен және сабақ тақырыбымен қалай байланысады?</li><li>Оқушының мақсатқа жеткенін қалай көресіз?</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не указывайте имя ученика, диагноз и сведения, по которым его можно узнать; можно писать «ученик 4 класса».</p><ul><li>Где был барьер: в задании, в материалах, в способе подачи информации или в способе ответа?</li><li>Как цель ученика связана с ИУП и темой урока?</li><li>Как вы увидите, что ученик достиг цели?</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not use the pupil's name, diagnosis or any detail that could identify them; you may write «a pupil in Year 4».</p><ul><li>Where was the barrier: in the task, the materials, the way information was presented, or the way pupils could answer?</li><li>How is the pupil's goal linked to the IEP and to the lesson topic?</li><li>How will you see that the pupil has reached the goal?</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 6. Specialists
# ---------------------------------------------------------------------------

_SPECIALIST_IEP = {
    "key": "specialist-iep",
    "audiences": [("specialist", None, True)],
    "academic_hours": 12,
    "provider": _PROVIDER,
    "title": {
        "kk": "Жеке оқу жоспарын командамен және отбасымен бірге әзірлеу",
        "ru": "Разработка индивидуального учебного плана вместе с командой и семьёй",
        "en": "Writing an individual education plan with the team and the family",
    },
    "summary": {
        "kk": "Психологтарға, логопедтерге, арнайы педагогтерге және әлеуметтік педагогтерге: бағалау нәтижелері мен ПМПК ұсынымдарын SMART мақсаттарға айналдыру, рөлдерді келісу, отбасын тарту және жоспарды әр тоқсан сайын қайта қарау.",
        "ru": "Для психологов, логопедов, специальных и социальных педагогов: как превратить результаты оценки и рекомендации ПМПК в SMART-цели, распределить роли, вовлечь семью и пересматривать план каждую четверть.",
        "en": "For psychologists, speech therapists, special educators and social pedagogues: turn assessment results and PMPC recommendations into SMART goals, agree roles, involve the family and review the plan every quarter.",
    },
    "description": {
        "kk": "<p>Бұл курс баланың жеке оқу жоспарын (ЖОЖ) үйлестіретін немесе оны әзірлеуге қатысатын мамандарға арналған: психологтар, логопедтер, арнайы педагогтер (дефектологтар) және әлеуметтік педагогтер. Сіз бағалау деректерін, соның ішінде ПМПК ұсынымдарын, басымдықтардың қысқа тізіміне біріктіруді және нақты, өлшенетін, қолжетімді мақсаттар жазуды үйренесіз.</p><p>Сондай-ақ командада кім не істейтінін келісуді, отбасын тең құқылы серіктес ретінде тартуды және жоспар шкафта жатқан қағаз емес, жұмыс құжаты болуы үшін оны тұрақты қайта қарап отыруды меңгересіз.</p>",
        "ru": "<p>Этот курс предназначен для специалистов, которые координируют индивидуальный учебный план (ИУП) ребёнка или участвуют в его разработке: психологов, логопедов, специальных педагогов (дефектологов) и социальных педагогов. Вы научитесь сводить данные оценки, включая рекомендации ПМПК, в короткий список приоритетов и формулировать конкретные, измеримые и достижимые цели.</p><p>Вы также научитесь договариваться в команде о том, кто что делает, вовлекать семью как равноправного партнёра и регулярно пересматривать план, чтобы он был рабочим документом, а не папкой в шкафу.</p>",
        "en": "<p>This course is for specialists who coordinate or contribute to a child's individual education plan (IEP): psychologists, speech therapists, special educators (defectologists) and social pedagogues. You will learn to bring assessment information, including the PMPC recommendations, together into a short list of priorities, and to write goals that are specific, measurable and achievable.</p><p>You will also learn to agree who does what in the team, to involve the family as equal partners, and to review the plan regularly so that it is a working document rather than a file in a cupboard.</p>",
    },
    "sequential": True,
    "modules": [
        {
            "key": "assessment-goals",
            "title": {
                "kk": "Бағалаудан SMART мақсаттарға дейін",
                "ru": "От оценки к SMART-целям",
                "en": "From assessment to SMART goals",
            },
            "minutes": 30,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Ақпаратты бірнеше көзден жинаңыз",
                        "ru": "Собирайте информацию из нескольких источников",
                        "en": "Gather information from several sources",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Жақсы жоспар бланктен емес, бала туралы толық түсініктен басталады. Мыналарды біріктіріңіз:</p><ul><li>ПМПК (психологиялық-медициналық-педагогикалық консультация) қорытындысы мен ұсынымдары: білім беру бағдарламасы және балаға қажетті арнайы жағдайлар;</li><li>Сіздің және басқа мамандардың бағалау нәтижелері;</li><li>мұғалім мен тьютордың сабақтағы және үзілістегі бақылаулары;</li><li>отбасының білетіні: баланың күшті жақтары мен қызығушылықтары, үйде не жақсы нәтиже береді, отбасының үміті мен алаңдаушылығы;</li><li>баланың өз пікірі — оның жасына және қарым-қатынас тәсіліне сай түрде.</li></ul><p>ПМПК ұсынымдары — маңызды бастапқы нүкте, бірақ олар жоспардың орнын баспайды: мектеп командасы оларды нақ осы мектеп, осы сынып және осы тоқсан үшін нақты мақсаттарға, бейімдеулер мен қолдауға айналдырады.</p>",
                        "ru": "<p>Хороший план начинается не с бланка, а с полной картины ребёнка. Соберите вместе:</p><ul><li>заключение и рекомендации ПМПК (психолого-медико-педагогической консультации): образовательную программу и специальные условия, которые нужны ребёнку;</li><li>результаты вашей оценки и оценки других специалистов;</li><li>наблюдения учителя и тьютора на уроках и на переменах;</li><li>то, что знает семья: сильные стороны и интересы ребёнка, что помогает дома, надежды и тревоги семьи;</li><li>мнение самого ребёнка — в форме, соответствующей его возрасту и способу общения.</li></ul><p>Рекомендации ПМПК — важная отправная точка, но они не заменяют план: школьная команда превращает их в конкретные цели, адаптации и поддержку для этой школы, этого класса и этой четверти.</p>",
                        "en": "<p>A good plan starts not with a form but with a full picture of the child. Bring together:</p><ul><li>the conclusion and recommendations of the PMPC (psychological-medical-pedagogical consultation): the educational programme and the special conditions the child needs;</li><li>your own assessment and that of other specialists;</li><li>observations by the teacher and the tutor in lessons and at breaks;</li><li>what the family knows: the child's strengths and interests, what works at home, the family's hopes and worries;</li><li>the child's own view, in a form suited to their age and way of communicating.</li></ul><p>The PMPC recommendations are an essential starting point, but they do not replace the plan: the school team turns them into concrete goals, adaptations and support for this school, this class and this quarter.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Басымдықтарды таңдаңыз",
                        "ru": "Выберите приоритеты",
                        "en": "Choose priorities",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Алдымен баланың күшті жақтарын, содан кейін қажеттіліктерін сипаттаңыз. Қажеттіліктердің ішінен тоқсанға екі-төрт басымдық таңдаңыз — баланың оқуы мен қатысуына ең көп өзгеріс әкелетіндерін: мысалы, қарапайым мәтіндерді оқу, көмек сұрай білу немесе топтық жұмысқа қатысу. Он бес мақсаты бар жоспар, әдетте, бірде-бір нақты мақсаты жоқ жоспар болып шығады.</p>",
                        "ru": "<p>Сначала опишите сильные стороны ребёнка, затем его потребности. Из потребностей выберите на четверть два–четыре приоритета — те, что сильнее всего изменят обучение и участие ребёнка: например, чтение простых текстов, умение попросить о помощи или участие в групповой работе. План с пятнадцатью целями обычно оказывается планом без настоящих целей.</p>",
                        "en": "<p>Describe the child's strengths first, then their needs. From the needs, choose two to four priorities for the quarter: the ones that will make the biggest difference to the child's learning and participation, for example reading simple texts, asking for help, or taking part in group work. A plan with fifteen goals usually turns out to be a plan with no real goals.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "SMART мақсаттар жазыңыз",
                        "ru": "Формулируйте SMART-цели",
                        "en": "Write SMART goals",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Әр мақсат <strong>нақты</strong> (Specific), <strong>өлшенетін</strong> (Measurable), <strong>қолжетімді</strong> (Achievable), <strong>маңызды</strong> (Relevant) және <strong>мерзімі белгіленген</strong> (Time-bound) болуы керек. Салыстырыңыз:</p><ul><li>Бұлыңғыр: «Оқу дағдысын жақсарту».</li><li>SMART: «Екінші тоқсанның соңына дейін оқушы өзіне таныс 40 сөзден тұратын мәтінді үш қатеден аспай дауыстап оқиды; бұл апта сайынғы төрт тексерудің үшеуінде орындалады».</li><li>Бұлыңғыр: «Қарым-қатынасты дамыту».</li><li>SMART: «Тоқсанның соңына дейін оқушы сабақта карточка немесе сөз тіркесі арқылы күніне кемінде екі рет көмек сұрайды; бұл бес күннің төртеуінде орындалады, оны тьютор тіркейді».</li></ul><p>Әр мақсатқа оның қалай өлшенетінін және оны кім өлшейтінін, балаға қандай бейімдеулер мен қолдау көрсетілетінін жазыңыз.</p>",
                        "ru": "<p>Каждая цель должна быть <strong>конкретной</strong> (Specific), <strong>измеримой</strong> (Measurable), <strong>достижимой</strong> (Achievable), <strong>значимой</strong> (Relevant) и <strong>ограниченной по времени</strong> (Time-bound). Сравните:</p><ul><li>Размыто: «Улучшить чтение».</li><li>SMART: «К концу второй четверти ученик читает вслух знакомый текст из 40 слов, допуская не более трёх ошибок, в трёх из четырёх еженедельных проверок».</li><li>Размыто: «Развивать коммуникацию».</li><li>SMART: «К концу четверти ученик просит о помощи на уроке с помощью карточки или фразы не реже двух раз в день, в четыре дня из пяти, по записям тьютора».</li></ul><p>Для каждой цели запишите, как и кем она будет измеряться и какие адаптации и поддержку получит ребёнок.</p>",
                        "en": "<p>Each goal should be <strong>Specific</strong>, <strong>Measurable</strong>, <strong>Achievable</strong>, <strong>Relevant</strong> and <strong>Time-bound</strong>. Compare:</p><ul><li>Vague: «Improve reading.»</li><li>SMART: «By the end of the second quarter, the pupil will read aloud a familiar text of 40 words with no more than three errors, in three out of four weekly checks.»</li><li>Vague: «Develop communication.»</li><li>SMART: «By the end of the quarter, the pupil will ask for help in lessons, using a card or a phrase, at least twice a day on four days out of five, as recorded by the tutor.»</li></ul><p>For each goal, write how it will be measured and by whom, and which adaptations and support the child will receive.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>ПМПК қорытындысының мәтінін жоспарға көшіріп қоймаңыз. Жоспар — құпия құжат: оны тек баламен жұмыс істейтін адамдармен және отбасымен бөлісіңіз, ал онда диагноздарды емес, қажеттіліктерді, мақсаттарды және қолдауды сипаттаңыз.</p>",
                        "ru": "<p>Не переписывайте текст заключения ПМПК в план. План — конфиденциальный документ: делитесь им только с теми, кто работает с ребёнком, и с семьёй, и описывайте в нём не диагнозы, а потребности, цели и поддержку.</p>",
                        "en": "<p>Do not copy the text of the PMPC conclusion into the plan. The plan is a confidential document: share it only with the people who work with the child and with the family, and describe needs, goals and support in it rather than diagnoses.</p>",
                    },
                ),
            ],
        },
        {
            "key": "team-family-review",
            "title": {
                "kk": "Рөлдер, отбасы және қайта қарау циклі",
                "ru": "Роли, семья и цикл пересмотра",
                "en": "Roles, the family and the review cycle",
            },
            "minutes": 30,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Кім не істейді",
                        "ru": "Кто что делает",
                        "en": "Who does what",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Жеке оқу жоспары әркім өз рөлін білгенде ғана жұмыс істейді. Мұны жоспарға жазыңыз:</p><ul><li><strong>Бастауыш сынып және пән мұғалімдері</strong> сабақтарды бейімдейді және өз пәні бойынша мақсаттарға қарай жетістікті бағалайды.</li><li><strong>Тьютор</strong> баланы күн сайын сүйемелдейді, келісілген бейімдеулерді қолданады және қарапайым жазбалар жүргізеді.</li><li><strong>Мамандар</strong> жеке және топтық сабақтар өткізеді, мұғалімдер мен тьюторға кеңес береді, өз саласы бойынша жетістікті қадағалайды.</li><li><strong>Үйлестіруші</strong> (көбіне арнайы педагог немесе директордың орынбасары) кездесулерді ұйымдастырып, жоспардың өзекті болуын қадағалайды.</li><li><strong>Отбасы</strong> ақпаратпен бөліседі, келісілген дағдыларды үйде бекітеді және шешім қабылдауға қатысады.</li><li><strong>Мектеп басшысы</strong> уақыт, кадр және ресурс бөледі.</li></ul>",
                        "ru": "<p>Индивидуальный учебный план работает, только если каждый знает свою роль. Запишите это в план:</p><ul><li><strong>Учителя начальных классов и учителя-предметники</strong> адаптируют уроки и оценивают продвижение к целям по своим предметам.</li><li><strong>Тьютор</strong> ежедневно сопровождает ребёнка, применяет согласованные адаптации и ведёт простые записи.</li><li><strong>Специалисты</strong> проводят индивидуальные и групповые занятия, консультируют учителей и тьютора, отслеживают продвижение в своей области.</li><li><strong>Координатор</strong> (часто специальный педагог или заместитель директора) организует встречи и следит за актуальностью плана.</li><li><strong>Семья</strong> делится информацией, закрепляет согласованные навыки дома и участвует в принятии решений.</li><li><strong>Руководитель школы</strong> обеспечивает время, кадры и ресурсы.</li></ul>",
                        "en": "<p>An individual education plan works only if everyone knows their part. Write it into the plan:</p><ul><li><strong>Class teachers and subject teachers</strong> adapt lessons and assess progress towards the goals in their subjects.</li><li><strong>The tutor</strong> supports the child daily, applies the agreed adaptations and keeps simple records.</li><li><strong>Specialists</strong> run individual and group sessions, advise teachers and the tutor, and monitor progress in their area.</li><li><strong>The coordinator</strong> (often the special educator or a deputy director) organises meetings and keeps the plan up to date.</li><li><strong>The family</strong> shares information, practises agreed skills at home and takes part in decisions.</li><li><strong>The school leader</strong> provides time, staff and resources.</li></ul>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Отбасы — серіктес",
                        "ru": "Семья как партнёр",
                        "en": "The family as partners",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Ата-аналарды жоспар жазылып болғаннан кейін қол қоюға ғана емес, оны әзірлемес бұрын шақырыңыз. Оларға ыңғайлы кездесу уақытын келісіңіз, кәсіби терминдерсіз қарапайым тілде сөйлеңіз және баланың жақсы істей алатын нәрселерінен бастаңыз. «Осы тоқсанда Сіз үшін ең маңыздысы не?» деп сұраңыз. Жоспардың көшірмесін отбасына беріңіз және байланыс тәсілін келісіңіз, мысалы, апта сайын қысқа хабарлама. Ата-аналар келіспесе, олардың уәжін тыңдаңыз: олар баланы Сіз ешқашан көрмейтін жағдайларда біледі.</p>",
                        "ru": "<p>Приглашайте родителей до того, как план написан, а не только для подписи. Договоритесь об удобном для них времени встречи, говорите простым языком без профессиональных терминов и начинайте с того, что у ребёнка получается хорошо. Спросите: «Что для вас важнее всего в этой четверти?» Дайте семье копию плана и договоритесь, как будете поддерживать связь, например коротким сообщением раз в неделю. Если родители не согласны, выслушайте их доводы: они знают ребёнка в ситуациях, которых вы никогда не видите.</p>",
                        "en": "<p>Invite parents before the plan is written, not only to sign it. Agree a meeting time that suits them, use plain language without professional jargon, and start with what the child does well. Ask: «What matters most to you this quarter?» Give the family a copy of the plan and agree how you will keep in touch, for example a short message every week. If parents disagree, listen to their reasons: they know the child in situations you never see.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Әр тоқсан сайын қайта қарау",
                        "ru": "Пересмотр каждую четверть",
                        "en": "Review every quarter",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Жоспарды командамен және отбасымен кемінде тоқсанына бір рет, ал маңызды өзгеріс болса, ертерек қайта қараңыз. Әр мақсат бойынша деректерге қараңыз: мақсатқа жетті, ілгерілеу бар немесе ілгерілеу жоқ. Мақсатқа жетсе, келесісін қойыңыз; ілгерілеу болмаса, баланың сыныптағы орнын емес, қолдауды немесе мақсатты өзгертіңіз. Шешімдерді, күнін және жауапты адамды жазып қойыңыз. Оқу жылының соңында қайта қарау нәтижелерін келесі жылға дайындалу үшін және қажет болса, ПМПК-да қайта тексерілуге дайындық үшін пайдаланыңыз.</p>",
                        "ru": "<p>Пересматривайте план вместе с командой и семьёй не реже раза в четверть, а при важных изменениях — раньше. По каждой цели смотрите на данные: цель достигнута, есть продвижение или продвижения нет. Если цель достигнута, ставьте следующую; если продвижения нет, меняйте поддержку или цель, а не место ребёнка в классе. Записывайте решения, дату и ответственного. В конце учебного года используйте результаты пересмотров для подготовки к следующему году и, если нужно, к повторному обследованию на ПМПК.</p>",
                        "en": "<p>Review the plan with the team and the family at least once a quarter, and sooner if something important changes. For each goal, look at the evidence: achieved, progressing or not progressing. If a goal is achieved, set the next one; if there is no progress, change the support or the goal, not the child's place in the class. Record the decisions, the date and who is responsible. At the end of the school year, use the reviews to prepare for the next year and, if needed, for a repeat PMPC assessment.</p>",
                    },
                ),
                (
                    "callout",
                    "tip",
                    {
                        "kk": "<p>Мұғалімдер үшін жоспардың бір беттік қысқаша нұсқасын дайындаңыз: басымдықтар, оқушының осы пән бойынша мақсаттары және үш негізгі бейімдеу. 30 оқушысы бар мұғалім бір бетті оқиды, ал он бетті оқымауы мүмкін.</p>",
                        "ru": "<p>Подготовьте для учителей краткую версию плана на одной странице: приоритеты, цели ученика по их предмету и три ключевые адаптации. Учитель, у которого 30 учеников, прочитает одну страницу, а десять может и не прочитать.</p>",
                        "en": "<p>Prepare a one-page summary of the plan for teachers: the priorities, the pupil's goals in their subject and three key adaptations. A teacher with 30 pupils will read one page; they may not read ten.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Жеке оқу жоспарын әзірлеу туралы үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз.</p>",
                        "ru": "<p>Ответьте на три вопроса о разработке индивидуального учебного плана. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу.</p>",
                        "en": "<p>Answer three questions about writing an individual education plan. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Жеке оқу жоспары: білімді тексеру",
                            "ru": "Индивидуальный учебный план: проверка знаний",
                            "en": "Individual education plan: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Жоспарды әзірлеуде ПМПК ұсынымдарының рөлі қандай?",
                                    "ru": "Какую роль играют рекомендации ПМПК при разработке плана?",
                                    "en": "What role do the PMPC recommendations play in writing the plan?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Олар — жоспардың өзі; мектеп оларды жай ғана көшіреді.",
                                            "ru": "Они и есть план; школа просто их переписывает.",
                                            "en": "They are the plan; the school simply copies them.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Ұсынымдар бағдарлама мен жағдайларды белгілейді; мектеп командасы оларды бәрібір нақты мақсаттар мен қолдауға айналдыруы керек.",
                                            "ru": "Рекомендации определяют программу и условия; школьной команде всё равно нужно превратить их в конкретные цели и поддержку.",
                                            "en": "The recommendations set out the programme and conditions; the school team still has to turn them into concrete goals and support.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Мектеп командасы нақты мақсаттарға, бейімдеулер мен қолдауға айналдыратын маңызды бастапқы дерек.",
                                            "ru": "Важная исходная информация, которую школьная команда превращает в конкретные цели, адаптации и поддержку.",
                                            "en": "An essential input that the school team turns into concrete goals, adaptations and support.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. ПМПК ұсынымдары — бастапқы нүкте, ал жоспар оларды осы мектепте және осы тоқсанда іске асырады.",
                                            "ru": "Верно. Рекомендации ПМПК — отправная точка, а план воплощает их в этой школе и в этой четверти.",
                                            "en": "Correct. The PMPC recommendations are the starting point; the plan makes them work in this school and this quarter.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Команда келіспесе, елемеуге болатын қосымша ақпарат.",
                                            "ru": "Необязательная информация, которую можно не учитывать, если команда не согласна.",
                                            "en": "Optional information that can be ignored if the team disagrees.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Ұсынымдарды ескеру міндетті. Команда жаңа қажеттіліктерді байқаса, оларды құжаттап, қажет болған жағдайда ПМПК-да қайта тексерілу мәселесін отбасымен талқылайды.",
                                            "ru": "Рекомендации необходимо учитывать. Если команда видит новые потребности, она фиксирует их и при необходимости обсуждает с семьёй повторное обследование на ПМПК.",
                                            "en": "The recommendations must be taken into account. If the team sees new needs, it documents them and, where needed, discusses a PMPC reassessment with the family.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Қай мақсат SMART түрінде жазылған?",
                                    "ru": "Какая цель сформулирована по SMART?",
                                    "en": "Which goal is written in SMART form?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Оқушының мінез-құлқы жақсарады.",
                                            "ru": "Поведение ученика улучшится.",
                                            "en": "The pupil's behaviour will improve.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бұл мақсат нақты да, өлшенетін де емес, оның мерзімі де жоқ.",
                                            "ru": "Эта цель не конкретна, не измерима и не имеет срока.",
                                            "en": "This goal is not specific or measurable and has no time frame.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Тоқсанның соңына дейін оқушы карточка немесе сөз тіркесі арқылы күніне кемінде екі рет көмек сұрайды; бұл бес күннің төртеуінде орындалады, оны тьютор тіркейді.",
                                            "ru": "К концу четверти ученик просит о помощи с помощью карточки или фразы не реже двух раз в день, в четыре дня из пяти, по записям тьютора.",
                                            "en": "By the end of the quarter, the pupil will ask for help using a card or a phrase at least twice a day on four days out of five, as recorded by the tutor.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Мақсатта әрекет, критерий, мерзім және өлшеу тәсілі көрсетілген.",
                                            "ru": "Верно. В цели указаны действие, критерий, срок и способ измерения.",
                                            "en": "Correct. It states the behaviour, the criterion, the time frame and how it will be measured.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Оқушы логопедпен оқу бойынша жұмыс істейді.",
                                            "ru": "Ученик будет заниматься чтением с логопедом.",
                                            "en": "The pupil will work on reading with the speech therapist.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бұл нәтижені емес, іс-әрекетті сипаттайды: баланың неге қол жеткізетінін емес, ересектердің не істейтінін айтады.",
                                            "ru": "Это описание деятельности, а не результата: сказано, что будут делать взрослые, а не чего достигнет ребёнок.",
                                            "en": "This describes an activity, not an outcome: it says what adults will do, not what the child will achieve.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Оқушы 3-сыныптың бүкіл математикасын меңгереді.",
                                            "ru": "Ученик освоит всю математику 3 класса.",
                                            "en": "The pupil will learn all of Year 3 mathematics.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бір мақсат ретінде бұл тым кең: оны бір тоқсанда орындау да, өлшеу де мүмкін емес.",
                                            "ru": "Для одной цели это слишком широко: её невозможно ни достичь, ни измерить за одну четверть.",
                                            "en": "As a single goal this is too broad: it can be neither achieved nor measured in one quarter.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Отбасын жоспармен жұмысқа тартуға қандай тәсілдер көмектеседі? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Какие приёмы помогают вовлечь семью в работу над планом? Выберите все верные ответы.",
                                    "en": "Which practices help to involve the family in the plan? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Ата-аналарды жоспар жазылмай тұрып шақырып, олардың басымдықтарын сұрау.",
                                            "ru": "Приглашать родителей до написания плана и спрашивать об их приоритетах.",
                                            "en": "Inviting parents before the plan is written and asking about their priorities.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Жоспарды бірге құрған ата-аналар оны үйде қолдауға бейім болады.",
                                            "ru": "Да. Родители, которые участвовали в составлении плана, охотнее поддерживают его дома.",
                                            "en": "Yes. Parents who help shape the plan are more likely to support it at home.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Қарапайым тілде сөйлеп, баланың күшті жақтарынан бастау.",
                                            "ru": "Говорить простым языком и начинать с сильных сторон ребёнка.",
                                            "en": "Using plain language and starting with the child's strengths.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Бұл сенім орнатады және әңгімені түсінікті етеді.",
                                            "ru": "Да. Это создаёт доверие и делает разговор понятным.",
                                            "en": "Yes. This builds trust and makes the discussion understandable.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Дайын жоспарды үйге тек қол қою үшін жіберу.",
                                            "ru": "Отправлять готовый план домой только на подпись.",
                                            "en": "Sending the finished plan home for a signature only.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Талқылаусыз қол қою серіктестік емес, ал жоспар отбасы білетін маңызды ақпараттан айырылады.",
                                            "ru": "Подпись без обсуждения — не партнёрство, и план теряет то, что знает семья.",
                                            "en": "A signature without discussion is not partnership, and the plan loses what the family knows.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Байланыстың тәсілі мен жиілігін келісу.",
                                            "ru": "Договориться, как и как часто поддерживать связь.",
                                            "en": "Agreeing how and how often you will keep in touch.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Тұрақты әрі келісілген байланыс қайта қарау кездесулерінің арасында да отбасының белсенділігін сақтайды.",
                                            "ru": "Да. Регулярная согласованная связь сохраняет вовлечённость семьи между пересмотрами.",
                                            "en": "Yes. Regular, agreed contact keeps the family involved between reviews.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 25,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Курста үйренгеніңізді өз құжаттарыңызға қолданып көріңіз. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Примените то, чему вы научились, к своим документам. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Apply what you have learned to your own documents. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "Өзіңіз жазған немесе әзірлеуге қатысқан жоспардан бір мақсатты алыңыз (баланың атын және оны танытатын мәліметтерді көрсетпей). Оны SMART мақсат ретінде қайта жазыңыз және оны кім қолдайтынын, жетістік қалай өлшенетінін және отбасы қалай тартылатынын сипаттаңыз.",
                            "ru": "Возьмите одну цель из плана, который вы написали или в разработке которого участвовали (без имени ребёнка и сведений, по которым его можно узнать). Переформулируйте её как SMART-цель и опишите, кто будет её поддерживать, как будет измеряться продвижение и как будет вовлечена семья.",
                            "en": "Take one goal from a plan you have written or contributed to (without the child's name or any identifying details). Rewrite it as a SMART goal, and describe who will support it, how progress will be measured and how the family will be involved.",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Диагноздарды және ПМПК қорытындысының мәтінін келтірмеңіз.</p><ul><li>Бастапқы мақсат қандай еді және онда не жетіспеді?</li><li>Жаңа мақсаттың әр бөлігі SMART-тың қай талабына сай келеді?</li><li>Мақсатқа жету үшін қандай бейімдеулер мен қолдау қажет және олар үшін кім жауапты?</li><li>Отбасы мақсатты талқылауға және дағдыны үйде бекітуге қалай қатысады?</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не приводите диагнозы и текст заключения ПМПК.</p><ul><li>Какой была исходная цель и чего в ней не хватало?</li><li>Какому критерию SMART соответствует каждая часть новой цели?</li><li>Какие адаптации и поддержка нужны для достижения цели и кто за них отвечает?</li><li>Как семья участвует в обсуждении цели и в закреплении навыка дома?</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not quote diagnoses or the text of the PMPC conclusion.</p><ul><li>What was the original goal, and what was missing from it?</li><li>Which SMART criterion does each part of the new goal meet?</li><li>Which adaptations and support are needed to reach the goal, and who is responsible for them?</li><li>How does the family take part in discussing the goal and practising the skill at home?</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 7. Methodologists
# ---------------------------------------------------------------------------

_METHODOLOGIST_SUPPORT = {
    "key": "methodologist-support",
    "audiences": [("methodologist", None, True)],
    "academic_hours": 10,
    "provider": _PROVIDER,
    "title": {
        "kk": "Сабақты бақылау және кері байланыс арқылы мұғалімдерді қолдау",
        "ru": "Поддержка учителей через наблюдение уроков и обратную связь",
        "en": "Supporting teachers through observation and feedback",
    },
    "summary": {
        "kk": "Әдіскерлер мен супервизорларға: бақылаудың фокусын келісу, баға емес, дәлел жазу, бір-екі келісілген іс-әрекетке әкелетін кері байланыс әңгімесін жүргізу және олардың орындалуын қадағалау.",
        "ru": "Для методистов и супервизоров: как согласовать фокус наблюдения, фиксировать факты, а не оценки, проводить беседу с обратной связью, которая заканчивается одним-двумя согласованными действиями, и отслеживать их выполнение.",
        "en": "For methodologists and supervisors: agree an observation focus, record evidence instead of judgements, hold feedback conversations that lead to one or two agreed action points, and follow them up.",
    },
    "description": {
        "kk": "<p>Бұл курс инклюзивті сыныптарда жұмыс істейтін мұғалімдер мен тьюторларды қолдайтын әдіскерлерге, соның ішінде супервизия жылы бойы супервизор қызметін атқаратындарға арналған. Сіз бақылауды мұғаліммен бірге дайындауды, фокус таңдауды және сабақта болып жатқанды баға ретінде емес, дәлел ретінде тіркеуді үйренесіз.</p><p>Сондай-ақ мұғалімнің өзі көбірек ойланатын кері байланыс әңгімесін жүргізуді, жауаптысы мен мерзімі көрсетілген анық іс-әрекеттерді келісуді және тәжірибе шынымен өзгеруі үшін келесі сапарда олардың орындалуын қадағалауды меңгересіз.</p>",
        "ru": "<p>Этот курс предназначен для методистов, которые поддерживают учителей и тьюторов в инклюзивных классах, в том числе для тех, кто в течение года супервизии выполняет роль супервизора. Вы научитесь готовить наблюдение вместе с учителем, выбирать фокус и фиксировать происходящее на уроке как факты, а не как оценки.</p><p>Вы также научитесь проводить беседу с обратной связью, в которой больше всего размышляет сам учитель, согласовывать чёткие действия с ответственным и сроком и проверять их выполнение на следующем визите, чтобы практика действительно менялась.</p>",
        "en": "<p>This course is for methodologists who support teachers and tutors in inclusive classes, including those who act as supervisors during the supervision year. You will learn to prepare an observation together with the teacher, to choose a focus, and to record what happens in the lesson as evidence rather than as judgement.</p><p>You will also learn to hold a feedback conversation in which the teacher does most of the thinking, to agree clear action points with an owner and a date, and to follow them up at the next visit so that practice actually changes.</p>",
    },
    "sequential": True,
    "modules": [
        {
            "key": "observation",
            "title": {
                "kk": "Фокусы бар бақылау: баға емес, дәлел",
                "ru": "Наблюдение с фокусом: факты, а не оценки",
                "en": "Focused observation: evidence, not judgement",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Мақсат пен фокусты келісіңіз",
                        "ru": "Согласуйте цель и фокус",
                        "en": "Agree the purpose and the focus",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Бақылау — тексеру емес, мұғалімнің кәсіби дамуына қолдау. Сабаққа дейін мұғаліммен он минут сөйлесіңіз: сабақ не туралы, қай оқушыларға қолдау қажет және мұғалім Сіздің неге назар аударғаныңызды қалайды? Бір фокусты келісіңіз, мысалы:</p><ul><li>нұсқаулар қалай беріледі және ЕБҚ бар оқушы тапсырманы бастай ала ма;</li><li>мұғалім мен тьютор жұмысты қалай бөліседі;</li><li>ЕБҚ бар оқушы жалпы сыныптық талқылауға және топтық жұмысқа қаншалықты жиі тартылады.</li></ul><p>Нақты фокус жазбаларыңызды пайдалы етеді және мұғалімге Сіздің оның өзі үшін маңызды мәселеде көмектесуге келгеніңізді көрсетеді.</p>",
                        "ru": "<p>Наблюдение — это поддержка профессионального развития учителя, а не проверка. До урока поговорите с учителем десять минут: о чём урок, каким ученикам нужна поддержка, на что учитель хотел бы, чтобы вы обратили внимание? Согласуйте один фокус, например:</p><ul><li>как даются инструкции и может ли ученик с ООП начать выполнять задание;</li><li>как учитель и тьютор распределяют работу;</li><li>как часто ученик с ООП включается в общеклассное обсуждение и групповую работу.</li></ul><p>Чёткий фокус делает ваши записи полезными и показывает учителю, что вы пришли помочь с тем, что важно для него самого.</p>",
                        "en": "<p>An observation is support for the teacher's professional development, not an inspection. Before the lesson, spend ten minutes with the teacher: what is the lesson about, which pupils need support, and what would the teacher like you to look at? Agree one focus, for example:</p><ul><li>how instructions are given and whether a pupil with SEN can start the task;</li><li>how the teacher and the tutor share the work;</li><li>how often a pupil with SEN is involved in whole-class discussion and group work.</li></ul><p>A clear focus makes your notes useful and shows the teacher that you are there to help with something that matters to them.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Бағаны емес, дәлелді жазыңыз",
                        "ru": "Записывайте факты, а не оценки",
                        "en": "Record evidence, not judgements",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Көргеніңіз бен естігеніңізді уақытын көрсетіп жазыңыз: мұғалім не айтты, оқушылар не істеді, тапсырма қанша уақыт алды. Сандар әсіресе нанымды: «40 минут ішінде мұғалім оқушыға тікелей екі сұрақ қойды, екеуі де алғашқы он минутта». Жазбаларда «жақсы», «әлсіз», «ретсіз» сияқты бағалау сөздерін қолданбаңыз: олар әңгімені тұйыққа тірейді және оларды тексеру мүмкін емес. Салыстырыңыз:</p><ul><li>Баға: «ЕБҚ бар оқушыға көңіл бөлінбеді».</li><li>Дәлел: «10:15-тен 10:35-ке дейін оқушы тек тьютормен жұмыс істеді; онымен мұғалім де, сыныптастары да сөйлескен жоқ».</li></ul><p>Түсіндіру кейін, мұғаліммен әңгіме барысында жасалады.</p>",
                        "ru": "<p>Записывайте то, что видите и слышите, с указанием времени: что сказал учитель, что делали ученики, сколько времени заняло задание. Особенно убедительны подсчёты: «За 40 минут учитель задал ученику два прямых вопроса, оба — в первые десять минут». Избегайте в записях оценочных слов — «хорошо», «слабо», «хаотично»: они закрывают разговор, и их невозможно проверить. Сравните:</p><ul><li>Оценка: «Ученика с ООП игнорировали».</li><li>Факт: «С 10:15 до 10:35 ученик работал только с тьютором; ни учитель, ни одноклассники к нему не обращались».</li></ul><p>Интерпретация — позже, в разговоре с учителем.</p>",
                        "en": "<p>Write down what you see and hear, with times: what the teacher said, what pupils did, how long a task took. Counts are especially powerful: «In 40 minutes the teacher asked the pupil two direct questions, both in the first ten minutes.» Avoid judgement words such as «good», «weak» or «chaotic» in your notes: they close down the conversation and cannot be checked. Compare:</p><ul><li>Judgement: «The pupil with SEN was ignored.»</li><li>Evidence: «From 10:15 to 10:35 the pupil worked only with the tutor; neither the teacher nor classmates spoke to the pupil.»</li></ul><p>Interpretation comes later, in conversation with the teacher.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Жеке деректерді қорғаңыз",
                        "ru": "Защищайте персональные данные",
                        "en": "Protect privacy",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Жазбаларыңызда оқушыларды аты бойынша емес, орны немесе рөлі бойынша атаңыз («терезе жанындағы алдыңғы партадағы оқушы», «А оқушысы») және диагноздарды жазбаңыз. Бұл ереже супервизия жүйесіне енгізетін барлық мәліметке де қатысты.</p>",
                        "ru": "<p>В записях называйте учеников не по имени, а по месту или роли («ученик за первой партой у окна», «ученик А») и не записывайте диагнозы. Это же правило действует для всего, что вы вносите в систему супервизии.</p>",
                        "en": "<p>In your notes, refer to pupils by position or role («the pupil at the front desk by the window», «pupil A»), never by name, and do not record diagnoses. The same rule applies to everything you enter in the supervision system.</p>",
                    },
                ),
                (
                    "callout",
                    "tip",
                    {
                        "kk": "<p>Бетті екі бағанға бөліңіз: сол жағында — уақыт және байқағаныңыз, оң жағында — мұғалімге қойғыңыз келетін сұрақтар. Осылайша дәлел мен түсіндіру бір-бірімен араласпайды.</p>",
                        "ru": "<p>Разделите страницу на две колонки: слева — время и то, что вы наблюдали, справа — вопросы, которые вы хотите задать учителю. Так факты и интерпретации не смешиваются.</p>",
                        "en": "<p>Divide your page into two columns: on the left, the time and what you observed; on the right, the questions you want to ask the teacher. This keeps evidence and interpretation apart.</p>",
                    },
                ),
            ],
        },
        {
            "key": "feedback",
            "title": {
                "kk": "Кері байланыс әңгімесі, іс-әрекеттер және олардың орындалуы",
                "ru": "Беседа с обратной связью, согласованные действия и их выполнение",
                "en": "Feedback conversations, action points and follow-up",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Үкім емес, әңгіме",
                        "ru": "Разговор, а не вердикт",
                        "en": "A conversation, not a verdict",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Кері байланыс әңгімесін сабақтан кейін көп кешіктірмей — сол күні немесе келесі күні — оңаша жерде өткізіңіз. Қарапайым құрылым жақсы нәтиже береді:</p><ol><li>Алдымен мұғалімнен сұраңыз: «Сіз алаңдаған оқушы үшін сабақ қалай өтті? Нені байқадыңыз?»</li><li>Келісілген фокус бойынша дәлелдеріңізбен бөлісіңіз: уақыт, сандар, дәйексөздер.</li><li>Мұғалімге оларды талдауға көмектесетін сұрақтар қойыңыз: «Сіздің ойыңызша, 10:20-да не өзгерді?»</li><li>Нақты дәлелдерге сүйеніп, не жақсы шыққанын атап өтіңіз.</li><li>Келесі жолы нені байқап көретініңізді келісіңіз.</li></ol><p>Мұғалім кем дегенде Сізбен бірдей сөйлеуі керек. Мұғалімнің өзі жеткен тұжырымдар сырттан берілген кеңеске қарағанда тәжірибені әлдеқайда жиі өзгертеді.</p>",
                        "ru": "<p>Проводите беседу вскоре после урока — в тот же или на следующий день — в спокойном месте без посторонних. Хорошо работает простая структура:</p><ol><li>Сначала спросите учителя: «Как прошёл урок для ученика, о котором вы беспокоились? Что вы заметили?»</li><li>Поделитесь фактами по согласованному фокусу: время, подсчёты, цитаты.</li><li>Задавайте вопросы, которые помогают учителю их проанализировать: «Как вы думаете, что изменилось в 10:20?»</li><li>Отметьте, что получилось, опираясь на конкретные факты.</li><li>Договоритесь, что попробовать дальше.</li></ol><p>Учитель должен говорить не меньше вас. Выводы, к которым учитель пришёл сам, меняют практику гораздо чаще, чем советы со стороны.</p>",
                        "en": "<p>Hold the feedback conversation soon after the lesson, on the same day or the next, in a private place. A simple structure works well:</p><ol><li>Ask the teacher first: «How did the lesson go for the pupil you were concerned about? What did you notice?»</li><li>Share your evidence on the agreed focus: times, counts, quotations.</li><li>Ask questions that help the teacher analyse it: «What do you think changed at 10:20?»</li><li>Recognise what worked, with specific evidence.</li><li>Agree what to try next.</li></ol><p>The teacher should speak at least as much as you do. Conclusions the teacher reaches on their own change practice far more often than advice from outside.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Бір-екі іс-әрекетті келісіңіз",
                        "ru": "Согласуйте одно-два действия",
                        "en": "Agree one or two action points",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Іс-әрекет нақты болуы, оның жауаптысы мен мерзімі болуы және оның орындалғанын екеуіңіз қалай білетініңізді көрсетуі керек. Мысалы: «Дүйсенбіден бастап 4-сыныптағы барлық сабақта мұғалім әр тапсырманың нұсқауын ауызша да, тақтаға жазып та береді; тьютор оқушының тапсырманы екі минут ішінде бастаған-бастамағанын белгілеп отырады. Нәтижесін келесі сапарда, 15 қарашада, қараймыз». Бір-екі іс-әрекет жеткілікті: он іс-әрекеттен тұратын тізім іс жүзінде бірде-біреуі орындалмайтын тізім болып шығады.</p>",
                        "ru": "<p>Согласованное действие конкретно, у него есть ответственный и срок, и в нём сказано, как вы оба поймёте, что оно выполнено. Например: «С понедельника на всех уроках в 4 классе учитель даёт инструкцию к каждому заданию и устно, и письменно на доске; тьютор отмечает, начинает ли ученик выполнять задание в течение двух минут. Итоги обсуждаем на следующем визите 15 ноября». Одного-двух действий достаточно: из списка в десять пунктов на деле не выполняется ни один.</p>",
                        "en": "<p>An action point is specific, has an owner and a date, and says how you will both know it has happened. For example: «From Monday, in all Year 4 lessons, the teacher will give the instruction for each task both orally and in writing on the board; the tutor will note whether the pupil starts the task within two minutes. Review at the next visit on 15 November.» One or two action points are enough: in practice, a list of ten is a list of none.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Орындалуын қадағалаңыз",
                        "ru": "Отслеживайте выполнение",
                        "en": "Follow up",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Келесі сапарды ашық іс-әрекеттерді талқылаудан бастаңыз: не орындалды, оқушылар үшін не өзгерді, не кедергі болды. Орындалғандарын жабыңыз, ал нәтиже бермегендерін түзетіңіз. Қорытындыны супервизия жүйесіне енгізіңіз және жетістікті мұғаліммен, орынды болса, мектеп басшысымен бірге атап өтіңіз.</p>",
                        "ru": "<p>Начинайте следующий визит с обсуждения открытых действий: что сделано, что изменилось для учеников, что помешало. Закройте выполненные и скорректируйте те, что не сработали. Внесите итог в систему супервизии и отметьте успехи вместе с учителем и, если уместно, с руководителем школы.</p>",
                        "en": "<p>Start the next visit by reviewing the open action points: what was done, what changed for pupils, what got in the way. Close those that are done and adjust those that did not work. Record the outcome in the supervision system, and celebrate progress with the teacher and, where appropriate, the school leader.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Мұғалімдерді бір-бірімен салыстырмаңыз және мұғалімнің келісімінсіз оның сабағы туралы жазбаларды әріптестерімен бөліспеңіз. Сенім — бір жылдық супервизияның негізі.</p>",
                        "ru": "<p>Не сравнивайте учителей друг с другом и не показывайте записи о наблюдении коллегам без согласия учителя. Доверие — основа годовой супервизии.</p>",
                        "en": "<p>Do not compare teachers with each other, and do not share a teacher's observation notes with colleagues without their agreement. Trust is the basis of the year-long supervision.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Сабақты бақылау және кері байланыс туралы үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз.</p>",
                        "ru": "<p>Ответьте на три вопроса о наблюдении уроков и обратной связи. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу.</p>",
                        "en": "<p>Answer three questions about lesson observation and feedback. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Бақылау және кері байланыс: білімді тексеру",
                            "ru": "Наблюдение и обратная связь: проверка знаний",
                            "en": "Observation and feedback: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Қай жазба баға емес, дәлел ретінде жазылған?",
                                    "ru": "Какая запись сделана как факт, а не как оценка?",
                                    "en": "Which note is written as evidence rather than judgement?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Сабақ нашар ұйымдастырылды.",
                                            "ru": "Урок был плохо организован.",
                                            "en": "The lesson was poorly organised.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бұл — баға: оны тексеру мүмкін емес және ол не болғанын көрсетпейді.",
                                            "ru": "Это оценка: её нельзя проверить, и она не показывает, что произошло.",
                                            "en": "This is a judgement: it cannot be checked and does not show what happened.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "10:15-тен 10:35-ке дейін оқушы тек тьютормен жұмыс істеді; мұғалім онымен сөйлескен жоқ.",
                                            "ru": "С 10:15 до 10:35 ученик работал только с тьютором; учитель к нему не обращался.",
                                            "en": "From 10:15 to 10:35 the pupil worked only with the tutor; the teacher did not speak to the pupil.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Мұнда уақыт пен бақыланатын фактілер жазылған; мұғалім оларды талқылап, соларға сүйеніп әрекет ете алады.",
                                            "ru": "Верно. Здесь зафиксированы время и наблюдаемые факты, которые учитель может обсудить и на которые может опереться.",
                                            "en": "Correct. It records times and observable facts that the teacher can discuss and act on.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Мұғалім ЕБҚ бар оқушылармен жұмыс істеуді ұнатпайтыны анық.",
                                            "ru": "Учителю явно не нравится работать с учениками с ООП.",
                                            "en": "The teacher clearly does not like working with pupils with SEN.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бұл — бақылау емес, мұғалімнің сезімдері туралы болжам.",
                                            "ru": "Это предположение о чувствах учителя, а не наблюдение.",
                                            "en": "This is an assumption about the teacher's feelings, not an observation.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Тамаша, қызықты сабақ.",
                                            "ru": "Отличный, увлекательный урок.",
                                            "en": "An excellent, engaging lesson.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Оң баға да мұғалімге нені қайталау керегін көрсетпейді; сабақтың сәтті болуына нақты не әсер еткенін сипаттаңыз.",
                                            "ru": "Даже положительная оценка не подсказывает учителю, что повторить; опишите, что именно сработало.",
                                            "en": "Even a positive judgement does not tell the teacher what to repeat; describe what exactly made it work.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Жақсы тұжырымдалған іс-әрекеттің белгілері қандай? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Каковы признаки хорошо сформулированного действия? Выберите все верные ответы.",
                                    "en": "Which are features of a well-worded action point? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Оны кім орындайтыны көрсетілген.",
                                            "ru": "Указано, кто его выполняет.",
                                            "en": "It names who will carry it out.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Жауаптысы жоқ іс-әрекет ешкімдікі емес.",
                                            "ru": "Да. Действие без ответственного не принадлежит никому.",
                                            "en": "Yes. Without an owner, an action point belongs to no one.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Оның нәтижесін қарау мерзімі белгіленген.",
                                            "ru": "Назначен срок, когда будет обсуждаться его результат.",
                                            "en": "It has a date for review.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Мерзім орындалуын қадағалауға мүмкіндік береді.",
                                            "ru": "Да. Срок делает возможным отслеживание выполнения.",
                                            "en": "Yes. A date makes follow-up possible.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Онда мұғалім жақсартуы керек нәрсенің бәрі тізілген.",
                                            "ru": "В нём перечислено всё, что учителю нужно улучшить.",
                                            "en": "It lists everything the teacher should improve.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Тым көп іс-әрекет күш-жігерді шашыратады; ең маңызды бір-екеуін таңдаңыз.",
                                            "ru": "Слишком много действий распыляет усилия; выберите одно-два самых важных.",
                                            "en": "Too many actions scatter the effort; choose the one or two that matter most.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Оның орындалғанын қалай көретініңіз жазылған.",
                                            "ru": "Сказано, как вы увидите, что оно выполнено.",
                                            "en": "It states how you will see that it has happened.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Табыстың бақыланатын белгісі келесі сапарда әділ қорытынды жасауға мүмкіндік береді.",
                                            "ru": "Да. Наблюдаемый признак успеха позволяет справедливо подвести итог на следующем визите.",
                                            "en": "Yes. An observable sign of success lets you review it fairly at the next visit.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Кері байланыс әңгімесін қалай бастаған дұрыс?",
                                    "ru": "С чего лучше начать беседу с обратной связью?",
                                    "en": "How should a feedback conversation begin?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Әдіскердің сабаққа қойған жалпы бағасынан.",
                                            "ru": "С общей оценки урока, которую ставит методист.",
                                            "en": "With the methodologist's overall grade for the lesson.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бағадан бастау мұғалімді қорғануға мәжбүрлейді және ой қозғауды тоқтатады.",
                                            "ru": "Начало с оценки заставляет учителя защищаться и останавливает размышление.",
                                            "en": "Starting with a grade puts the teacher on the defensive and stops the thinking.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Мұғалімнен келісілген фокус бойынша нені байқағанын сұраудан.",
                                            "ru": "С вопроса к учителю о том, что он заметил по согласованному фокусу.",
                                            "en": "By asking the teacher what they noticed about the agreed focus.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Мұғалімнің көзқарасынан бастау оның жауапкершілігі мен рефлексиясын арттырады.",
                                            "ru": "Верно. Начало с точки зрения учителя усиливает его ответственность и рефлексию.",
                                            "en": "Correct. Starting with the teacher's view builds ownership and reflection.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Ештеңе ұмытылмас үшін қателер тізімінен.",
                                            "ru": "Со списка ошибок, чтобы ничего не забыть.",
                                            "en": "With a list of mistakes, so that nothing is forgotten.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Қателер тізімі әңгімені үкімге айналдырады және сенімді әлсіретеді.",
                                            "ru": "Список ошибок превращает разговор в вердикт и подрывает доверие.",
                                            "en": "A list of mistakes turns the conversation into a verdict and reduces trust.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Басқа мұғалімдердің нені жақсырақ істейтінін айтудан.",
                                            "ru": "С рассказа о том, что другие учителя делают лучше.",
                                            "en": "By telling the teacher what other teachers do better.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Салыстыру сенімге нұқсан келтіреді және мұғалімге өз сабағын талдауға көмектеспейді.",
                                            "ru": "Сравнения подрывают доверие и не помогают учителю анализировать собственный урок.",
                                            "en": "Comparisons damage trust and do not help the teacher analyse their own lesson.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 20,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Өзіңіздің жақындағы бақылауыңызға осы курс тұрғысынан қарап көріңіз. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Посмотрите на своё недавнее наблюдение с точки зрения этого курса. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Look at a recent observation of yours in the light of this course. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "Өзіңіз жүргізген немесе қатысқан жақындағы бір бақылауды не кері байланыс әңгімесін еске түсіріңіз (мұғалімдер мен оқушылардың аттарын атамай). Жазбаларыңыздың қайсысы дәлел, қайсысы баға болды? Іс-әрекеттер қалай тұжырымдалды және олардың орындалуы қадағаланды ма? Келесі бақылауда нені басқаша істейтініңізді сипаттаңыз.",
                            "ru": "Вспомните недавнее наблюдение или беседу с обратной связью, которые вы проводили или в которых участвовали (без имён учителей и учеников). Какие из ваших записей были фактами, а какие — оценками? Как были сформулированы согласованные действия и отслеживалось ли их выполнение? Опишите, что вы сделаете иначе на следующем наблюдении.",
                            "en": "Recall a recent observation or feedback conversation that you led or took part in (without naming teachers or pupils). Which of your notes were evidence and which were judgements? How were the action points worded, and were they followed up? Describe what you will do differently at your next observation.",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Мектепті, мұғалімді немесе оқушыны танытатын мәліметтерді жазбаңыз.</p><ul><li>Бақылаудың фокусы мұғаліммен алдын ала келісілді ме?</li><li>Бағалау түріндегі бір жазбаңызды дәлел түрінде қайта жазыңыз.</li><li>Келісілген іс-әрекеттердің бірін жауаптысы, мерзімі және табыс белгісі болатындай етіп қайта тұжырымдаңыз.</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не указывайте сведения, по которым можно узнать школу, учителя или ученика.</p><ul><li>Был ли фокус наблюдения заранее согласован с учителем?</li><li>Перепишите одну свою оценочную запись как факт.</li><li>Переформулируйте одно из согласованных действий так, чтобы в нём были ответственный, срок и признак успеха.</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not include details that could identify the school, the teacher or a pupil.</p><ul><li>Was the focus of the observation agreed with the teacher in advance?</li><li>Rewrite one of your judgement notes as evidence.</li><li>Reword one of the agreed action points so that it has an owner, a date and a sign of success.</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# 8. School leaders
# ---------------------------------------------------------------------------

_LEADER_INCLUSIVE_SCHOOL = {
    "key": "leader-inclusive-school",
    "audiences": [("school_leader", None, True)],
    "academic_hours": 8,
    "provider": _PROVIDER,
    "title": {
        "kk": "Инклюзивті мектепті басқару",
        "ru": "Управление инклюзивной школой",
        "en": "Leading an inclusive school",
    },
    "summary": {
        "kk": "Директорлар мен олардың орынбасарларына: инклюзивті мәдениет қалыптастыру, сабақ кестесі мен инклюзияны қолдау кабинетінің жұмысын ұйымдастыру, қызметкерлерді дамыту, ата-аналармен және әкімдікпен жұмыс, балаларды атамай инклюзия туралы деректерді пайдалану.",
        "ru": "Для директоров и их заместителей: как формировать инклюзивную культуру, организовать расписание и работу кабинета поддержки инклюзии, развивать педагогов, работать с родителями и акиматом и использовать данные об инклюзии, не называя детей.",
        "en": "For directors and deputy directors: build an inclusive culture, organise the timetable and the Inclusive Education Support Room, develop staff, work with parents and the akimat, and use data on inclusion without naming children.",
    },
    "description": {
        "kk": "<p>Бұл курс мектеп директорлары мен олардың орынбасарларына арналған. Сіз басшының инклюзия мәдениетін қалай қалыптастыратынын, қолдау балаларды негізгі сабақтардан айырмайтындай етіп сабақ кестесін қалай ұйымдастыруға болатынын және инклюзияны қолдау кабинетін бүкіл мектептің ресурсына қалай айналдыруға болатынын білесіз.</p><p>Сондай-ақ қызметкерлерді дамытуды жоспарлайсыз, ата-аналармен және әкімдікпен серіктестік құрасыз, балалардың дербес деректерін қорғай отырып, инклюзияны бақылау және есеп беру үшін жиынтық деректерді пайдалануды үйренесіз.</p>",
        "ru": "<p>Этот курс предназначен для директоров школ и их заместителей. Вы узнаете, как руководитель формирует культуру инклюзии, как составить расписание так, чтобы поддержка не отнимала у детей ключевые уроки, и как сделать кабинет поддержки инклюзии ресурсом для всей школы.</p><p>Вы также спланируете развитие педагогов, выстроите партнёрство с родителями и акиматом и научитесь использовать обобщённые данные для мониторинга инклюзии и отчётности, защищая персональные данные детей.</p>",
        "en": "<p>This course is for school directors and deputy directors. You will learn how a leader shapes the culture of inclusion, how to organise the timetable so that support does not take children out of key lessons, and how to make the Inclusive Education Support Room a resource for the whole school.</p><p>You will also plan staff development, build partnerships with parents and the akimat, and learn to use aggregate data to monitor and report on inclusion while protecting children's personal data.</p>",
    },
    "sequential": False,
    "modules": [
        {
            "key": "culture-organisation",
            "title": {
                "kk": "Мәдениет, сабақ кестесі және қолдау кабинеті",
                "ru": "Культура, расписание и кабинет поддержки",
                "en": "Culture, the timetable and the support room",
            },
            "minutes": 25,
            "completion": "viewed",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Мәдениет басшыдан басталады",
                        "ru": "Культура начинается с руководителя",
                        "en": "Culture starts with the leader",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Ұжым басшының не айтып, не істейтінін мұқият бақылап отырады. Мектеп аумағында тұратын әр бала — біздің оқушымыз, ал ЕБҚ бар балаларды оқыту — бір маманның емес, бүкіл мектептің ісі екенін анық әрі жиі айтыңыз. Құрметті тіл қолданыңыз, буллингке және менсінбеушілік білдіретін сөздерге дереу жауап беріңіз, ЕБҚ бар оқушылардың салтанатты жиындарға, сайыстарға, саяхаттар мен мерекелерге қатысуын қамтамасыз етіңіз. Инклюзивті сыныптардың сабақтарына барып тұрыңыз, мұғалімдерден қандай қолдау қажет екенін сұраңыз және жақсы тәжірибені көпшілік алдында атап өтіңіз.</p>",
                        "ru": "<p>Коллектив внимательно следит за тем, что руководитель говорит и делает. Говорите ясно и часто, что каждый ребёнок, живущий на территории, закреплённой за школой, — наш ученик, а обучение детей с ООП — дело всей школы, а не одного специалиста. Используйте уважительный язык, сразу реагируйте на травлю и пренебрежительные высказывания, обеспечьте участие учеников с ООП в линейках, конкурсах, экскурсиях и праздниках. Бывайте на уроках в инклюзивных классах, спрашивайте учителей, какая поддержка им нужна, и публично отмечайте хорошую практику.</p>",
                        "en": "<p>Staff watch closely what the leader says and does. Say clearly and often that every child living in the school's catchment area is our pupil, and that educating children with SEN is the work of the whole school, not of one specialist. Use respectful language, respond at once to bullying and dismissive remarks, and make sure that pupils with SEN take part in assemblies, competitions, excursions and celebrations. Visit lessons in inclusive classes, ask teachers what support they need, and recognise good practice publicly.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Инклюзияны қолдайтын сабақ кестесі",
                        "ru": "Расписание, которое поддерживает инклюзию",
                        "en": "A timetable that supports inclusion",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<ul><li>Мамандардың сабақтарын оқушы апта сайын бір негізгі пәнді босатып отырмайтындай етіп жоспарлаңыз: уақытын ауыстырып отырыңыз немесе оқушы үшін жоғалтуы ең аз болатын сабақтарды пайдаланыңыз.</li><li>Тьюторлардың кестесін олар сүйемелдейтін оқушылардың кестесіне, соның ішінде үзілістер мен ауысуларға қарай құрыңыз.</li><li>Мұғалімдер, тьюторлар мен мамандардың бірге жоспарлауы үшін аптасына қысқа, тіпті 15–20 минуттық уақыт бөліп, оны басқа істерге жұмсатпаңыз.</li><li>Жеке оқу жоспарларын қайта қарайтын команда кездесулерін әр тоқсанға жоспарлаңыз.</li></ul>",
                        "ru": "<ul><li>Планируйте занятия специалистов так, чтобы ученик не пропускал каждую неделю один и тот же основной предмет: меняйте время или используйте уроки, пропуск которых для ученика наименее ощутим.</li><li>Стройте расписание тьюторов вокруг расписания учеников, которых они сопровождают, включая перемены и переходы.</li><li>Выделите короткое еженедельное время, хотя бы 15–20 минут, для совместного планирования учителей, тьюторов и специалистов и не занимайте его другими делами.</li><li>Запланируйте на каждую четверть встречи команды по пересмотру индивидуальных учебных планов.</li></ul>",
                        "en": "<ul><li>Plan specialist sessions so that a pupil does not miss the same core subject every week: rotate the times, or use lessons where the pupil loses least.</li><li>Build tutors' schedules around the timetables of the pupils they support, including breaks and transitions.</li><li>Set aside a short weekly slot, even 15–20 minutes, for teachers, tutors and specialists to plan together, and do not let other business take it over.</li><li>Schedule team meetings to review individual education plans every quarter.</li></ul>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Инклюзияны қолдау кабинеті",
                        "ru": "Кабинет поддержки инклюзии",
                        "en": "The Inclusive Education Support Room",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Инклюзияны қолдау кабинеті — ЕБҚ бар балалар күні бойы отыратын бөлек сынып емес, бүкіл мектептің ресурсы. Оны мамандардың жоспарланған жеке және топтық сабақтары үшін, қысқа үзіліс қажет оқушыға арналған тыныш орын ретінде, бейімделген материалдарды сақтау және дайындау үшін, мұғалімдер мен ата-аналарға кеңес беру үшін пайдаланыңыз. Нақты кесте мен пайдалану ережесін бекітіп, жауапты адамды тағайындаңыз және кабинетті қанша оқушы мен мұғалім, не үшін және қандай нәтижемен пайдаланатынын тұрақты тексеріп отырыңыз. Мақсат әрдайым біреу: оқушыларға өз сыныбында табысты оқуға көмектесу.</p>",
                        "ru": "<p>Кабинет поддержки инклюзии — ресурс для всей школы, а не отдельный класс, где дети с ООП проводят весь день. Используйте его для запланированных индивидуальных и групповых занятий специалистов, как тихое место для ученика, которому нужен короткий перерыв, для хранения и подготовки адаптированных материалов, для консультаций учителей и родителей. Утвердите понятное расписание и правила пользования, назначьте ответственного и регулярно проверяйте, сколько учеников и учителей пользуются кабинетом, для чего и с каким результатом. Цель всегда одна: помочь ученикам успешно учиться в своём классе.</p>",
                        "en": "<p>The support room is a resource for the whole school, not a separate class where children with SEN spend the day. Use it for planned individual and group sessions with specialists, as a quiet space for a pupil who needs a short break, for storing and preparing adapted materials, and for consultations with teachers and parents. Approve a clear schedule and rules of use, appoint a person responsible, and check regularly how many pupils and teachers use it, for what and with what result. The aim is always the same: to help pupils learn successfully in their own class.</p>",
                    },
                ),
                (
                    "callout",
                    "caution",
                    {
                        "kk": "<p>Егер ЕБҚ бар оқушылар күннің көп бөлігін қолдау кабинетінде өткізсе, мектеп басқа атаумен арнайы сынып құрып қойған болып шығады. Әр жағдайды командамен бірге қарап, оқушының сыныбына біртіндеп оралуын жоспарлаңыз.</p>",
                        "ru": "<p>Если ученики с ООП проводят в кабинете поддержки большую часть дня, значит, школа создала специальный класс под другим названием. Рассмотрите каждый случай вместе с командой и спланируйте постепенное возвращение ученика в класс.</p>",
                        "en": "<p>If pupils with SEN spend most of the day in the support room, the school has created a special class under another name. Review each case with the team and plan the pupil's gradual return to the class.</p>",
                    },
                ),
            ],
        },
        {
            "key": "people-partners-data",
            "title": {
                "kk": "Қызметкерлерді дамыту, серіктестер және деректер",
                "ru": "Развитие педагогов, партнёры и данные",
                "en": "Staff development, partners and data",
            },
            "minutes": 25,
            "completion": "marked_done",
            "body": [
                (
                    "heading",
                    {
                        "kk": "Қызметкерлерді дамыту",
                        "ru": "Развитие педагогов",
                        "en": "Developing staff",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Ұлттық сауалнамаларда мұғалімдердің шамамен 80%-ы ЕБҚ бар балаларды оқытуға қажетті білімдері ең төменгі деңгейде ғана екенін айтады. Әр рөл үшін дамуды жоспарлаңыз: тьюторларға — өз бағыты бойынша курстар, мұғалімдерге, мамандар мен әдіскерлерге — өз курстары, ал бүкіл ұжымға, соның ішінде оқушылармен күн сайын кездесетін әкімшілік, асхана және күзет қызметкерлеріне — қысқа семинарлар. Курстарды мектептегі тәжірибемен ұштастырыңыз: әріптестердің бір-бірінің сабағына қатысуы, инклюзия тақырыбындағы әдістемелік бірлестік отырыстары, жаңа тьюторларға тәлімгерлік және супервизия сапарларынан кейін келісілген іс-әрекеттер. Кімнің қай курсты аяқтағанын қадағалап, инклюзивті білім беруді міндетті біліктілікті арттыру жоспарына енгізіңіз.</p>",
                        "ru": "<p>В национальных опросах около 80% учителей говорят, что у них лишь минимальные знания для обучения детей с ООП. Планируйте развитие для каждой роли: курсы для тьюторов по их направлению, для учителей, специалистов и методистов, а также короткие занятия для всего коллектива, включая администрацию, работников столовой и охраны, которые тоже каждый день встречаются с учениками. Сочетайте курсы с практикой в школе: взаимопосещение уроков, заседания методического объединения по инклюзии, наставничество для новых тьюторов, согласованные действия по итогам визитов супервизии. Отслеживайте, кто какой курс завершил, и включайте инклюзивное образование в план обязательного повышения квалификации.</p>",
                        "en": "<p>In national surveys, around 80% of teachers say they have only minimal knowledge for teaching children with SEN. Plan development for every role: courses for tutors in their area and for teachers, specialists and methodologists, plus short sessions for all staff, including administrators, canteen and security staff, who also meet pupils every day. Combine courses with practice in school: peer observation, methodological association meetings on inclusion, mentoring for new tutors, and the action points agreed after supervision visits. Track who has completed which course, and include inclusive education in the plan of mandatory in-service training.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Ата-аналар және әкімдік",
                        "ru": "Родители и акимат",
                        "en": "Parents and the akimat",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>ЕБҚ бар оқушылардың ата-аналарымен тұрақты кездесіп, оларды жоспарлаудағы серіктес ретінде қабылдаңыз. Барлық ата-анамен инклюзия туралы да сөйлесіңіз: сынып жиналысында мектептің әр оқушыны қалай қолдайтынын түсіндіріп, алаңдаушылықтарға сабырмен жауап беріңіз. Әкімдікпен және білім бөлімімен тек қаржы көзі ретінде емес, серіктес ретінде жұмыс істеңіз. Нақты, дәлелді өтініштер дайындаңыз: мектепте қанша оқушы инклюзияға қамтылған, қандай жағдайлар жетіспейді (пандустар, мамандардың штат бірліктері, жабдық, тасымал, оқыту) және салынған қаражат қандай нәтиже береді. Өкілдерді қолдау кабинетінің жұмысын өз көзімен көруге шақырыңыз.</p>",
                        "ru": "<p>Регулярно встречайтесь с родителями учеников с ООП и относитесь к ним как к партнёрам в планировании. Говорите об инклюзии и со всеми родителями: на классном собрании объясните, как школа поддерживает каждого ученика, и спокойно отвечайте на опасения. Работайте с акиматом и отделом образования как с партнёром, а не только как с источником финансирования. Готовьте ясные, обоснованные запросы: сколько учеников охвачено инклюзией, каких условий не хватает (пандусы, ставки специалистов, оборудование, подвоз, обучение) и какой результат дадут вложения. Приглашайте представителей своими глазами увидеть работу кабинета поддержки.</p>",
                        "en": "<p>Meet the parents of pupils with SEN regularly and treat them as partners in planning. Talk about inclusion with all parents too: at a class meeting, explain how the school supports every pupil, and respond calmly to concerns. Work with the akimat and the education department as a partner, not only as a source of funding. Prepare clear, evidence-based requests: how many pupils are included, which conditions are missing (ramps, specialist posts, equipment, transport, training), and what result the investment will bring. Invite representatives to see the support room at work for themselves.</p>",
                    },
                ),
                (
                    "heading",
                    {
                        "kk": "Балаларды атамай, инклюзия туралы деректер",
                        "ru": "Данные об инклюзии без имён детей",
                        "en": "Data on inclusion without naming children",
                    },
                ),
                (
                    "paragraph",
                    {
                        "kk": "<p>Ілгерілеуді көру және есеп беру үшін жиынтық көрсеткіштерді пайдаланыңыз: инклюзияға қамтылған ЕБҚ бар оқушылар саны, уақтылы қайта қаралған жеке оқу жоспарларының саны, рөлдер бойынша оқытылған қызметкерлер, мамандар өткізген сағаттар, супервизия сапарларынан кейін жабылған іс-әрекеттер. Мұндай деректер есепке енеді; балалардың аты-жөні, диагноздары және ПМПК қорытындылары енбейді. Топ өте шағын болса, мысалы, сыныпта мұндай бір ғана оқушы болса, ешбір бала танылмауы үшін мектеп деңгейінде есеп беріңіз. Дербес деректер туралы заңнаманы сақтаңыз және жеке істерге тек қажет адамдарға ғана қол жеткізуге рұқсат беріңіз.</p>",
                        "ru": "<p>Используйте обобщённые показатели, чтобы видеть продвижение и отчитываться: число учеников с ООП, охваченных инклюзией, число своевременно пересмотренных индивидуальных учебных планов, число обученных сотрудников по ролям, часы, проведённые специалистами, число закрытых действий по итогам визитов супервизии. Таким данным место в отчётах; именам детей, диагнозам и заключениям ПМПК — нет. Если группа очень мала, например в классе один такой ученик, отчитывайтесь на уровне школы, чтобы ни одного ребёнка нельзя было узнать. Соблюдайте законодательство о персональных данных и открывайте доступ к личным делам только тем, кому он необходим.</p>",
                        "en": "<p>Use aggregate figures to see progress and to report: the number of pupils with SEN included, the number of individual education plans reviewed on time, staff trained by role, specialist hours delivered, action points closed after supervision visits. Such data belong in reports; children's names, diagnoses and PMPC conclusions do not. When a group is very small, for example one such pupil in a class, report at school level so that no child can be recognised. Follow the law on personal data, and give access to individual files only to those who need it.</p>",
                    },
                ),
                (
                    "callout",
                    "tip",
                    {
                        "kk": "<p>Оқу жылына үш көрсеткіш таңдаңыз, оларды әр тоқсан сайын командамен талқылаңыз және ұжымға көрсетіңіз: тұрақты өлшеніп, талқыланатын нәрсе жақсарады.</p>",
                        "ru": "<p>Выберите на учебный год три показателя, обсуждайте их с командой каждую четверть и показывайте коллективу: улучшается то, что регулярно измеряется и обсуждается.</p>",
                        "en": "<p>Choose three indicators for the year, discuss them with the team every quarter and share them with staff: what is regularly measured and discussed is what improves.</p>",
                    },
                ),
            ],
        },
        {
            "key": "check",
            "title": {
                "kk": "Өзіңізді тексеріңіз",
                "ru": "Проверьте себя",
                "en": "Check your understanding",
            },
            "minutes": 10,
            "completion": "knowledge_check",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Инклюзивті мектепті басқару туралы үш сұраққа жауап беріңіз. Өту үшін кемінде 70% жинау қажет, үш әрекет жасауға болады. Әр жауаптан кейінгі кері байланысты оқыңыз.</p>",
                        "ru": "<p>Ответьте на три вопроса об управлении инклюзивной школой. Для прохождения нужно набрать не менее 70%, у вас три попытки. Читайте обратную связь к каждому ответу.</p>",
                        "en": "<p>Answer three questions about leading an inclusive school. You need at least 70% to pass, and you have three attempts. Read the feedback on each answer.</p>",
                    },
                ),
                (
                    "check",
                    {
                        "title": {
                            "kk": "Инклюзивті мектепті басқару: білімді тексеру",
                            "ru": "Управление инклюзивной школой: проверка знаний",
                            "en": "Leading an inclusive school: knowledge check",
                        },
                        "pass_mark": 70,
                        "attempts": 3,
                        "questions": [
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Инклюзияны қолдау кабинетінің басты мақсаты қандай?",
                                    "ru": "Какова главная задача кабинета поддержки инклюзии?",
                                    "en": "What is the main purpose of the Inclusive Education Support Room?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "ЕБҚ бар оқушылар оқу күнін өткізетін бөлек сынып болу.",
                                            "ru": "Быть отдельным классом, где ученики с ООП проводят учебный день.",
                                            "en": "To be a separate classroom where pupils with SEN spend the school day.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Бұл басқа атаумен оқшаулау болар еді; кабинет сыныптағы оқуды қолдау үшін керек.",
                                            "ru": "Это была бы сегрегация под другим названием; кабинет нужен, чтобы поддерживать обучение в классе.",
                                            "en": "That would be segregation under another name; the room exists to support learning in the class.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Оқушылар өз сыныбында табысты оқуы үшін мамандардың сабақтарына, қысқа үзілістерге, бейімделген материалдарға және кеңес беруге арналған бүкіл мектептің ресурсы болу.",
                                            "ru": "Быть ресурсом всей школы для занятий специалистов, коротких перерывов, адаптированных материалов и консультаций, чтобы ученики успешно учились в своём классе.",
                                            "en": "To be a whole-school resource for specialist sessions, short breaks, adapted materials and consultations, so that pupils succeed in their own class.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Кабинет оқушыларға, мұғалімдер мен ата-аналарға қызмет етеді, ал оның мақсаты — сыныптағы табысты оқу.",
                                            "ru": "Верно. Кабинет служит ученикам, учителям и родителям, а его цель — успешное обучение в классе.",
                                            "en": "Correct. The room serves pupils, teachers and parents, and its aim is successful learning in the class.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Жоба аясында берілген жабдықты сақтайтын бөлме болу.",
                                            "ru": "Быть помещением для хранения оборудования, полученного по проекту.",
                                            "en": "To be a storeroom for the equipment provided by the project.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Жабдық пайдалану үшін берілген; пайдаланылмайтын кабинет оқушыларға ешқандай пайда әкелмейді.",
                                            "ru": "Оборудование нужно использовать; неиспользуемый кабинет не приносит ученикам никакой пользы.",
                                            "en": "Equipment is there to be used; a room that is not used brings no benefit to pupils.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "multiple",
                                "text": {
                                    "kk": "Әкімдікке ұсынылатын инклюзия туралы есепке қандай деректерді енгізу орынды? Барлық дұрыс жауапты таңдаңыз.",
                                    "ru": "Какие данные уместно включить в отчёт об инклюзии для акимата? Выберите все верные ответы.",
                                    "en": "Which figures are appropriate for a report on inclusion to the akimat? Choose all that apply.",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Мектептегі инклюзияға қамтылған ЕБҚ бар оқушылар саны.",
                                            "ru": "Число учеников с ООП, охваченных инклюзией в школе.",
                                            "en": "The number of pupils with SEN included in the school.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Жиынтық сан ешкімді танытпай, ауқымды көрсетеді.",
                                            "ru": "Да. Обобщённое число показывает масштаб, никого не раскрывая.",
                                            "en": "Yes. An aggregate count shows the scale without identifying anyone.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Мамандарға қажеттілікті негіздеу үшін оқушылардың тізімі және олардың диагноздары.",
                                            "ru": "Список учеников с диагнозами, чтобы обосновать потребность в специалистах.",
                                            "en": "A list of pupils with their diagnoses, to justify the need for specialists.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Аты-жөндер мен диагноздар — дербес деректер, оларды есепке енгізуге болмайды; қажеттіліктерді жиынтық түрде көрсету жеткілікті.",
                                            "ru": "Имена и диагнозы — персональные данные, и им не место в отчётах; достаточно обобщённых данных о потребностях.",
                                            "en": "Names and diagnoses are personal data and must not appear in reports; aggregate figures on needs are enough.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Рөлдер бойынша оқытылған қызметкерлер саны.",
                                            "ru": "Число обученных сотрудников по ролям.",
                                            "en": "The number of staff trained, by role.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Бұл мектептің кадрлық әлеуеті мен оқытуға қажеттілікті көрсетеді.",
                                            "ru": "Да. Это показывает кадровый потенциал и потребности в обучении.",
                                            "en": "Yes. This shows staff capacity and training needs.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Уақтылы қайта қаралған жеке оқу жоспарларының үлесі.",
                                            "ru": "Доля индивидуальных учебных планов, пересмотренных вовремя.",
                                            "en": "The share of individual education plans reviewed on time.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Иә. Бұл — қолдау сапасының жиынтық көрсеткіші.",
                                            "ru": "Да. Это обобщённый показатель качества поддержки.",
                                            "en": "Yes. This is an aggregate indicator of the quality of support.",
                                        },
                                    },
                                ],
                            },
                            {
                                "kind": "single",
                                "text": {
                                    "kk": "Оқушының логопедпен сабақтары кестеде әрдайым математика сабағының уақытына қойылған. Басшы не істеуі керек?",
                                    "ru": "Занятия ученика с логопедом в расписании всегда стоят на уроке математики. Что должен сделать руководитель?",
                                    "en": "A pupil's speech therapy sessions are always timetabled during mathematics. What should the leader do?",
                                },
                                "options": [
                                    {
                                        "text": {
                                            "kk": "Солай қалдыру: маманның сабақтары математикадан маңыздырақ.",
                                            "ru": "Оставить как есть: занятия специалиста важнее математики.",
                                            "en": "Leave it: specialist sessions are more important than mathematics.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Оқушының оқу бағдарламасына құқығы да маңызды; апта сайын бір пәнді босату жаңа олқылықтар тудырады.",
                                            "ru": "Право ученика на учебную программу тоже важно; пропуск одного и того же предмета каждую неделю создаёт новые пробелы.",
                                            "en": "The pupil's right to the curriculum matters too; missing the same subject every week creates new gaps.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Командамен және отбасымен келісіп, сабақ уақытын ауыстырып отыру немесе оқушы ең аз жоғалтатын сабақтарды пайдалану.",
                                            "ru": "По согласованию с командой и семьёй чередовать время занятий или использовать уроки, пропуск которых для ученика наименее ощутим.",
                                            "en": "Rotate the session times, or use lessons where the pupil loses least, as agreed with the team and the family.",
                                        },
                                        "correct": True,
                                        "feedback": {
                                            "kk": "Дұрыс. Мұқият құрылған кесте бір пәнді үнемі жоғалтпай-ақ қолдау алуға мүмкіндік береді.",
                                            "ru": "Верно. Продуманное расписание даёт поддержку без постоянной потери одного предмета.",
                                            "en": "Correct. Careful timetabling provides support without the permanent loss of one subject.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Кестедегі қайшылықты болдырмау үшін логопедтің сабақтарын тоқтату.",
                                            "ru": "Отменить занятия с логопедом, чтобы избежать накладки в расписании.",
                                            "en": "Cancel the speech therapy sessions to avoid the clash.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Оқушыға екеуі де қажет; шешім қолдауды алып тастауда емес, кестеде.",
                                            "ru": "Ученику нужно и то и другое; решение — в расписании, а не в отмене поддержки.",
                                            "en": "The pupil needs both; the solution lies in the timetable, not in removing support.",
                                        },
                                    },
                                    {
                                        "text": {
                                            "kk": "Математика мұғалімінен оқушыға сабақтың орнына үй тапсырмасын беруді сұрау.",
                                            "ru": "Попросить учителя математики давать ученику вместо урока домашнее задание.",
                                            "en": "Ask the mathematics teacher to give the pupil homework instead of the lesson.",
                                        },
                                        "correct": False,
                                        "feedback": {
                                            "kk": "Үй тапсырмасы оқытуды алмастырмайды және мәселені оқушы мен отбасының мойнына аударады.",
                                            "ru": "Домашнее задание не заменяет обучения и перекладывает проблему на ученика и семью.",
                                            "en": "Homework does not replace teaching, and it shifts the problem onto the pupil and the family.",
                                        },
                                    },
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "reflection",
            "title": {
                "kk": "Рефлексия: өз тәжірибеңіз",
                "ru": "Рефлексия: ваша практика",
                "en": "Reflection on your practice",
            },
            "minutes": 25,
            "completion": "reflection",
            "body": [
                (
                    "paragraph",
                    {
                        "kk": "<p>Мектебіңіздің инклюзия жолындағы қазіргі жағдайын бағалап, келесі қадамды жоспарлаңыз. Жауабыңызды курс тренері оқиды.</p>",
                        "ru": "<p>Оцените, где сейчас находится ваша школа на пути к инклюзии, и спланируйте следующий шаг. Ваш ответ прочитает тренер курса.</p>",
                        "en": "<p>Take stock of where your school is on its way to inclusion, and plan the next step. The course trainer will read your answer.</p>",
                    },
                ),
                (
                    "reflection",
                    {
                        "prompt": {
                            "kk": "Мектебіңіздегі инклюзияның қазіргі жағдайын үш бағыт бойынша сипаттаңыз: мәдениет, ұйымдастыру (сабақ кестесі және қолдау кабинеті), серіктестік. Осы тоқсанда қандай бір өзгерісті өзіңіз басқарасыз, оған кім жауапты болады және оның нәтижесін қандай жиынтық көрсеткіш көрсетеді?",
                            "ru": "Опишите нынешнее состояние инклюзии в вашей школе по трём направлениям: культура, организация (расписание и кабинет поддержки), партнёрство. Какое одно изменение вы возглавите в этой четверти, кто будет за него отвечать и какой обобщённый показатель покажет, сработало ли оно?",
                            "en": "Describe the current state of inclusion in your school in three areas: culture, organisation (the timetable and the support room), and partnerships. Which one change will you lead this quarter, who will be responsible for it, and which aggregate indicator will show whether it worked?",
                        },
                        "guidance": {
                            "kk": "<p>150–2000 таңба жазыңыз. Балалардың, ата-аналардың немесе қызметкерлердің аттарын жазбаңыз; тек жиынтық сандарды келтіріңіз.</p><ul><li>Қай бағыт ең күшті, қайсысы ең әлсіз және Сіз мұны неден байқайсыз?</li><li>Таңдаған өзгеріс оқушылардың сыныптағы оқуына қалай әсер етеді?</li><li>Нәтижені ұжымға, ата-аналарға және әкімдікке қалай жеткізесіз?</li></ul>",
                            "ru": "<p>Напишите от 150 до 2000 знаков. Не указывайте имена детей, родителей или сотрудников; приводите только обобщённые цифры.</p><ul><li>Какое направление самое сильное, какое самое слабое и по чему вы это видите?</li><li>Как выбранное изменение повлияет на обучение учеников в классе?</li><li>Как вы сообщите о результате коллективу, родителям и акимату?</li></ul>",
                            "en": "<p>Write 150 to 2,000 characters. Do not name children, parents or staff; use only aggregate figures.</p><ul><li>Which area is strongest and which is weakest, and how can you tell?</li><li>How will the change you chose affect pupils' learning in class?</li><li>How will you communicate the result to staff, parents and the akimat?</li></ul>",
                        },
                        "min": 150,
                        "max": 2000,
                    },
                ),
            ],
        },
    ],
}

# ---------------------------------------------------------------------------

COURSES: list[dict] = [
    _TUTOR_AUTISM,
    _TUTOR_INTELLECTUAL,
    _TUTOR_MOTOR,
    _TUTOR_SENSORY,
    _TEACHER_LESSON,
    _SPECIALIST_IEP,
    _METHODOLOGIST_SUPPORT,
    _LEADER_INCLUSIVE_SCHOOL,
]
