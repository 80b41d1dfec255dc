"""Creates the fixture population in the throwaway Django 3.2 database, through Django's own API.

Usage (make-fixtures.sh runs it): populate.py main|edge OTHER_DJANGO_HASHES_JSON OUT_JSON

  main  the population the import tests log in with: every hasher, inactive/staff/superuser users,
        groups with permissions, an unusable password, non-ASCII names, DRF token keys, a pk gap
        and a high pk.
  edge  records a clean import must reject or report: two usernames equal under NFKC (possible
        in a database written before Django 1.10 or past create_user), the name "me" (taken by
        restauth's /api/users/me/), a group name that is not a valid restauth role.

Writes what the tests need to know per user (THROWAWAY plaintext passwords included) as JSON.
Every password hash is made by Django: 3.2 here, or 2.2 / 4.2 / 5.2 for the older and newer
formats (other_django_hashes.py), as "hash_made_by" says per user.
"""
import json
import os
import sys
import unicodedata
from datetime import datetime, timezone

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fixtureproject.settings")
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.auth.models import Group, Permission, User  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

DJANGO = "Django " + django.get_version()


def at(text):
    """An aware UTC datetime from 'YYYY-mm-dd HH:MM:SS.ffffff' (microseconds kept in the DB;
    dumpdata writes milliseconds)."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S.%f").replace(tzinfo=timezone.utc)


def main_population(other):
    report = {}

    admin = Group.objects.create(name="admin")
    editors = Group.objects.create(name="editors")
    support = Group.objects.create(name="support")
    editors.permissions.add(
        Permission.objects.get(codename="change_user"), Permission.objects.get(codename="view_user")
    )

    def user(username, password, *, algorithm=None, raw_hash=None, made_by=DJANGO, groups=(),
             token=False, joined, last_login=None, pk=None, create=None, original=None, **fields):
        """create: how Django created it (create_user normalizes the username)."""
        fields.setdefault("email", "")
        if create == "superuser":
            u = User.objects.create_superuser(username, fields.pop("email"), password, **fields)
        elif pk is not None:
            # A pk chosen by hand, as a data migration or an earlier import leaves them.
            u = User(pk=pk, username=User.normalize_username(username), **fields)
            u.set_password(password)
            u.save()
        else:
            u = User.objects.create_user(username, fields.pop("email"), password, **fields)
        if algorithm is not None:
            u.password = make_password(password, hasher=algorithm)
        if raw_hash is not None:
            u.password = raw_hash
        if password is None:
            u.set_unusable_password()
        u.date_joined = joined
        u.last_login = last_login
        u.save()
        u.groups.set(groups)
        key = None
        if token:
            t = Token.objects.create(user=u)
            Token.objects.filter(pk=t.pk).update(created=last_login or joined)
            key = t.key
        report[u.username] = {
            "pk": u.pk,
            "password": password,
            "hash_algorithm": u.password.split("$", 1)[0] if u.has_usable_password() else None,
            "hash_made_by": made_by if u.has_usable_password() else None,
            "is_active": u.is_active,
            "is_staff": u.is_staff,
            "is_superuser": u.is_superuser,
            "groups": sorted(g.name for g in groups),
            "token": key,
            # What Django itself would do with these credentials.
            "django_login_ok": u.is_active and u.has_usable_password(),
        }
        if original is not None:
            report[u.username]["username_as_typed"] = original
        return u

    user("admin", "admin-THROWAWAY-fixture-pw-1", create="superuser", groups=[admin], token=True,
         email="admin@example.com", joined=at("2019-03-04 09:15:00.000000"),
         last_login=at("2024-11-02 08:00:01.123456"))
    user("alice", "alice-THROWAWAY-fixture-pw-2", groups=[editors], token=True,
         first_name="Alice", last_name="Liddell", email="alice@example.com",
         joined=at("2019-05-06 10:00:00.250000"), last_login=at("2024-10-30 17:45:12.987654"))
    bob = user("bob", "bob-THROWAWAY-fixture-pw-3", algorithm="pbkdf2_sha1", token=True,
               joined=at("2020-01-01 00:00:00.000000"))
    bob.user_permissions.add(Permission.objects.get(codename="view_group"))
    user("carol", "carol-THROWAWAY-fixture-pw-4", algorithm="argon2", groups=[editors, support],
         joined=at("2020-02-29 12:00:00.000001"), last_login=at("2024-02-29 12:00:00.000000"))
    # bcrypt_sha256 hashes SHA-256(password) first: this password is 84 UTF-8 bytes, past
    # bcrypt's 72-byte truncation, so an importer that skips the pre-hash cannot verify it.
    user("dave", "dave-THROWAWAY-fixture-pw-5-ünïcödé-and-long-enough-to-pass-seventy-two-bytes-ok",
         algorithm="bcrypt_sha256", token=True, joined=at("2020-06-15 08:30:00.500000"))
    # pk 6 is deleted, as in any real table: ids are not contiguous.
    User.objects.create_user("deleted-user", password="x").delete()
    # Hashes made by other Django versions: a deployment that ran them holds these.
    for username, label in (("erin", "dj4-scrypt"), ("frank", "dj5-scrypt"),
                            ("grace", "dj4-pbkdf2_sha256"), ("heidi", "dj5-pbkdf2_sha256"),
                            ("ivan", "dj5-pbkdf2_sha1"),
                            ("judy", "dj2-pbkdf2_sha256"), ("ken", "dj2-argon2")):
        h = other[label]
        old = h["django"].startswith("2.")
        user(username, h["password"], raw_hash=h["hash"], made_by="Django " + h["django"],
             is_staff=(username == "heidi"),
             joined=at("2018-01-01 00:00:00.000000" if old else "2023-04-01 10:00:00.000000"),
             last_login=at("2019-12-31 23:59:59.999999" if old else "2024-09-01 10:00:00.000000"))
    user("svc-reports", None, groups=[support], token=True, first_name="Reports",
         last_name="service account", joined=at("2021-01-01 00:00:00.000000"))
    user("mallory", "mallory-THROWAWAY-fixture-pw-8", token=True, is_active=False,
         joined=at("2021-03-01 00:00:00.000000"), last_login=at("2022-03-01 00:00:00.000000"))
    user("josé", "josé-THROWAWAY-contraseña-9", groups=[editors], token=True, first_name="José",
         last_name="Núñez", joined=at("2021-05-05 05:05:05.050505"))
    # create_user NFKC-normalizes: typed in fullwidth letters, stored (and dumped) as "naomi".
    user("ｎａｏｍｉ", "naomi-THROWAWAY-fixture-pw-10", original="ｎａｏｍｉ",
         joined=at("2022-01-01 00:00:00.000000"))
    # Typed with a combining diaeresis (e + U+0308), stored composed (U+00EB).
    user("Zoe\u0308", "zoe-THROWAWAY-fixture-pw-11", original="Zoe\u0308", algorithm="argon2",
         joined=at("2022-02-02 00:00:00.000000"))
    user("用户七", "用户七-THROWAWAY-密码-12", algorithm="bcrypt_sha256", token=True,
         joined=at("2022-03-03 00:00:00.000000"))
    # Django hashes the password as typed (no normalization): "ﬁ" (U+FB01) is NFKC "fi", so a
    # verifier that normalizes passwords before checking a Django hash fails this one.
    user("fiona", "\ufb01ve-THROWAWAY-\ufb01sh-13", joined=at("2022-04-04 00:00:00.000000"))
    user("ops.bot+ci@example.com", "opsbot-THROWAWAY-fixture-pw-14", groups=[support], token=True,
         joined=at("2023-01-01 00:00:00.000000"))
    user("olivia", "olivia-THROWAWAY-fixture-pw-15", pk=5000, groups=[editors],
         joined=at("2023-06-01 00:00:00.000000"))
    return report


def edge_population():
    report = {}
    # Fullwidth "ｍａｒｉａ" written past create_user (a pre-1.10 Django, a raw SQL insert or a
    # plain User.objects.create): Django stores and dumps it unnormalized, next to "maria".
    for username, create in (("maria", "create_user"), ("ｍａｒｉａ", "objects.create"),
                             ("me", "create_user"), ("tom", "create_user")):
        password = username + "-THROWAWAY-edge-pw"
        if create == "create_user":
            u = User.objects.create_user(username, password=password)
        else:
            u = User.objects.create(username=username)
            u.set_password(password)
            u.save()
        u.date_joined = at("2020-01-01 00:00:00.000000")
        u.save()
        report[u.username] = {"pk": u.pk, "password": password, "created_with": create,
                              "nfkc": unicodedata.normalize("NFKC", u.username)}
    team = Group.objects.create(name="Support Team")  # a space: not a valid restauth role
    User.objects.get(username="tom").groups.add(team)
    return report


if __name__ == "__main__":
    mode, other_file, out_file = sys.argv[1:4]
    if mode == "main":
        with open(other_file, encoding="utf-8") as f:
            result = main_population(json.load(f))
    else:
        result = edge_population()
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=2)
