"""A real SMTP server for the e-mail tests: aiosmtpd on loopback, each accepted message saved as
one JSON file (recipients, decoded subject, Message-ID, plain-text body) in the given folder.

usage: sink.py <port> <folder>   — prints "ready" once listening; stops when stdin closes.
"""

import email
import json
import os
import sys
import uuid
from email.policy import default

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=default)
        body = message.get_body(("plain",))
        record = {
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "message_id": str(message["message-id"]),
            "body": body.get_content() if body is not None else "",
        }
        path = os.path.join(self.folder, uuid.uuid4().hex + ".json")
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.rename(path + ".tmp", path)
        return "250 Message accepted"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Store(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
