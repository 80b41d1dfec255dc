package dev.restauth.errors.boundary;

import dev.restauth.errors.control.ApiError;
import dev.restauth.errors.entity.ErrorBody;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Renders an {@link ApiError}: its status, its headers and its body as JSON in DRF's member order.
 * The JAX-RS mappers and filter take the {@link Response}; the servlet paths (the authentication
 * mechanism, the error page, the request-body limit) have the servlet response written.
 */
public final class ErrorWriter {

    private static final Logger LOG = System.getLogger(ErrorWriter.class.getName());
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private ErrorWriter() {}

    /** For JAX-RS; the status line's reason phrase is seen to by {@link ReasonPhrases}. */
    public static Response response(ApiError error) {
        Response.ResponseBuilder response =
                Response.status(error.status()).entity(json(error)).type(MediaType.APPLICATION_JSON_TYPE);
        error.headers().forEach(response::header);
        return response.build();
    }

    /**
     * Writes the error without committing the response: Liberty sets the status once more after
     * an authentication failure, which would log a warning on every 401 if it were committed.
     */
    public static void write(ApiError error, HttpServletResponse response) {
        ReasonPhrase.set(response, error.status());
        error.headers().forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding("UTF-8");
        try {
            response.getWriter().write(json(error));
        } catch (IOException clientGone) {
            LOG.log(Level.DEBUG, "Could not send the error response", clientGone);
        }
    }

    /** {@code {"detail", "code", "messages"}} with absent parts left out, or the field map. */
    public static String json(ApiError error) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            if (error.body() != null) {
                write(error.body(), json);
            } else {
                error.fields().forEach(json::write);
            }
            json.writeEnd();
        }
        return text.toString();
    }

    private static void write(ErrorBody body, JsonGenerator json) {
        json.write("detail", body.detail());
        if (body.code() != null) {
            json.write("code", body.code());
        }
        if (body.messages() != null) {
            json.writeStartArray("messages");
            for (ErrorBody.TokenMessage message : body.messages()) {
                json.writeStartObject()
                        .write("token_class", message.tokenClass())
                        .write("token_type", message.tokenType())
                        .write("message", message.message())
                        .writeEnd();
            }
            json.writeEnd();
        }
    }
}
