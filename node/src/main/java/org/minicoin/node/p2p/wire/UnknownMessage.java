package org.minicoin.node.p2p.wire;

import java.util.Arrays;
import java.util.HexFormat;
import org.minicoin.consensus.encoding.ByteWriter;

/**
 * Any command this codec does not decode ({@code sendcmpct}, {@code cmpctblock}, {@code filterload}, commands from
 * the future, ...), kept as raw bytes. Core ignores unknown commands, and so does the node.
 *
 * @param command the command as received (valid per {@link MessageHeader#isCommandValid()})
 * @param payload the raw payload
 */
public record UnknownMessage(String command, byte[] payload) implements Message {
    /** Copies the payload. */
    public UnknownMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public void encode(ByteWriter w) {
        w.writeBytes(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage u && command.equals(u.command) && Arrays.equals(payload, u.payload);
    }

    @Override
    public int hashCode() {
        return 31 * command.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String hex = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, 32));
        return "UnknownMessage[" + command + ", " + payload.length + " bytes: " + hex
                + (payload.length > 32 ? "...]" : "]");
    }
}
