package dev.restauth.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A form-encoded body fills the same request record a JSON body fills, as DRF's parsers do. */
class FormRecordReaderTest {

    record Change(String oldPassword, String name, boolean flag, List<String> roles) {}

    final FormRecordReader cut = new FormRecordReader();

    @SuppressWarnings("unchecked")
    Change read(String form) throws Exception {
        Class<Record> type = (Class<Record>) (Class<?>) Change.class;
        return (Change) cut.readFrom(
                type,
                Change.class,
                null,
                MediaType.APPLICATION_FORM_URLENCODED_TYPE,
                null,
                new ByteArrayInputStream(form.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fieldsAreMatchedByName() throws Exception {
        assertEquals(new Change("s3cret", "ci", false, null), read("oldPassword=s3cret&name=ci&other=no"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "name=a%20b%26c| a b&c",
                "name=a+b| a b",
                "name=| ''",
                "name| ''",
                "name=first&name=second| second",
                "&&name=x&| x",
                "name=x=y| x=y"
            })
    void valuesAreDecodedAndTheLastOneWinsAsInDjangosQueryDict(String form, String name) throws Exception {
        assertEquals(name, read(form).name());
    }

    @Test
    void aListFieldTakesEveryValueAndAbsentFieldsStayEmpty() throws Exception {
        assertEquals(
                new Change(null, null, true, List.of("admin", "staff")), read("flag=true&roles=admin&roles=staff"));
        assertEquals(new Change(null, "x", false, null), read("name=x"));
    }

    @Test
    void aBadPercentEncodingIsABadRequest() {
        assertThrows(BadRequestException.class, () -> read("name=%zz"));
    }

    @Test
    void aFormLargerThanAnyOfOursIsTooLarge() throws Exception {
        String atLimit = "name=" + "x".repeat(FormRecordReader.MAX_FORM_BYTES - 5);
        assertEquals(FormRecordReader.MAX_FORM_BYTES - 5, read(atLimit).name().length());
        WebApplicationException refused = assertThrows(WebApplicationException.class, () -> read(atLimit + "x"));
        assertEquals(413, refused.getResponse().getStatus());
    }

    @Test
    void onlyRecordsSentAsFormsAreItsBusiness() {
        assertTrue(cut.isReadable(Change.class, Change.class, null, MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertFalse(cut.isReadable(Change.class, Change.class, null, MediaType.APPLICATION_JSON_TYPE));
        assertFalse(cut.isReadable(String.class, String.class, null, MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }
}
