# The Stapteam application image: Django under gunicorn, static files served by whitenoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=stapteam.settings.production

# Pango and HarfBuzz for WeasyPrint (the PDF reports); the fonts ship in static/fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 stapteam
WORKDIR /app

COPY requirements/productie.txt requirements/productie.txt
RUN pip install --no-cache-dir --require-hashes -r requirements/productie.txt

COPY --chown=stapteam:stapteam . .
# collectstatic needs settings that load; the real secret comes from the environment.
RUN DJANGO_SECRET_KEY=alleen-voor-collectstatic-$(python -c "print('x'*60)") \
    REDIS_URL=redis://unused:6379/0 \
    python manage.py collectstatic --noinput \
    && mkdir -p /data/prive && chown stapteam:stapteam /data/prive

USER stapteam
EXPOSE 8000
ENTRYPOINT ["docker/entrypoint.sh"]
CMD ["gunicorn", "stapteam.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
