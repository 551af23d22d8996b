"""StreamField blocks for module pages. Each has its own accessible template under
``templates/courses/blocks/``; none of them queries the database while rendering."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4", "blockquote"]
REFLECTION_MAX_LENGTH = 5000


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "courses/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=300,
        required=False,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty only if the "
            "image is decoration."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=300, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


def _validate_captions(document: Any) -> None:
    if document is None:
        return
    name = (document.filename or document.file.name or "").lower()
    if not name.endswith(".vtt"):
        raise ValidationError(_("Captions must be a WebVTT file (.vtt)."))
    try:
        with document.file.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        raise ValidationError(_("The captions file cannot be read.")) from error
    if not head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(_("The captions file does not start with WEBVTT."))


class VideoBlock(blocks.StructBlock):
    """A video the product serves itself, with captions and a transcript: both required, so
    that deaf learners and learners on a phone with the sound off can follow it."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video = DocumentChooserBlock(
        label=_("Video file (MP4 or WebM)"),
        help_text=_("Keep it short and compressed: many learners are on slow connections."),
    )
    captions = DocumentChooserBlock(label=_("Captions (WebVTT)"))
    captions_language = blocks.ChoiceBlock(
        label=_("Language of the captions"),
        choices=[("kk", _("Kazakh")), ("ru", _("Russian")), ("en", _("English"))],
        default="kk",
    )
    poster = ImageChooserBlock(label=_("Still image shown before playing"), required=False)
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        video = value.get("video")
        if video is not None and not (video.filename or "").lower().endswith((".mp4", ".webm")):
            raise StructBlockValidationError(
                {"video": ValidationError(_("Upload the video as an MP4 or WebM file."))}
            )
        try:
            _validate_captions(value.get("captions"))
        except ValidationError as error:
            raise StructBlockValidationError({"captions": error}) from error
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=[("tip", _("Tip")), ("caution", _("Caution"))], default="tip"
    )
    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=500)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        required=False,
        help_text=_("Shown to a learner who chose this answer, after they submit."),
    )

    class Meta:
        icon = "circle-check"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Question"))
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("single", _("One correct answer")), ("multiple", _("Several correct answers"))],
        default="single",
    )
    # A new question opens with the two answers it needs, not one answer and an error.
    options = blocks.ListBlock(
        AnswerOptionBlock(),
        label=_("Answers"),
        min_num=2,
        default=[{"text": "", "is_correct": False, "feedback": ""} for _answer in range(2)],
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["is_correct"])
        if correct == 0:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one answer as correct."))}
            )
        if value["kind"] == "single" and correct > 1:
            raise StructBlockValidationError(
                block_errors={
                    "options": ValidationError(
                        _("A question with one correct answer cannot have several marked correct.")
                    )
                }
            )
        return value


class KnowledgeCheckBlock(blocks.StructBlock):
    """Questions with feedback per answer, a pass mark and a number of attempts.

    Answers are identified by the ids Wagtail gives each list item, so a learner's
    submission refers to exactly the answers that were shown.
    """

    # No default text: a default would be written in the author's admin language, not the
    # module's; an empty title reads "Check your understanding" in the module's language.
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty for “Check your understanding” in the module's language."),
    )
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=1, max_value=100, default=80
    )
    attempts_allowed = blocks.IntegerBlock(
        label=_("Attempts allowed"),
        min_value=0,
        default=3,
        help_text=_("0 means unlimited."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Knowledge check")
        template = "courses/blocks/knowledge_check.html"


class ReflectionPromptBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Prompt"))
    guidance = blocks.RichTextBlock(
        label=_("Guidance for the learner"), features=RICH_TEXT_FEATURES, required=False
    )
    min_length = blocks.IntegerBlock(
        label=_("Minimum length (characters)"), min_value=0, default=200
    )
    max_length = blocks.IntegerBlock(
        label=_("Maximum length (characters)"),
        min_value=100,
        max_value=REFLECTION_MAX_LENGTH,
        default=3000,
    )

    class Meta:
        icon = "edit"
        label = _("Reflection")
        template = "courses/blocks/reflection.html"


class ModuleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="courses/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    knowledge_check = KnowledgeCheckBlock()
    reflection = ReflectionPromptBlock()
