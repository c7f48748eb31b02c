"""aiosmtpd handler for the tests: saves each message exactly as received
(N.eml) and its envelope (N.json: sender, recipients, client address and port), each written to a
temporary name then renamed, before answering 250.

    PYTHONPATH=Fixtures python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c save_handler.SaveHandler DIR
"""
import json
import os


class SaveHandler:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    @classmethod
    def from_cli(cls, parser, *args):
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, "%05d" % self.count)
        with open(base + ".tmp", "wb") as f:
            f.write(envelope.original_content)
        os.rename(base + ".tmp", base + ".eml")
        with open(base + ".tmp", "w") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos, "peer": list(session.peer)}, f)
        os.rename(base + ".tmp", base + ".json")
        return "250 2.0.0 Saved as %05d" % self.count


class PipeliningSaveHandler(SaveHandler):
    """SaveHandler whose EHLO also offers PIPELINING (aiosmtpd reads the
    commands a line at a time, so it takes them pipelined). The STARTTLS tests
    use it, so the pipelined transaction is checked through TLS."""

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING"] + responses[-1:]
