#!/bin/sh
# The rights that keep the web side away from the consent ledger (run as root once,
# after « crieur init /srv/crieur »). The worker runs as « crieur », the web server as « www-data ».
set -eu
root=/srv/crieur
chown -R crieur: "$root"
chmod 0755 "$root" "$root/config" "$root/web"
chmod 0644 "$root/config/crieur.json5"
# data/: the ledger and every personal file, for the worker only (Crieur keeps these modes itself).
chmod 0700 "$root/data"
# web/drop/: like Postfix's maildrop: www-data may leave a request there, but neither list nor read the others'.
chgrp www-data "$root/web/drop"
chmod 1730 "$root/web/drop"
# web/replies/: the worker's answers (no personal data), which the page waits for.
chmod 0755 "$root/web/replies"
# The staff desk (crieur bureau): web/bureau/drop/ like web/drop/ (requests and uploaded pictures),
# its replies readable, and the form-token secret readable by the web server's group only.
chgrp www-data "$root/web/bureau/drop"
chmod 1730 "$root/web/bureau/drop"
chmod 0755 "$root/web/bureau" "$root/web/bureau/replies" "$root/queue" "$root/queue/review"
chgrp www-data "$root/web/bureau/secret"
chmod 0640 "$root/web/bureau/secret"
