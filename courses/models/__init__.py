from .learning import (
    Cohort,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ObservedPractice,
    Reflection,
)
from .pages import CourseAudience, CourseCatalogue, CoursePage, ModulePage
from .review import CourseReviewTask

__all__ = [
    "Cohort",
    "CourseAudience",
    "CourseCatalogue",
    "CoursePage",
    "CourseReviewTask",
    "Enrolment",
    "KnowledgeCheckAttempt",
    "ModuleCompletion",
    "ModulePage",
    "ObservedPractice",
    "Reflection",
]
