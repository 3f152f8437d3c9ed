package org.minicoin.node.p2p.wire;

import java.nio.charset.StandardCharsets;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.consensus.encoding.ByteWriter;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Hash;

/**
 * The 24 bytes before every payload (Core's CMessageHeader): the chain's magic, a 12-byte NUL-padded command,
 * the payload length (uint32 little-endian) and the first four bytes of sha256d(payload).
 *
 * @param magic         the magic as {@link ChainParams#magic()} holds it (the four wire bytes read big-endian)
 * @param command       the command bytes as ISO-8859-1 text with the trailing NUL padding removed; a command read
 *                      from a peer may be invalid, see {@link #isCommandValid()}
 * @param payloadLength the payload length, at most {@link #MAX_PROTOCOL_MESSAGE_LENGTH}
 * @param checksum      the first four bytes of sha256d(payload), read big-endian
 */
public record MessageHeader(int magic, String command, int payloadLength, int checksum) {
    /** Size of the header on the wire. */
    public static final int SIZE = 24;
    /** Length of the command field. */
    public static final int COMMAND_SIZE = 12;
    /** Core's MAX_PROTOCOL_MESSAGE_LENGTH (net.h): a larger announced payload ends the connection. */
    public static final int MAX_PROTOCOL_MESSAGE_LENGTH = 4_000_000;

    /** Checks the field sizes; the command's content is checked by {@link #isCommandValid()}. */
    public MessageHeader {
        if (command.length() > COMMAND_SIZE) {
            throw new IllegalArgumentException("command longer than " + COMMAND_SIZE + " bytes: " + command);
        }
        if (payloadLength < 0 || payloadLength > MAX_PROTOCOL_MESSAGE_LENGTH) {
            throw new IllegalArgumentException("payload length " + payloadLength + " out of range");
        }
    }

    /** The header for {@code payload} sent as {@code command} on the chain with {@code params}. */
    public static MessageHeader of(ChainParams params, String command, byte[] payload) {
        return new MessageHeader(params.magic(), command, payload.length, checksumOf(payload));
    }

    /** The first four bytes of sha256d(payload) as a big-endian int, the form {@link #checksum()} holds. */
    public static int checksumOf(byte[] payload) {
        byte[] h = Hash.sha256d(payload).toBytes();
        return (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
    }

    /**
     * Core's CMessageHeader::IsMessageTypeValid: printable ASCII (0x20..0x7e) up to the first NUL and only NULs
     * after it. Since the padding is stripped on reading, any NUL left in {@link #command()} had a byte after it.
     */
    public boolean isCommandValid() {
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Writes the 24 header bytes. */
    public void encode(ByteWriter w) {
        w.writeInt32LE(Integer.reverseBytes(magic));
        byte[] name = command.getBytes(StandardCharsets.ISO_8859_1);
        w.writeBytes(name).writeBytes(new byte[COMMAND_SIZE - name.length]);
        w.writeUInt32LE(payloadLength);
        w.writeInt32LE(Integer.reverseBytes(checksum));
    }

    /**
     * Reads a header and applies the two checks Core's V1Transport makes before it accepts any payload byte: the
     * magic must be {@code params}' ({@link ProtocolViolation.Kind#BAD_MAGIC}) and the announced length at most
     * {@link #MAX_PROTOCOL_MESSAGE_LENGTH} ({@link ProtocolViolation.Kind#OVERSIZE}). Both end the connection in
     * Core. The command is not checked here: Core still reads the payload of a message with a bad command.
     */
    public static MessageHeader decode(ByteReader r, ChainParams params) {
        int magic = Integer.reverseBytes(r.readInt32LE("message start"));
        if (magic != params.magic()) {
            throw new ProtocolViolation(ProtocolViolation.Kind.BAD_MAGIC, String.format(
                    "Header error: Wrong MessageStart %08x received, expected %08x", magic, params.magic()));
        }
        byte[] name = r.readBytes(COMMAND_SIZE, "command");
        int end = COMMAND_SIZE;
        while (end > 0 && name[end - 1] == 0) {
            end--;
        }
        String command = new String(name, 0, end, StandardCharsets.ISO_8859_1);
        long length = r.readUInt32LE("payload length");
        if (length > MAX_PROTOCOL_MESSAGE_LENGTH) {
            throw new ProtocolViolation(ProtocolViolation.Kind.OVERSIZE, "Header error: Size too large ("
                    + printable(command) + ", " + length + " bytes), limit " + MAX_PROTOCOL_MESSAGE_LENGTH);
        }
        int checksum = Integer.reverseBytes(r.readInt32LE("checksum"));
        return new MessageHeader(magic, command, (int) length, checksum);
    }

    /** The command with non-printable bytes escaped, for error messages and logs. */
    static String printable(String command) {
        StringBuilder sb = new StringBuilder();
        for (char c : command.toCharArray()) {
            if (c >= 0x20 && c <= 0x7e) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02x", (int) c));
            }
        }
        return sb.toString();
    }
}
