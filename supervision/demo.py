# ruff: noqa: E501  (rubric descriptors and notes are prose in three languages, one per line)
"""The supervision part of the demo programme.

Rubrics for the four session types; a supervision year from 1 September for every demo
school with its supervisors; monthly visits in every state relative to today; realistic
observations of the schools' (invented) staff with notes in Kazakh, Russian and English;
action points open, done, dropped and overdue, reviewed at the following visits.

Deterministic and idempotent: records are looked up by natural keys (rubric by session
type, year by school and start, visit by year and date, observations and action points by
ids derived from those keys), the variety comes from generators seeded per school, and a
second run changes nothing. Children are never named: notes speak of "a pupil".
"""

from __future__ import annotations

import io
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.log_actions import log

from people.demo import PeopleSeedResult
from people.models import RoleMembership, School, User
from people.roles import Role

from . import services
from .models import (
    ActionPoint,
    ActionPointReview,
    Attachment,
    Frequency,
    Observation,
    ObservationScore,
    Rubric,
    RubricVersion,
    SessionType,
    SupervisionYear,
    Visit,
)

NAMESPACE = uuid.UUID("6f1d8a52-3c1e-4d0b-9a57-2b8e6c4f0d11")
State = Visit.State


def _key(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def _t(kk: str, ru: str, en: str) -> dict[str, str]:
    return {"kk": kk, "ru": ru, "en": en}


# --- Rubrics ----------------------------------------------------------------------------------

SCALE = [
    (
        _t("Бастапқы", "Начальный", "Beginning"),
        _t(
            "Тәжірибе әлі байқалмайды немесе кездейсоқ көрінеді.",
            "Практика пока не наблюдается или проявляется случайно.",
            "The practice is not yet seen, or only by chance.",
        ),
    ),
    (
        _t("Дамып келеді", "Развивающийся", "Developing"),
        _t(
            "Тәжірибе кейде байқалады, бірақ тұрақты емес.",
            "Практика проявляется иногда, но непоследовательно.",
            "The practice is seen sometimes, but not consistently.",
        ),
    ),
    (
        _t("Тұрақты", "Устойчивый", "Secure"),
        _t(
            "Тәжірибе тұрақты және көп жағдайда тиімді.",
            "Практика устойчива и в большинстве случаев эффективна.",
            "The practice is consistent and mostly effective.",
        ),
    ),
    (
        _t("Үлгілі", "Образцовый", "Exemplary"),
        _t(
            "Тәжірибе тұрақты, тиімді және әріптестерге үлгі бола алады.",
            "Практика устойчива, эффективна и может служить примером для коллег.",
            "The practice is consistent, effective and a model for colleagues.",
        ),
    ),
]

# session type → (name, [(domain name, [(indicator, [descriptor per level] or [])])])
RUBRICS: dict[str, tuple[dict[str, str], list[tuple[dict[str, str], list[Any]]]]] = {
    SessionType.INCLUSIVE_LESSON: (
        _t(
            "Инклюзивті сыныптағы сабақ",
            "Урок в инклюзивном классе",
            "Lesson in an inclusive class",
        ),
        [
            (
                _t("Оқу ортасы", "Образовательная среда", "Learning environment"),
                [
                    (
                        _t(
                            "Сынып бөлмесі мен материалдар барлық оқушыға қолжетімді",
                            "Класс и материалы доступны каждому ученику",
                            "The classroom and materials are accessible to every pupil",
                        ),
                        [
                            _t(
                                "Отырғызу, жарық және материалдар бейімделмеген; кейбір оқушылар оларды пайдалана алмайды.",
                                "Рассадка, освещение и материалы не адаптированы; некоторые ученики не могут ими пользоваться.",
                                "Seating, light and materials are not adapted; some pupils cannot use them.",
                            ),
                            _t(
                                "Жекелеген бейімдеулер бар, бірақ оларды қажет ететін оқушыларға алдын ала жоспарланбаған.",
                                "Отдельные адаптации есть, но они не спланированы заранее для тех, кому нужны.",
                                "Some adaptations are made, but not planned for the pupils who need them.",
                            ),
                            _t(
                                "Бөлме мен материалдар оқушылардың жеке жоспарындағы қажеттіліктерге бейімделген.",
                                "Класс и материалы адаптированы к потребностям из индивидуальных планов учеников.",
                                "The room and materials are adapted to the needs in the pupils' individual plans.",
                            ),
                            _t(
                                "Оқушылар еркін қозғалып, материалдарды өздері таңдайды; орта қолдау кабинетінің командасымен бірге қайта қаралады.",
                                "Ученики свободно передвигаются и сами выбирают материалы; среда пересматривается вместе с командой кабинета поддержки.",
                                "Pupils move and choose materials on their own; the room is reviewed with the support room team.",
                            ),
                        ],
                    ),
                    (
                        _t(
                            "Әр оқушы сыныптың жұмысына қатысады",
                            "Каждый ученик участвует в работе класса",
                            "Every pupil takes part in the class activity",
                        ),
                        [
                            _t(
                                "ЕБҚ бар оқушы сабақтың көп бөлігінде сыныптан бөлек жұмыс істейді.",
                                "Ученик с ООП большую часть урока работает отдельно от класса.",
                                "A pupil with SEN works apart from the class for most of the lesson.",
                            ),
                            _t(
                                "Оқушы кейбір тапсырмаларға, көбіне тьютордың қасында қатысады.",
                                "Ученик участвует в отдельных заданиях, в основном рядом с тьютором.",
                                "The pupil joins some activities, mostly with the tutor beside them.",
                            ),
                            _t(
                                "Оқушы тапсырмалардың көбіне жоспарланған қолдаумен қатысады.",
                                "Ученик участвует в большинстве заданий с запланированной поддержкой.",
                                "The pupil takes part in most activities with planned support.",
                            ),
                            _t(
                                "Оқушы барлық тапсырмаға қатысады, сыныптастарымен жұпта және топта жұмыс істейді.",
                                "Ученик участвует во всех заданиях, работает с одноклассниками в парах и группах.",
                                "The pupil takes part in everything and works with classmates in pairs and groups.",
                            ),
                        ],
                    ),
                ],
            ),
            (
                _t("Саралап оқыту", "Дифференцированное обучение", "Differentiated teaching"),
                [
                    (
                        _t(
                            "Тапсырмалар оқушының жеке жоспарына бейімделген",
                            "Задания адаптированы к индивидуальному плану ученика",
                            "Tasks are adapted to the pupil's individual plan",
                        ),
                        [
                            _t(
                                "Барлық оқушы бірдей тапсырма алады; бейімдеу жоспарланбаған.",
                                "Все ученики получают одинаковое задание; адаптация не запланирована.",
                                "Every pupil gets the same task; no adaptation is planned.",
                            ),
                            _t(
                                "Тапсырмалар жеке жоспар бойынша емес, сабақ барысында жеңілдетіледі.",
                                "Задания упрощаются по ходу урока, а не по индивидуальному плану.",
                                "Tasks are simplified on the spot, not from the individual plan.",
                            ),
                            _t(
                                "Тапсырмалар жеке жоспарға сай және сабақтың мақсатын сақтайды.",
                                "Задания соответствуют индивидуальному плану и сохраняют цель урока.",
                                "Tasks follow the individual plan and keep the lesson's goal.",
                            ),
                            _t(
                                "Тапсырмалар деңгейі мен түрі бойынша бейімделген; оқушы нәтижесін көрсету тәсілін таңдай алады.",
                                "Задания адаптированы по уровню и форме; ученик может выбрать, как показать результат.",
                                "Tasks are adapted in level and form; the pupil can choose how to show what they learnt.",
                            ),
                        ],
                    ),
                    (
                        _t(
                            "Көрнекі тіректер мен балама коммуникация қолданылады",
                            "Используются визуальные опоры и альтернативная коммуникация",
                            "Visual supports and alternative communication are used",
                        ),
                        [
                            _t(
                                "Нұсқаулар тек ауызша беріледі.",
                                "Инструкции даются только устно.",
                                "Instructions are only spoken.",
                            ),
                            _t(
                                "Көрнекі тіректер бар, бірақ сирек қолданылады.",
                                "Визуальные опоры есть, но используются редко.",
                                "Visual supports are there but rarely used.",
                            ),
                            _t(
                                "Сабақ бойы көрнекі кесте, карточкалар немесе ым-ишара қолданылады.",
                                "На протяжении урока используются визуальное расписание, карточки или жесты.",
                                "A visual timetable, cards or signs are used through the lesson.",
                            ),
                            _t(
                                "Бүкіл сынып бірдей көрнекі тіректерді пайдаланады, сондықтан ешкім ерекшеленбейді.",
                                "Весь класс пользуется теми же визуальными опорами, поэтому никто не выделяется.",
                                "The whole class uses the same visual supports, so nobody is singled out.",
                            ),
                        ],
                    ),
                ],
            ),
            (
                _t(
                    "Ынтымақтастық және кері байланыс",
                    "Взаимодействие и обратная связь",
                    "Collaboration and feedback",
                ),
                [
                    (
                        _t(
                            "Мұғалім мен тьютор сабақта рөлдерді бөліседі",
                            "Учитель и тьютор распределяют роли на уроке",
                            "Teacher and tutor share roles in the lesson",
                        ),
                        [
                            _t(
                                "Тьютор сабақ жоспарынан хабарсыз.",
                                "Тьютор не знает плана урока.",
                                "The tutor does not know the lesson plan.",
                            ),
                            _t(
                                "Рөлдер алдын ала емес, сабақ басында келісіледі.",
                                "Роли согласуются в начале урока, а не заранее.",
                                "Roles are agreed at the start of the lesson, not before.",
                            ),
                            _t(
                                "Мұғалім мен тьютор бірге жоспарлайды, әрқайсысы өз бөлігін біледі.",
                                "Учитель и тьютор планируют вместе, каждый знает свою часть.",
                                "Teacher and tutor plan together and each knows their part.",
                            ),
                            _t(
                                "Тьютор бүкіл топқа көмектеседі және оқушының дербестігі артқан сайын қолдауды азайтады.",
                                "Тьютор помогает всей группе и снижает поддержку по мере роста самостоятельности ученика.",
                                "The tutor helps the whole group and fades support as the pupil grows independent.",
                            ),
                        ],
                    ),
                    (
                        _t(
                            "Оқушыларға берілетін кері байланыс оң әрі нақты",
                            "Обратная связь ученикам позитивная и конкретная",
                            "Feedback to pupils is positive and specific",
                        ),
                        [
                            _t(
                                "Кері байланыс сирек немесе тек тәртіпке қатысты.",
                                "Обратная связь редкая или касается только поведения.",
                                "Feedback is rare or only about behaviour.",
                            ),
                            _t(
                                "Мақтау жалпылама («жарайсың»).",
                                "Похвала общая («молодец»).",
                                "Praise is general (“well done”).",
                            ),
                            _t(
                                "Кері байланыс не жақсы шыққанын және әрі қарай не істеу керегін атайды.",
                                "Обратная связь называет, что получилось и что делать дальше.",
                                "Feedback names what went well and what to do next.",
                            ),
                            _t(
                                "Оқушылар да бір-біріне нақты кері байланыс береді.",
                                "Ученики тоже дают друг другу конкретную обратную связь.",
                                "Pupils also give each other specific feedback.",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    SessionType.SUPPORT_ROOM_SESSION: (
        _t(
            "Қолдау кабинетіндегі жеке сабақ",
            "Индивидуальное занятие в кабинете поддержки",
            "Individual session in the support room",
        ),
        [
            (
                _t("Жоспарлау және мақсаттар", "Планирование и цели", "Planning and goals"),
                [
                    (
                        _t(
                            "Сабақтың мақсаты оқушының жеке жоспарынан алынған",
                            "Цель занятия вытекает из индивидуального плана ученика",
                            "The session goal comes from the pupil's individual plan",
                        ),
                        [],
                    ),
                    (
                        _t(
                            "Мақсатқа қарай ілгерілеу тіркеледі",
                            "Продвижение к цели фиксируется",
                            "Progress towards the goal is recorded",
                        ),
                        [],
                    ),
                ],
            ),
            (
                _t("Әдістер мен ресурстар", "Методы и ресурсы", "Methods and resources"),
                [
                    (
                        _t(
                            "Әдістер оқушының қажеттіліктеріне сай",
                            "Методы соответствуют потребностям ученика",
                            "Methods suit the pupil's needs",
                        ),
                        [],
                    ),
                    (
                        _t(
                            "Оқушы сабақтың көп бөлігінде белсенді",
                            "Ученик вовлечён большую часть занятия",
                            "The pupil is engaged for most of the session",
                        ),
                        [],
                    ),
                ],
            ),
        ],
    ),
    SessionType.TUTOR_SUPPORT: (
        _t(
            "Тьютордың жеке қолдауы",
            "Индивидуальное сопровождение тьютора",
            "Tutor's one-to-one support",
        ),
        [
            (
                _t("Дербестікті қолдау", "Поддержка самостоятельности", "Supporting independence"),
                [
                    (
                        _t(
                            "Тьютор оқушыға қажетті көлемде ғана көмектеседі",
                            "Тьютор помогает ровно настолько, насколько нужно ученику",
                            "The tutor gives only as much help as the pupil needs",
                        ),
                        [],
                    ),
                    (
                        _t(
                            "Оқушы сыныптастарымен қарым-қатынасқа ынталандырылады",
                            "Ученика побуждают к общению с одноклассниками",
                            "The pupil is encouraged to interact with classmates",
                        ),
                        [],
                    ),
                ],
            ),
            (
                _t(
                    "Мінез-құлық және әл-ауқат",
                    "Поведение и благополучие",
                    "Behaviour and wellbeing",
                ),
                [
                    (
                        _t(
                            "Күйзеліс белгілері байқалып, байсалды түрде шешіледі",
                            "Признаки стресса замечаются и спокойно снимаются",
                            "Signs of stress are noticed and calmly eased",
                        ),
                        [],
                    ),
                    (
                        _t(
                            "Келісілген күн тәртібі мен ережелер тұрақты сақталады",
                            "Согласованные режим и правила соблюдаются последовательно",
                            "Agreed routines and rules are kept consistently",
                        ),
                        [],
                    ),
                ],
            ),
        ],
    ),
    SessionType.TEAM_MEETING: (
        _t("Команда отырысы", "Заседание команды сопровождения", "Team meeting"),
        [
            (
                _t("Бірлескен жоспарлау", "Совместное планирование", "Shared planning"),
                [
                    (
                        _t(
                            "Әр маман оқушылардың жеке жоспарларына үлес қосады",
                            "Каждый специалист вносит вклад в индивидуальные планы учеников",
                            "Every specialist contributes to the pupils' individual plans",
                        ),
                        [],
                    ),
                    (
                        _t(
                            "Шешімдер жауаптылар мен мерзімдерімен тіркеледі",
                            "Решения фиксируются с ответственными и сроками",
                            "Decisions are recorded with owners and dates",
                        ),
                        [],
                    ),
                ],
            ),
            (
                _t("Отбасылармен жұмыс", "Работа с семьями", "Working with families"),
                [
                    (
                        _t(
                            "Ата-аналардың пікірі талқылауда ескеріледі",
                            "Мнение родителей учитывается в обсуждении",
                            "Parents' views are part of the discussion",
                        ),
                        [],
                    ),
                    (
                        _t(
                            "Келісілген келесі қадамдар отбасына жеткізіледі",
                            "Согласованные следующие шаги доводятся до семьи",
                            "Agreed next steps are shared with the family",
                        ),
                        [],
                    ),
                ],
            ),
        ],
    ),
}

SESSION_FOR_ROLE = {
    Role.TUTOR: SessionType.TUTOR_SUPPORT,
    Role.TEACHER: SessionType.INCLUSIVE_LESSON,
    Role.SPECIALIST: SessionType.SUPPORT_ROOM_SESSION,
    Role.METHODOLOGIST: SessionType.TEAM_MEETING,
}

# --- Notes, in the supervisor's language --------------------------------------------------------

EVIDENCE = {
    "kk": [
        "Сабақ басында мұғалім күн тәртібін көрнекі кесте арқылы түсіндірді. Аутизм спектрі бұзылысы бар оқушы кестеге өзі қарап, келесі тапсырманы атады.",
        "Тьютор оқушының қасында отырды, бірақ сұрақтарға оқушының орнына жиі жауап берді. Топтық жұмыста оқушы екі рет өз ойын айтты.",
        "Қолдау кабинетінде сабақ жеке жоспардағы мақсатқа (сөздік қорды кеңейту) сай өтті; карточкалармен 12 жаңа сөз қайталанды.",
        "Команда отырысында психолог, логопед және тьютор үш оқушының жоспарын қарады; әр шешімге жауапты адам мен мерзім белгіленді.",
        "Сыныпта тыныш бұрыш дайындалған; оқушы шаршаған кезде рұқсат сұрап, сонда бес минут демалды да, сабаққа өзі оралды.",
    ],
    "ru": [
        "В начале урока учитель объяснил порядок работы по визуальному расписанию. Ученик с РАС сам посмотрел на расписание и назвал следующее задание.",
        "Тьютор сидел рядом с учеником, но часто отвечал на вопросы вместо него. В групповой работе ученик дважды высказался сам.",
        "Занятие в кабинете поддержки соответствовало цели индивидуального плана (расширение словаря); по карточкам повторили 12 новых слов.",
        "На заседании команды психолог, логопед и тьютор обсудили планы трёх учеников; у каждого решения есть ответственный и срок.",
        "В классе оборудован уголок тишины; когда ученик устал, он попросил разрешения, отдохнул там пять минут и сам вернулся к работе.",
    ],
    "en": [
        "The teacher opened the lesson with the visual timetable. A pupil with autism checked it on his own and named the next task.",
        "The tutor sat beside the pupil but often answered questions for her. In group work the pupil gave her own answer twice.",
        "The support room session followed the goal of the individual plan (building vocabulary); 12 new words were practised with picture cards.",
        "At the team meeting the psychologist, the speech therapist and the tutor reviewed three pupils' plans; every decision has an owner and a date.",
        "A quiet corner is set up in the classroom; when the pupil was tired she asked to use it, rested for five minutes and came back by herself.",
    ],
}
STRENGTHS = {
    "kk": [
        "Нұсқаулар қысқа әрі анық, көрнекі тіректермен бекітілген.",
        "Оқушымен жылы, сабырлы қарым-қатынас; мақтау нақты.",
        "Тапсырмалар деңгейі бойынша жақсы саралаған.",
        "Мұғалім мен тьютор арасындағы рөлдер алдын ала келісілген.",
    ],
    "ru": [
        "Инструкции короткие и ясные, подкреплены визуальными опорами.",
        "Тёплый, спокойный контакт с учеником; похвала конкретная.",
        "Задания хорошо дифференцированы по уровню.",
        "Роли учителя и тьютора согласованы заранее.",
    ],
    "en": [
        "Short, clear instructions backed by visual supports.",
        "Warm, calm relationship with the pupil; praise is specific.",
        "Tasks are well differentiated by level.",
        "Teacher's and tutor's roles were agreed beforehand.",
    ],
}
NEXT_STEPS = {
    "kk": [
        "Оқушыға жауап беруге көбірек уақыт беру (кемінде 5 секунд күту).",
        "Жұптық жұмысқа сыныптастарын жоспарлы түрде тарту.",
        "Жеке жоспардағы мақсаттарға ілгерілеуді апта сайын тіркеу.",
        "Тьютордың көмегін біртіндеп азайту жоспарын құру.",
    ],
    "ru": [
        "Давать ученику больше времени на ответ (ждать не меньше 5 секунд).",
        "Планово включать одноклассников в работу в парах.",
        "Еженедельно фиксировать продвижение к целям индивидуального плана.",
        "Составить план постепенного снижения помощи тьютора.",
    ],
    "en": [
        "Give the pupil more time to answer (wait at least five seconds).",
        "Plan pair work with classmates on purpose.",
        "Record progress towards the individual plan's goals every week.",
        "Draw up a plan to fade the tutor's help step by step.",
    ],
}
ACTION_POINTS = {
    "kk": [
        "Бастауыш сыныптардың бәрінде көрнекі күн тәртібін ілу.",
        "Тьютор мен пән мұғалімдерінің апталық бірлескен жоспарлау кездесуін енгізу.",
        "Қолдау кабинетінде әр оқушының ілгерілеу журналын жүргізу.",
        "Ата-аналармен тоқсан сайынғы кездесу өткізіп, жеке жоспарларды талқылау.",
        "Сыныпта тыныш бұрыш ұйымдастыру.",
        "Балама коммуникация карточкаларының жинағын дайындау.",
    ],
    "ru": [
        "Разместить визуальное расписание во всех начальных классах.",
        "Ввести еженедельное совместное планирование тьюторов и учителей-предметников.",
        "Вести в кабинете поддержки журнал продвижения каждого ученика.",
        "Проводить раз в четверть встречи с родителями по индивидуальным планам.",
        "Оборудовать в классе уголок тишины.",
        "Подготовить набор карточек альтернативной коммуникации.",
    ],
    "en": [
        "Put up a visual timetable in every primary classroom.",
        "Start a weekly planning meeting of tutors and subject teachers.",
        "Keep a progress log for every pupil in the support room.",
        "Meet parents once a term to discuss the individual plans.",
        "Set up a quiet corner in the classroom.",
        "Prepare a set of alternative communication cards.",
    ],
}
VISIT_NOTES = {
    "kk": "Сабақтарға бардық, команда отырысына қатыстық, келісілген әрекеттерді директордың орынбасарымен талқыладық.",
    "ru": "Посетили уроки, приняли участие в заседании команды, согласованные действия обсудили с заместителем директора.",
    "en": "Observed lessons, joined the team meeting and went through the agreed actions with the deputy director.",
}
REASONS = {
    "missed": _t(
        "Мектепте карантин жарияланды.",
        "В школе был объявлен карантин.",
        "The school was closed for quarantine.",
    ),
    "rescheduled": _t(
        "Сол күні мектепте аудандық олимпиада өтті.",
        "В этот день в школе проходила районная олимпиада.",
        "The school hosted the district olympiad that day.",
    ),
    "returned": _t(
        "Екінші бақылауға дәлелдер қосыңыз, содан кейін қол қоямын.",
        "Добавьте, пожалуйста, доказательства во второе наблюдение, затем подпишу.",
        "Please add evidence to the second observation; I will sign it then.",
    ),
    "dropped": _t(
        "Мектеп бұл жұмысты басқа жобамен бірге жүргізеді.",
        "Школа ведёт эту работу в рамках другого проекта.",
        "The school now does this as part of another project.",
    ),
    "still_open": _t(
        "Басталды, бірақ әлі аяқталмады.",
        "Начато, но ещё не завершено.",
        "Started but not finished yet.",
    ),
}


@dataclass
class Counts:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, number: int = 1) -> None:
        self.created[name] = self.created.get(name, 0) + number


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class SupervisionSeeder:
    def __init__(self, out: OutputWrapper, people: PeopleSeedResult) -> None:
        self.out = out
        self.today = timezone.localdate()
        self.starts_on = date(people.programme_start.year, 9, 1)
        self.ends_on = date(people.programme_start.year + 1, 5, 31)
        self.counts = Counts()
        self.versions: dict[str, RubricVersion] = {}

    @transaction.atomic
    def run(self) -> None:
        for session_type in RUBRICS:
            self.versions[session_type] = self.rubric(session_type)
        schools = list(
            School.objects.filter(memberships__role=Role.SUPERVISOR).distinct().order_by("code")
        )
        for index, school in enumerate(schools):
            self.school(index, school)
        created = self.counts.created
        summary = ", ".join(f"{number} {name}" for name, number in created.items()) or "nothing new"
        self.out.write(f"Supervision demo: created {summary}.")

    # -- rubrics ---------------------------------------------------------------------------------

    def rubric(self, session_type: str) -> RubricVersion:
        rubric = Rubric.objects.filter(session_type=session_type).first()
        if rubric is None:
            name, domains = RUBRICS[session_type]
            rubric = Rubric.objects.create(
                session_type=session_type,
                name_kk=name["kk"],
                name_ru=name["ru"],
                name_en=name["en"],
                scale=[
                    {
                        "type": "level",
                        "id": _key(session_type, "level", number),
                        "value": {"label": label, "descriptor": descriptor},
                    }
                    for number, (label, descriptor) in enumerate(SCALE, start=1)
                ],
                domains=[
                    {
                        "type": "domain",
                        "id": _key(session_type, "domain", d),
                        "value": {
                            "name": domain_name,
                            "indicators": [
                                {
                                    "type": "item",
                                    "id": _key(session_type, "indicator", d, i),
                                    "value": {
                                        "text": text,
                                        "descriptors": [
                                            {
                                                "type": "item",
                                                "id": _key(session_type, "descriptor", d, i, n),
                                                "value": descriptor,
                                            }
                                            for n, descriptor in enumerate(descriptors)
                                        ],
                                    },
                                }
                                for i, (text, descriptors) in enumerate(indicators)
                            ],
                        },
                    }
                    for d, (domain_name, indicators) in enumerate(domains)
                ],
            )
            self.counts.add("rubrics")
        latest = rubric.versions.order_by("-number").first()
        return latest or services.rubric_publish(actor=None, rubric=rubric)

    # -- one school ------------------------------------------------------------------------------

    def school(self, index: int, school: School) -> None:
        supervisors = list(
            User.objects.filter(
                memberships__role=Role.SUPERVISOR,
                memberships__school=school,
                memberships__ended_on__isnull=True,
            ).order_by("pk")
        )
        if not supervisors:
            return
        supervisor = supervisors[0]
        year, created = SupervisionYear.objects.get_or_create(
            school=school,
            starts_on=self.starts_on,
            defaults={"ends_on": self.ends_on, "frequency": Frequency.MONTHLY},
        )
        if created:
            year.supervisors.set(supervisors)
            self.counts.add("supervision years")
        first = date(self.starts_on.year, 9, 8 + (index * 3) % 14)
        # Staff who have signed up, so that their observed practice can be seen in the demo.
        staff = list(
            RoleMembership.objects.current()
            .filter(school=school, role__in=SESSION_FOR_ROLE)
            .exclude(person__password__startswith="!")  # noqa: S106  (no account yet)
            .select_related("person")
            .order_by("role", "person__email")
        )
        owners = [m.person for m in staff] or supervisors
        language = "en" if index % 5 == 4 else supervisor.preferred_language
        open_points: list[ActionPoint] = []
        dates = services.plan_dates(first, self.ends_on, Frequency.MONTHLY)
        if index == 0:
            # The demo supervisor is at the first school on the latest school day: a visit
            # being recorded, added to the plan.
            latest = self.today - timedelta(days=max(0, self.today.weekday() - 4))
            if self.starts_on < latest <= self.ends_on and all(
                abs((day - latest).days) > 7 for day in dates
            ):
                dates = sorted([*dates, latest])
        for number, day in enumerate(dates):
            state = self.state_for(index, number, day)
            visit = self.visit(year, school, supervisor, day, state, language)
            if state == State.RESCHEDULED:
                moved_on = services._weekday(day + timedelta(days=7))
                moved_state = (
                    State.CLOSED
                    if moved_on < self.today - timedelta(days=30)
                    else (State.SUBMITTED if moved_on < self.today else State.PLANNED)
                )
                visit = self.visit(
                    year, school, supervisor, moved_on, moved_state, language, moved_from=visit
                )
                state = moved_state
            if state in (State.PLANNED, State.MISSED):
                continue
            reviewed_all = not (state == State.IN_PROGRESS and visit.state_reason == "")
            self.reviews(visit, open_points, language, review_all=reviewed_all)
            self.observations(visit, staff, number, language, complete=reviewed_all)
            if state != State.IN_PROGRESS or visit.state_reason:
                # Each action point follows one of the visit's observations.
                observed = (
                    [self.observed(staff, number, n).person for n in range(2)] if staff else []
                )
                open_points += self.points(visit, observed or owners, number, language)
            if index < 2 and state in (State.CLOSED, State.ACKNOWLEDGED):
                self.photo(visit, number)

    def state_for(self, index: int, number: int, day: date) -> str:
        today = self.today
        if index == 0 and today - timedelta(days=3) <= day <= today:
            return State.IN_PROGRESS
        if day > today:
            return State.PLANNED
        if day < today - timedelta(days=30):
            if (index + number) % 9 == 0 and number > 0:
                return State.MISSED
            if (index + number) % 10 == 3:
                return State.RESCHEDULED
            return State.CLOSED
        if day < today - timedelta(days=2):
            return [State.ACKNOWLEDGED, State.SUBMITTED, State.CLOSED, State.IN_PROGRESS][index % 4]
        return State.IN_PROGRESS if index % 2 == 0 else State.PLANNED

    def visit(
        self,
        year: SupervisionYear,
        school: School,
        supervisor: User,
        day: date,
        state: str,
        language: str,
        moved_from: Visit | None = None,
    ) -> Visit:
        existing = Visit.objects.filter(year=year, planned_on=day).first()
        if existing is not None:
            return existing
        returned = state == State.IN_PROGRESS and day < self.today - timedelta(days=2)
        fields: dict[str, Any] = {"state": state, "supervisor": supervisor}
        if state in (State.MISSED, State.RESCHEDULED):
            fields["state_reason"] = REASONS[state][language]
        if state not in (State.PLANNED, State.MISSED, State.RESCHEDULED):
            fields["started_at"] = _at(day, 9, 30)
            fields["notes"] = VISIT_NOTES[language]
        if state in (State.SUBMITTED, State.ACKNOWLEDGED, State.CLOSED) or returned:
            fields["submitted_at"] = _at(day, 17, 10)
        leader = (
            User.objects.filter(
                memberships__role=Role.SCHOOL_LEADER,
                memberships__school=school,
                memberships__ended_on__isnull=True,
            )
            .order_by("pk")
            .first()
        )
        if state in (State.ACKNOWLEDGED, State.CLOSED) and leader is not None:
            fields.update(
                signed_off_by=leader,
                signed_off_name=leader.full_name,
                signed_off_at=_at(day + timedelta(days=2), 11, 5),
            )
        if state == State.CLOSED:
            fields["closed_at"] = _at(day + timedelta(days=4), 10, 0)
        if returned:
            fields["state_reason"] = REASONS["returned"][language]
        visit = Visit.objects.create(
            year=year, school=school, planned_on=day, rescheduled_from=moved_from, **fields
        )
        self.counts.add("visits")
        self.history(visit, state, supervisor, leader, returned, language)
        return visit

    def history(
        self,
        visit: Visit,
        state: str,
        supervisor: User,
        leader: User | None,
        returned: bool,
        language: str,
    ) -> None:
        day = visit.planned_on
        entries: list[tuple[str, User | None, datetime, dict[str, Any]]] = []
        if state == State.MISSED:
            entries.append(("miss", supervisor, _at(day, 8, 40), {"reason": visit.state_reason}))
        if state == State.RESCHEDULED:
            entries.append(
                (
                    "reschedule",
                    supervisor,
                    _at(day - timedelta(days=3), 15),
                    {"reason": visit.state_reason},
                )
            )
        if visit.started_at:
            entries.append(("start", supervisor, visit.started_at, {}))
        if visit.submitted_at:
            entries.append(("submit", supervisor, visit.submitted_at, {}))
        if visit.signed_off_at or returned:
            when = _at(day + timedelta(days=2), 11, 5)
            entries.append(("acknowledge", leader, when, {}))
        if returned:
            entries.append(
                (
                    "return",
                    leader,
                    _at(day + timedelta(days=2), 15, 30),
                    {"reason": REASONS["returned"][language]},
                )
            )
        if visit.closed_at:
            entries.append(("close", supervisor, visit.closed_at, {}))
        for action, user, when, data in entries:
            log(visit, f"supervision.visit.{action}", user=user, data=data, timestamp=when)

    # -- what a visit holds ----------------------------------------------------------------------

    def observations(
        self,
        visit: Visit,
        staff: list[RoleMembership],
        number: int,
        language: str,
        *,
        complete: bool,
    ) -> None:
        if not staff:
            return
        for n in range(2):
            client_id = _key("observation", visit.school.code, visit.planned_on, n)
            if Observation.objects.filter(client_id=client_id).exists():
                continue
            rnd = random.Random(client_id)
            membership = self.observed(staff, number, n)
            version = self.versions[SESSION_FOR_ROLE[Role(membership.role)]]
            person_rnd = random.Random(f"{membership.person.email}")
            base = 1.5 + person_rnd.random() * 0.7 + 0.2 * number
            keys = version.indicator_keys()
            is_complete = complete or n == 0
            scores = {}
            for key in keys:
                value = round(base + rnd.uniform(-0.6, 0.6))
                scores[key] = max(1, min(version.scale_max, value))
            if not is_complete:
                scores = dict(list(scores.items())[:2])
            observation = Observation.objects.create(
                client_id=client_id,
                visit=visit,
                observed_person=membership.person,
                observed_role=membership.role,
                session_type=version.content["session_type"],
                rubric_version=version,
                scale_max=version.scale_max,
                evidence=rnd.choice(EVIDENCE[language]),
                strengths=rnd.choice(STRENGTHS[language]) if is_complete else "",
                next_steps=rnd.choice(NEXT_STEPS[language]) if is_complete else "",
                is_complete=is_complete,
                average_score=sum(scores.values()) / len(scores),
                created_by=visit.supervisor,
            )
            ObservationScore.objects.bulk_create(
                [
                    ObservationScore(
                        observation=observation,
                        domain_key=keys[key],
                        indicator_key=key,
                        score=value,
                    )
                    for key, value in scores.items()
                ]
            )
            self.counts.add("observations")

    @staticmethod
    def observed(staff: list[RoleMembership], number: int, n: int) -> RoleMembership:
        """The first tutor is observed at every visit and the first teacher at every other
        one, so that their growth over the year shows; the rest take turns."""

        def first_the_demo_login(role: str) -> list[RoleMembership]:
            login = f"{role}@"
            members = [m for m in staff if m.role == role]
            return sorted(members, key=lambda m: not m.person.email.startswith(login))

        tutors = first_the_demo_login(Role.TUTOR)
        teachers = first_the_demo_login(Role.TEACHER)
        if n == 0 and tutors:
            return tutors[0]
        if number % 2 == 0 and teachers:
            return teachers[0]
        others = [m for m in staff if m not in tutors[:1] + teachers[:1]] or staff
        return others[(number // 2) % len(others)]

    def points(
        self, visit: Visit, owners: list[User], number: int, language: str
    ) -> list[ActionPoint]:
        created = []
        for n in range(2):
            client_id = _key("action-point", visit.school.code, visit.planned_on, n)
            point = ActionPoint.objects.filter(client_id=client_id).first()
            if point is None:
                texts = ACTION_POINTS[language]
                point = ActionPoint.objects.create(
                    client_id=client_id,
                    visit=visit,
                    school=visit.school,
                    description=texts[(number * 2 + n) % len(texts)],
                    owner=owners[n % len(owners)],
                    due_on=visit.planned_on + timedelta(days=21 + 7 * n),
                    created_by=visit.supervisor,
                )
                self.counts.add("action points")
            created.append(point)
        return created

    def reviews(
        self,
        visit: Visit,
        open_points: list[ActionPoint],
        language: str,
        *,
        review_all: bool,
    ) -> None:
        still_open = []
        for point in list(open_points):
            point.refresh_from_db()
            if (
                point.visit.planned_on >= visit.planned_on
                or point.status != ActionPoint.Status.OPEN
            ):
                continue
            # Each point's fate comes from its own id, so that a second run decides the same.
            fate = random.Random(f"{point.client_id}/{visit.planned_on}")
            if not review_all and point.client_id.int % 2 == 1:
                still_open.append(point)
                continue
            if ActionPointReview.objects.filter(action_point=point, visit=visit).exists():
                continue
            roll = fate.random()
            Outcome = ActionPointReview.Outcome
            outcome = (
                Outcome.DONE
                if roll < 0.6
                else (Outcome.STILL_OPEN if roll < 0.85 else Outcome.DROPPED)
            )
            note = ""
            new_due = None
            if outcome == Outcome.DROPPED:
                note = REASONS["dropped"][language]
            elif outcome == Outcome.STILL_OPEN:
                note = REASONS["still_open"][language]
                new_due = visit.planned_on + timedelta(days=21)
            ActionPointReview.objects.create(
                action_point=point,
                visit=visit,
                outcome=outcome,
                note=note,
                new_due_on=new_due,
                reviewed_by=visit.supervisor,
            )
            point.status = outcome
            point.closed_on = None if outcome == Outcome.STILL_OPEN else visit.planned_on
            if new_due:
                point.due_on = new_due
            point.save()
            self.counts.add("reviews")
            if outcome == Outcome.STILL_OPEN:
                still_open.append(point)
        open_points[:] = [p for p in open_points if p.status == ActionPoint.Status.OPEN]

    def photo(self, visit: Visit, number: int) -> None:
        client_id = _key("photo", visit.school.code, visit.planned_on)
        if Attachment.objects.filter(client_id=client_id).exists():
            return
        image = Image.new("RGB", (960, 640), (243, 246, 247))
        draw = ImageDraw.Draw(image)
        colours = [(11, 93, 99), (122, 77, 0), (91, 58, 140), (29, 107, 52), (10, 90, 156)]
        # A visual timetable on a classroom wall: a row of picture cards.
        draw.rectangle((60, 120, 900, 520), fill=(255, 255, 255), outline=(201, 210, 216), width=6)
        for card in range(5):
            left = 90 + card * 162
            draw.rounded_rectangle(
                (left, 190, left + 136, 420), radius=18, fill=colours[(card + number) % 5]
            )
            draw.ellipse((left + 33, 230, left + 103, 300), fill=(255, 255, 255))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=80)
        attachment = Attachment(
            client_id=client_id,
            visit=visit,
            kind=Attachment.Kind.PHOTO,
            original_name=f"visual-timetable-{visit.planned_on.isoformat()}.jpg",
            content_type="image/jpeg",
            size=out.tell(),
            caption={
                "kk": "Сыныптағы көрнекі күн тәртібі",
                "ru": "Визуальное расписание в классе",
                "en": "Visual timetable in the classroom",
            }[visit.supervisor.preferred_language if visit.supervisor else "en"],
            uploaded_by=visit.supervisor,
        )
        attachment.file.save("photo.jpg", ContentFile(out.getvalue()), save=False)
        attachment.save()
        self.counts.add("photos")


def seed(out: OutputWrapper, people: PeopleSeedResult) -> None:
    SupervisionSeeder(out, people).run()
