#!/bin/sh
# Crieur's public pages (subscription, confirmation, unsubscribe) for the web server.
# Copy to /usr/local/lib/crieur/lettre.cgi (mode 0755, owned by root) and adjust the two paths.
# The web server runs it as its own user (www-data): it reads config/ and writes into web/drop/ only.
exec /usr/local/bin/crieur --root /srv/crieur web
