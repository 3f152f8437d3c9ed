package org.minicoin.node.rpc.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as Core's UniValue writes them, and the mapper that keeps them so. Core prints amounts with exactly eight
 * decimals ({@code 50.00000000}) and doubles with 16 significant digits; a Jackson {@code DoubleNode} or a
 * normalised {@code BigDecimal} would print {@code 50.0}, {@code 1.0E-8} or 17 digits instead.
 */
public final class CoreJson {
    /** Core's UniValue::setFloat prints doubles with {@code std::setprecision(16)}. */
    private static final MathContext DOUBLE_DIGITS = new MathContext(16, RoundingMode.HALF_EVEN);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private CoreJson() {
    }

    /**
     * The mapper to write these trees with: it prints {@code BigDecimal}s in plain notation, so 1 satoshi is
     * {@code 0.00000001}, not {@code 1E-8}. Shared and thread-safe; do not reconfigure it.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The compact JSON text of {@code node}, as {@link #mapper()} writes it. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialize", e);
        }
    }

    /** An empty object to fill; fields keep the order they are put in, as UniValue's pushKV does. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Core's ValueFromAmount: satoshis as a coin amount with exactly eight decimals, negative amounts included
     * ({@code -0.00000001}).
     */
    public static DecimalNode amount(long sats) {
        // DecimalNode.valueOf keeps the scale; the node factory's numberNode may strip trailing zeros.
        return DecimalNode.valueOf(BigDecimal.valueOf(sats, 8));
    }

    /**
     * A double as Core prints it: rounded to 16 significant digits, trailing zeros dropped ({@code 1},
     * {@code 1.182899534312841}). Held as a decimal so that the digits written are Core's digits.
     */
    public static DecimalNode number(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no number for " + value);
        }
        BigDecimal rounded = new BigDecimal(value).round(DOUBLE_DIGITS).stripTrailingZeros();
        // Zero may strip to "0E-n"; give it scale 0 so that it reads "0" in any notation.
        return DecimalNode.valueOf(rounded.signum() == 0 ? BigDecimal.ZERO : rounded);
    }
}
