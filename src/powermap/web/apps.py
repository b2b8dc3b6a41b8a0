from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "powermap.web"
    label = "web"
