"""A throwaway Django 3.2 + DRF + SimpleJWT 5.2.2 project whose only job is producing test fixtures.

Everything comes from the environment so that make-fixtures.sh can run one process per SimpleJWT
configuration (SimpleJWT reads its settings once, at import):
  FIXTURE_DB      the SQLite file (a throwaway copy lives under make-fixtures.sh's work dir)
  JWT_VARIANT     hs256 (default) | rs256 | es256
  JWT_KEYS_DIR    where the TEST-ONLY PEM keys of rs256/es256 are
  JWT_LIFETIME    long (exp at 2100-01-01, the default) | default (SimpleJWT's 5 min / 1 day)
"""
import os
from datetime import datetime, timedelta, timezone

# TEST-ONLY: committed on purpose (src/test/resources/django/jwt/hs256/settings.json). SimpleJWT's
# SIGNING_KEY defaults to SECRET_KEY, which is what most deployments run with, so the HS256
# fixtures are signed with this value. Shaped like startproject's keys (50 chars after the prefix).
SECRET_KEY = "django-insecure-TEST-ONLY-fixture-key-q8v$2m!x7r@k4p#z9w&c1n^t6b*e3h(s5j)"

DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "rest_framework.authtoken",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("FIXTURE_DB", "/tmp/restauth-fixtures.sqlite3"),
    }
}
# Django 3.2's default list, spelled out (scrypt only exists from Django 4.0 on).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = []
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
}

# Long-lived fixture tokens expire at 2100-01-01: they must stay valid for as long as the tests
# live, and an exp past 2038-01-19 also proves that exp/iat are read as 64-bit numbers.
# mint_tokens.py runs SimpleJWT's clock from MINT_START (one minute per pair), so that every iat
# lies in the past on any machine that runs the tests (an iat in the future is refused).
FAR_FUTURE = datetime(2100, 1, 1, tzinfo=timezone.utc)
MINT_START = datetime(2024, 6, 1, tzinfo=timezone.utc)
# The expired ones: minted with the clock at this instant and SimpleJWT's default lifetimes.
MINT_EXPIRED = datetime(2024, 1, 1, tzinfo=timezone.utc)
if os.environ.get("JWT_LIFETIME", "long") == "long":
    _lifetime = FAR_FUTURE - MINT_START
    _lifetimes = {"ACCESS_TOKEN_LIFETIME": _lifetime, "REFRESH_TOKEN_LIFETIME": _lifetime}
else:  # SimpleJWT's defaults, with the clock at MINT_EXPIRED: long expired
    _lifetimes = {
        "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
        "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
    }

_variant = os.environ.get("JWT_VARIANT", "hs256")
_keys = os.environ.get("JWT_KEYS_DIR", "")


def _pem(name):
    with open(os.path.join(_keys, name), encoding="ascii") as f:
        return f.read()


if _variant == "hs256":
    # SimpleJWT's defaults: HS256 with SIGNING_KEY = SECRET_KEY, no aud/iss.
    SIMPLE_JWT = dict(_lifetimes)
elif _variant == "rs256":
    # An asymmetric deployment that also sets AUDIENCE and ISSUER.
    SIMPLE_JWT = dict(
        _lifetimes,
        ALGORITHM="RS256",
        SIGNING_KEY=_pem("TEST-ONLY-rs256-private.pem"),
        VERIFYING_KEY=_pem("rs256-public.pem"),
        AUDIENCE="legacy-django",
        ISSUER="https://legacy-django.example",
    )
elif _variant == "es256":
    SIMPLE_JWT = dict(
        _lifetimes,
        ALGORITHM="ES256",
        SIGNING_KEY=_pem("TEST-ONLY-es256-private.pem"),
        VERIFYING_KEY=_pem("es256-public.pem"),
    )
else:
    raise ValueError("JWT_VARIANT must be hs256, rs256 or es256")
