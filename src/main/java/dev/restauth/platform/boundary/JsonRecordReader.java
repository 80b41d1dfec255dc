package dev.restauth.platform.boundary;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.control.DefaultMessages;
import dev.restauth.errors.control.FieldErrors;
import dev.restauth.platform.control.PythonValues;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * Reads a JSON body into a request record field by field, as a DRF serializer reads it
 * ({@link Records}): a value of the wrong kind is that field's 400 with DRF's message, where a
 * data binder would either fail the whole body or coerce the value into something the client did
 * not say. A body that is no JSON object gets DRF's non-field message; anything after the
 * document is a parse error, as in Python's {@code json.loads}. Malformed bytes in a text
 * become U+FFFD, as before: such a username is simply unknown.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonRecordReader implements MessageBodyReader<Record> {

    static final String NO_DATA = "No data provided";

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        PushbackInputStream stream = new PushbackInputStream(body, 1);
        int first = stream.read();
        if (first < 0) { // DRF's empty data: every field absent, for the record's checks to require
            return Records.of(type, JsonValue.EMPTY_JSON_OBJECT);
        }
        stream.unread(first);
        JsonValue value;
        try (JsonParser parser = Json.createParser(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) { // Python's json.loads: "Extra data" after the document
                throw ApiError.of(400, DefaultMessages.JSON_PARSE_ERROR);
            }
        } catch (JsonException | NoSuchElementException | IllegalStateException malformed) {
            throw ApiError.of(400, DefaultMessages.JSON_PARSE_ERROR);
        }
        if (value == JsonValue.NULL) {
            throw FieldErrors.of(FieldErrors.NON_FIELD, NO_DATA);
        }
        if (!(value instanceof JsonObject object)) {
            throw FieldErrors.of(
                    FieldErrors.NON_FIELD,
                    "Invalid data. Expected a dictionary, but got " + PythonValues.typeName(value) + ".");
        }
        return Records.of(type, object);
    }
}
