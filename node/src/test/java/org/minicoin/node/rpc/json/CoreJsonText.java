package org.minicoin.node.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Compares our trees with Core's JSON as text: both sides are read keeping every decimal as written
 * ({@code 50.00000000} stays eight decimals) and written compactly with {@link CoreJson#mapper()}, so field order,
 * field names and number digits must all agree.
 */
final class CoreJsonText {
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private CoreJsonText() {
    }

    static JsonNode parse(String json) {
        try {
            return READER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = CoreJsonText.class.getResourceAsStream("/rpcjson/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource rpcjson/" + name);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our tree, written and read back as a client would see it, equals Core's text in order and digits. */
    static void assertSameText(JsonNode actual, JsonNode expected) {
        String ours = CoreJson.write(actual);
        assertThat(CoreJson.write(parse(ours))).isEqualTo(ours);
        assertThat(ours).isEqualTo(CoreJson.write(expected));
    }
}
