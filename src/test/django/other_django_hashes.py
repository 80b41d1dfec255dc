"""Password hashes made by another Django version than the fixture project's 3.2.

Run with PYTHONPATH pointing at an unpacked python3-django .deb (make-fixtures.sh does this with
Debian bullseye's 2.2, trixie's 4.2 and sid's 5.2): older deployments hold Django 2.2's formats
(12-character salts, argon2i), newer ones scrypt (Django >= 4.0) and higher PBKDF2 iteration
counts. Each hash is made by that Django's own make_password with its default parameters, and
checked by its check_password. Prints JSON {PREFIX + algorithm: {"password", "hash", "django",
"hasher_params"}} on stdout.

Usage: other_django_hashes.py PREFIX '{"<algorithm>": "<password>", ...}'
"""
import json
import sys

import django
from django.conf import settings

HASHERS = {
    "pbkdf2_sha256": "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "pbkdf2_sha1": "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "argon2": "django.contrib.auth.hashers.Argon2PasswordHasher",
    "bcrypt_sha256": "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "scrypt": "django.contrib.auth.hashers.ScryptPasswordHasher",
}
prefix, wanted = sys.argv[1], json.loads(sys.argv[2])
settings.configure(PASSWORD_HASHERS=[HASHERS[algorithm] for algorithm in wanted])
django.setup()

from django.contrib.auth.hashers import check_password, get_hasher, make_password  # noqa: E402

out = {}
for algorithm, password in wanted.items():
    encoded = make_password(password, hasher=algorithm)
    assert check_password(password, encoded), algorithm
    assert not check_password(password + "x", encoded), algorithm
    hasher = get_hasher(algorithm)
    out[prefix + algorithm] = {
        "password": password,
        "hash": encoded,
        "django": django.get_version(),
        "hasher_params": {k: getattr(hasher, k) for k in (
            "iterations", "time_cost", "memory_cost", "parallelism", "work_factor", "block_size")
            if hasattr(hasher, k)},
    }
json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
