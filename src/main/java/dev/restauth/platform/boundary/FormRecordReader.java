package dev.restauth.platform.boundary;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a form-encoded body into the same request record a JSON body fills, so that an endpoint
 * accepts both, as DRF's parsers do, with one method. Fields are matched by the JSON name and read
 * as DRF reads a form ({@link Records#ofForm}).
 */
@Provider
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class FormRecordReader implements MessageBodyReader<Record> {

    /** Our forms hold a username and a password: a few hundred bytes. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(mediaType);
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
        // RequestBodyLimit has bounded the body already; this bound holds wherever the reader runs.
        byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
        if (bytes.length > MAX_FORM_BYTES) {
            throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        Map<String, List<String>> fields;
        try {
            fields = parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEncoding) {
            throw new BadRequestException();
        }
        return Records.ofForm(type, fields);
    }

    private static Map<String, List<String>> parse(String form) {
        Map<String, List<String>> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, any -> new ArrayList<>()).add(value);
        }
        return fields;
    }
}
