"""Checks the committed fixtures with real Django, DRF and SimpleJWT (make-fixtures.sh runs it).

Usage: check_fixtures.py FIXTURES_DIR DJANGO2_PATH DJANGO4_PATH DJANGO5_PATH
  (FIXTURE_DB = a scratch SQLite file; the DJANGO*_PATHs are unpacked python3-django .debs)

1. Every dump variant loads with `manage.py loaddata` into a fresh database and yields the same
   users, groups, memberships, permissions and token keys as users-plain.json (natural-primary
   without the pks, which that form leaves out).
2. Every password in passwords.json verifies against its user's hash in the dump, and a wrong one
   does not: with Django 3.2 (all but scrypt), 2.2 (all but scrypt and argon2id: its argon2
   verify is hardwired to argon2i) and with Django 4.2 and 5.2 (all); the scrypt hashes also re-computed with bare hashlib.scrypt. Every token key
   authenticates its user through DRF's TokenAuthentication (inactive: refused).
3. Per SimpleJWT variant, in its own process: every token decodes with the committed keys/settings;
   long-lived access tokens authenticate their user through JWTAuthentication (the inactive
   user's are refused), expired ones and blacklisted refresh tokens are refused.
4. gen-big-dump.py's output (compact, indented, natural) is byte-identical to what dumpdata writes
   after loaddata of it.
"""
import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
VARIANTS = ("plain", "compact", "natural-foreign", "natural", "shuffled")
checks = 0


def ok(condition, message):
    global checks
    if not condition:
        raise AssertionError(message)
    checks += 1


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fixtureproject.settings")
    import django

    django.setup()


def fresh_db():
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    if os.path.exists(os.environ["FIXTURE_DB"]):
        os.remove(os.environ["FIXTURE_DB"])
    call_command("migrate", verbosity=0, interactive=False)


def snapshot(with_pks):
    from django.contrib.auth.models import Group, User
    from rest_framework.authtoken.models import Token

    def perms(qs):
        return sorted(f"{p.content_type.app_label}.{p.codename}" for p in qs)

    users = {}
    for u in User.objects.all():
        users[u.username] = {
            "pk": u.pk if with_pks else None,
            "password": u.password,
            "last_login": u.last_login, "date_joined": u.date_joined,
            "flags": (u.is_active, u.is_staff, u.is_superuser),
            "names": (u.first_name, u.last_name, u.email),
            "groups": sorted(g.name for g in u.groups.all()),
            "perms": perms(u.user_permissions.all()),
        }
    groups = {g.name: perms(g.permissions.all()) for g in Group.objects.all()}
    tokens = {t.key: (t.user.username, t.created) for t in Token.objects.all()}
    return users, groups, tokens


def check_dumps(out, passwords):
    from django.core.management import call_command

    snapshots = {}
    for variant in VARIANTS:
        fresh_db()
        call_command("loaddata", os.path.join(out, f"users-{variant}.json"), verbosity=0)
        snapshots[variant] = snapshot(with_pks=variant != "natural")
    plain = snapshots["plain"]
    for variant, snap in snapshots.items():
        if variant == "natural":
            strip = {n: dict(u, pk=None) for n, u in plain[0].items()}
            ok(snap[0] == strip, "natural: users differ from plain")
            ok(snap[1:] == plain[1:], "natural: groups/tokens differ from plain")
        else:
            ok(snap == plain, f"{variant}: differs from plain")
    users = plain[0]
    expected = passwords["users"]
    ok(set(users) == set(expected), f"users {sorted(users)} != passwords.json {sorted(expected)}")
    for name, e in expected.items():
        u = users[name]
        ok(u["pk"] == e["pk"] and list(u["flags"]) == [e["is_active"], e["is_staff"],
           e["is_superuser"]] and u["groups"] == e["groups"], f"{name}: dump != passwords.json")
    print(f"[check] {len(VARIANTS)} dump variants load and agree: {len(users)} users, "
          f"{len(plain[1])} groups, {len(plain[2])} token keys")
    return users


def check_passwords_django32(users, passwords):
    from django.contrib.auth.hashers import check_password, is_password_usable
    from django.core.management import call_command
    from rest_framework.authentication import TokenAuthentication
    from rest_framework.exceptions import AuthenticationFailed

    fresh_db()
    call_command("loaddata", os.path.join(OUT, "users-plain.json"), verbosity=0)
    pairs = []
    for name, e in passwords["users"].items():
        encoded = users[name]["password"]
        if e["password"] is None:
            ok(not is_password_usable(encoded) and encoded.startswith("!")
               and len(encoded) == 41, f"{name}: not an unusable password")
            continue
        ok(encoded.split("$", 1)[0] == e["hash_algorithm"], f"{name}: algorithm")
        pairs.append((name, e["password"], encoded))
        if e["hash_algorithm"] != "scrypt":  # Django 3.2 has no scrypt hasher
            ok(check_password(e["password"], encoded), f"{name}: Django 3.2 refuses its password")
            ok(not check_password(e["password"] + "x", encoded), f"{name}: wrong password accepted")
        if e["token"]:
            auth = TokenAuthentication()
            try:
                user, _ = auth.authenticate_credentials(e["token"])
                ok(e["is_active"] and user.username == name, f"{name}: token")
            except AuthenticationFailed as refused:
                ok(not e["is_active"], f"{name}: token refused: {refused}")
    n = sum(1 for p in pairs if not p[2].startswith("scrypt$"))
    print(f"[check] Django 3.2 verifies {n} password hashes (all but scrypt) and every DRF token key")
    return pairs


def check_passwords_other(pairs, django_path):
    script = r"""
import json, sys
import django
from django.conf import settings
import django.contrib.auth.hashers as hashers
names = ["PBKDF2PasswordHasher", "PBKDF2SHA1PasswordHasher", "Argon2PasswordHasher",
         "BCryptSHA256PasswordHasher", "ScryptPasswordHasher"]
settings.configure(PASSWORD_HASHERS=["django.contrib.auth.hashers." + n for n in names
                                     if hasattr(hashers, n)])
django.setup()
known = {h.algorithm for h in hashers.get_hashers()}
pairs = [p for p in json.load(sys.stdin) if p[2].split("$", 1)[0] in known]
if django.VERSION[0] < 3:  # 2.2 verifies argon2 with type=Type.I only
    pairs = [p for p in pairs if not p[2].startswith("argon2$argon2id$")]
bad = [n for n, pw, h in pairs
       if not hashers.check_password(pw, h) or hashers.check_password(pw + "x", h)]
print(json.dumps({"django": django.get_version(), "bad": bad, "checked": len(pairs)}))
"""
    env = dict(os.environ, PYTHONPATH=django_path)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = json.loads(subprocess.run([PY, "-c", script], input=json.dumps(pairs), env=env,
                                       capture_output=True, text=True, check=True).stdout)
    ok(not result["bad"], f"Django {result['django']} refuses {result['bad']}")
    print(f"[check] Django {result['django']} verifies {result['checked']} of the {len(pairs)} "
          f"password hashes (all it can)")


def check_scrypt_stdlib(pairs):
    """Django 4+'s format, re-derived with nothing but hashlib: what a Java port must compute."""
    n = 0
    for name, password, encoded in pairs:
        if not encoded.startswith("scrypt$"):
            continue
        algorithm, work_factor, salt, block_size, parallelism, b64 = encoded.split("$")
        key = hashlib.scrypt(password.encode("utf-8"), salt=salt.encode("utf-8"),
                             n=int(work_factor), r=int(block_size), p=int(parallelism),
                             maxmem=0, dklen=64)
        ok(base64.b64encode(key).decode("ascii") == b64, f"{name}: hashlib.scrypt differs")
        n += 1
    print(f"[check] {n} scrypt hashes re-derived with hashlib.scrypt")


def check_jwt_variant(variant):
    """Runs in its own process (SimpleJWT reads its settings once)."""
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from rest_framework_simplejwt.authentication import JWTAuthentication
    from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken, TokenError
    from rest_framework_simplejwt.settings import api_settings
    from rest_framework_simplejwt.tokens import RefreshToken

    d = os.path.join(OUT, "jwt", variant)
    with open(os.path.join(d, "settings.json"), encoding="utf-8") as f:
        recorded = json.load(f)
    for key in ("ALGORITHM", "SIGNING_KEY", "VERIFYING_KEY", "AUDIENCE", "ISSUER", "USER_ID_CLAIM"):
        ok(recorded[key] == getattr(api_settings, key), f"{variant}: settings.json {key}")
    if variant != "hs256":
        with open(os.path.join(d, f"{variant}-public.pem"), encoding="ascii") as f:
            ok(recorded["VERIFYING_KEY"] == f.read(), f"{variant}: public key file")
    fresh_db()
    call_command("loaddata", os.path.join(OUT, "users-plain.json"), verbosity=0)
    if variant == "hs256":
        call_command("loaddata", os.path.join(OUT, "token-blacklist.json"), verbosity=0)
    with open(os.path.join(d, "tokens.json"), encoding="utf-8") as f:
        minted = json.load(f)["tokens"]
    auth = JWTAuthentication()
    for t in minted:
        user = User.objects.get(username=t["username"])
        ok(t["user_id"] == user.pk and isinstance(t["user_id"], int), f"{t['name']}: user_id")
        try:
            validated = auth.get_validated_token(t["access"])
            ok(not t["expired"], f"{t['name']}: expired access token accepted")
            try:
                ok(auth.get_user(validated) == user and user.is_active, f"{t['name']}: user")
            except AuthenticationFailed:
                ok(not user.is_active, f"{t['name']}: active user refused")
        except InvalidToken:
            ok(t["expired"], f"{t['name']}: access token refused")
        try:
            RefreshToken(t["refresh"])
            ok(not t["expired"] and not t["blacklisted"], f"{t['name']}: refresh accepted")
        except TokenError as refused:
            ok(t["expired"] or t["blacklisted"], f"{t['name']}: refresh refused: {refused}")
    print(f"[check] {variant}: {len(minted)} SimpleJWT pairs behave as tokens.json says")


def check_edge_cases(passwords):
    from django.contrib.auth.hashers import check_password
    from django.core.management import call_command
    import unicodedata

    fresh_db()
    call_command("loaddata", os.path.join(OUT, "users-edge-cases.json"), verbosity=0)
    users, groups, _ = snapshot(with_pks=True)
    ok(set(users) == set(passwords["edge_cases"]), "edge cases: users")
    nfkc = [unicodedata.normalize("NFKC", n) for n in users]
    ok(len(set(nfkc)) == len(users) - 1, "edge cases: want exactly one NFKC collision")
    ok("Support Team" in groups, "edge cases: group")
    for name, e in passwords["edge_cases"].items():
        ok(check_password(e["password"], users[name]["password"]), f"edge {name}: password")
    print(f"[check] users-edge-cases.json: {sorted(users)} (one NFKC collision), groups {sorted(groups)}")


def check_big_dump():
    from django.core.management import call_command

    gen = os.path.join(HERE, "gen-big-dump.py")
    for flags, dump in (([], []), (["--indent", "2"], ["--indent", "2"]),
                        (["--natural"], ["--natural-foreign", "--natural-primary"])):
        with tempfile.NamedTemporaryFile("w+", suffix=".json", encoding="utf-8") as f:
            subprocess.run([sys.executable, gen, "--users", "400", "--out", f.name, "--fixtures",
                            OUT, *flags], check=True)
            generated = open(f.name, encoding="utf-8").read()
            fresh_db()
            call_command("loaddata", f.name, verbosity=0)
            buf = io.StringIO()
            call_command("dumpdata", "auth.user", "auth.group", "authtoken.token", *dump,
                         stdout=buf)
            ok(buf.getvalue() == generated, f"gen-big-dump.py {flags} differs from dumpdata")
    print("[check] gen-big-dump.py output == dumpdata after loaddata (compact, indent 2, natural)")


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    if sys.argv[1] == "--jwt":
        OUT = sys.argv[3]
        setup_django()
        check_jwt_variant(sys.argv[2])
        sys.exit(0)
    OUT, django2, django4, django5 = sys.argv[1:5]
    setup_django()
    with open(os.path.join(OUT, "passwords.json"), encoding="utf-8") as f:
        PASSWORDS = json.load(f)
    dumped = check_dumps(OUT, PASSWORDS)
    pairs = check_passwords_django32(dumped, PASSWORDS)
    for path in (django2, django4, django5):
        check_passwords_other(pairs, path)
    check_scrypt_stdlib(pairs)
    check_edge_cases(PASSWORDS)
    check_big_dump()
    for v in ("hs256", "rs256", "es256"):
        env = dict(os.environ, JWT_VARIANT=v, JWT_KEYS_DIR=os.path.join(OUT, "jwt", v))
        subprocess.run([PY, os.path.abspath(__file__), "--jwt", v, OUT], env=env, check=True)
    print(f"[check] all fixture checks passed ({checks} in this process)")
