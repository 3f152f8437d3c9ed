package org.minicoin.devnet.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.devnet.process.DevnetNode;
import org.minicoin.genesis.spec.ChainSpecs;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.node.store.AtomicFile;
import org.minicoin.wallet.core.Wallet;
import org.minicoin.wallet.file.ScryptParams;
import org.minicoin.wallet.keys.Mnemonic;
import org.minicoin.wallet.keys.Purpose;

/** The wallet of one devnet node, opened against that node's RPC. */
public final class NodeWallet {
    /**
     * scrypt N=2^10, r=8, p=1 (1 MiB, about a millisecond): a devnet wallet guards throwaway coins, and every
     * command that pays unlocks it, so the wallet's default of 0.8 s per unlock would only slow the load generator.
     */
    public static final ScryptParams DEVNET_SCRYPT = new ScryptParams(1 << 10, 8, 1);
    /** 2 sat/vB: above the 1 sat/vB relay minimum; a fresh chain gives estimatesmartfee no data. */
    public static final FeeRate FEE_RATE = FeeRate.ofSatPerKvB(2_000);

    private final DevnetNode node;
    private final Wallet wallet;
    private final char[] passphrase;

    private NodeWallet(DevnetNode node, Wallet wallet, char[] passphrase) {
        this.node = node;
        this.wallet = wallet;
        this.passphrase = passphrase;
    }

    /** Creates the node's wallet and its passphrase file (mode 0600); returns its first receive address. */
    public static String create(DevnetNode node, String chain) throws IOException {
        Files.createDirectories(node.dir());
        SecureRandom random = new SecureRandom();
        byte[] pass = new byte[16];
        random.nextBytes(pass);
        String passphrase = HexFormat.of().formatHex(pass);
        AtomicFile.writeNew(node.passphraseFile(), (passphrase + "\n").getBytes(StandardCharsets.US_ASCII),
                "rw-------");
        Wallet w = Wallet.create(node.walletFile(), params(chain), null, Mnemonic.generate(12, random), new char[0],
                passphrase.toCharArray(), Purpose.BIP84, DEVNET_SCRYPT);
        return w.receive();
    }

    /** Opens the node's wallet, talking to the node's RPC. */
    public static NodeWallet open(DevnetNode node, String chain) throws IOException {
        String pass = Files.readString(node.passphraseFile(), StandardCharsets.US_ASCII).strip();
        return new NodeWallet(node, Wallet.open(node.walletFile(), params(chain), node.rpc()), pass.toCharArray());
    }

    private static ChainParams params(String chain) {
        return ChainSpecs.params(chain);
    }

    public DevnetNode node() {
        return node;
    }

    public Wallet wallet() {
        return wallet;
    }

    /** The coins the node sees for this wallet. */
    public Wallet.Coins coins() throws IOException {
        return wallet.coins();
    }

    /** A fresh receive address. */
    public String receive() throws IOException {
        return wallet.receive();
    }

    /** Pays {@code sats} to {@code address} at {@link #FEE_RATE}, through this wallet's node. */
    public Wallet.Sent pay(String address, long sats) throws IOException {
        return wallet.send(address, sats, FEE_RATE, true, false, passphrase);
    }
}
