from django.apps import AppConfig


class DemoIdPConfig(AppConfig):
    name = "demo.idp"
    label = "demo_idp"
    default_auto_field = "django.db.models.BigAutoField"
