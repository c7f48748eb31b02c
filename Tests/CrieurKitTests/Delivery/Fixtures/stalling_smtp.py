"""A misbehaving SMTP relay for the tests: answers like a server until a chosen
step, then stays silent with the connection open (as a stalled relay does).

    python3 stalling_smtp.py PORT after-ehlo | after-dot

after-ehlo: greets, answers EHLO, then never answers again.
after-dot:  answers everything up to the final dot of the first message, reads
            it, then never answers again.
Prints "listening" once it accepts connections, and "stalled" when it stops
answering (after the EHLO reply, or once the final dot has arrived), each on
its own flushed line: the test waits for these lines instead of sleeping.
"""
import asyncio
import sys


async def handle(reader, writer, mode):
    writer.write(b"220 stalling.example ESMTP\r\n")
    await writer.drain()
    in_data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if in_data:
            if line == b".\r\n":
                print("stalled", flush=True)
                await asyncio.Event().wait()
            continue
        verb = line[:4].upper()
        if verb in (b"EHLO", b"HELO"):
            writer.write(b"250-stalling.example\r\n250 8BITMIME\r\n")
            await writer.drain()
            if mode == "after-ehlo":
                print("stalled", flush=True)
                await asyncio.Event().wait()
        elif verb == b"DATA":
            in_data = True
            writer.write(b"354 go ahead\r\n")
        elif verb == b"QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 ok\r\n")
        await writer.drain()
    writer.close()


async def main():
    port, mode = int(sys.argv[1]), sys.argv[2]
    server = await asyncio.start_server(lambda r, w: handle(r, w, mode), "127.0.0.1", port)
    print("listening", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
