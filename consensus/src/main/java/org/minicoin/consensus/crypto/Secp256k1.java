package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** The secp256k1 curve (Bouncy Castle's optimized implementation) and public-key parsing as libsecp256k1's. */
public final class Secp256k1 {
    private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256k1");
    public static final ECDomainParameters DOMAIN =
            new ECDomainParameters(X9.getCurve(), X9.getG(), X9.getN(), X9.getH());
    /** The group order n. */
    public static final BigInteger N = X9.getN();
    public static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger P = X9.getCurve().getField().getCharacteristic();

    private Secp256k1() {
    }

    /**
     * Parses a serialized public key as libsecp256k1's ec_pubkey_parse: 33 bytes with prefix 02/03, or 65 bytes
     * with prefix 04, or the "hybrid" 06/07 whose prefix must match y's parity. Returns null for anything
     * else, including points not on the curve.
     */
    public static ECPoint parsePublicKey(byte[] key) {
        try {
            if (key.length == 33 && (key[0] == 0x02 || key[0] == 0x03)) {
                return DOMAIN.getCurve().decodePoint(key);
            }
            if (key.length == 65 && (key[0] == 0x04 || key[0] == 0x06 || key[0] == 0x07)) {
                BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(key, 1, 33));
                BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(key, 33, 65));
                if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) {
                    return null;
                }
                if (key[0] != 0x04 && y.testBit(0) != (key[0] == 0x07)) {
                    return null;
                }
                ECCurve curve = DOMAIN.getCurve();
                ECPoint point = curve.validatePoint(x, y);
                return point.isInfinity() ? null : point;
            }
        } catch (IllegalArgumentException e) {
            // Bouncy Castle rejects points off the curve (or x with no square root) by throwing.
            return null;
        }
        return null;
    }
}
