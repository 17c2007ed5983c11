#!/bin/sh
# Apply migrations before the app starts (a fresh database gets its roles this way).
set -e
python manage.py migrate --noinput
exec "$@"
