from .learning import (
    Cohort,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ObservedPractice,
    Reflection,
)
from .pages import CourseAudience, CourseCatalogue, CoursePage, ModulePage

__all__ = [
    "Cohort",
    "CourseAudience",
    "CourseCatalogue",
    "CoursePage",
    "Enrolment",
    "KnowledgeCheckAttempt",
    "ModuleCompletion",
    "ModulePage",
    "ObservedPractice",
    "Reflection",
]
