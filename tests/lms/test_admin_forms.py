"""The admin's custom forms are the ones Wagtail uses."""

from __future__ import annotations

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import get_snippet_models


def test_no_snippet_viewset_names_a_form_wagtail_would_ignore() -> None:
    # Wagtail takes a custom form from the model's ``base_form_class`` or from the edit
    # handler's (``ObjectList(panels, base_form_class=...)``); one set on the viewset is
    # silently ignored, and the admin shows the default form instead.
    assert not hasattr(ModelViewSet, "base_form_class")
    ignored = [
        type(model.snippet_viewset).__qualname__
        for model in get_snippet_models()
        if "base_form_class" in vars(type(model.snippet_viewset))
    ]
    assert ignored == []
