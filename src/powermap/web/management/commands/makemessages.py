"""Django's makemessages, also extracting the core's sentences (`say`, `say_plural`).

The pure core cannot call Django's gettext; it marks its sentences with
`powermap.domain.messages.say`, and this tells xgettext to look for that name too.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [
        *makemessages.Command.xgettext_options,
        "--keyword=say",
        "--keyword=say_plural:1,2",
    ]
