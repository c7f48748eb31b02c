#!/usr/bin/env python3
"""Reads one RFC 5322 message (file path, or - for stdin) with Python's email
package (policy=default, a real MIME parser) and prints what the tests check as
one JSON object: decoded headers in order, the parts' content types in order,
their decoded text (an attached file: its name and bytes in base64), the parser's defects and the longest raw line."""
import base64
import email
import email.policy
import json
import sys

raw = sys.stdin.buffer.read() if sys.argv[1] == "-" else open(sys.argv[1], "rb").read()
message = email.message_from_bytes(raw, policy=email.policy.default)
parts = []
defects = [type(d).__name__ for d in message.defects]
for part in message.walk():
    defects += [type(d).__name__ for d in part.defects]
    if part.is_multipart():
        continue
    content = part.get_content()
    if isinstance(content, str):
        parts.append({"type": part.get_content_type(), "charset": part.get_content_charset(),
                      "text": content.replace("\r\n", "\n")})
    else:  # an attached file: its name and bytes
        parts.append({"type": part.get_content_type(), "charset": None, "text": "",
                      "fileName": part.get_filename(), "base64": base64.b64encode(content).decode("ascii")})
lines = raw.split(b"\r\n")
print(json.dumps({
    "headers": [[name, str(value)] for name, value in message.items()],
    "contentType": message.get_content_type(),
    "parts": parts,
    "defects": defects,
    "longestLine": max(len(line) for line in lines),
    "bareLineFeeds": raw.replace(b"\r\n", b"").count(b"\n"),
}, ensure_ascii=False))
