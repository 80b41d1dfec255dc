package dev.restauth.django.control;

import static dev.restauth.django.control.DumpFields.flag;
import static dev.restauth.django.control.DumpFields.number;
import static dev.restauth.django.control.DumpFields.printable;
import static dev.restauth.django.control.DumpFields.ref;
import static dev.restauth.django.control.DumpFields.refs;
import static dev.restauth.django.control.DumpFields.shape;
import static dev.restauth.django.control.DumpFields.text;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One dumpdata record of a model the import takes, with the fields it uses, read from JSON and
 * checked for shape: a wrong type is a 400 for the whole file (it is not a dump), a wrong value
 * (an invalid username, say) is a rejected record. References are a pk or, with
 * {@code --natural-foreign}, a natural key.
 */
sealed interface DumpRecord {

    String USER = "auth.user";
    String GROUP = "auth.group";
    String TOKEN = "authtoken.token";
    String OUTSTANDING = "token_blacklist.outstandingtoken";
    String BLACKLISTED = "token_blacklist.blacklistedtoken";

    int index();

    /** A reference: {@code 2} or, natural, {@code ["alice"]}. Exactly one of the two is set. */
    record Ref(Long pk, String name) {

        @Override
        public String toString() {
            return pk != null ? pk.toString() : name;
        }
    }

    record Group(int index, Long pk, String name) implements DumpRecord {}

    record User(
            int index,
            Long pk,
            String username,
            String password,
            boolean active,
            boolean staff,
            boolean superuser,
            String lastLogin,
            String dateJoined,
            List<Ref> groups)
            implements DumpRecord {

        @Override
        public String toString() {
            return "User[" + index + "]";
        }
    }

    record Token(int index, String key, Ref user, String created) implements DumpRecord {

        @Override
        public String toString() {
            return "Token[" + index + "]";
        }
    }

    /**
     * A refresh token SimpleJWT issued: only its jti and expiry are read, never the token itself
     * (its {@code token} field), which is never stored.
     */
    record Outstanding(int index, Long pk, String jti, String expiresAt) implements DumpRecord {}

    /** A blacklisted refresh token: a reference to its outstanding token. */
    record Blacklisted(int index, Long pk, Long outstanding) implements DumpRecord {}

    static DumpRecord of(int index, JsonObject record) {
        String model = record.get("model") instanceof JsonString name ? name.getString() : null;
        if (model == null || !(record.get("fields") instanceof JsonObject fields)) {
            throw shape(index, "has no \"model\" and \"fields\"");
        }
        JsonValue pk = record.get("pk");
        return switch (model) {
            case USER ->
                new User(
                        index,
                        number(index, "pk", pk),
                        text(index, fields, "username", true),
                        text(index, fields, "password", true),
                        flag(index, fields, "is_active", true),
                        flag(index, fields, "is_staff", false),
                        flag(index, fields, "is_superuser", false),
                        text(index, fields, "last_login", false),
                        text(index, fields, "date_joined", false),
                        refs(index, fields.get("groups")));
            case GROUP -> new Group(index, number(index, "pk", pk), text(index, fields, "name", true));
            case TOKEN -> {
                if (!(pk instanceof JsonString key)) {
                    throw shape(index, "(authtoken.token) has no key as its pk");
                }
                JsonValue user = fields.get("user");
                if (user == null || user.getValueType() == JsonValue.ValueType.NULL) {
                    throw shape(index, "(authtoken.token) has no \"user\"");
                }
                yield new Token(index, key.getString(), ref(index, user), text(index, fields, "created", false));
            }
            case OUTSTANDING ->
                new Outstanding(
                        index,
                        number(index, "pk", pk),
                        text(index, fields, "jti", true),
                        text(index, fields, "expires_at", true));
            case BLACKLISTED -> {
                Long outstanding = number(index, "token", fields.get("token"));
                if (outstanding == null) {
                    throw shape(index, "(token_blacklist.blacklistedtoken) has no \"token\"");
                }
                yield new Blacklisted(index, number(index, "pk", pk), outstanding);
            }
            default ->
                throw DumpReader.invalid("Record " + index + ": model \"" + printable(model)
                        + "\" is not imported; dump auth.user auth.group authtoken.token.");
        };
    }
}
