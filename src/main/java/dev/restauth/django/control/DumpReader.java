package dev.restauth.django.control;

import dev.restauth.errors.control.ApiError;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * Reads a dumpdata file record by record with JSON-P's streaming parser: the top level must be a
 * list of objects, and only one record is in memory at a time. Anything else is a 400 that names
 * where the file went wrong, never what it holds.
 */
final class DumpReader {

    /** Called for each record, with its 1-based position in the file. */
    interface Records {
        void accept(int index, JsonObject record);
    }

    static final String NOT_A_LIST = "The file must be a JSON list of records, as manage.py dumpdata writes it.";

    private DumpReader() {}

    static void read(Path file, Records records) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser parser = Json.createParser(in)) {
            if (!parser.hasNext() || parser.next() != Event.START_ARRAY) {
                throw invalid(NOT_A_LIST);
            }
            int index = 0;
            for (Event event = parser.next(); event != Event.END_ARRAY; event = parser.next()) {
                index++;
                if (event != Event.START_OBJECT) {
                    throw invalid("Record " + index + " is not a JSON object.");
                }
                records.accept(index, parser.getObject());
            }
            if (parser.hasNext()) {
                throw invalid("Unexpected content after the list of records.");
            }
        } catch (JsonParsingException e) {
            JsonLocation where = e.getLocation();
            throw invalid(
                    where == null
                            ? "The file is not valid JSON."
                            : "The file is not valid JSON (line " + where.getLineNumber() + ", column "
                                    + where.getColumnNumber() + ").");
        } catch (NoSuchElementException | JsonException e) {
            throw invalid("The file is not valid JSON: it ends before the list of records does.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ApiError invalid(String detail) {
        return ApiError.of(400, detail);
    }
}
