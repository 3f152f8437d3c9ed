package org.minicoin.consensus.address;

import static org.minicoin.consensus.script.Opcodes.OP_CHECKSIG;
import static org.minicoin.consensus.script.Opcodes.OP_DUP;
import static org.minicoin.consensus.script.Opcodes.OP_EQUAL;
import static org.minicoin.consensus.script.Opcodes.OP_EQUALVERIFY;
import static org.minicoin.consensus.script.Opcodes.OP_HASH160;

import java.util.Arrays;
import java.util.Optional;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.script.Opcodes;
import org.minicoin.consensus.script.Scripts;

/**
 * Addresses as Bitcoin Core reads and writes them (key_io.cpp): base58check P2PKH and P2SH with the network's
 * version bytes, and segwit outputs of versions 0 to 16 in bech32 (version 0, BIP-0173) or bech32m (versions 1+,
 * BIP-0350) with the network's human-readable part. An address stands for an output script; this class maps one
 * to the other and nothing more.
 */
public final class Address {
    private static final int HASH160_SIZE = 20;
    /** Core's BECH32_WITNESS_PROG_MAX_LEN; BIP-0141's smallest program is 2 bytes. */
    private static final int MAX_WITNESS_PROGRAM = 40;
    private static final int MIN_WITNESS_PROGRAM = 2;
    private static final int MAX_WITNESS_VERSION = 16;

    private Address() {
    }

    /**
     * The output script an address pays to, for one network. Follows Core's {@code DecodeDestination}: the string
     * is read as bech32 if it starts with the network's hrp (in either case), otherwise as base58check, and a
     * failure carries Core's message.
     *
     * @throws AddressException e.g. "Invalid or unsupported Segwit (Bech32) or Base58 encoding.", "Invalid checksum
     *                          or length of Base58 address (P2PKH or P2SH)", "Invalid or unsupported prefix for
     *                          Segwit (Bech32) address (expected bc, got tb).", "Version 1+ witness address must
     *                          use Bech32m checksum", or a {@link Bech32#decode} failure with error locations
     */
    public static byte[] toScriptPubKey(String address, ChainParams params) {
        String hrp = params.bech32Hrp();
        // ASCII-only lower-casing as Core's ToLower: the Kelvin sign must not pass for a 'k'.
        boolean looksBech32 = address.length() >= hrp.length()
                && Bech32.asciiLowerCase(address.substring(0, hrp.length())).equals(hrp);
        // Core's rule, and the reason an hrp must never be the start of a base58 address of the same network.
        return looksBech32 ? fromBech32(address, params) : fromBase58(address, params);
    }

    /**
     * The address of an output script, as Core's {@code ExtractDestination} + {@code EncodeDestination}: P2PKH,
     * P2SH and witness programs of versions 0-16 (version 0 only with 20- or 32-byte programs). Empty for scripts
     * that have no address: P2PK, bare multisig, OP_RETURN data and anything non-standard.
     */
    public static Optional<String> fromScriptPubKey(byte[] spk, ChainParams params) {
        if (Scripts.isPayToScriptHash(spk)) {
            return Optional.of(base58(params.base58().scriptAddress(), Arrays.copyOfRange(spk, 2, 22)));
        }
        Scripts.WitnessProgram wp = Scripts.witnessProgram(spk);
        if (wp != null) {
            int size = wp.program().length;
            if (wp.version() == 0 && size != 20 && size != 32) {
                return Optional.empty(); // Core's Solver: NONSTANDARD, not WITNESS_UNKNOWN
            }
            Bech32.Encoding enc = wp.version() == 0 ? Bech32.Encoding.BECH32 : Bech32.Encoding.BECH32M;
            byte[] fiveBit = Bech32.toFiveBit(wp.program());
            byte[] data = new byte[1 + fiveBit.length];
            data[0] = (byte) wp.version();
            System.arraycopy(fiveBit, 0, data, 1, fiveBit.length);
            return Optional.of(Bech32.encode(enc, params.bech32Hrp(), data));
        }
        if (isPayToPubkeyHash(spk)) {
            return Optional.of(base58(params.base58().pubkeyAddress(), Arrays.copyOfRange(spk, 3, 23)));
        }
        return Optional.empty();
    }

    private static byte[] fromBase58(String address, ChainParams params) {
        byte[] data = CoreBase58.decodeCheck(address, HASH160_SIZE + 1);
        if (data == null) {
            // Core tries again without the checksum and with a generous length, only to choose the message.
            throw new AddressException(CoreBase58.decode(address, 100) == null
                    ? "Invalid or unsupported Segwit (Bech32) or Base58 encoding."
                    : "Invalid checksum or length of Base58 address (P2PKH or P2SH)");
        }
        int pubkeyPrefix = params.base58().pubkeyAddress();
        int scriptPrefix = params.base58().scriptAddress();
        int version = data.length > 0 ? data[0] & 0xff : -1;
        if (data.length == HASH160_SIZE + 1 && version == pubkeyPrefix) {
            return payToPubkeyHash(Arrays.copyOfRange(data, 1, data.length));
        }
        if (data.length == HASH160_SIZE + 1 && version == scriptPrefix) {
            return payToScriptHash(Arrays.copyOfRange(data, 1, data.length));
        }
        if (version == pubkeyPrefix || version == scriptPrefix) {
            throw new AddressException("Invalid length for Base58 address (P2PKH or P2SH)");
        }
        throw new AddressException("Invalid or unsupported Base58-encoded address.");
    }

    private static byte[] fromBech32(String address, ChainParams params) {
        Bech32.Decoded dec = Bech32.decode(address);
        if (dec.data().length == 0) {
            throw new AddressException("Empty Bech32 data section");
        }
        if (!dec.hrp().equals(params.bech32Hrp())) {
            throw new AddressException("Invalid or unsupported prefix for Segwit (Bech32) address (expected "
                    + params.bech32Hrp() + ", got " + dec.hrp() + ").");
        }
        int version = dec.data()[0];
        if (version == 0 && dec.encoding() != Bech32.Encoding.BECH32) {
            throw new AddressException("Version 0 witness address must use Bech32 checksum");
        }
        if (version != 0 && dec.encoding() != Bech32.Encoding.BECH32M) {
            throw new AddressException("Version 1+ witness address must use Bech32m checksum");
        }
        byte[] program = Bech32.fromFiveBit(Arrays.copyOfRange(dec.data(), 1, dec.data().length))
                .orElseThrow(() -> new AddressException("Invalid padding in Bech32 data section"));
        String bytes = program.length == 1 ? "byte" : "bytes";
        if (version == 0) {
            if (program.length == 20 || program.length == 32) {
                return witnessScript(version, program);
            }
            throw new AddressException("Invalid Bech32 v0 address program size (" + program.length + " " + bytes
                    + "), per BIP141");
        }
        if (version > MAX_WITNESS_VERSION) {
            throw new AddressException("Invalid Bech32 address witness version");
        }
        if (program.length < MIN_WITNESS_PROGRAM || program.length > MAX_WITNESS_PROGRAM) {
            throw new AddressException("Invalid Bech32 address program size (" + program.length + " " + bytes + ")");
        }
        return witnessScript(version, program);
    }

    private static String base58(int version, byte[] hash) {
        byte[] payload = new byte[1 + hash.length];
        payload[0] = (byte) version;
        System.arraycopy(hash, 0, payload, 1, hash.length);
        return Base58.encodeCheck(payload);
    }

    /** Core's MatchPayToPubkeyHash: OP_DUP OP_HASH160 push20 OP_EQUALVERIFY OP_CHECKSIG, nothing else. */
    private static boolean isPayToPubkeyHash(byte[] s) {
        return s.length == 25 && (s[0] & 0xff) == OP_DUP && (s[1] & 0xff) == OP_HASH160 && s[2] == HASH160_SIZE
                && (s[23] & 0xff) == OP_EQUALVERIFY && (s[24] & 0xff) == OP_CHECKSIG;
    }

    private static byte[] payToPubkeyHash(byte[] hash) {
        byte[] s = new byte[25];
        s[0] = (byte) OP_DUP;
        s[1] = (byte) OP_HASH160;
        s[2] = HASH160_SIZE;
        System.arraycopy(hash, 0, s, 3, HASH160_SIZE);
        s[23] = (byte) OP_EQUALVERIFY;
        s[24] = (byte) OP_CHECKSIG;
        return s;
    }

    private static byte[] payToScriptHash(byte[] hash) {
        byte[] s = new byte[23];
        s[0] = (byte) OP_HASH160;
        s[1] = HASH160_SIZE;
        System.arraycopy(hash, 0, s, 2, HASH160_SIZE);
        s[22] = (byte) OP_EQUAL;
        return s;
    }

    /** OP_n then a direct push of the program (BIP-0141); n is encoded as OP_1..OP_16, not as a number push. */
    private static byte[] witnessScript(int version, byte[] program) {
        byte[] s = new byte[2 + program.length];
        s[0] = (byte) Opcodes.encodeSmallInt(version);
        s[1] = (byte) program.length;
        System.arraycopy(program, 0, s, 2, program.length);
        return s;
    }
}
