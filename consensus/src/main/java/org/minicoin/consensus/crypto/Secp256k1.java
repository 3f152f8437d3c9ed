package org.minicoin.consensus.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The secp256k1 domain parameters, shared by keys, signatures and verifiers. Bouncy Castle's "custom" curve is used
 * because its field arithmetic is specialised for secp256k1's prime (several times faster than the generic one).
 */
final class Secp256k1 {
    static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    static final ECCurve CURVE = PARAMS.getCurve();
    static final ECPoint G = PARAMS.getG();
    static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE, G, PARAMS.getN(), PARAMS.getH());
    /** The group order n. */
    static final BigInteger N = PARAMS.getN();
    /** floor(n / 2): an S above this is "high" (Core's CheckLowS, BIP-0062 rule 5). */
    static final BigInteger HALF_N = N.shiftRight(1);
    /** The field prime p; coordinates must be below it. */
    static final BigInteger P = CURVE.getField().getCharacteristic();

    private Secp256k1() {
    }

    /** Big-endian unsigned, left-padded to 32 bytes; the caller guarantees 0 <= v < 2^256. */
    static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
