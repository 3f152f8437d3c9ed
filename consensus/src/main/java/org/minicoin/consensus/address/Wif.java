package org.minicoin.consensus.address;

import java.util.Arrays;
import org.minicoin.consensus.crypto.PrivateKey;
import org.minicoin.consensus.encoding.Base58;
import org.minicoin.consensus.params.ChainParams;

/**
 * A private key in wallet import format, as Core's {@code DecodeSecret}/{@code EncodeSecret} read and write it:
 * base58check of the network's secret-key version byte, the 32-byte key and, if the key's public key is used
 * compressed, a final 0x01.
 *
 * @param key        the private key
 * @param compressed whether addresses and signatures use the 33-byte compressed public key
 */
public record Wif(PrivateKey key, boolean compressed) {
    private static final int KEY_SIZE = PrivateKey.SIZE;
    private static final int COMPRESSED_FLAG = 0x01;

    public Wif {
        if (key == null) {
            throw new IllegalArgumentException("key must not be null");
        }
    }

    /**
     * Reads a WIF string for one network. Core answers every failure with "Invalid private key encoding"; this
     * says which check failed, so a user can tell a typo from a key of another network.
     *
     * @throws AddressException for a string that is not base58check, a version byte that is not the network's
     *                          secret-key prefix, a payload that is neither 33 nor 34 bytes, a 34th byte that is
     *                          not 0x01, or a key outside [1, n-1]
     */
    public static Wif decode(String wif, ChainParams params) {
        // Core decodes with a 34-byte cap (prefix + key + flag); anything longer is no WIF key.
        byte[] data = CoreBase58.decodeCheck(wif, 1 + KEY_SIZE + 1);
        if (data == null) {
            throw new AddressException(CoreBase58.decode(wif, 100) == null
                    ? "Invalid Base58 encoding of private key"
                    : "Invalid checksum or length of Base58 private key");
        }
        try {
            if (data.length != 1 + KEY_SIZE && data.length != 1 + KEY_SIZE + 1) {
                throw new AddressException("Invalid length for Base58 private key (" + data.length
                        + " bytes, expected " + (1 + KEY_SIZE) + " or " + (2 + KEY_SIZE) + ")");
            }
            int prefix = params.base58().secretKey();
            if ((data[0] & 0xff) != prefix) {
                throw new AddressException("Invalid prefix for Base58-encoded private key (expected " + prefix
                        + ", got " + (data[0] & 0xff) + ")");
            }
            boolean compressed = data.length == 1 + KEY_SIZE + 1;
            if (compressed && data[data.length - 1] != COMPRESSED_FLAG) {
                throw new AddressException("Invalid compression flag in private key (expected 1, got "
                        + (data[data.length - 1] & 0xff) + ")");
            }
            byte[] key = Arrays.copyOfRange(data, 1, 1 + KEY_SIZE);
            try {
                if (!PrivateKey.isValid(key)) {
                    throw new AddressException("Private key out of range");
                }
                return new Wif(PrivateKey.fromBytes(key), compressed);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } finally {
            // As Core's memory_cleanse: key material should not linger in freed memory.
            Arrays.fill(data, (byte) 0);
        }
    }

    /** Writes this key in wallet import format for one network. */
    public String encode(ChainParams params) {
        byte[] data = new byte[1 + KEY_SIZE + (compressed ? 1 : 0)];
        data[0] = (byte) params.base58().secretKey();
        byte[] keyBytes = key.toBytes();
        System.arraycopy(keyBytes, 0, data, 1, KEY_SIZE);
        Arrays.fill(keyBytes, (byte) 0);
        if (compressed) {
            data[data.length - 1] = COMPRESSED_FLAG;
        }
        try {
            return Base58.encodeCheck(data);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /** Never the key itself: keys must not end up in logs. */
    @Override
    public String toString() {
        return "Wif[" + key + ", compressed=" + compressed + "]";
    }
}
