package dev.restauth.django.control;

import dev.restauth.errors.control.ApiError;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading one dumpdata record's fields by their JSON types: a field of the wrong type makes the
 * whole file a 400 (it is no dump), naming the record by its position and never echoing a value
 * other than a model name, cut short and printable.
 */
final class DumpFields {

    private DumpFields() {}

    static Long number(int index, String name, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null; // --natural-primary leaves pks out
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long pk = number.longValueExact();
                if (pk > 0) {
                    return pk;
                }
            } catch (ArithmeticException tooLarge) {
                // reported below
            }
        }
        throw shape(index, "has a \"" + name + "\" that is not a positive integer");
    }

    static String text(int index, JsonObject fields, String name, boolean required) {
        JsonValue value = fields.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (!required && (value == null || value.getValueType() == JsonValue.ValueType.NULL)) {
            return null;
        }
        throw shape(index, "has no text \"" + name + "\"");
    }

    static boolean flag(int index, JsonObject fields, String name, boolean absent) {
        JsonValue value = fields.get(name);
        if (value == null) {
            return absent;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw shape(index, "has a \"" + name + "\" that is not true or false");
    }

    static List<DumpRecord.Ref> refs(int index, JsonValue value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw shape(index, "has \"groups\" that are not a list");
        }
        List<DumpRecord.Ref> refs = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            refs.add(ref(index, item));
        }
        return refs;
    }

    static DumpRecord.Ref ref(int index, JsonValue value) {
        if (value instanceof JsonArray natural && natural.size() == 1 && natural.get(0) instanceof JsonString name) {
            return new DumpRecord.Ref(null, name.getString());
        }
        Long pk = number(index, "reference", value);
        if (pk == null) {
            throw shape(index, "has an empty reference");
        }
        return new DumpRecord.Ref(pk, null);
    }

    static ApiError shape(int index, String problem) {
        return DumpReader.invalid("Record " + index + " " + problem + ".");
    }

    /** A model name as far as it can be shown: short, and printable characters only. */
    static String printable(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shown.replaceAll("[^\\p{L}\\p{N}._-]", "?");
    }
}
