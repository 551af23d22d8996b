from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Foundation")

    def ready(self) -> None:
        # Pillow refuses (DecompressionBombError) an image of more than twice its
        # MAX_IMAGE_PIXELS, and only warns below that: set so that it refuses above the
        # product's limit in every place an image is decoded (uploads, renditions, visit
        # photos), whatever warning filters are in force, and no image can unpack to
        # gigabytes. Upload forms refuse above the limit itself, with a clear message.
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.LMS_MAX_IMAGE_PIXELS // 2
