"""Form rendering shared by every page.

Django already points each input at its hint (``<id>_helptext``) and error (``<id>_error``)
and marks it invalid; the templates give those elements their ids, and put an error
summary with links to the fields at the top of the form.
"""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
