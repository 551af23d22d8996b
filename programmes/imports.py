"""Reading and checking a staff list (CSV or XLSX) before anything is imported.

The file is read as a stream within fixed bounds (``core.tables``), every row is checked
against the database and the importer's scope, and every problem is reported with its
row, column and a message in the importer's language. Nothing is written here:
``services.staff_import_commit`` imports a file only once it has no problem at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from core import tables, text
from core.tables import TableLimits
from people import scoping
from people.models import Region, School, TrainingArea, User
from people.roles import IN_REGION, ROLE_PLACES, Role, Specialism

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 50
# Files up to these sizes (as uploaded, and unpacked) are checked while the person waits;
# larger ones by a worker, while the page shows how far the check has got.
INLINE_CHECK_BYTES = 256 * 1024
INLINE_CHECK_UNPACKED = 2 * 1024 * 1024
COLUMNS = [
    "email",
    "full_name",
    "full_name_alt",
    "language",
    "role",
    "school",
    "region",
    "training_area",
    "specialism",
]
REQUIRED_COLUMNS = ["email", "full_name", "role"]
FORMULA_STARTS = ("=", "+", "-", "@")
PROGRESS_EVERY = 200


@dataclass
class Problem:
    row: int  # 1-based line of the file, the header being line 1; 0 for the whole file
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class StaffRow:
    line: int
    email: str
    full_name: str
    full_name_alt: str
    language: str
    role: str
    school: School | None
    region: Region | None
    training_area: TrainingArea | None
    specialism: str
    # The account at this address if the importer may already reach it; None for a new
    # address and for an account outside the importer's scope alike.
    existing: User | None = None


@dataclass
class CheckedFile:
    rows: list[StaffRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems and bool(self.rows)


class FileProblem(Exception):
    """The file as a whole cannot be read (format, encoding, size, columns)."""


# The bounds of a staff list: read as a stream, refused at the first bound it passes.
LIMITS = TableLimits(rows=MAX_ROWS + 1, columns=MAX_COLUMNS)


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """The file's non-empty rows, each cell as stripped text, header first. XLSX is
    recognised by its content, not only by its name. Refused, as ``FileProblem``, when it
    is larger than the bounds in ``LIMITS`` or cannot be read."""
    if not data.strip():
        raise FileProblem(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise FileProblem(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    try:
        table = tables.read_rows(data, filename, LIMITS)
    except tables.TableProblem as problem:
        raise FileProblem(str(problem)) from problem
    if len(table) < 2:
        raise FileProblem(_("The file has no rows under its header."))
    return table


def checks_in_background(data: bytes) -> bool:
    """Whether checking this file would hold a request too long: a large file, or a
    workbook that unpacks to a large one, is checked by a worker."""
    return len(data) > INLINE_CHECK_BYTES or tables.unpacked_size(data) > INLINE_CHECK_UNPACKED


def _lookup(values: dict[str, Any]) -> dict[str, Any]:
    return {key.strip().lower(): value for key, value in values.items() if key}


def _choices_in_every_language(choices: list[tuple[str, Any]]) -> dict[str, str]:
    """Codes, and labels in Kazakh, Russian and English, all lower-case, to the code."""
    found = {}
    for code, label in choices:
        found[code.lower()] = code
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                found[str(label).strip().lower()] = code
    return found


def _checked_name(value: str, column: str, problem: Callable[[str, str], None]) -> str:
    """A name as people's services keep it; a refused character is the row's problem."""
    try:
        return text.clean_name(value, max_length=200)
    except ValidationError as error:
        problem(column, " ".join(error.messages))
        return ""


def check_table(
    table: list[list[str]], *, actor: User, progress: Callable[[int], None] | None = None
) -> CheckedFile:
    """Every problem of every row, or the rows ready to import. ``progress`` is told, now
    and then, how many rows have been checked."""
    header = [cell.strip().lower() for cell in table[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise FileProblem(
            _(
                "These columns are missing: %(missing)s. "
                "The first row must name the columns: %(all)s."
            )
            % {"missing": ", ".join(missing), "all": ", ".join(COLUMNS)}
        )
    unknown = [column for column in header if column and column not in COLUMNS]
    if unknown:
        raise FileProblem(
            _("These columns are not known: %(unknown)s. Use the names of the template: %(all)s.")
            % {"unknown": ", ".join(unknown), "all": ", ".join(COLUMNS)}
        )
    index = {column: header.index(column) for column in COLUMNS if column in header}

    schools = _lookup({s.code: s for s in School.objects.select_related("region")})
    regions = _lookup({r.code: r for r in Region.objects.all()})
    areas = _lookup({a.code: a for a in TrainingArea.objects.all()})
    for known_area in TrainingArea.objects.all():
        for language, _name in settings.LANGUAGES:
            areas.setdefault(getattr(known_area, f"name_{language}").strip().lower(), known_area)
    roles = _choices_in_every_language(Role.choices)
    specialisms = _choices_in_every_language(Specialism.choices)
    languages = {code: code for code, _name in settings.LANGUAGES}

    emails_in_file: dict[str, tuple[int, tuple[str, str, str]]] = {}
    roles_in_file: dict[tuple[str, str, int | None, int | None], int] = {}
    result = CheckedFile()
    raw_rows = table[1:]
    email_at = index["email"]
    addresses = {raw[email_at].strip().lower() for raw in raw_rows if email_at < len(raw)}
    # Only accounts the importer may already reach count as existing. Any other account is
    # invited as a new address is (it is asked to accept), so that the preview reads the
    # same for both and tells nobody whether an address has an account.
    existing = {
        u.email: u
        for u in scoping.directly_reachable(actor, User.objects.filter(email__in=addresses - {""}))
    }

    for offset, raw in enumerate(raw_rows):
        line = offset + 2
        if progress is not None and offset % PROGRESS_EVERY == 0:
            progress(offset)
        cells = {column: (raw[i] if i < len(raw) else "").strip() for column, i in index.items()}
        problems: list[Problem] = []

        def problem(
            column: str, message: str, problems: list[Problem] = problems, line: int = line
        ) -> None:
            problems.append(Problem(line, column, message))

        for column, value in cells.items():
            if value.startswith(FORMULA_STARTS):
                problem(column, _("This looks like a spreadsheet formula; enter plain text."))
        email = cells.get("email", "").lower()
        try:
            validate_email(email)
        except ValidationError:
            problem("email", _("Enter a valid e-mail address."))
        full_name = _checked_name(cells.get("full_name", ""), "full_name", problem)
        if not full_name and "full_name" not in {p.column for p in problems}:
            problem("full_name", _("Enter the person's full name."))
        full_name_alt = _checked_name(cells.get("full_name_alt", ""), "full_name_alt", problem)
        language = cells.get("language", "").lower() or settings.LANGUAGE_CODE
        if language not in languages:
            problem("language", _("Use kk, ru or en."))
        # A person with several roles has a row per role: their details must agree.
        details = (full_name, full_name_alt, language)
        if email in emails_in_file:
            first_line, first_details = emails_in_file[email]
            if first_details != details:
                problem(
                    "email",
                    _(
                        "The same address is on row %(row)s with another name or language: "
                        "one person per address."
                    )
                    % {"row": first_line},
                )
        elif email:
            emails_in_file[email] = (line, details)
        role = roles.get(cells.get("role", "").lower(), "")
        if not role:
            problem(
                "role",
                _("Unknown role. Use one of: %(roles)s.") % {"roles": ", ".join(Role.values)},
            )
        school = schools.get(cells.get("school", "").lower()) if cells.get("school") else None
        if cells.get("school") and school is None:
            problem("school", _("No school has this code."))
        region = regions.get(cells.get("region", "").lower()) if cells.get("region") else None
        if cells.get("region") and region is None:
            problem("region", _("No region has this code."))
        area: TrainingArea | None = (
            areas.get(cells.get("training_area", "").lower())
            if cells.get("training_area")
            else None
        )
        if cells.get("training_area") and area is None:
            problem("training_area", _("Unknown training area."))
        specialism = (
            specialisms.get(cells.get("specialism", "").lower(), "")
            if cells.get("specialism")
            else ""
        )
        if cells.get("specialism") and not specialism:
            problem("specialism", _("Unknown specialism."))

        if role:
            places = ROLE_PLACES[role]
            if (
                school is None
                and region is None
                and cells.get("school", "") == ""
                and "school" in places
            ):
                problem("school", _("Give the school's code for this role."))
            if school is not None and region is not None:
                problem("region", _("Give a school or a region, not both."))
            if region is not None and IN_REGION not in places:
                problem("region", _("This role is not held in a region."))
            if role == Role.TUTOR and area is None and not cells.get("training_area"):
                problem("training_area", _("Give the tutor's training area."))
            if role != Role.TUTOR and cells.get("training_area"):
                problem("training_area", _("Only tutors have a training area."))
            if role == Role.SPECIALIST and not cells.get("specialism"):
                problem("specialism", _("Give the specialist's specialism."))
            if role != Role.SPECIALIST and cells.get("specialism"):
                problem("specialism", _("Only specialists have a specialism."))
            if (school or region) and not scoping.can_grant(
                actor, role, school=school, region=region
            ):
                problem(
                    "school" if school else "region",
                    _("You cannot give this role here: it is outside your scope."),
                )
        if email and role:
            held = (email, role, school.pk if school else None, region.pk if region else None)
            if held in roles_in_file:
                problem(
                    "role",
                    _("Row %(row)s already gives this person this role here.")
                    % {"row": roles_in_file[held]},
                )
            else:
                roles_in_file[held] = line
        if problems:
            result.problems.extend(problems)
            continue
        result.rows.append(
            StaffRow(
                line=line,
                email=email,
                full_name=full_name,
                full_name_alt=full_name_alt,
                language=language,
                role=role,
                school=school,
                region=region,
                training_area=area,
                specialism=specialism,
                existing=existing.get(email),
            )
        )
    return result


def template_rows() -> list[list[str]]:
    """The header and two example rows of the template to download."""
    return [
        COLUMNS,
        [
            "aigerim.seitova@example.kz",
            "Әйгерім Сейітова",
            "Äigerım Seiıtova",
            "kk",
            "tutor",
            "almaty-region-7",
            "",
            "autism",
            "",
        ],
        [
            "irina.petrova@example.kz",
            "Ирина Петрова",
            "Irina Petrova",
            "ru",
            "specialist",
            "almaty-region-7",
            "",
            "",
            "speech_therapist",
        ],
    ]
