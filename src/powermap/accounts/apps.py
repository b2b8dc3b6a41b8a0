from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "powermap.accounts"
    label = "accounts"
