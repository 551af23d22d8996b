"""StreamField blocks that rubrics are authored with in the Wagtail admin.

A rubric is a scale (its levels, in order from the lowest) and domains, each with
indicators; an indicator may describe what each level of the scale looks like for it.
Every text is kept in Kazakh, Russian and English. Supervisors never see these blocks
directly: they see the frozen version of the rubric (``RubricVersion.content``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class TranslatedTextBlock(blocks.StructBlock):
    kk = blocks.TextBlock(label=_("Kazakh"))
    ru = blocks.TextBlock(label=_("Russian"))
    en = blocks.TextBlock(label=_("English"), required=False)

    class Meta:
        icon = "doc-full"
        form_classname = "struct-block translated-text"


class ScaleLevelBlock(blocks.StructBlock):
    """One point of the scale: a short label and what it means in general."""

    label = TranslatedTextBlock(label=_("Label"), help_text=_("A word or two, e.g. “Emerging”."))
    descriptor = TranslatedTextBlock(
        label=_("What this level means"),
        help_text=_("Shown to supervisors when an indicator has no descriptor of its own."),
    )

    class Meta:
        icon = "order"
        label = _("Level")


class IndicatorBlock(blocks.StructBlock):
    text = TranslatedTextBlock(label=_("Indicator"))
    descriptors = blocks.ListBlock(
        TranslatedTextBlock(label=_("Descriptor")),
        label=_("Level descriptors for this indicator"),
        help_text=_(
            "Optional: one per level of the scale, lowest first. Leave empty to use the "
            "scale's general descriptors."
        ),
        min_num=0,
        collapsed=True,
    )

    class Meta:
        icon = "circle-check"
        label = _("Indicator")


class DomainBlock(blocks.StructBlock):
    name = TranslatedTextBlock(label=_("Domain"))
    indicators = blocks.ListBlock(IndicatorBlock(), label=_("Indicators"), min_num=1)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Domain")
