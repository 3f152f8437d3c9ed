package org.minicoin.node.p2p.wire;

/**
 * Bytes from a peer that break the wire protocol. The {@link Kind} says what is wrong, the message says where,
 * using Bitcoin Core's log text where Core has one. Whether to drop the message, score or disconnect the peer is
 * the caller's decision, except that after a {@link Kind#desynchronizes() desynchronizing} violation no further
 * message can be framed from the stream.
 */
public final class ProtocolViolation extends RuntimeException {
    /** What kind of rule the bytes broke. */
    public enum Kind {
        /** The header's first four bytes are not this chain's magic (Core: "Header error: Wrong MessageStart"). */
        BAD_MAGIC(true),
        /** The header announces a payload over {@link MessageHeader#MAX_PROTOCOL_MESSAGE_LENGTH}. */
        OVERSIZE(true),
        /** The payload does not hash to the header's checksum (Core drops the message, keeps the peer). */
        BAD_CHECKSUM(false),
        /** The command has a byte outside printable ASCII or a non-NUL byte after a NUL (Core drops it). */
        BAD_COMMAND(false),
        /** The payload ends before the message does. */
        TRUNCATED(false),
        /** Bytes remain after a complete message. */
        TRAILING_BYTES(false),
        /** A list longer than Core accepts for that message (Core: Misbehaving). */
        TOO_MANY_ENTRIES(false),
        /** A {@code headers} entry whose transaction count is not zero. */
        NONZERO_TX_COUNT(false),
        /** Any other undecodable payload: a non-canonical CompactSize, an over-long string, a bad address length. */
        MALFORMED(false);

        private final boolean desynchronizes;

        Kind(boolean desynchronizes) {
            this.desynchronizes = desynchronizes;
        }

        /**
         * True when the byte stream can no longer be split into messages, so the connection must end: Core's
         * V1Transport returns an error for these two and disconnects. For the others the next message is intact.
         */
        public boolean desynchronizes() {
            return desynchronizes;
        }
    }

    private final Kind kind;

    /** A violation of the given kind; {@code message} says what was being read and what was found. */
    public ProtocolViolation(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    /** A violation found while decoding, keeping the decoder's exception as the cause. */
    public ProtocolViolation(Kind kind, String message, Throwable cause) {
        super(kind + ": " + message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
