package org.minicoin.wallet.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.minicoin.consensus.encoding.Hex;
import org.minicoin.consensus.params.ChainParams;
import org.minicoin.consensus.types.Amount;
import org.minicoin.consensus.types.OutPoint;
import org.minicoin.consensus.types.Transaction;
import org.minicoin.consensus.types.TxIn;
import org.minicoin.consensus.encoding.ByteReader;
import org.minicoin.node.policy.FeeRate;
import org.minicoin.wallet.coins.CoinFinder;
import org.minicoin.wallet.file.ScryptParams;
import org.minicoin.wallet.file.SentTransaction;
import org.minicoin.wallet.file.WalletFile;
import org.minicoin.wallet.file.WalletSecret;
import org.minicoin.wallet.file.WrongPassphraseException;
import org.minicoin.wallet.keys.Account;
import org.minicoin.wallet.keys.Mnemonic;
import org.minicoin.wallet.keys.Purpose;
import org.minicoin.wallet.keys.WalletAddresses;
import org.minicoin.wallet.rpc.NodeClient;
import org.minicoin.wallet.spend.Amounts;
import org.minicoin.wallet.spend.Coin;
import org.minicoin.wallet.spend.Spend;
import org.minicoin.wallet.spend.SpendBuilder;

/**
 * One wallet: its file, its account (watch-only until unlocked with the passphrase) and the node it asks. Coins are
 * found with the node's {@code scantxoutset}; the wallet's own transactions still in the node's mempool are taken
 * into account (their inputs are spent, their change is ours, unconfirmed). Every change to the file is written
 * atomically before the method returns.
 */
public final class Wallet {
    /** Core's default confirmation target for fee estimation (-txconfirmtarget). */
    public static final int CONF_TARGET = 6;

    private final Path path;
    private final ChainParams params;
    private final NodeClient node;
    private final Account account;
    private WalletFile file;

    private Wallet(Path path, ChainParams params, NodeClient node, WalletFile file) {
        this.path = path;
        this.params = params;
        this.node = node;
        this.file = file;
        Integer fingerprint = file.masterFingerprint() == null ? null
                : Integer.parseUnsignedInt(file.masterFingerprint(), 16);
        this.account = fingerprint == null
                ? Account.watchOnly(file.accountXpub(), purpose(file), params)
                : Account.watchOnly(file.accountXpub(), purpose(file), params, fingerprint);
    }

    private static Purpose purpose(WalletFile f) {
        return WalletFile.BIP44.equals(f.purpose()) ? Purpose.BIP44 : Purpose.BIP84;
    }

    /**
     * Opens the wallet at {@code path} for the network of {@code params}.
     *
     * @throws WalletException if the file belongs to another network
     * @throws IOException     if it is missing, damaged or unreadable (the message says which)
     */
    public static Wallet open(Path path, ChainParams params, NodeClient node) throws IOException {
        WalletFile f = WalletFile.read(path);
        if (!f.network().equals(params.name())) {
            throw new WalletException("the wallet " + path + " is for network " + f.network() + ", not "
                    + params.name() + " (use -chain=" + f.network() + ")");
        }
        return new Wallet(path, params, node, f);
    }

    /**
     * Creates a wallet file from a mnemonic, its secret sealed under {@code passphrase}.
     *
     * @throws java.nio.file.FileAlreadyExistsException if a file is there already (it is never overwritten)
     */
    public static Wallet create(Path path, ChainParams params, NodeClient node, Mnemonic mnemonic,
            char[] bip39Passphrase, char[] passphrase, Purpose purpose, ScryptParams scrypt) throws IOException {
        Account a = Account.fromSeed(mnemonic.seed(new String(bip39Passphrase)), purpose, params, 0);
        try (WalletSecret secret = new WalletSecret(mnemonic.phrase().toCharArray(), bip39Passphrase.clone())) {
            WalletFile f = WalletFile.create(params.name(), purpose == Purpose.BIP44 ? WalletFile.BIP44
                    : WalletFile.BIP84, a.xpub(), String.format("%08x", a.masterFingerprint()),
                    secret.seal(passphrase, new SecureRandom(), scrypt), Instant.now());
            f.createNew(path);
            return new Wallet(path, params, node, f);
        }
    }

    /** Creates a watch-only wallet file from an account's extended public key. */
    public static Wallet importXpub(Path path, ChainParams params, NodeClient node, String xpub, Purpose purpose)
            throws IOException {
        Account a = Account.watchOnly(xpub.trim(), purpose, params);
        WalletFile f = WalletFile.watchOnly(params.name(), purpose == Purpose.BIP44 ? WalletFile.BIP44
                : WalletFile.BIP84, a.xpub(), null, Instant.now());
        f.createNew(path);
        return new Wallet(path, params, node, f);
    }

    public WalletFile file() {
        return file;
    }

    public Account account() {
        return account;
    }

    public Path path() {
        return path;
    }

    /** The account with its private keys, unlocked with {@code passphrase}; checked against the file's xpub. */
    public Account unlock(char[] passphrase) throws IOException {
        try (WalletSecret secret = openSecret(passphrase)) {
            return signer(secret);
        }
    }

    /** The mnemonic phrase, unlocked with {@code passphrase} (one scrypt, and checked against the account). */
    public String mnemonic(char[] passphrase) throws IOException {
        try (WalletSecret secret = openSecret(passphrase)) {
            signer(secret);
            return new String(secret.mnemonic());
        }
    }

    private Account signer(WalletSecret secret) {
        Mnemonic m = Mnemonic.parse(new String(secret.mnemonic()));
        Account a = Account.fromSeed(m.seed(new String(secret.bip39Passphrase())), account.purpose(), params, 0);
        if (!a.xpub().equals(file.accountXpub())) {
            throw new WalletException("the wallet's secret does not match its account key; the file " + path
                    + " was altered");
        }
        return a;
    }

    private WalletSecret openSecret(char[] passphrase) throws IOException {
        if (file.isWatchOnly()) {
            throw new WalletException("this is a watch-only wallet: it has no keys to sign with");
        }
        try {
            return WalletSecret.open(file.sealedSecret(), passphrase);
        } catch (WrongPassphraseException e) {
            throw new WalletException(e.getMessage());
        }
    }

    /** The next unused receive address; it counts as handed out from now on. */
    public String receive() throws IOException {
        int index = file.nextReceiveIndex();
        String address = account.address(Account.RECEIVE, index);
        save(file.withNextReceiveIndex(index + 1));
        return address;
    }

    private void save(WalletFile updated) throws IOException {
        updated.write(path);
        file = updated;
    }

    /** The wallet's coins and the chain height they were found at. */
    public record Coins(List<Coin> coins, int height) {
        /** Spendable now (mature coinbases, confirmed coins and our own unconfirmed change). */
        public long spendable() {
            return coins.stream().filter(c -> c.spendable(Coin.COINBASE_MATURITY, true)).mapToLong(Coin::value)
                    .sum();
        }

        /** Coinbase outputs still maturing. */
        public long immature() {
            return coins.stream().filter(c -> !c.isMature(Coin.COINBASE_MATURITY)).mapToLong(Coin::value).sum();
        }

        /** Unconfirmed coins from the wallet's own pending transactions. */
        public long unconfirmed() {
            return coins.stream().filter(c -> c.confirmations() == 0).mapToLong(Coin::value).sum();
        }

        public long total() {
            return coins.stream().mapToLong(Coin::value).sum();
        }
    }

    /**
     * Finds the wallet's coins: the node's UTXO set, less what the wallet's own pending transactions spend, plus
     * what they pay back to the wallet. Moves the change index past any change address found in use (a wallet
     * restored from its mnemonic learns its indexes this way).
     */
    public Coins coins() throws IOException {
        CoinFinder.Found found = new CoinFinder(account, node).scan(new int[] {file.nextReceiveIndex(),
                file.nextChangeIndex()});
        List<Coin> coins = new ArrayList<>(found.coins());
        Set<String> mempool = new HashSet<>();
        if (!file.history().isEmpty()) {
            for (JsonNode txid : node.call("getrawmempool")) {
                mempool.add(txid.asText());
            }
        }
        Map<String, int[]> mine = scriptsInUse(found.highestUsed());
        Set<OutPoint> spent = new HashSet<>();
        List<Coin> pending = new ArrayList<>();
        for (SentTransaction s : file.history()) {
            if (!mempool.contains(s.txid().toString())) {
                continue;
            }
            Transaction tx = Transaction.read(new ByteReader(s.raw()));
            for (TxIn in : tx.inputs()) {
                spent.add(in.prevout());
            }
            for (int i = 0; i < tx.outputs().size(); i++) {
                int[] where = mine.get(Hex.encode(tx.outputs().get(i).scriptPubKey()));
                if (where != null) {
                    pending.add(new Coin(new OutPoint(tx.txid(), i), tx.outputs().get(i).value(),
                            tx.outputs().get(i).scriptPubKey(), where[0], where[1], 0, false));
                }
            }
        }
        coins.removeIf(c -> spent.contains(c.outpoint()));
        pending.removeIf(c -> spent.contains(c.outpoint()));
        coins.addAll(pending);
        int receive = Math.max(file.nextReceiveIndex(), found.highestUsed()[0] + 1);
        int change = Math.max(file.nextChangeIndex(), found.highestUsed()[1] + 1);
        if (receive != file.nextReceiveIndex() || change != file.nextChangeIndex()) {
            save(file.withNextReceiveIndex(receive).withNextChangeIndex(change));
        }
        return new Coins(coins, found.height());
    }

    /** Scripts of every address handed out or found in use, with their chain and index. */
    private Map<String, int[]> scriptsInUse(int[] highestUsed) {
        Map<String, int[]> out = new HashMap<>();
        for (int chain = 0; chain < 2; chain++) {
            int end = Math.max(chain == 0 ? file.nextReceiveIndex() : file.nextChangeIndex(), highestUsed[chain] + 1);
            for (int i = 0; i <= end; i++) {
                out.put(Hex.encode(account.scriptPubKey(chain, i)), new int[] {chain, i});
            }
        }
        return out;
    }

    /** What {@link #send} did. */
    public record Sent(Transaction transaction, long amount, long fee, boolean broadcast) {
    }

    /**
     * Pays {@code amount} satoshis (or, when null, everything spendable less the fee) to {@code address}: selects
     * coins, sends change to a fresh change address, signs, checks the transaction with the node's
     * {@code testmempoolaccept}, and unless {@code dryRun} broadcasts it with {@code sendrawtransaction} and
     * records it in the history. Nothing is written or sent if any step fails.
     *
     * @param feeRate the fee rate, or null to ask the node's {@code estimatesmartfee}
     */
    public Sent send(String address, Long amount, FeeRate feeRate, boolean rbf, boolean dryRun, char[] passphrase)
            throws IOException {
        byte[] destination = WalletAddresses.toScriptPubKey(address, params);
        FeeRate rate = feeRate != null ? feeRate : estimateFeeRate();
        Account signer = unlock(passphrase);
        Coins coins = coins();
        int changeIndex = file.nextChangeIndex();
        SpendBuilder builder = new SpendBuilder(coins.coins(),
                c -> signer.privateKey(c.chain(), c.index()), new SecureRandom())
                .feeRate(rate).changeScript(signer.scriptPubKey(Account.CHANGE, changeIndex)).rbf(rbf)
                .tipHeight(coins.height()).allowUnconfirmedChange(true);
        Spend spend = amount == null ? builder.sweep(destination) : builder.pay(destination, amount);
        Transaction tx = spend.transaction();
        String hex = Hex.encode(tx.serialize());
        JsonNode verdict = node.call("testmempoolaccept", List.of(hex)).path(0);
        if (!verdict.path("allowed").asBoolean()) {
            throw new WalletException("the node would not accept the transaction: "
                    + verdict.path("reject-reason").asText("unknown reason"));
        }
        long paid = amount != null ? amount : tx.outputs().stream().mapToLong(o -> o.value()).sum();
        if (dryRun) {
            return new Sent(tx, paid, spend.fee(), false);
        }
        String txid = node.call("sendrawtransaction", hex).asText();
        if (!txid.equals(tx.txid().toString())) {
            throw new WalletException("the node reported txid " + txid + " for transaction " + tx.txid());
        }
        WalletFile updated = file.withSent(new SentTransaction(tx.txid(), Instant.now(), Amount.ofSat(paid),
                Amount.ofSat(spend.fee()), address.trim(), tx.serialize()));
        if (spend.changeIndex() >= 0) {
            updated = updated.withNextChangeIndex(changeIndex + 1);
        }
        save(updated);
        return new Sent(tx, paid, spend.fee(), true);
    }

    /** The node's estimate for {@link #CONF_TARGET} blocks, as Core's wallet asks for it. */
    private FeeRate estimateFeeRate() {
        JsonNode estimate = node.call("estimatesmartfee", CONF_TARGET);
        if (!estimate.has("feerate")) {
            List<String> errors = new ArrayList<>();
            estimate.path("errors").forEach(e -> errors.add(e.asText()));
            throw new WalletException("the node has no fee estimate yet ("
                    + (errors.isEmpty() ? "not enough data" : String.join("; ", errors))
                    + "); give a fee rate with --fee-rate=SAT/VB");
        }
        return Amounts.feeRateFromCoinsPerKvB(new BigDecimal(estimate.get("feerate").asText()));
    }

    /**
     * How the node sees a sent transaction: 0 while in its mempool, the confirmations of its first output still
     * unspent once mined, or -1 when it can tell neither (all outputs spent, or the transaction was dropped).
     */
    public int confirmations(SentTransaction sent) {
        try {
            node.call("getmempoolentry", sent.txid().toString());
            return 0;
        } catch (NodeClient.NodeException e) {
            // not in the mempool
        }
        Transaction tx = Transaction.read(new ByteReader(sent.raw()));
        for (int i = 0; i < tx.outputs().size(); i++) {
            JsonNode out = node.call("gettxout", sent.txid().toString(), i, false);
            if (out != null && !out.isNull() && !out.isMissingNode()) {
                return out.path("confirmations").asInt();
            }
        }
        return -1;
    }
}
