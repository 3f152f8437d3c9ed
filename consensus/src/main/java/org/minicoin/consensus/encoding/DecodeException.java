package org.minicoin.consensus.encoding;

/** Bytes that do not decode: truncated, oversized, non-canonical or followed by garbage. Carries the byte offset. */
public final class DecodeException extends RuntimeException {
    private final int offset;

    public DecodeException(String message, int offset) {
        super(message + " (at byte offset " + offset + ")");
        this.offset = offset;
    }

    /** Offset into the input where decoding failed. */
    public int offset() {
        return offset;
    }
}
