#!/bin/sh
# Crieur's staff desk (« le bureau ») for the web server, behind the commune's authentication.
# Copy to /usr/local/lib/crieur/bureau.cgi (mode 0755, owned by root) and adjust the two paths.
# The web server runs it as its own user (www-data) and must set REMOTE_USER (Basic, LDAP/AD, SSO):
# it reads config/, queue/, out/archive/ and web/bureau/secret, writes into web/bureau/drop/ only.
exec /usr/local/bin/crieur --root /srv/crieur bureau
