package org.minicoin.consensus.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minicoin.consensus.encoding.Hex;

class EcdsaTest {

    /**
     * RFC 6979 secp256k1 vectors (HMAC-SHA256 nonces) from bitcointalk topic 285142, widely reproduced in
     * Bitcoin libraries; the message is SHA-256 hashed once, and S is given in its low form.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            1|Satoshi Nakamoto|934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8|2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5
            1|All those moments will be lost in time, like tears in rain. Time to die...|8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b|547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21
            fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140|Satoshi Nakamoto|fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0|6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5
            f8b8af8ce3c7cca5e300d33939540c10d45ce001b8f252bfbc57ba0342904181|Alan Turing|7063ae83e7f62bbb171798131b4a0564b956930092b33b07b395615d9ec7e15c|58dfcc1e00a35e1572f366ffe34ba0fc47db1e7189759b9fb233c5b05ab388ea
            """)
    void rfc6979Vectors(String key, String message, String r, String s) {
        PrivateKey priv = PrivateKey.fromScalar(new BigInteger(key, 16), true);
        byte[] hash = Hashes.sha256(message.getBytes(StandardCharsets.UTF_8));
        DerSignature sig = priv.sign(hash);
        assertThat(sig.r()).isEqualTo(new BigInteger(r, 16));
        assertThat(sig.s()).isEqualTo(new BigInteger(s, 16));
        assertThat(sig.isLowS()).isTrue();
        assertThat(priv.publicKey().verify(hash, sig.encode())).isTrue();
        assertThat(priv.publicKey().uncompressed().verify(hash, sig.encode())).isTrue();
    }

    /** bitcoinj (independent, also RFC 6979 + low S) signs identically, and each verifies the other's signatures. */
    @Test
    void agreesWithBitcoinjOnRandomKeysAndHashes() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 40; i++) {
            PrivateKey ours = PrivateKey.random(random);
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            ECKey theirs = ECKey.fromPrivate(ours.scalar(), true);
            assertThat(theirs.getPubKey()).isEqualTo(ours.publicKey().bytes());

            byte[] ourSig = ours.sign(hash).encode();
            byte[] theirSig = theirs.sign(Sha256Hash.wrap(hash)).encodeToDER();
            assertThat(Hex.encode(ourSig)).isEqualTo(Hex.encode(theirSig));
            assertThat(ECKey.verify(hash, ECKey.ECDSASignature.decodeFromDER(ourSig), theirs.getPubKey())).isTrue();
            assertThat(BouncyCastleVerifier.INSTANCE.verify(ours.publicKey().bytes(), theirSig, hash)).isTrue();
            hash[0] ^= 1;
            assertThat(BouncyCastleVerifier.INSTANCE.verify(ours.publicKey().bytes(), ourSig, hash)).isFalse();
        }
    }

    @Test
    void highSVerifiesButIsNotLowS() {
        PrivateKey key = PrivateKey.fromBytes(Hashes.sha256("k".getBytes(StandardCharsets.UTF_8)));
        byte[] hash = Hashes.sha256("m".getBytes(StandardCharsets.UTF_8));
        DerSignature low = key.sign(hash);
        DerSignature high = new DerSignature(low.r(), Secp256k1.N.subtract(low.s()));
        assertThat(high.isLowS()).isFalse();
        // Core normalizes before verifying: LOW_S is a script-flag rule, not a signature-validity rule.
        assertThat(key.publicKey().verify(hash, high.encode())).isTrue();
        byte[] withHashType = java.util.Arrays.copyOf(high.encode(), high.encode().length + 1);
        withHashType[withHashType.length - 1] = 1;
        assertThat(SignatureEncoding.isValidSignatureEncoding(withHashType)).isTrue();
        assertThat(SignatureEncoding.hasLowS(withHashType)).isFalse();
    }

    /** Encodings strict DER (BIP-0066) rejects but Core's lax parser accepts, as in pre-BIP-0066 transactions. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "long-form sequence length, 3081",
            "padded R, pad-r",
            "trailing garbage, garbage",
    })
    void laxParserAcceptsWhatStrictRejects(String name, String kind) {
        PrivateKey key = PrivateKey.fromBytes(Hashes.sha256(name.getBytes(StandardCharsets.UTF_8)));
        byte[] hash = Hashes.sha256(kind.getBytes(StandardCharsets.UTF_8));
        DerSignature sig = key.sign(hash);
        byte[] rb = sig.r().toByteArray();
        byte[] sb = sig.s().toByteArray();
        byte[] body;
        byte[] der = switch (kind) {
            case "3081" -> {
                body = concat(new byte[] {2, (byte) rb.length}, rb, new byte[] {2, (byte) sb.length}, sb);
                yield concat(new byte[] {0x30, (byte) 0x81, (byte) body.length}, body);
            }
            case "pad-r" -> {
                byte[] padded = concat(new byte[] {0, 0}, rb);
                body = concat(new byte[] {2, (byte) padded.length}, padded, new byte[] {2, (byte) sb.length}, sb);
                yield concat(new byte[] {0x30, (byte) body.length}, body);
            }
            default -> concat(sig.encode(), new byte[] {1, 2, 3});
        };
        byte[] withHashType = concat(der, new byte[] {1});
        assertThat(SignatureEncoding.isValidSignatureEncoding(withHashType)).isFalse();
        assertThat(DerSignature.parseLax(der)).isEqualTo(sig);
        assertThat(key.publicKey().verify(hash, der)).isTrue();
    }

    @Test
    void garbageNeverThrows() {
        Random rnd = new Random(7);
        byte[] key = PrivateKey.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).publicKey().bytes();
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[rnd.nextInt(80)];
            rnd.nextBytes(junk);
            if (junk.length > 0 && rnd.nextBoolean()) {
                junk[0] = 0x30;
            }
            assertThat(BouncyCastleVerifier.INSTANCE.verify(key, junk, new byte[32])).isFalse();
            assertThat(BouncyCastleVerifier.INSTANCE.verify(junk, junk, new byte[32])).isFalse();
        }
    }

    @Test
    void laxParserFailsWhereCoresDoes() {
        assertThat(DerSignature.parseLax(new byte[0])).isNull();
        assertThat(DerSignature.parseLax(Hex.decode("31"))).isNull();                 // not a sequence
        assertThat(DerSignature.parseLax(Hex.decode("3006030101020101"))).isNull();   // R tag not INTEGER
        assertThat(DerSignature.parseLax(Hex.decode("30060201010201"))).isNull();     // S length missing
        assertThat(DerSignature.parseLax(Hex.decode("300602010102030101"))).isNull(); // S runs past the end
        assertThat(DerSignature.parseLax(Hex.decode("3006020101020101")))
                .isEqualTo(new DerSignature(BigInteger.ONE, BigInteger.ONE));
        // R of 33 significant bytes overflows: parsed, but as the invalid (0, 0).
        String r33 = "0221" + "01" + "00".repeat(32);
        assertThat(DerSignature.parseLax(Hex.decode("3026" + r33 + "020101")))
                .isEqualTo(new DerSignature(BigInteger.ZERO, BigInteger.ZERO));
    }

    @Test
    void publicKeyParsing() {
        PublicKey k = PrivateKey.fromBytes(Hashes.sha256(new byte[] {9})).publicKey();
        byte[] c = k.bytes();
        byte[] u = k.uncompressed().bytes();
        assertThat(PublicKey.parse(c)).isEqualTo(k);
        assertThat(PublicKey.parse(u).compressed()).isEqualTo(k);
        // Hybrid: prefix 06/07 by y's parity; the wrong one is rejected, as libsecp256k1 does.
        byte[] hybrid = u.clone();
        boolean odd = (u[64] & 1) == 1;
        hybrid[0] = (byte) (odd ? 7 : 6);
        assertThat(PublicKey.parse(hybrid).compressed()).isEqualTo(k);
        hybrid[0] = (byte) (odd ? 6 : 7);
        assertThat(Secp256k1.parsePublicKey(hybrid)).isNull();
        assertThat(SignatureEncoding.isCompressedOrUncompressedPubKey(u)).isTrue();
        assertThat(SignatureEncoding.isCompressedOrUncompressedPubKey(hybrid)).isFalse();
        assertThat(SignatureEncoding.isCompressedPubKey(c)).isTrue();
        assertThat(SignatureEncoding.isCompressedPubKey(u)).isFalse();

        byte[] offCurve = c.clone();
        offCurve[32] ^= 1;
        offCurve[31] ^= 1;
        // Flipping x usually lands off the curve; find one that does, deterministically.
        for (int i = 0; Secp256k1.parsePublicKey(offCurve) != null; i++) {
            offCurve[1 + (i % 32)] ^= 0x55;
        }
        byte[] off = offCurve;
        assertThatThrownBy(() -> PublicKey.parse(off)).hasMessageContaining("not a point on secp256k1");
        assertThatThrownBy(() -> PublicKey.parse(new byte[32])).hasMessageContaining("33 or 65 bytes");
        byte[] badPrefix = c.clone();
        badPrefix[0] = 5;
        assertThatThrownBy(() -> PublicKey.parse(badPrefix)).hasMessageContaining("prefix 0x05");
    }

    @Test
    void privateKeyRange() {
        assertThatThrownBy(() -> PrivateKey.fromBytes(new byte[32])).hasMessageContaining("1..n-1");
        assertThatThrownBy(() -> PrivateKey.fromScalar(Secp256k1.N, true)).hasMessageContaining("1..n-1");
        assertThat(PrivateKey.fromScalar(Secp256k1.N.subtract(BigInteger.ONE), true).toBytes()).hasSize(32);
        assertThat(PrivateKey.fromScalar(BigInteger.ONE, true).toString()).doesNotContain("0000000001");
    }

    /** Core's IsValidSignatureEncoding table: each row is one rule of strict DER. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "valid minimal,             300602010102010101, true",
            "too short,                 3005020101020101, false",
            "wrong sequence tag,        310602010102010101, false",
            "length mismatch,           300702010102010101, false",
            "R not integer,             300603010102010101, false",
            "zero-length R,             3005020002010101, false",
            "negative R,                300602018102010101, false",
            "padded R,                  30070202000102010101, false",
            "needed padding,            30070202008102010101, true",
            "S not integer,             300602010103010101, false",
            "zero-length S,             3005020101020001, false",
            "negative S,                300602010102018101, false",
            "padded S,                  30070201010202000101, false",
            "S length runs over,        300602010102020101, false",
    })
    void strictDerRules(String name, String hex, boolean valid) {
        assertThat(SignatureEncoding.isValidSignatureEncoding(Hex.decode(hex))).isEqualTo(valid);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }
}
