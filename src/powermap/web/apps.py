from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "powermap.web"
    label = "web"

    def ready(self) -> None:
        from powermap.web import reauth  # noqa: F401  # connects the login signal
