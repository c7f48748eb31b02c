"""aiosmtpd offering AUTH and refusing every login (535), as a relay does with a wrong password.

    python refusing_login_smtp.py PORT

Prints "listening" once it accepts connections, then runs until killed.
"""
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Handler:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def refuse(server, session, envelope, mechanism, auth_data):
    return AuthResult(success=False, handled=False)


controller = Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1]),
                        authenticator=refuse, auth_require_tls=False)
controller.start()
print("listening", flush=True)
while True:
    time.sleep(3600)
