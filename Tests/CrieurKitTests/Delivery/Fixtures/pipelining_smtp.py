"""An SMTP relay for the tests that tells how the client's commands arrived.

    python3 pipelining_smtp.py PORT pipelining | no-pipelining | close-after-message | leaving

pipelining:          offers PIPELINING in its EHLO reply.
no-pipelining:       does not (the client must wait for each reply).
close-after-message: offers PIPELINING, and closes the connection right after
                     accepting each message (as a relay that drops idle
                     connections does, from the client's point of view).
leaving:             offers PIPELINING, answers MAIL FROM with 421 and closes
                     the connection at once (a relay shutting down).
Prints "listening" once it accepts connections; then, for each piece of data
it receives outside a message, the command verbs it holds, e.g.
"commands MAIL RCPT DATA" (a pipelining client's one write) or "commands MAIL";
"accepted N" after each message and "connection N" for each new connection;
each on its own flushed line. Like a strict relay, it refuses a recipient whose
address starts with "refus" (550), a DATA without an accepted recipient (554)
and a MAIL FROM while a transaction is open (503, until RSET).
"""
import asyncio
import sys


async def handle(reader, writer, mode, state):
    state["connections"] += 1
    print("connection %d" % state["connections"], flush=True)
    writer.write(b"220 pipelining.example ESMTP\r\n")
    await writer.drain()
    pending = b""
    in_data = False
    mail = recipients = False
    while True:
        chunk = await reader.read(65536)
        if not chunk:
            break
        pending += chunk
        if not in_data:
            verbs = [line[:4].upper().decode() for line in pending.split(b"\r\n") if line]
            print("commands " + " ".join(verbs), flush=True)
        while b"\r\n" in pending:
            if in_data:
                end = pending.find(b"\r\n.\r\n")
                if end < 0 and not pending.startswith(b".\r\n"):
                    break
                pending = pending[end + 5:] if end >= 0 else pending[3:]
                in_data = mail = recipients = False
                state["accepted"] += 1
                print("accepted %d" % state["accepted"], flush=True)
                writer.write(b"250 2.0.0 Ok: queued\r\n")
                await writer.drain()
                if mode == "close-after-message":
                    writer.close()
                    return
                continue
            line, pending = pending.split(b"\r\n", 1)
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                offer = b"250-PIPELINING\r\n" if mode != "no-pipelining" else b""
                writer.write(b"250-pipelining.example\r\n" + offer + b"250 8BITMIME\r\n")
            elif verb == b"MAIL" and mode == "leaving":
                writer.write(b"421 4.3.2 Service shutting down\r\n")
                await writer.drain()
                writer.close()
                return
            elif verb == b"MAIL":
                if mail:
                    writer.write(b"503 5.5.1 Error: nested MAIL command\r\n")
                else:
                    mail = True
                    writer.write(b"250 2.1.0 Ok\r\n")
            elif verb == b"RCPT":
                if not mail:
                    writer.write(b"503 5.5.1 Error: need MAIL command\r\n")
                elif line[8:].lower().startswith(b"<refus"):
                    writer.write(b"550 5.1.1 Recipient address rejected: unknown\r\n")
                else:
                    recipients = True
                    writer.write(b"250 2.1.5 Ok\r\n")
            elif verb == b"RSET":
                mail = recipients = False
                writer.write(b"250 2.0.0 Ok\r\n")
            elif verb == b"DATA":
                if recipients:
                    in_data = True
                    writer.write(b"354 go ahead\r\n")
                else:
                    writer.write(b"554 5.5.1 Error: no valid recipients\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                writer.close()
                return
            else:
                writer.write(b"250 ok\r\n")
        await writer.drain()
    writer.close()


async def main():
    port, mode = int(sys.argv[1]), sys.argv[2]
    state = {"connections": 0, "accepted": 0}
    server = await asyncio.start_server(lambda r, w: handle(r, w, mode, state), "127.0.0.1", port)
    print("listening", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
