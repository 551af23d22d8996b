from .learning import (
    Cohort,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ObservedPractice,
    Reflection,
)
from .pages import CourseAudience, CourseCatalogue, CoursePage, ModulePage
from .review import CourseReviewOfModule, CourseReviewTask

__all__ = [
    "Cohort",
    "CourseAudience",
    "CourseCatalogue",
    "CoursePage",
    "CourseReviewOfModule",
    "CourseReviewTask",
    "Enrolment",
    "KnowledgeCheckAttempt",
    "ModuleCompletion",
    "ModulePage",
    "ObservedPractice",
    "Reflection",
]
