package org.minicoin.genesis.spec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.minicoin.consensus.crypto.Hashes;
import org.minicoin.consensus.params.Base58Prefixes;
import org.minicoin.consensus.params.RetargetRule;
import org.minicoin.consensus.params.SoftForks;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.Hash;

/**
 * The parameters a network made with {@code genesis new} starts from: devnet's, under a new name and a magic
 * derived from it. The built-in {@code devnet} spec was itself made this way; a test keeps the two in step.
 */
public final class NewNetwork {
    /** minicoin devnet's message start: high bytes, never ASCII text, and none of Bitcoin's networks use it. */
    public static final int DEVNET_MAGIC = 0xf7c1d0e5;

    /** Default genesis bits: about 65,536 hashes, a moment on one core. */
    public static final long DEFAULT_BITS = 0x1f00ffffL;
    public static final Amount DEFAULT_REWARD = Amount.ofCoins(50);
    /**
     * OP_RETURN: the genesis output can never be spent (Core never adds the genesis coinbase to the UTXO set), so
     * say so in the script rather than pay a key nobody holds.
     */
    public static final byte[] DEFAULT_OUTPUT_SCRIPT = {0x6a};

    /**
     * Message starts a derived magic must avoid: Bitcoin's main, testnet3, testnet4, default signet and regtest,
     * and minicoin's devnet. A node that met a peer of one of those would otherwise take its messages as ours.
     */
    public static final Set<Integer> RESERVED_MAGICS = Set.of(0xf9beb4d9, 0x0b110907, 0x1c163f28, 0x0a03cf40,
            0xfabfb5da, DEVNET_MAGIC);

    /** Devnet's pow limit, the same as regtest's bits 207fffff give, so one CPU can start the chain. */
    public static final BigInteger POW_LIMIT = new BigInteger("7fffff" + "0".repeat(58), 16);

    private NewNetwork() {
    }

    /** Devnet's non-genesis parameters with {@code name}, {@link #magicFor(String)} and {@code genesis}. */
    public static ChainSpec template(String name, GenesisSpec genesis) {
        return new ChainSpec(name, magicFor(name), 29333, 29332,
                new Base58Prefixes(111, 196, 239, 0x043587cf, 0x04358394), "mcd", POW_LIMIT,
                10, 600, RetargetRule.DEVNET, Amount.ofCoins(50), 210_000,
                new SoftForks(Hash.ZERO, 1, 1, 1, 1, 0, 0), genesis);
    }

    /**
     * A magic from the name's SHA-256, every byte with its high bit set so it never looks like ASCII text (the
     * reason Core gives for its own), re-hashed while it collides with a reserved one.
     */
    public static int magicFor(String name) {
        byte[] seed = ("minicoin network " + name).getBytes(StandardCharsets.UTF_8);
        while (true) {
            seed = Hashes.sha256(seed);
            int magic = 0;
            for (int i = 0; i < 4; i++) {
                magic = magic << 8 | (seed[i] & 0xff | 0x80);
            }
            if (!RESERVED_MAGICS.contains(magic)) {
                return magic;
            }
        }
    }
}
